/**
 * Site stage: renders the archive through the Eleventy templates in `templates/`, copies `public/`,
 * and swaps the finished site into place. Templates see only data prepared here, once per build.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ProgressEvent } from '../progress.js';
import type { Archive } from '../types.js';
import { siteData, type SiteData } from './data.js';
import { openStaging, type SiteWritten, type Staging } from './output.js';
import { indexForSearch } from './search.js';
import { bulkTemplateFiles, renderBulkPages, type RenderedPage } from './render.js';
import { templateFilters } from './filters.js';
import type { EleventyJob } from './eleventy.js';
import { dataForEleventy, needsCollections } from './eleventy-data.js';

export { siteData } from './data.js';
export { openStaging } from './output.js';
export type { SiteWritten, Staging } from './output.js';

/** Where the site's inputs are and where it goes. */
export interface SiteOptions {
  readonly outDir: string;
  readonly templatesDir: string;
  readonly publicDir: string;
  /** Render every page with Eleventy, the bulk ones too: slower; for checking the fast path gives the same bytes. */
  readonly eleventyOnly?: boolean;
  /** Where to remember what each output file held, so unchanged files are kept rather than rewritten. */
  readonly cacheDir?: string;
  /** Remove the previous site in the background once the new one is in place (the CLI does). */
  readonly deferCleanup?: boolean;
  /** Bodies rendered already (by the prepare stage), by article file; the others are rendered here. */
  readonly bodies?: ReadonlyMap<string, string>;
  /**
   * What each article was made from, by article file: its content key. Lets a page's key stand for
   * the article's record and body without spelling them out; without it they are spelled out.
   */
  readonly digests?: ReadonlyMap<string, string>;
  /** A staging folder opened already (see `openStaging`); one is opened here otherwise. */
  readonly staging?: Staging;
  /** Eleventy started already (see `startEleventy`); it is started here otherwise. */
  readonly eleventy?: EleventyRun;
  /** Told how many pages are rendered, and then how many years of the search index are done. */
  readonly progress?: (event: ProgressEvent) => void;
}

/** Renders the archive into `options.outDir`, replacing what was there only once the new site is complete. */
export async function writeSite(archive: Archive, options: SiteOptions, lap: (stage: string) => void = () => undefined): Promise<SiteWritten> {
  const data = siteData(archive, options.bodies);
  lap('site data');
  const staging = options.staging ?? (await openStaging(path.resolve(options.outDir), options.cacheDir, options.deferCleanup));
  const { writer } = staging;
  let searchIndex: Promise<void> | undefined;
  let eleventy: Promise<void> | undefined;
  let run: EleventyRun | undefined = options.eleventy;
  try {
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
    run ??= await startEleventy(options.templatesDir, staging.scratch, options.eleventyOnly);
    const bulk = run.bulk;
    eleventy = run.render(data);
    eleventy.catch(() => undefined);
    const write = (page: RenderedPage, key: string): void => writer.write(page.file.split(path.sep).join('/'), page.html, key);
    const pages = (done: number, total: number): void => options.progress?.({ stage: 'render', done, total });
    await renderBulkPages(options.templatesDir, bulk, data, templateFilters(data.site), write, options.cacheDir ? writer : undefined, options.digests, pages);
    rendering = false;
    if (years.done < years.total) options.progress?.({ stage: 'search index', ...years });
    lap('render and write pages');
    await eleventy;
    await staging.place(staging.scratch);
    lap('render other pages (Eleventy, rest of)');
    await staging.place(options.publicDir);
    await searchIndex;
    lap('search index (rest of)');
    const counts = await staging.finish();
    lap('swap into place');
    return counts;
  } catch (error) {
    // Let the search indexer and Eleventy finish with the staging folders before they go.
    await searchIndex?.catch(() => undefined);
    await eleventy?.catch(() => undefined);
    run?.stop();
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
  const script = new URL('./eleventy.js', import.meta.url);
  if (eleventyOnly || !existsSync(fileURLToPath(script))) {
    return {
      bulk,
      render: async (data) => (await import('./eleventy.js')).renderWithEleventy(job, data),
      stop: () => undefined,
    };
  }
  const withCollections = await needsCollections(templatesDir, [...names.filter((n) => !bulk.includes(n)), ...(await includes(templatesDir))]);
  const worker = new Worker(script, { workerData: { eleventy: job } });
  const finished = new Promise<void>((resolve, reject) => {
    worker.once('message', (reply: { ok: boolean; error?: string }) => {
      void worker.terminate();
      if (reply.ok) resolve();
      else reject(new Error(`Eleventy: ${reply.error ?? 'failed'}`));
    });
    worker.once('error', (error) => reject(new Error(`Eleventy: ${error.message}`)));
    // Settled already when it answered; otherwise it stopped without a word.
    worker.once('exit', (code) => reject(new Error(`Eleventy: expected the pages rendered, found the worker stopped (exit code ${code})`)));
  });
  finished.catch(() => undefined);
  return {
    bulk,
    render(data) {
      worker.postMessage(dataForEleventy(data, withCollections));
      return finished;
    },
    stop: () => void worker.terminate(),
  };
}

/** The layouts and partials in `templatesDir/_includes`, as paths relative to `templatesDir`. */
async function includes(templatesDir: string): Promise<string[]> {
  const names = await readdir(path.join(templatesDir, '_includes'), { recursive: true }).catch(() => [] as string[]);
  return names.map((n) => path.join('_includes', String(n))).filter((n) => n.endsWith('.njk'));
}
