/**
 * Site stage: renders the archive through the Eleventy templates in `templates/`, copies `public/`,
 * and swaps the finished site into place. Templates see only data prepared here, once per build.
 */
import Eleventy, { type FilterContext, type UserConfig } from '@11ty/eleventy';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, link, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Archive, SiteConfig } from '../types.js';
import { siteData, type SiteData } from './data.js';
import { bulkTemplateFiles, renderBulkPages, type Filters, type RenderedPage } from './render.js';
import { absolutePath, absoluteUrl, relativeUrl } from './urls.js';

export { siteData } from './data.js';

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
}

/** What a build wrote. */
export interface SiteWritten {
  readonly files: number;
  /** Files whose bytes changed or are new. */
  readonly written: number;
  /** Files kept from the previous site: same bytes, same modification time. */
  readonly unchanged: number;
}

/** Renders the archive into `options.outDir`, replacing what was there only once the new site is complete. */
export async function writeSite(archive: Archive, options: SiteOptions, lap: (stage: string) => void = () => undefined): Promise<SiteWritten> {
  const data = siteData(archive);
  lap('render bodies');
  const outDir = path.resolve(options.outDir);
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  await mkdir(parent, { recursive: true });
  await removeLeftovers(parent, base);
  const staging = path.join(parent, `.${base}.building-${process.pid}`);
  let searchIndex: Promise<{ keys: Manifest; kept: Manifest }> | undefined;
  let counts: SiteWritten = { files: 0, written: 0, unchanged: 0 };
  try {
    const previous = await readManifest(options.cacheDir, outDir);
    const previousKeys = await readManifest(options.cacheDir, outDir, 'keys');
    // Pagefind indexes in its own process: start it now, so it works while the pages render.
    searchIndex = indexForSearch(staging, data, outDir, previous, previousKeys);
    searchIndex.catch(() => undefined);
    // One page per article, listing page and speaker: rendered here; the few other pages by Eleventy.
    const bulk = options.eleventyOnly ? [] : await bulkTemplateFiles(options.templatesDir, await readdir(options.templatesDir));
    await runEleventy(data, options.templatesDir, staging, bulk);
    lap('render other pages (Eleventy)');
    const writer = pageWriter(staging, outDir, previous, previousKeys);
    await renderBulkPages(options.templatesDir, bulk, data, templateFilters(data), writer.write, options.cacheDir ? writer.reuse : undefined);
    await writer.done();
    lap('render and write pages');
    if (await exists(options.publicDir)) await cp(options.publicDir, staging, { recursive: true });
    const search = await searchIndex;
    lap('search index (rest of)');
    const kept = await keepUnchanged(staging, outDir, options.cacheDir, previous, { ...writer.hashes, ...search.kept }, writer.kept.count + Object.keys(search.kept).length);
    counts = kept;
    lap('keep unchanged files');
    // The manifests describe the site in place: none while it is being swapped, the new ones after.
    if (options.cacheDir) await forgetManifests(options.cacheDir, outDir);
    await swapInto(staging, outDir, options.deferCleanup);
    if (options.cacheDir) {
      await saveManifest(options.cacheDir, outDir, kept.manifest, 'files');
      await saveManifest(options.cacheDir, outDir, { ...writer.keys, ...search.keys }, 'keys');
    }
    lap('swap into place');
  } catch (error) {
    // Let the search indexer finish with the staging folder before it goes.
    await searchIndex?.catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return counts;
}

/**
 * Keeps every other file of the previous site whose bytes didn't change (pages Eleventy wrote, the
 * search index, public files) the same way, and remembers what every file holds for next time.
 */
async function keepUnchanged(staging: string, outDir: string, cacheDir: string | undefined, previous: Manifest, known: Manifest, alreadyKept: number): Promise<SiteWritten & { manifest: Manifest }> {
  const files = (await readdir(staging, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  if (!cacheDir) return { files: files.length, written: files.length, unchanged: 0, manifest: {} };
  const next: Manifest = {};
  let unchanged = alreadyKept;
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(files.slice(i, i + 64).map(async (file) => {
      const rel = path.relative(staging, file).split(path.sep).join('/');
      if (known[rel]) {
        next[rel] = known[rel];
        return;
      }
      const bytes = await readFile(file);
      const hash = hashOf(bytes);
      next[rel] = hash;
      if (previous[rel] !== hash) return;
      const old = path.join(outDir, rel);
      if ((await stat(old).then((s) => s.size, () => -1)) !== bytes.length) return;
      await rm(file);
      await link(old, file);
      unchanged++;
    }));
  }
  return { files: files.length, written: files.length - unchanged, unchanged, manifest: next };
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

/** What each file of a site held, by path: content hashes remembered between builds. */
type Manifest = Record<string, string>;

const hashOf = (bytes: string | Uint8Array): string => createHash('sha1').update(bytes).digest('base64url');

/**
 * Writes rendered pages with a bounded number of writes in flight. A page whose bytes the previous
 * site already had is hard-linked from it instead: same bytes, same file, same modification time.
 */
function pageWriter(root: string, previousSite: string, previous: Manifest, previousKeys: Manifest): {
  write: (page: RenderedPage, key: string) => Promise<void>;
  reuse: (file: string, key: string) => Promise<boolean>;
  done: () => Promise<void>;
  readonly hashes: Manifest;
  readonly keys: Manifest;
  readonly kept: { count: number };
} {
  const inFlight = new Set<Promise<void>>();
  const made = new Set<string>();
  const hashes: Manifest = {};
  const keys: Manifest = {};
  const kept = { count: 0 };
  const target = async (rel: string): Promise<string> => {
    const file = path.join(root, rel);
    if (!file.startsWith(root + path.sep)) throw new Error(`page ${rel}: expected a path inside the site folder`);
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    return file;
  };
  const keep = async (rel: string, file: string, size: number | null): Promise<boolean> => {
    const old = path.join(previousSite, rel);
    if (size !== null && (await stat(old).then((s) => s.size, () => -1)) !== size) return false;
    // A page the manifest knows but the old site lost (deleted by hand) is simply rendered again.
    const linked = await link(old, file).then(() => true, () => false);
    if (linked) kept.count++;
    return linked;
  };
  const one = async (page: RenderedPage, key: string): Promise<void> => {
    const rel = page.file.split(path.sep).join('/');
    const file = await target(rel);
    const bytes = Buffer.from(page.html);
    const hash = hashOf(bytes);
    hashes[rel] = hash;
    keys[rel] = key;
    if (previous[rel] === hash && (await keep(rel, file, bytes.length))) return;
    await writeFile(file, bytes);
  };
  const queue = async (job: Promise<void>): Promise<void> => {
    const p = job.finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= 64) await Promise.race(inFlight);
  };
  return {
    hashes,
    keys,
    kept,
    write: (page, key) => queue(one(page, key)),
    async reuse(rel, key) {
      // Same inputs as last time, and the last site still has the page: keep it without rendering.
      const hash = previous[rel];
      if (previousKeys[rel] !== key || !hash) return false;
      const file = await target(rel);
      if (!(await keep(rel, file, null))) return false;
      hashes[rel] = hash;
      keys[rel] = key;
      return true;
    },
    async done() {
      await Promise.all(inFlight);
    },
  };
}

/** The manifest of the site last built into `outDir`, kept in the cache folder. */
function manifestPath(cacheDir: string, outDir: string, kind: 'files' | 'keys'): string {
  return path.join(cacheDir, 'sites', `${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}-${kind}.json`);
}

async function readManifest(cacheDir: string | undefined, outDir: string, kind: 'files' | 'keys' = 'files'): Promise<Manifest> {
  if (!cacheDir) return {};
  try {
    return JSON.parse(await readFile(manifestPath(cacheDir, outDir, kind), 'utf8')) as Manifest;
  } catch {
    return {};
  }
}

async function forgetManifests(cacheDir: string, outDir: string): Promise<void> {
  await rm(manifestPath(cacheDir, outDir, 'files'), { force: true });
  await rm(manifestPath(cacheDir, outDir, 'keys'), { force: true });
}

async function saveManifest(cacheDir: string, outDir: string, manifest: Manifest, kind: 'files' | 'keys'): Promise<void> {
  const target = manifestPath(cacheDir, outDir, kind);
  await mkdir(path.dirname(target), { recursive: true });
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeFile(`${target}.tmp`, JSON.stringify(sorted));
  await rename(`${target}.tmp`, target);
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

/**
 * Builds the Pagefind search index straight from the records — headline and text of every article —
 * as one bundle per year (`pagefind/2025/`), merged by the search page. A year whose records are
 * the same as last build keeps its bundle from the previous site, so a new article re-indexes one
 * year, not the archive. Returns each year's key, and the files it kept.
 */
async function indexForSearch(dir: string, data: SiteData, previousSite: string, previous: Manifest, previousKeys: Manifest): Promise<{ keys: Manifest; kept: Manifest }> {
  const keys: Manifest = {};
  const kept: Manifest = {};
  const byYear = new Map<string, SiteData['articles'][number][]>();
  for (const entry of data.articles) {
    const year = entry.article.date.slice(0, 4);
    const list = byYear.get(year);
    if (list) list.push(entry);
    else byYear.set(year, [entry]);
  }
  let started = false;
  try {
    for (const [year, entries] of byYear) {
      const records = entries.map((entry) => {
        const a = entry.article;
        return {
          url: entry.url,
          content: [a.headline, a.standfirst ?? '', ...a.paragraphs].join('\n'),
          language: data.site.language,
          meta: { title: a.headline, date: entry.dateLabel, ...(a.source ? { source: a.source.name } : {}) },
          sort: { date: a.date },
        };
      });
      const shard = `pagefind/${year}/`;
      const key = createHash('sha1').update(PAGEFIND_VERSION.version).update(JSON.stringify(records)).digest('base64url');
      keys[`search:${year}`] = key;
      const files = Object.keys(previous).filter((rel) => rel.startsWith(shard));
      if (previousKeys[`search:${year}`] === key && files.length > 0) {
        const linked = await Promise.all(files.map(async (rel) => {
          await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
          return link(path.join(previousSite, rel), path.join(dir, rel)).then(() => true, () => false);
        }));
        if (linked.every(Boolean)) {
          for (const rel of files) kept[rel] = previous[rel]!;
          continue;
        }
        await rm(path.join(dir, shard), { recursive: true, force: true });
      }
      started = true;
      const { index, errors } = await pagefind.createIndex({ forceLanguage: data.site.language });
      if (!index) throw new Error(`search index: expected Pagefind to start, found ${errors.join('; ')}`);
      // Pagefind runs as a separate process: send records in batches rather than one round trip each.
      for (let i = 0; i < records.length; i += 500) {
        const results = await Promise.all(records.slice(i, i + 500).map((record) => index.addCustomRecord(record)));
        const failed = results.flatMap((r) => r.errors);
        if (failed.length) throw new Error(`search index: ${failed.join('; ')}`);
      }
      const written = await index.writeFiles({ outputPath: path.join(dir, shard) });
      if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
    }
  } finally {
    if (started) await pagefind.close();
  }
  return { keys, kept };
}

/** Pagefind's version: a new one re-indexes everything. */
const PAGEFIND_VERSION = ((): { version: string } => {
  try {
    return JSON.parse(readFileSync(new URL('../../node_modules/pagefind/package.json', import.meta.url), 'utf8')) as { version: string };
  } catch {
    return { version: 'unknown' };
  }
})();

/** Moves a finished site into place: old site aside, new one in, old one removed. */
async function swapInto(staging: string, outDir: string, defer = false): Promise<void> {
  const parent = path.dirname(outDir);
  const old = path.join(parent, `.${path.basename(outDir)}.old-${process.pid}`);
  const hadOld = await exists(outDir);
  if (hadOld) await rename(outDir, old);
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (hadOld) await rename(old, outDir);
    throw error;
  }
  if (!hadOld) return;
  if (!defer) {
    await rm(old, { recursive: true, force: true });
    return;
  }
  // The new site is in place: the old one can go while the reader already uses the new one.
  // A process of its own removes it after this one exits; the next build removes what is left.
  spawn(process.execPath, ['-e', `require('fs').rmSync(${JSON.stringify(old)}, { recursive: true, force: true })`], { detached: true, stdio: 'ignore' }).unref();
}

/**
 * Cleans up after a build that was killed: a half-written staging folder goes; a previous site
 * that was moved aside but never replaced comes back.
 */
async function removeLeftovers(parent: string, base: string): Promise<void> {
  const names = (await readdir(parent)).sort();
  const outDir = path.join(parent, base);
  const aside = names.find((n) => n.startsWith(`.${base}.old-`));
  if (aside && !(await exists(outDir))) await rename(path.join(parent, aside), outDir);
  // A restored folder is gone from under its old name; removing it again is a no-op.
  const leftovers = names.filter((n) => n.startsWith(`.${base}.building-`) || n.startsWith(`.${base}.old-`));
  // A previous build's background clean-up may still be at work on the same folder: its races are harmless.
  await Promise.all(leftovers.map((n) => rm(path.join(parent, n), { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined)));
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(() => true, () => false);
}

