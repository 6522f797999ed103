/**
 * Site stage: renders the archive through the Eleventy templates in `templates/`, copies `public/`,
 * and swaps the finished site into place. Templates see only data prepared here, once per build.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ProgressEvent } from '../progress.js';
import type { Archive } from '../types.js';
import { archiveAsData } from './data-files.js';
import { diskIndexFiles, MINISEARCH } from './disk-search.js';
import { siteData, type SiteData } from './data.js';
import type { SiteWritten, Staging } from './output.js';
import { startWorker } from '../worker.js';
import { indexForSearch } from './search.js';
import { bulkTemplateFiles, renderBulkPages, type KeyMemo, type RenderedPage } from './render.js';
import type { SiteMemo } from './memo.js';
import { templateFilters } from './filters.js';
import { learnTypeset } from './typeset.js';
import type { EleventyJob } from './eleventy.js';
import { dataForEleventy, needsCollections } from './eleventy-data.js';

export { openStaging } from './output.js';
export { siteMemo, type SiteMemo } from './memo.js';
export { keyMemo, type KeyMemo } from './render.js';
export type { SiteMemory, SiteWritten, Staging } from './output.js';

/** The site's inputs, besides the archive. */
export interface SiteOptions {
  readonly templatesDir: string;
  readonly publicDir: string;
  /** The content folder: the data export names each article's file relative to it. */
  readonly contentDir?: string;
  /** Bodies rendered already (by the prepare stage), by article file; the others are rendered here. */
  readonly bodies?: ReadonlyMap<string, Uint8Array>;
  /**
   * What each article was made from, by article file: its content key. Lets a page's key stand for
   * the article's record and body without spelling them out; without it they are spelled out.
   */
  readonly digests?: ReadonlyMap<string, string>;
  /** Lines typeset already (by the prepare stage), so pages needn't typeset them while they render. */
  readonly typeset?: Iterable<readonly [string, string]>;
  /** Work the build has left that the site doesn't need (saving the parse cache): done while the search index finishes. */
  readonly meanwhile?: () => Promise<void>;
  /** Told how many pages are rendered, and then how many years of the search index are done. */
  readonly progress?: (event: ProgressEvent) => void;
  /** What the last build in this process made (`broadsheet serve`): pages and keys that stay the same are kept. */
  readonly memo?: { readonly site: SiteMemo; readonly keys: KeyMemo };
}

/**
 * Renders the archive into `staging` (see `openStaging`) with Eleventy started already (see
 * `startEleventy`), and swaps it into place only once the new site is complete.
 */
export async function writeSite(
  archive: Archive,
  staging: Staging,
  run: EleventyRun,
  options: SiteOptions,
  lap: (stage: string) => void = () => undefined,
): Promise<SiteWritten> {
  const { writer } = staging;
  let searchIndex: Promise<void> | undefined;
  let eleventy: Promise<void> | undefined;
  try {
    if (options.typeset) learnTypeset(options.typeset);
    const data = siteData(archive, options.bodies, options.memo?.site);
    lap('site data');
    await staging.ready;
    lap('staging folder (rest of)');
    // Pagefind indexes in processes of its own: start it now, so it works while the pages render.
    let years = { done: 0, total: 0 };
    let rendering = true;
    searchIndex = indexForSearch(data, writer, options.digests, (done, total) => {
      years = { done, total };
      if (!rendering) options.progress?.({ stage: 'search index', ...years });
    });
    searchIndex.catch(() => undefined);
    // One page per article, listing page and speaker: rendered here; the few other pages by Eleventy,
    // which waits on the disk much of its time: it runs while the bulk pages render.
    eleventy = run.render(data);
    eleventy.catch(() => undefined);
    const write = (page: RenderedPage, key: string): void => writer.write(page.file.split(path.sep).join('/'), page.html, key);
    const pages = (done: number, total: number): void => options.progress?.({ stage: 'render', done, total });
    const filters = templateFilters(data.site);
    await renderBulkPages(options.templatesDir, run.bulk, data, filters, write, writer, options.digests, pages, options.memo?.keys);
    rendering = false;
    if (years.done < years.total) options.progress?.({ stage: 'search index', ...years });
    lap('render and write pages');
    await eleventy;
    await staging.place(staging.scratch);
    await staging.place(options.publicDir);
    lap('render other pages (Eleventy, rest of)');
    // The archive as data, made while the search index finishes on the other core: an unchanged
    // article's lines are copied from the file in place, and a file is kept when its bytes are the same
    // (see `SiteWriter.writeParts`).
    for (const { file, parts } of archiveAsData(data, options.contentDir, options.digests)) writer.writeParts(file, parts);
    if (data.site.portable) {
      for (const [file, text] of diskIndexFiles(data)) writer.write(file, text);
      writer.write(MINISEARCH, await minisearchScript());
    }
    lap('data export');
    if (options.meanwhile) {
      await options.meanwhile();
      lap('save parse cache');
    }
    await searchIndex;
    lap('search index (rest of)');
    const counts = await staging.finish();
    lap('swap into place');
    return counts;
  } catch (error) {
    // Let the search indexer and Eleventy finish with the staging folders before they go.
    await searchIndex?.catch(() => undefined);
    await eleventy?.catch(() => undefined);
    run.stop();
    await staging.abandon();
    throw error;
  }
}

