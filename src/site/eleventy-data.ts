/**
 * What the Eleventy worker is given: the site data without the per-page collections (`articles`,
 * `lists`) when no template Eleventy renders uses them. Kept apart from `eleventy.ts`, which loads
 * Eleventy itself.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { articleWithoutBody } from '../prepare/body-tree.js';
import type { SiteData } from './data.js';
import { needsTypesetting, typesetLine } from './typeset.js';

/** The per-page collections: only the bulk templates need them. */
const BULK_COLLECTIONS = ['articles', 'lists', 'people', 'letterPages'] as const;

/**
 * Does any template Eleventy renders (or anything it includes) use the per-page collections? Looks
 * inside `{{ }}` and `{% %}` tags — in the body and in front matter alike — quoted strings left out;
 * when in doubt, it says yes.
 */
export async function needsCollections(templatesDir: string, names: readonly string[]): Promise<boolean> {
  // A name of its own, not a field of something else (`dataExport.articles` is a count).
  const uses = new RegExp(`(?<![\\w$.])(?:${BULK_COLLECTIONS.join('|')})\\b`);
  for (const name of names) {
    const source = await readFile(path.join(templatesDir, name), 'utf8').catch(() => null);
    if (source === null) return true;
    for (const tag of source.match(/\{[{%][\s\S]*?[%}]\}/g) ?? []) {
      if (uses.test(tag.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""'))) return true;
    }
  }
  return false;
}

/** What the Eleventy worker is sent. */
export interface EleventyMessage {
  readonly data: SiteData;
  /** Typeset lines of the pages Eleventy renders (feeds, indexes), so it needn't typeset them again. */
  readonly typeset: readonly (readonly [string, string])[];
}

/** The site data as the worker gets it: without the per-page collections, unless templates use them. */
export function dataForEleventy(data: SiteData, withCollections: boolean): EleventyMessage {
  const lines = [
    ...data.feed.flatMap((a) => [a.article.headline, a.excerpt]),
    ...[data.peopleIndex, data.topicIndex, data.sourceIndex].flatMap((index) => [
      ...index.top, ...index.letters.flatMap((l) => l.names),
    ].flatMap((n) => [n.name, n.role ?? ''])),
  ];
  const typeset = [...new Set(lines.filter(needsTypesetting))].map((line) => [line, typesetLine(line)] as const);
  if (withCollections) return { data, typeset };
  // The feeds' articles without their body trees: templates print the rendered body (`html`), and a
  // cached article makes its tree by parsing its text again when asked (50 parses, 0.3 s).
  const feed = data.feed.map((page) => ({ ...page, article: articleWithoutBody(page.article) }));
  return { data: { ...data, articles: [], lists: [], people: [], letterPages: [], feed }, typeset };
}
