/**
 * Steady-state parsing: what one thread spends on an article once its code is compiled and warm,
 * by format. The bench reports it so a change to the parser (quote attribution above all) shows
 * its cost apart from start-up, the disk and the other stages.
 */
import { performance } from 'node:perf_hooks';
import { formatOf, parseArticle } from '../../parse/index.js';
import type { GeneratedArticle } from './generate.js';

/** Milliseconds per article by format, from the last of `passes` passes over `articles` in this thread. */
export function steadyParse(articles: readonly GeneratedArticle[], passes = 3): Record<string, number> {
  const byFormat = new Map<string, GeneratedArticle[]>();
  for (const a of articles) {
    const format = formatOf(a.name) ?? 'unknown';
    byFormat.set(format, [...(byFormat.get(format) ?? []), a]);
  }
  const out: Record<string, number> = {};
  for (const [format, list] of [...byFormat].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let ms = 0;
    for (let pass = 0; pass < passes; pass++) {
      const start = performance.now();
      for (const a of list) parseArticle({ path: a.name, text: a.text });
      ms = performance.now() - start;
    }
    out[format] = ms / list.length;
  }
  return out;
}
