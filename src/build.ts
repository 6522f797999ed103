/**
 * The whole pipeline, read → parse → archive → site, as one call the CLI and the tests share.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { buildArchive, type ArchiveMemo } from './archive/index.js';
import { CONTENT_EXTENSIONS, checkDate, loadReaders, parseFile } from './parse/index.js';
import { prepareFile, splitWork, withLazyBody, withoutBody, type Prepared } from './prepare/index.js';
import { contentKey, openFileIndex, openParseCache, parserVersion, type FileIndex, type ParseCache } from './state/index.js';
import { readContent, type FileStamp } from './read/index.js';
import { keyMemo, openStaging, siteMemo, startEleventy, writeSite } from './site/index.js';
import type { EleventyRun, KeyMemo, SiteMemo, SiteMemory } from './site/index.js';
import type { ProgressEvent } from './progress.js';
import { startWorker } from './worker.js';
import type { Archive, Article, Diagnostic, ParseOutcome, SiteConfig, SourceFile } from './types.js';

/** Prepares files in a worker thread (`prepare/worker.js`); rejects when there is none to start. */
function prepareInWorker(files: readonly SourceFile[]): Promise<Prepared[]> {
  const started = startWorker<Prepared[]>(new URL('./prepare/worker.js', import.meta.url), files);
  return started ? started.reply : Promise.reject(new Error('no compiled worker file'));
}

/** What a build needs to know. */
export interface BuildOptions {
  readonly contentDir: string;
  readonly outDir: string;
  readonly templatesDir: string;
  readonly publicDir: string;
  readonly config: SiteConfig;
  /** Build the good articles even when some files are bad (the build still reports failure). */
  readonly keepGoing?: boolean;
  /** Where parsed articles are kept between builds; none when absent. */
  readonly cacheDir?: string;
  /** Read every content file, even those the last build saw unchanged (same size, inode and times). */
  readonly verify?: boolean;
  /** Told how far the long stages are (see `progress.ts` for how the CLI shows it). */
  readonly progress?: (event: ProgressEvent) => void;
  /** Render every page through Eleventy (see `SiteOptions.eleventyOnly`). */
  readonly eleventyOnly?: boolean;
  /** Remove the previous site in the background once the new one is in place. */
  readonly deferCleanup?: boolean;
  /** Stamps of the content files taken moments before (see `ReadOptions.stamps`). */
  readonly stamps?: ReadonlyMap<string, FileStamp>;
}

/**
 * What one build leaves the next in memory (`broadsheet serve`): the parse cache and the file index
 * of `cacheDir`, opened once, and the site's manifests as the last build saved them. Each build still
 * saves them all to the cache folder.
 */
export interface BuildState {
  readonly cacheDir: string;
  readonly cache: ParseCache;
  readonly index: FileIndex;
  /** The site's manifests as the last build saved them (see `SiteMemory`). */
  readonly site: SiteMemory;
  /** What the last build made, kept where the next one makes the same (see `BuildMemo`). */
  readonly memo: BuildMemo;
}

/**
 * What one build leaves the next in the same process, so that what didn't change keeps its object
 * and what is made from it can be kept by identity: each file's prepared record (by its content key),
 * each record's archive entry, each entry's page data, and each page's key. Everything is still
 * computed and compared; only equal results are replaced by the old objects.
 */
export interface BuildMemo {
  readonly records: Map<string, { readonly key: string; readonly prepared: Prepared }>;
  readonly archive: ArchiveMemo;
  readonly site: SiteMemo;
  readonly keys: KeyMemo;
}

/** Opens the build state kept in `cacheDir`, for builds that follow one another in one process. */
export async function openBuildState(cacheDir: string): Promise<BuildState> {
  const version = await parserVersion();
  const [cache, index] = await Promise.all([openParseCache(cacheDir), openFileIndex(cacheDir, version)]);
  return { cacheDir, cache, index, site: {}, memo: { records: new Map(), archive: new WeakMap(), site: siteMemo(), keys: keyMemo() } };
}

/** What a build did: every problem, and what it wrote. */
export interface BuildReport {
  readonly articles: number;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** Files in the output folder, or `null` when nothing was written. */
  readonly files: number | null;
  /** Of those, files written anew and files kept byte for byte from the previous site. */
  readonly written?: number;
  readonly unchanged?: number;
  /** Content files read; the others were trusted unchanged since the last build. */
  readonly filesRead?: number;
  readonly ok: boolean;
  /** Wall time of each stage, in milliseconds. */
  readonly timings: Readonly<Record<string, number>>;
}

