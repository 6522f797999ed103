/**
 * Eleventy renders the templates that aren't one page per article, listing or speaker: indexes,
 * feeds, sitemap, search page, 404. It runs in a worker thread: Eleventy loads there (a quarter of
 * a second) while this thread reads and parses, and renders there while this one renders the bulk
 * pages. The worker gets the site data without the per-page collections (`articles`, `lists`) when
 * no template it renders uses them — cloning those would cost more than the worker saves.
 */
import Eleventy, { type UserConfig } from '@11ty/eleventy';
import path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { SiteData } from './data.js';
import type { EleventyMessage } from './eleventy-data.js';
import { templateFilters } from './filters.js';
import { learnTypeset } from './typeset.js';

/** Where Eleventy reads and writes, and which templates it leaves to Broadsheet. */
export interface EleventyJob {
  readonly templatesDir: string;
  readonly outDir: string;
  readonly skip: readonly string[];
}

/** Renders the templates of `job` (all but `job.skip`) with `data` into `job.outDir`. */
export async function renderWithEleventy(job: EleventyJob, data: SiteData): Promise<void> {
  const input = path.relative(process.cwd(), path.resolve(job.templatesDir)) || '.';
  const elev = new Eleventy(input, path.relative(process.cwd(), job.outDir), {
    quietMode: true,
    config(eleventy: UserConfig) {
      configureEleventy(eleventy, data);
      for (const file of job.skip) eleventy.ignores.add(path.join(input, file));
    },
  });
  elev.disableLogger();
  await elev.write();
}

/** Everything Broadsheet tells Eleventy: data, filters, and Nunjucks with autoescape on. */
function configureEleventy(eleventy: UserConfig, data: SiteData): void {
  eleventy.setQuietMode(true);
  eleventy.setTemplateFormats(['njk']);
  eleventy.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  for (const [name, value] of Object.entries(data)) eleventy.addGlobalData(name, value);
  for (const [name, fn] of Object.entries(templateFilters(data.site))) eleventy.addFilter(name, fn as never);
}

// As a worker thread: load Eleventy now, render when the data comes.
if (!isMainThread && (workerData as { eleventy?: unknown } | null)?.eleventy) {
  const job = (workerData as { eleventy: EleventyJob }).eleventy;
  parentPort?.once('message', ({ data, typeset }: EleventyMessage) => {
    learnTypeset(typeset);
    renderWithEleventy(job, data).then(
      () => parentPort?.postMessage({ ok: true }),
      (error: unknown) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