/** Eleventy, loaded and waiting for the site data. */
export interface EleventyRun {
  /** The templates Broadsheet renders itself (Eleventy leaves them out). */
  readonly bulk: readonly string[];
  render(data: SiteData): Promise<void>;
  /** Stops a worker that will not be given data (a build that failed before rendering). */
  stop(): void;
}

/**
 * Starts Eleventy for the templates in `templatesDir`, writing into `outDir`: in a worker thread
 * that loads it right away, or — rendering every template (`eleventyOnly`), or without a compiled
 * worker file (as under a TypeScript test runner) — in this thread when the data comes.
 */
export async function startEleventy(templatesDir: string, outDir: string, eleventyOnly = false): Promise<EleventyRun> {
  const names = (await readdir(templatesDir)).filter((n) => n.endsWith('.njk')).sort();
  const bulk = eleventyOnly ? [] : await bulkTemplateFiles(templatesDir, names);
  const job: EleventyJob = { templatesDir, outDir, skip: bulk };
  const started = eleventyOnly
    ? null
    : startWorker<{ ok: boolean; error?: string }>(new URL('./eleventy.js', import.meta.url), { eleventy: job });
  if (!started) {
    return {
      bulk,
      render: async (data) => (await import('./eleventy.js')).renderWithEleventy(job, data),
      stop: () => undefined,
    };
  }
  const finished = started.reply.then((reply) => {
    if (!reply.ok) throw new Error(`Eleventy: ${reply.error ?? 'failed'}`);
  });
  finished.catch(() => undefined);
  // While Eleventy loads: does any template it renders use the per-page collections?
  const withCollections = await needsCollections(
    templatesDir, [...names.filter((n) => !bulk.includes(n)), ...(await includes(templatesDir))]
  );
  return {
    bulk,
    render(data) {
      started.worker.postMessage(dataForEleventy(data, withCollections));
      return finished;
    },
    stop: () => void started.worker.terminate(),
  };
}

/** The layouts and partials in `templatesDir/_includes`, as paths relative to `templatesDir`. */
async function includes(templatesDir: string): Promise<string[]> {
  const names = await readdir(path.join(templatesDir, '_includes'), { recursive: true }).catch(() => [] as string[]);
  return names.map((n) => path.join('_includes', String(n))).filter((n) => n.endsWith('.njk'));
}

/** MiniSearch's browser build (a `<script>` that sets `window.MiniSearch`), with its license line. */
async function minisearchScript(): Promise<string> {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(path.dirname(require.resolve('minisearch')));
  const { version } = JSON.parse(await readFile(path.join(dist, '..', 'package.json'), 'utf8')) as { version: string };
  const umd = path.join(dist, 'umd', 'index.js');
  return `/*! MiniSearch ${version} | MIT License | (c) Luca Ongaro */\n${await readFile(umd, 'utf8')}`;
}