/** Times the stages of a build. */
function stopwatch(): { lap: (name: string) => void; timings: Record<string, number> } {
  const timings: Record<string, number> = {};
  let last = performance.now();
  return {
    timings,
    lap(name) {
      const now = performance.now();
      timings[name] = (timings[name] ?? 0) + (now - last);
      last = now;
    },
  };
}

/** What loading the content gives: the articles, their rendered bodies, and every problem. */
export interface Loaded {
  readonly articles: Article[];
  /** Each article's body as HTML, by file. */
  readonly bodies: Map<string, Uint8Array>;
  /** What each article was made from (its file's path, the parser's version and the content key), by file. */
  readonly digests: Map<string, string>;
  /** Lines of the articles (headlines, excerpts, quotes, …) that typesetting changes, with how they print. */
  readonly typeset: (readonly [string, string])[];
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
  /** How many content files were read; the others were trusted unchanged by their stamp. */
  readonly filesRead: number;
  /**
   * Writes what was parsed to the parse cache (once, however often called). Left to the caller: the
   * build does it while it waits for the search index, not while the pages wait for it.
   */
  readonly saveCache: () => Promise<void>;
}

/** Reads and parses every content file; collects all errors rather than stopping at the first. */
export async function loadArticles(
  contentDir: string, lap: (stage: string) => void = () => undefined, cacheDir?: string, progress?: (event: ProgressEvent) => void,
  options: { verify?: boolean; state?: BuildState; stamps?: ReadonlyMap<string, FileStamp> } = {},
): Promise<Loaded> {
  const version = await parserVersion();
  // With a cache, a file the last build saw with the same size, inode and times is not read again.
  const held = options.state?.cacheDir === cacheDir ? options.state : undefined;
  const state = held ?? (cacheDir ? await openBuildState(cacheDir) : null);
  const [cache, index] = state ? [state.cache, state.index] : [null, null];
  // Held from build to build (`broadsheet serve`): an unchanged file keeps its record's object.
  const records = held?.memo.records;
  const read = await readContent(contentDir, CONTENT_EXTENSIONS, {
    keyOf: contentKey,
    ...(index ? { seen: index.record } : {}),
    ...(index && !options.verify ? { trusted: index.trusted } : {}),
    ...(options.stamps ? { stamps: options.stamps } : {}),
  });
  // Cached saved pages too: a body tree is made by parsing the page again when asked for.
  await loadReaders(read.files.map((file) => file.path));
  lap('read');
  const articles: Article[] = [];
  const bodies = new Map<string, Uint8Array>();
  const digests = new Map<string, string>();
  const typeset: (readonly [string, string])[] = [];
  const errors: Diagnostic[] = [...read.errors];
  const warnings: Diagnostic[] = [...read.warnings];
  const today = new Date().toISOString().slice(0, 10);
  let done = 0;
  // Files the cache doesn't know (by index): a second core prepares half of them when there are many.
  const keys = read.keys;
  const prepared = read.files.map((file, i) => {
    const kept = records?.get(file.path);
    if (!kept || kept.key !== keys[i]) return cache?.get(keys[i]!, file.path, () => parseFile(file));
    cache?.keep(kept.key);
    return kept.prepared;
  });
  const missing = prepared.flatMap((p, i) => (p ? [] : [i]));
  const { here: mine, worker: share } = missing.length >= 400 && availableParallelism() > 1 ? splitWork(read.files, missing) : {
    here: missing, worker: [],
  };
  const fromWorker = share.length ? prepareInWorker(share.map((i) => read.files[i]!)) : null;
  // The worker keeps pace with this thread: its share is counted as this thread's, scaled.
  const scale = missing.length / Math.max(1, mine.length);
  const report = missing.length >= 1000 ? progress : undefined;
  report?.({ stage: 'parse', done: 0, total: missing.length });
  // Once cached, an article keeps no body tree (see `withLazyBody`): it is made again if asked for.
  const reparse = (i: number): (() => ParseOutcome) => {
    const file = read.files[i]!;
    return () => parseFile(file);
  };
  for (const i of mine) {
    prepared[i] = prepareFile(read.files[i]!);
    if (++done % 250 === 0) {
      report?.({ stage: 'parse', done: Math.min(missing.length - 1, Math.round(done * scale)), total: missing.length });
    }
  }
  // Into the cache while the worker finishes its share.
  for (const i of mine) {
    cache?.set(keys[i]!, prepared[i]!);
    prepared[i] = withLazyBody(withoutBody(prepared[i]!), read.files[i]!.path, reparse(i));
  }
  // A worker that can't start (no compiled worker file, as under a TypeScript test runner) is no loss.
  const theirs = fromWorker ? await fromWorker.catch(() => share.map((i) => withoutBody(prepareFile(read.files[i]!)))) : [];
  share.forEach((i, k) => {
    cache?.set(keys[i]!, theirs[k]!);
    prepared[i] = withLazyBody(theirs[k]!, read.files[i]!.path, reparse(i));
  });
  report?.({ stage: 'parse', done: missing.length, total: missing.length });
  records?.clear();
  for (const [i, file] of read.files.entries()) {
    records?.set(file.path, { key: keys[i]!, prepared: prepared[i]! });
    const { outcome: parsed, html, typeset: lines } = prepared[i]!;
    const outcome = checkDate(parsed, file, { today });
    warnings.push(...outcome.warnings);
    if (outcome.ok) {
      articles.push(outcome.article);
      if (html !== null) bodies.set(outcome.article.file, html);
      for (const line of lines) typeset.push(line);
      digests.set(outcome.article.file, `${file.path}\0${version}\0${keys[i]!}`);
    } else errors.push(outcome.error);
  }
  lap('parse');
  let saved: Promise<void> | undefined;
  const save = async (): Promise<void> => {
    await Promise.all([cache?.save(), index?.save()]);
  };
  return { articles, bodies, digests, typeset, errors, warnings, filesRead: read.read, saveCache: () => (saved ??= save()) };
}

