import type { Quote } from '../../types.js';
import { attributeAll } from './attribute.js';
import { findSpans } from './spans.js';

/**
 * Extracts every quotation of a body, in reading order, with its speaker; and the paragraphs where
 * a quotation opens and never closes (not at a paragraph's end followed by a reopening mark, which
 * is how a quote runs on into the next paragraph).
 */
export function extractQuotes(paragraphs: readonly string[]): { quotes: Quote[]; unclosed: number[] } {
  const found = findSpans(paragraphs);
  const unclosed = found.filter((s) => s.close === -1 && !/^\s*["“„«‘']/.test(paragraphs[s.paragraph + 1] ?? '')).map((s) => s.paragraph);
  return { quotes: attributeAll(paragraphs, found), unclosed };
}
