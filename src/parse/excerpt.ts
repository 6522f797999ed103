import type { Article } from '../types.js';

/** Longest excerpt on listings, in characters. */
const EXCERPT_LENGTH = 220;

/** The standfirst, or the lead paragraph, cut at a word boundary. */
export function excerptOf(article: Article): string {
  const lead = article.standfirst ?? article.paragraphs.find((p) => p.length > 60) ?? article.paragraphs[0] ?? '';
  if (lead.length <= EXCERPT_LENGTH) return lead;
  const cut = lead.lastIndexOf(' ', EXCERPT_LENGTH);
  return `${lead.slice(0, cut > 0 ? cut : EXCERPT_LENGTH).replace(/[\s,;:–—-]+$/, '')}…`;
}