/**
 * Builds the site. With errors and without `keepGoing`, nothing is written and the previous
 * site stays as it was; the output folder is only ever replaced by a complete new site. With
 * `state` (of the same cache folder, see `openBuildState`), the cache is not read from disk again.
 */
export async function build(options: BuildOptions, state?: BuildState): Promise<BuildReport> {
  const clock = stopwatch();
  // The staging folder first: on a rebuild it is filled with the site in place on the other core
  // while this one reads and parses. Eleventy too: it loads on another thread meanwhile.
  const held = state?.cacheDir === options.cacheDir ? state : undefined;
  const [memory, memo] = [held?.site, held?.memo];
  const staging = await openStaging(path.resolve(options.outDir), options.cacheDir, options.deferCleanup, memory);
  let eleventy: EleventyRun | undefined;
  let loaded: Loaded | undefined;
  // Until the site stage takes them over, a failure here leaves neither behind; what was parsed is
  // kept for the next build all the same.
  const giveUp = async (): Promise<void> => {
    eleventy?.stop();
    await staging.abandon();
    await loaded?.saveCache();
  };
  let archive: Archive;
  // Progress only where a reader would wait for it.
  let progress: BuildOptions['progress'];
  try {
    eleventy = await startEleventy(options.templatesDir, staging.scratch, options.eleventyOnly);
    loaded = await loadArticles(options.contentDir, clock.lap, options.cacheDir, options.progress, {
      verify: options.verify ?? false, ...(state ? { state } : {}), ...(options.stamps ? { stamps: options.stamps } : {}),
    });
    if (loaded.errors.length > 0 && !options.keepGoing) {
      await giveUp();
      return {
        articles: loaded.articles.length, errors: loaded.errors, warnings: loaded.warnings, files: null, ok: false, timings: clock.timings,
      };
    }
    progress = loaded.articles.length >= 1000 ? options.progress : undefined;
    progress?.({ stage: 'archive', done: 0, total: 1 });
    archive = buildArchive(loaded.articles, options.config, memo?.archive);
    progress?.({ stage: 'archive', done: 1, total: 1 });
  } catch (error) {
    await giveUp();
    throw error;
  }
  const { bodies, digests, typeset, errors, warnings, saveCache } = loaded;
  clock.lap('archive');
  // The site stage saves the parse cache while the search index finishes; if it fails, it is saved here.
  const site = writeSite(archive, staging, eleventy, {
    templatesDir: options.templatesDir, publicDir: options.publicDir, contentDir: options.contentDir, bodies, digests, typeset,
    meanwhile: saveCache, ...(progress ? { progress } : {}), ...(memo ? { memo } : {}),
  }, clock.lap);
  const { files, written, unchanged } = await site.finally(saveCache);
  return {
    articles: archive.entries.length, errors, warnings: [...warnings, ...archive.warnings], files, written, unchanged,
    filesRead: loaded.filesRead, ok: errors.length === 0, timings: clock.timings,
  };
}
