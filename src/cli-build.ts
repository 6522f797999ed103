/**
 * The commands that build: `check`, `build` and `serve`. The folders they are given, checked before any work;
 * the build's options; the nothing-changed check that answers without loading the pipeline; the heap limit
 * of large archives; the summary line. `cli.ts` reads the command line and calls them.
 */
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, BuildReport, BuildState } from './build.js';
import type { Values } from './cli.js';
import { formatDiagnostic } from './diagnostics.js';
import { progressPrinter } from './progress.js';
import { readConfig, type FileStamp } from './read/index.js';
import { inputsStamp, rememberBuild, unchangedSince, type BuildInputs } from './state/index.js';
import type { Diagnostic, SiteConfig } from './types.js';

/** The `broadsheet` command's own file (`cli.js` beside this one), which `serve` runs for a build in a fresh process. */
const CLI = fileURLToPath(new URL(`./cli${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url));

/** The site's settings: `broadsheet.config.json` (if any) under the options given on the command line. */
async function configFrom(values: Values): Promise<SiteConfig> {
  const overrides: { -readonly [K in keyof SiteConfig]?: SiteConfig[K] } = {};
  if (values['path-prefix'] !== undefined) overrides.pathPrefix = values['path-prefix'];
  if (values['base-url'] !== undefined) overrides.baseUrl = values['base-url'];
  if (values.portable) overrides.portable = true;
  return readConfig(process.cwd(), overrides);
}

/** Progress of long builds on standard error: a bar on a terminal, plain lines in a log. */
const progress = progressPrinter(process.stderr);

/** A folder a command is given: the option that named it, and whether it must already be there. */
interface Folder {
  readonly option: string;
  readonly dir: string;
  readonly mustExist: boolean;
  readonly expected: string;
}

/** The folders of a build: content and templates must be there; output, public and cache may be missing. */
function buildFolders(options: BuildOptions): Folder[] {
  return [
    { option: 'content', dir: options.contentDir, mustExist: true, expected: 'a folder of articles' },
    { option: 'templates', dir: options.templatesDir, mustExist: true, expected: 'a folder of templates' },
    { option: 'out', dir: options.outDir, mustExist: false, expected: 'a folder' },
    { option: 'public', dir: options.publicDir, mustExist: false, expected: 'a folder' },
    ...(options.cacheDir ? [{ option: 'cache-dir', dir: options.cacheDir, mustExist: false, expected: 'a folder' }] : []),
  ];
}

/**
 * Checks the folders a command is given before any work, and names each problem on standard error
 * as `--option PATH: expected …, found …`; true when there was one. A folder that may be missing
 * (it is made, or there is nothing in it to copy) must still not be a file.
 */
async function badFolders(command: string, folders: readonly Folder[]): Promise<boolean> {
  let bad = false;
  for (const { option, dir, mustExist, expected } of folders) {
    const missing = (error: NodeJS.ErrnoException): string => (error.code === 'ENOENT' ? 'nothing there'
      : error.code === 'ENOTDIR' ? 'a file where a folder of its path should be' : error.message);
    const found = await stat(dir).then((s) => (s.isDirectory() ? null : 'a file'), missing);
    if (found === null || (found === 'nothing there' && !mustExist)) continue;
    process.stderr.write(`broadsheet ${command}: --${option} ${dir}: expected ${expected}, found ${found}\n`);
    bad = true;
  }
  return bad;
}

async function buildOptions(values: Values): Promise<BuildOptions> {
  return {
    contentDir: values.content,
    outDir: values.out ?? '_site',
    templatesDir: values.templates,
    publicDir: values.public,
    config: await configFrom(values),
    keepGoing: values['keep-going'],
    cacheDir: values['cache-dir'],
    verify: values.verify,
    progress: (event) => progress.report(event),
    deferCleanup: true,
  };
}

function report(errors: readonly Diagnostic[], warnings: readonly Diagnostic[]): void {
  for (const w of warnings) process.stderr.write(`warning: ${formatDiagnostic(w)}\n`);
  for (const e of errors) process.stderr.write(`${formatDiagnostic(e)}\n`);
}

export async function checkCommand(values: Values): Promise<number> {
  if (await badFolders('check', buildFolders(await buildOptions(values)).filter((f) => f.option === 'content'))) return 2;
  const [{ loadArticles }, { buildArchive }] = await Promise.all([import('./build.js'), import('./archive/index.js')]);
  const { articles, errors, warnings } = await loadArticles(values.content);
  // What only the whole archive shows (the same article twice) is checked too; nothing is rendered.
  const archive = buildArchive(articles, await configFrom(values));
  warnings.push(...archive.warnings);
  report(errors, warnings);
  process.stdout.write(`${articles.length} article${articles.length === 1 ? '' : 's'} OK, ${errors.length} with errors, `
    + `${warnings.length} warning${warnings.length === 1 ? '' : 's'}\n`);
  return errors.length ? 1 : 0;
}

/** Archives of this many content files or more are built with a heap limit of their size (see `withHeapCap`). */
const CAP_FROM_FILES = 40_000;

/**
 * Builds a large archive in a process whose heap limit follows the archive's size: V8 otherwise lets
 * garbage pile up to its own limit (4 GiB on this machine, whatever the archive), and a 100,000-article
 * cold build peaked at 3.1 GiB with about 2 GiB in use. 1.5 GiB, and 18 MiB more per 1,000 files
 * past 56,000 (2.3 GiB at 100,000: peak 2.9 GiB). Returns the exit status of that process, or `null`
 * to build here: a smaller archive, a limit set already, or `BROADSHEET_HEAP` set to `default`.
 */
async function withHeapCap(contentDir: string, counted?: number): Promise<number | null> {
  if (process.env['BROADSHEET_HEAP'] || process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) return null;
  const files = counted ?? (await readdir(contentDir, { recursive: true }).catch(() => [])).length;
  if (files < CAP_FROM_FILES) return null;
  const mib = Math.max(1536, 512 + Math.ceil((18 * files) / 1000));
  const child = spawn(process.execPath, [`--max-old-space-size=${mib}`, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit', env: { ...process.env, BROADSHEET_HEAP: String(mib) },
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

export async function buildCommand(values: Values): Promise<number> {
  const started = performance.now();
  const options = await buildOptions(values);
  if (await badFolders('build', buildFolders(options))) return 2;
  // With a cache folder, a build whose every input is as the last build left it changes nothing:
  // its report stands, and the pipeline is not even loaded (`--verify` builds anyway).
  const { inputs, stamp, stamps } = stampInputs(options);
  const last = inputs && !options.verify ? await unchangedSince(options.cacheDir!, inputs, stamp) : null;
  if (last) {
    report(last.errors, last.warnings);
    const ms = performance.now() - started;
    return summary(options, { ...last, written: 0, unchanged: last.files, filesRead: 0, timings: { 'nothing changed': ms } }, started);
  }
  const capped = await withHeapCap(options.contentDir, inputs ? stamps.size : undefined);
  if (capped !== null) return capped;
  return runBuild(inputs ? { ...options, stamps } : options, started, inputs ? { inputs, stamp } : null);
}

/**
 * The stamp of a build's inputs, for the nothing-changed check and for remembering the build (none
 * without a cache folder). The check stats every content file: the build that follows takes those
 * stamps (see `ReadOptions.stamps`).
 */
function stampInputs(options: BuildOptions): { inputs: BuildInputs | null; stamp: string | null; stamps: Map<string, FileStamp> } {
  const inputs = options.cacheDir ? buildInputs(options) : null;
  const stamps = new Map<string, FileStamp>();
  const seen = (folder: string, file: string, s: FileStamp): void => void (folder === options.contentDir && stamps.set(file, s));
  return { inputs, stamp: inputs ? inputsStamp(inputs, Date.now(), seen) : null, stamps };
}

/**
 * Runs a build and reports it; with `remember`, a build that finishes is remembered for the
 * nothing-changed check (see `unchangedSince`). With `state`, the build state held in memory.
 */
async function runBuild(
  options: BuildOptions, started: number, remember: { inputs: BuildInputs; stamp: string | null } | null, state?: BuildState,
): Promise<number> {
  const { build } = await import('./build.js');
  const result = await build(options, state);
  progress.end();
  report(result.errors, result.warnings);
  if (result.files === null) {
    process.stderr.write(`broadsheet: ${result.errors.length} file${result.errors.length === 1 ? '' : 's'} could not be read; `
      + `nothing was written (${options.outDir} is unchanged). Fix them, or build the rest with --keep-going.\n`);
    return 1;
  }
  if (remember) {
    const { articles, files, errors, warnings, ok } = result;
    await rememberBuild(options.cacheDir!, remember.inputs, remember.stamp, { articles, files, errors, warnings, ok });
  }
  return summary(options, result, started);
}

/** What a build depends on besides its content: templates, static files, the code, the settings. */
function buildInputs(options: BuildOptions): BuildInputs {
  const code = path.dirname(fileURLToPath(import.meta.url));
  const root = path.join(code, '..');
  return {
    folders: [options.contentDir, options.templatesDir, options.publicDir],
    code: [code, path.join(root, 'package.json'), path.join(root, 'package-lock.json')],
    settings: {
      config: options.config, keepGoing: options.keepGoing ?? false, eleventyOnly: options.eleventyOnly ?? false,
      folders: [options.contentDir, options.templatesDir, options.publicDir, options.outDir, options.cacheDir]
        .map((d) => d && path.resolve(d)),
    },
    outDir: options.outDir,
  };
}

/** Prints the summary line (and the report JSON when asked); the exit status. */
function summary(options: BuildOptions, result: Omit<BuildReport, 'warnings'>, started: number): number {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const left = result.errors.length ? `, ${result.errors.length} left out` : '';
  const kept = result.unchanged ? `: ${result.written} written, ${result.unchanged} unchanged` : '';
  process.stdout.write(`Built ${result.articles} article${result.articles === 1 ? '' : 's'}${left} into ${options.outDir}/ `
    + `(${result.files} files${kept}) in ${seconds} s\n`);
  if (process.env['BROADSHEET_REPORT_JSON']) {
    const { timings, files, written, unchanged, filesRead } = result;
    const report = { timings, maxRssMiB: process.resourceUsage().maxRSS / 1024, files, written, unchanged, filesRead };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  }
  process.stdout.write(`  ${Object.entries(result.timings).map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`).join(' · ')}\n`);
  return result.ok ? 0 : 1;
}

/**
 * Builds, serves the output folder with live reload, and rebuilds on changes. The first build, and
 * a change of templates or static files, run as `broadsheet build` in a fresh process (Eleventy caches
 * compiled templates process-wide). A change of content is built in this process, with the build
 * state (parse cache, file index) held in memory from one build to the next; it is read again from
 * the cache folder after a fresh process has built.
 */
export async function serveCommand(values: Values): Promise<number> {
  const options = { ...(await buildOptions(values)), keepGoing: true };
  if (await badFolders('serve', buildFolders(options))) return 2;
  // The build state held in memory is as large as a build's: large archives get a build's heap limit.
  const capped = await withHeapCap(options.contentDir);
  if (capped !== null) return capped;
  const require = createRequire(import.meta.url);
  const DevServer = require('@11ty/eleventy-dev-server') as {
    getServer(name: string, dir: string, options: Record<string, unknown>): {
      serve(port: number): void;
      reload(event: Record<string, unknown>): void;
    };
  };
  const args = [
    ...process.execArgv, CLI, 'build', '--keep-going', '--content', options.contentDir, '--out', options.outDir,
    '--templates', options.templatesDir, '--public', options.publicDir, '--path-prefix', options.config.pathPrefix,
    '--base-url', options.config.baseUrl,
    ...(options.cacheDir ? ['--cache-dir', options.cacheDir] : []), ...(options.config.portable ? ['--portable'] : []),
  ];
  let state: Promise<BuildState | undefined> | undefined;
  const open = async (): Promise<BuildState | undefined> =>
    options.cacheDir ? (await import('./build.js')).openBuildState(options.cacheDir) : undefined;
  const here = async (): Promise<void> => {
    const started = performance.now();
    // Remembered as `broadsheet build` remembers its builds: a later build or `npm start` with nothing
    // changed says so at once.
    const { inputs, stamp, stamps } = stampInputs(options);
    await runBuild(inputs ? { ...options, stamps } : options, started, inputs ? { inputs, stamp } : null, await (state ??= open()));
  };
  const fresh = (): Promise<void> => new Promise((resolve) => {
    state = undefined;
    spawn(process.execPath, args, { stdio: 'inherit' }).on('exit', () => {
      // What that process left in the cache folder is read again, while the reader looks at the site,
      // so the next change doesn't wait for it.
      state = open();
      state.catch(() => undefined);
      resolve();
    });
  });
  const rebuild = (inFresh: boolean): Promise<void> => (inFresh ? fresh() : here()).catch((error: unknown) => {
    // A build that fails here leaves the site in place (see `build`); serving goes on.
    state = undefined;
    process.stderr.write(`broadsheet: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  });
  // The first build as `broadsheet build` runs it: when nothing changed since the last, it says so at once.
  await rebuild(true);
  const server = DevServer.getServer('broadsheet', path.resolve(options.outDir), {
    domDiff: false, pathPrefix: options.config.pathPrefix, showVersion: false,
  });
  server.serve(Number(values.port));
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  let templatesChanged = false;
  const schedule = (templates: boolean): void => {
    templatesChanged ||= templates;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const inFresh = templatesChanged;
      templatesChanged = false;
      running = running.then(() => rebuild(inFresh)).then(() => server.reload({ files: [] }));
    }, 150);
  };
  for (const dir of [options.contentDir, options.templatesDir, options.publicDir]) {
    try {
      watch(dir, { recursive: true }, () => schedule(dir !== options.contentDir));
    } catch {
      // A folder that doesn't exist has nothing to watch.
    }
  }
  process.stdout.write(`Watching ${options.contentDir}/, ${options.templatesDir}/ and ${options.publicDir}/ for changes. `
    + 'Press Ctrl+C to stop.\n');
  return new Promise<number>(() => undefined);
}
