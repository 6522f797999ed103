/**
 * The search index: Pagefind bundles, one per year (`pagefind/2025/`), merged by the search page,
 * built straight from the records — headline and text of every article — in worker threads that
 * each run their own Pagefind process. A year whose records are the same as last build keeps its
 * bundle from the previous site, so a new article re-indexes one year, not the archive.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SiteData } from './data.js';
import type { SiteWriter } from './output.js';
import { typesetLine } from './typeset.js';

/** One record of the index, as Pagefind takes it. */
export interface SearchRecord {
  readonly url: string;
  readonly content: string;
  readonly language: string;
  readonly meta: Record<string, string>;
  /** What the search page narrows by: year, source and people quoted (see `FILTERS`). */
  readonly filters: Record<string, string[]>;
  readonly sort: Record<string, string>;
}

/** The people an article quotes who have a page, each once, in the order quoted: a search filter, and the portable index's people. */
export const peopleQuoted = (a: SiteData['articles'][number]): string[] =>
  [...new Set(a.quotes.flatMap((q) => q.speakers.filter((s) => s.url).map((s) => s.name)))];

/** The articles by year of publication, in the archive's order within each year. */
export function articlesByYear(articles: SiteData['articles']): Map<string, SiteData['articles'][number][]> {
  const byYear = new Map<string, SiteData['articles'][number][]>();
  for (const entry of articles) {
    const year = entry.article.date.slice(0, 4);
    const list = byYear.get(year);
    if (list) list.push(entry);
    else byYear.set(year, [entry]);
  }
  return byYear;
}

/** The search page's filters, by the name readers see: what each record is filed under. */
const FILTERS = {
  Year: (a: SiteData['articles'][number]): string[] => [a.article.date.slice(0, 4)],
  Source: (a: SiteData['articles'][number]): string[] => (a.article.source ? [a.article.source.name] : []),
  'Person quoted': (a: SiteData['articles'][number]): string[] => peopleQuoted(a).sort(),
} as const satisfies Record<string, (a: SiteData['articles'][number]) => string[]>;

/** What a record holds, named: bundles indexed from records of another layout are indexed again. */
const RECORD_LAYOUT = 'meta title, date, published, source; filters Year, Source, Person quoted';

/** An article's filters, leaving out those it has no value for (Pagefind takes no empty list). */
function filtersOf(entry: SiteData['articles'][number]): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const [name, of] of Object.entries(FILTERS)) {
    const values = of(entry);
    if (values.length > 0) filters[name] = values;
  }
  return filters;
}

/** A year to index. */
export interface SearchJob {
  readonly year: string;
  readonly records: readonly SearchRecord[];
}

/** A year's bundle, as its files. */
export interface SearchResult {
  readonly year: string;
  readonly files: readonly { readonly path: string; readonly content: Uint8Array }[];
}

/** Pagefind's ready-made interface files: the search page has a front end of its own (`public/assets/search.js`). */
const PAGEFIND_UI = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

/** Years with fewer records than this all go to one Pagefind process: a second costs more than it saves. */
const SPLIT_FROM = 2000;

/**
 * Indexes every year whose records changed and writes its bundle through `writer`. Pagefind hands
 * the files back rather than writing them: its own writer creates thousands of small files from
 * many threads at once, which costs more than the indexing.
 */
