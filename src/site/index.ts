/**
 * Site stage: renders the archive through the Eleventy templates in `templates/`, copies `public/`,
 * and swaps the finished site into place. Templates see only data prepared here, once per build.
 */
import Eleventy, { type FilterContext, type UserConfig } from '@11ty/eleventy';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ProgressEvent } from '../progress.js';
import type { Archive, SiteConfig } from '../types.js';
import { siteData, type SiteData } from './data.js';
import { openStaging, type SiteWritten, type Staging } from './output.js';
import { indexForSearch } from './search.js';
import { bulkTemplateFiles, renderBulkPages, type Filters, type RenderedPage } from './render.js';
import { absolutePath, absoluteUrl, relativeUrl } from './urls.js';

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
    // One page per article, listing page and speaker: rendered here; the few other pages by Eleventy.
    const bulk = options.eleventyOnly ? [] : await bulkTemplateFiles(options.templatesDir, await readdir(options.templatesDir));
    // Eleventy waits on the disk much of its time: it runs while the bulk pages render.
    eleventy = runEleventy(data, options.templatesDir, staging.scratch, bulk);
    eleventy.catch(() => undefined);
    const write = (page: RenderedPage, key: string): void => writer.write(page.file.split(path.sep).join('/'), page.html, key);
    const pages = (done: number, total: number): void => options.progress?.({ stage: 'render', done, total });
    await renderBulkPages(options.templatesDir, bulk, data, templateFilters(data), write, options.cacheDir ? writer : undefined, options.digests, pages);
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
    await staging.abandon();
    throw error;
  }
}

async function runEleventy(data: SiteData, templatesDir: string, outDir: string, skip: readonly string[]): Promise<void> {
  const input = path.relative(process.cwd(), path.resolve(templatesDir)) || '.';
  const elev = new Eleventy(input, path.relative(process.cwd(), outDir), {
    quietMode: true,
    config(eleventy: UserConfig) {
      configureEleventy(eleventy, data);
      for (const file of skip) eleventy.ignores.add(path.join(input, file));
    },
  });
  elev.disableLogger();
  await elev.write();
}

/**
 * The filters templates use. They read the site settings from the render context, not from this
 * closure: Eleventy keeps compiled layouts in a process-wide cache, so a filter of an earlier build
 * can serve a later one.
 */
function templateFilters(data: SiteData): Filters {
  const siteOf = (context: FilterContext): SiteConfig => (context.ctx?.['site'] as SiteConfig | undefined) ?? data.site;
  return {
    href(this: FilterContext, to: string) {
      const from = typeof this.page?.url === 'string' ? this.page.url : '/';
      return relativeUrl(from, to, siteOf(this));
    },
    documentTitle(this: FilterContext, title: unknown) {
      return documentTitle(typeof title === 'string' ? title : '', siteOf(this).title);
    },
    absolutePath(this: FilterContext, to: string) {
      return absolutePath(to, siteOf(this));
    },
    absoluteUrl(this: FilterContext, to: string) {
      return absoluteUrl(to, siteOf(this));
    },
  } as Filters;
}

/** Everything Broadsheet tells Eleventy: data, filters, and Nunjucks with autoescape on. */
function configureEleventy(eleventy: UserConfig, data: SiteData): void {
  eleventy.setQuietMode(true);
  eleventy.setTemplateFormats(['njk']);
  eleventy.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  for (const [name, value] of Object.entries(data)) eleventy.addGlobalData(name, value);
  for (const [name, fn] of Object.entries(templateFilters(data))) eleventy.addFilter(name, fn as never);
}








/** Longest `<title>` search engines show in full. */
const TITLE_LENGTH = 70;

/**
 * The `<title>` of a page: `Headline · Site`, dropping the site name and then cutting the
 * headline at a word when that is longer than search results show.
 */
function documentTitle(title: string, siteTitle: string): string {
  if (!title) return siteTitle;
  const full = `${title} · ${siteTitle}`;
  if (escapedLength(full) <= TITLE_LENGTH) return full;
  if (escapedLength(title) <= TITLE_LENGTH) return title;
  let cut = title.length;
  while (cut > 20 && escapedLength(`${title.slice(0, cut)}…`) > TITLE_LENGTH) cut = title.lastIndexOf(' ', cut - 1);
  return `${title.slice(0, cut > 20 ? cut : TITLE_LENGTH - 1).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** Length of text once the templates have escaped it (`'` becomes `&#39;`): validators count the source. */
function escapedLength(text: string): number {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').length;
}




