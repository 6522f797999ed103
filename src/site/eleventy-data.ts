/**
 * What the Eleventy worker is given: the site data without the per-page collections (`articles`,
 * `lists`) when no template Eleventy renders uses them. Kept apart from `eleventy.ts`, which loads
 * Eleventy itself.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteData } from './data.js';

/** The per-page collections: only the bulk templates need them. */
const BULK_COLLECTIONS = ['articles', 'lists'] as const;

/**
 * Does any template Eleventy renders (or anything it includes) use the per-page collections? Looks
 * inside `{{ }}` and `{% %}` tags — in the body and in front matter alike — quoted strings left out;
 * when in doubt, it says yes.
 */
export async function needsCollections(templatesDir: string, names: readonly string[]): Promise<boolean> {
  const uses = new RegExp(`\\b(?:${BULK_COLLECTIONS.join('|')})\\b`);
  for (const name of names) {
    const source = await readFile(path.join(templatesDir, name), 'utf8').catch(() => null);
    if (source === null) return true;
    for (const tag of source.match(/\{[{%][\s\S]*?[%}]\}/g) ?? []) {
      if (uses.test(tag.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""'))) return true;
    }
  }
  return false;
}

/** The site data as the worker gets it: without the per-page collections, unless templates use them. */
export function dataForEleventy(data: SiteData, withCollections: boolean): SiteData {
  return withCollections ? data : { ...data, articles: [], lists: [] };
}