export async function indexForSearch(
  data: SiteData,
  writer: SiteWriter,
  digests?: ReadonlyMap<string, string>,
  progress?: (done: number, total: number) => void,
): Promise<void> {
  const byYear = articlesByYear(data.articles);
  const recordOf = (entry: SiteData['articles'][number]): SearchRecord => {
    const a = entry.article;
    return {
      url: entry.url,
      content: [a.headline, a.standfirst ?? '', ...a.paragraphs].join('\n'),
      language: data.site.language,
      meta: { title: typesetLine(a.headline), date: entry.dateLabel, published: a.date, ...(a.source ? { source: a.source.name } : {}) },
      filters: filtersOf(entry),
      sort: { date: a.date },
    };
  };
  // A year's records are made only when its indexer is ready for them: at 100,000 articles the whole
  // archive's records, and their copies in the indexer threads, were over a gigabyte at once.
  const jobs: (LazyJob & { key: string })[] = [];
  for (const [year, entries] of byYear) {
    // A record is made from its article (which the digest, when there is one, stands for), its
    // address, its date as shown and the names its quotes were given across the archive.
    const key = createHash('sha1').update(PAGEFIND_VERSION).update(RECORD_LAYOUT).update('no ui').update(data.site.language);
    for (const entry of entries) {
      const digest = digests?.get(entry.article.file);
      if (digest === undefined) key.update(JSON.stringify(recordOf(entry)));
      else key.update(`${entry.url}\0${entry.dateLabel}\0${digest}\0${JSON.stringify(filtersOf(entry))}\0`);
    }
    const digestOfYear = key.digest('base64url');
    if (!writer.reuseFolder(`pagefind/${year}/`, `search:${year}`, digestOfYear)) {
      jobs.push({ year, size: entries.length, records: () => entries.map(recordOf), key: digestOfYear });
    }
  }
  if (jobs.length === 0) return;
  let done = 0;
  progress?.(done, jobs.length);
  const total = jobs.reduce((n, job) => n + job.size, 0);
  const shares = split(jobs, total >= SPLIT_FROM ? Math.min(2, availableParallelism()) : 1);
  const byName = new Map(jobs.map((job) => [job.year, job]));
  await Promise.all(shares.map((share) => runWorker(data.site.language, share, (result) => {
    const job = byName.get(result.year)!;
    for (const file of result.files) {
      if (PAGEFIND_UI.test(file.path)) continue;
      writer.write(`pagefind/${job.year}/${file.path}`, file.content);
    }
    writer.remember(`search:${job.year}`, job.key);
    progress?.(++done, jobs.length);
  })));
}

/** A year to index, its records made when asked for. */
interface LazyJob {
  readonly year: string;
  readonly size: number;
  readonly records: () => readonly SearchRecord[];
}

/** Splits jobs into `n` shares of about the same number of records, largest first. */
function split<T extends LazyJob>(jobs: readonly T[], n: number): T[][] {
  const shares = Array.from({ length: n }, () => ({ size: 0, jobs: [] as T[] }));
  for (const job of [...jobs].sort((a, b) => b.size - a.size || (a.year < b.year ? -1 : 1))) {
    const lightest = shares.reduce((a, b) => (b.size < a.size ? b : a));
    lightest.jobs.push(job);
    lightest.size += job.size;
  }
  return shares.map((s) => s.jobs).filter((s) => s.length > 0);
}

/**
 * Runs one search worker over its share of years, one year at a time (the next year's records are
 * made and sent when the last one's bundle comes back), handing each finished year to `done`.
 * Without a compiled worker file (as under a TypeScript test runner) the share is indexed in this thread.
 */
async function runWorker(language: string, jobs: readonly LazyJob[], done: (result: SearchResult) => void): Promise<void> {
  const script = new URL('./search-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) {
    const { indexYears } = await import('./search-worker.js');
    return indexYears(language, jobs.map((job) => ({ year: job.year, get records() { return job.records(); } })), done);
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { search: { language } } });
    let next = 0;
    const send = (): void => {
      const job = jobs[next++];
      worker.postMessage(job ? { year: job.year, records: job.records() } : { end: true });
    };
    let left = jobs.length;
    worker.on('message', (message: SearchResult | { error: string }) => {
      if ('error' in message) {
        reject(new Error(`search index: ${message.error}`));
        void worker.terminate();
        return;
      }
      try {
        done(message);
      } catch (error) {
        reject(error as Error);
        void worker.terminate();
        return;
      }
      send();
      if (--left === 0) resolve();
    });
    worker.once('error', (error) => reject(new Error(`search index: ${error.message}`)));
    worker.once('exit', (code) => {
      if (left > 0) {
        reject(new Error(
          'search index: expected every year indexed, '
          + `found the indexer stopped (exit code ${code}) with ${left} left`,
        ));
      }
    });
    send();
  });
}

/** Pagefind's version: a new one re-indexes everything. */
const PAGEFIND_VERSION = ((): string => {
  try {
    const manifest = new URL('../../node_modules/pagefind/package.json', import.meta.url);
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();
