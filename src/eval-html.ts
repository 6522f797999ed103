#!/usr/bin/env node
/**
 * `npm run eval:html`: saved web pages read as articles, scored on the shared htmldate-news corpus
 * (`../shared/corpora/htmldate-news`: 82 real pages from about 75 sites with their publication dates
 * as htmldate's authors labelled them; never copied into the project). Prints a line per page — the
 * date found against the label, the headline to judge by reading, the quotes and paragraphs, or the
 * error — and a summary: dates right among the pages read as articles and among the labelled pages,
 * and the parse time per page. Says so and exits 0 when the corpus is absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SHARED } from './corpora.js';
import { loadReaders, parseFile } from './parse/index.js';
import { decodePage } from './read/index.js';

const { values } = parseArgs({ options: { shared: { type: 'string', default: SHARED } } });
const corpus = path.join(values.shared, 'corpora', 'htmldate-news');
if (!existsSync(path.join(corpus, 'dates.json'))) {
  console.log(`eval:html: skipped, ${corpus} is not beside the project`);
  process.exit(0);
}
// The labels file writes an unknown date as NaN, which JSON has no word for.
type Labels = Record<string, { date: string | null }>;
const labels = JSON.parse(readFileSync(path.join(corpus, 'dates.json'), 'utf8').replace(/:\s*NaN\b/g, ': null')) as Labels;
const names = readdirSync(corpus).filter((n) => n.endsWith('.html')).sort();
await loadReaders(names);
let articles = 0;
let right = 0;
let labelled = 0;
let ms = 0;
for (const name of names) {
  const want = labels[name]?.date ?? null;
  if (want) labelled++;
  const bytes = decodePage(readFileSync(path.join(corpus, name)), name);
  if (!bytes.ok) {
    console.log(`ERROR ${name}: ${bytes.expected}, found ${bytes.found}`);
    continue;
  }
  const started = performance.now();
  const outcome = parseFile({ path: name, text: bytes.text });
  ms += performance.now() - started;
  if (!outcome.ok) {
    const { expected, found } = outcome.error;
    console.log(`${want ? 'NONE ' : 'none '} ${name} (label ${want ?? 'none'}): expected ${expected}, found ${found}`);
    continue;
  }
  articles++;
  const a = outcome.article;
  const ok = a.date === want;
  if (ok) right++;
  const counts = `${a.quotes.length} quotes, ${a.paragraphs.length} paragraphs`;
  console.log(`${ok ? 'RIGHT' : 'WRONG'} ${name} ${a.date} (label ${want ?? 'none'}) | ${a.headline} | ${counts}`);
}
const share = (n: number, of: number): string => `${n}/${of} (${of ? ((100 * n) / of).toFixed(1) : '0'} %)`;
console.log(`\npages ${names.length}; read as articles ${articles}; dates right ${share(right, articles)} of those, `
  + `${share(right, labelled)} of the labelled pages; ${(ms / names.length).toFixed(1)} ms a page`);
