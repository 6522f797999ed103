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
import { loadReaders, parseFile } from '../parse/index.js';
import { decodePage } from '../read/index.js';

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

/**
 * The pages that are no article, judged by reading them (the corpus labels dates, not kinds). Each
 * should be refused with a located error; one read as an article is a junk article.
 */
const NOT_ARTICLES: Readonly<Record<string, string>> = {
  '1545286960.html': 'a WordPress image attachment page: a picture\'s title, no story',
  '1552005464.html': 'a forum thread (XenForo), one post',
  '1571322029.html': 'a wiki page\'s history diff (MediaWiki)',
  '1587353145.html': 'a journal database\'s record page',
  '1630687900.html': 'a radio station\'s home page',
  '1687351353.html': 'a company register\'s entry',
  '1799801548.html': 'a shop\'s advertising page, in Thai',
};
await loadReaders(names);
let articles = 0;
let right = 0;
let labelled = 0;
let junk = 0;
let ms = 0;
for (const name of names) {
  const want = labels[name]?.date ?? null;
  const not = NOT_ARTICLES[name];
  if (want && !not) labelled++;
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
    const kind = not ? `no article: ${not}` : `label ${want ?? 'none'}`;
    console.log(`${want && !not ? 'NONE ' : 'none '} ${name} (${kind}): expected ${expected}, found ${found}`);
    continue;
  }
  if (not) {
    junk++;
    console.log(`JUNK  ${name}: ${not}, read as "${outcome.article.headline}"`);
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
const refused = Object.keys(NOT_ARTICLES).length - junk;
console.log(`\npages ${names.length}: ${labelled} labelled articles, ${Object.keys(NOT_ARTICLES).length} no article by reading`);
console.log(`articles read ${share(articles, labelled)}; dates right ${share(right, articles)} of those read, `
  + `${share(right, labelled)} of the labelled articles`);
console.log(`no-article pages refused ${share(refused, Object.keys(NOT_ARTICLES).length)}; junk articles ${junk}; `
  + `${(ms / names.length).toFixed(1)} ms a page`);
