#!/usr/bin/env node
/**
 * `npm run bench [-- --sizes 1000,10000,50000] [--rounds 2] [--no-eleventy] [--only portable|steady]`: generates
 * synthetic archives, builds each with Broadsheet cold and, alternating, a plain Eleventy build of the same
 * articles, `rounds` times each; then adds, edits and deletes one article at a time (three times each,
 * or `rounds`), builds with nothing changed, through `npm run build`, and under `broadsheet serve`;
 * prints medians of per-stage times and peak memory as a table.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exportMarkdown, loadReaders, parseArticle } from '../../parse/index.js';
import { writeBaselineProject } from './eleventy-baseline.js';
import { type GeneratedArticle, generateArticles } from './generate.js';
import { timeSearch } from './search.js';
import { freePort } from './static-server.js';
import { savedPages } from './saved-pages.js';
import { steadyParse } from './steady.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.join(HERE, '..', '..', 'cli.js');
const ROOT = path.join(HERE, '..', '..', '..');



interface Run {
  readonly ms: number;
  readonly maxRssMiB: number;
  readonly timings?: Record<string, number>;
  readonly files?: number;
  readonly written?: number;
  readonly unchanged?: number;
}

function child(args: readonly string[], env: Record<string, string> = {}, command = process.execPath, cwd?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const proc = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], ...(cwd ? { cwd } : {}) });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('close', (code) => {
      const ms = performance.now() - started;
      const line = out.trim().split('\n').reverse().find((l) => l.startsWith('{'));
      if (code !== 0 || !line) return reject(new Error(`${args.join(' ')} exited ${code}: ${out}`));
      const report = JSON.parse(line) as Run;
      resolve({ ...report, ms });
    });
  });
}

/**
 * Lets the disk settle before a timed build: generating an archive leaves seconds of writing behind.
 * Every timed build, Broadsheet's and Eleventy's alike, starts after this.
 *
 * Nothing is deleted until every timed build of the run is done: each cold build writes into fresh
 * folders. On a file system without a journal (this machine's root is ext4 without one), Linux
 * avoids reusing an inode freed in the last 60 s — 360 s while its block is unwritten — and checks
 * every such inode it passes on each file it creates; a build right after the bench removed a site
 * of tens of thousands of files paid several seconds of system time for it, Eleventy's and ours
 * alike, and more the more files a build creates.
 */
async function settle(): Promise<void> {
  spawnSync('sync');
  await new Promise((resolve) => setTimeout(resolve, 2000));
}

/** The middle value; of an even count, the mean of the middle two. */
const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const s = (ms: number): string => (ms / 1000).toFixed(ms < 1000 ? 2 : 1);

async function countFiles(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
}

/** The live-reload socket's client, from the dev server's own dependency. */
interface Socket {
  on(event: 'message', listener: (data: Buffer) => void): void;
  once(event: 'open' | 'error', listener: (error?: Error) => void): void;
  close(): void;
}
const WebSocket = createRequire(createRequire(import.meta.url).resolve('@11ty/eleventy-dev-server'))('ws') as new (url: string) => Socket;

/**
 * `broadsheet serve` over the built site: edits each of `names` in turn (4 s apart) and times each
 * from writing the file to the reload message on the live-reload socket, as a browser gets it.
 */
async function serveEdits(content: string, site: string, cache: string, names: readonly string[], times: number): Promise<number[]> {
  const port = await freePort();
  const args = [CLI, 'serve', '--content', content, '--out', site, '--cache-dir', cache, '--port', String(port)];
  const server = spawn(process.execPath, args, { stdio: 'ignore', detached: true });
  try {
    const end = Date.now() + 600_000;
    while (!(await fetch(`http://localhost:${port}/`).then((r) => r.ok, () => false))) {
      if (Date.now() > end || server.exitCode !== null) throw new Error('bench: expected broadsheet serve to answer');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const socket = new WebSocket(`ws://localhost:${port}/`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    let reloaded: (() => void) | undefined;
    socket.on('message', (data) => {
      if ((JSON.parse(data.toString()) as { type?: string }).type === 'eleventy.reload') reloaded?.();
    });
    const ms: number[] = [];
    for (let r = 0; r < times; r++) {
      await new Promise((resolve) => setTimeout(resolve, 4000));
      const file = path.join(content, names[r % names.length]!);
      const reload = new Promise<void>((resolve) => (reloaded = resolve));
      const started = performance.now();
      await appendFile(file, `\n\nThe harbour reopened on Sunday (serve edit ${r + 1}).\n`);
      await reload;
      ms.push(performance.now() - started);
    }
    socket.close();
    return ms;
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

/** Benchmarks one archive size in `work`, which it leaves for the caller to remove. */
async function bench(work: string, size: number, rounds: number, eleventy: boolean): Promise<string[]> {
  const content = path.join(work, 'content');
  const articles = generateArticles(size, 42);
  await mkdir(content, { recursive: true });
  for (const a of articles) await writeFile(path.join(content, a.name), a.text);
  const posts = articles.map((a) => {
    const outcome = parseArticle({ path: a.name, text: a.text });
    if (!outcome.ok) throw new Error(`${a.name}: generated article does not parse`);
    // The topics Broadsheet finds become the baseline's tags, so it renders tag pages as the yardstick does.
    const tags = [...new Set([...outcome.article.tags, ...outcome.article.topics])];
    return { name: `${a.name.replace(/\.[^.]+$/, '')}.md`, markdown: exportMarkdown({ ...outcome.article, tags }) };
  });
  const baseline = path.join(work, 'eleventy');
  if (eleventy) await writeBaselineProject(baseline, posts);

  const ours: Run[] = [];
  const theirs: Run[] = [];
  let site = '';
  let cache = '';
  for (let r = 0; r < rounds; r++) {
    // A cold build: no site, no site before it, no cache.
    site = path.join(work, `site-${r}`);
    cache = path.join(work, `cache-${r}`);
    await settle();
    ours.push(await child([CLI, 'build', '--content', content, '--out', site, '--cache-dir', cache], { BROADSHEET_REPORT_JSON: '1' }));
    if (eleventy) {
      await settle();
      theirs.push(await child([path.join(HERE, 'eleventy-baseline.js'), baseline, path.join(work, `eleventy-site-${r}`)]));
    }
  }
  // Regeneration: at least three times each, on different articles, each over the last site built
  // and 4 s or more after the build before it (so no input is too recent to trust by its stamp).
  const build = (): Promise<Run> =>
    child([CLI, 'build', '--content', content, '--out', site, '--cache-dir', cache], { BROADSHEET_REPORT_JSON: '1' });
  const times = Math.max(3, rounds);
  const again: Run[] = [];
  // A new article is the newest (a year after the archive's): an archive grows at its present. One
  // dated among the old ones shifts the listing pages after its date (see the README's "Speed").
  for (const extra of generateArticles(size + times, 42, { year: 2026 }).slice(size)) {
    await writeFile(path.join(content, `new-${extra.name}`), extra.text);
    await settle();
    again.push(await build());
  }
  const edited: Run[] = [];
  const deleted: Run[] = [];
  for (let r = 0; r < times; r++) {
    const victim = articles[Math.floor(((r + 1) * size) / (times + 2))]!;
    const file = path.join(content, victim.name);
    await writeFile(file, `${victim.text.trimEnd()}\n\nThe council will meet again next week, officials said (revision ${r + 1}).\n`);
    await settle();
    edited.push(await build());
    await unlink(path.join(content, articles[Math.floor(((r + 1.5) * size) / (times + 2))]!.name));
    await settle();
    deleted.push(await build());
  }
  // Nothing changed, whole process: the last build is remembered once its inputs are 4 s old.
  await new Promise((resolve) => setTimeout(resolve, 4000));
  await build();
  const still: Run[] = [];
  for (let r = 0; r < times; r++) still.push(await build());
  // The README's command with nothing changed, whole process: npm, the compile check, the build.
  const npm: Run[] = [];
  for (let r = 0; r < times; r++) {
    const args = ['run', '--silent', 'build', '--', '--content', content, '--out', site, '--cache-dir', cache];
    npm.push(await child(args, { BROADSHEET_REPORT_JSON: '1' }, 'npm', ROOT));
  }
  const served = await serveEdits(content, site, cache, articles.slice(-times).map((a) => a.name), times);
  // After the serve edits, three articles hold "harbour"; "ceasefire" is in about one article in six.
  const search = await timeSearch(site, ['ceasefire', 'harbour', 'zymurgy']);
  const files = await countFiles(site);

  const stages = (runs: readonly Run[]): string => Object.keys(runs[0]!.timings ?? {})
    .map((st) => `${st} ${s(median(runs.map((r) => r.timings?.[st] ?? 0)))}`)
    .join(' · ');
  const last = again.at(-1)!;
  const n = size.toLocaleString('en');
  const timed = served.map((ms): Run => ({ ms, maxRssMiB: 0 }));
  const rss = (runs: readonly Run[]): string => `${Math.round(median(runs.map((r) => r.maxRssMiB)))} MiB`;
  const changed = (label: string, runs: readonly Run[]): string =>
    `| ${n} | Broadsheet, ${label} | ${wall(runs)} | ${rss(runs)} | ${stages(runs)} | `
    + `${runs.map((r) => r.written ?? '?').join(', ')} written |`;
  const rows = [
    `| ${size.toLocaleString('en')} | Broadsheet, cold | ${s(median(ours.map((r) => r.ms)))} s | `
      + `${Math.round(median(ours.map((r) => r.maxRssMiB)))} MiB | ${stages(ours)} | ${files} files |`,
    `| ${n} | Broadsheet, +1 article | ${wall(again)} | ${rss(again)} | ${stages(again)} | ${last.files ?? ''} files: `
      + `${again.map((r) => r.written ?? '?').join(', ')} written; ${last.unchanged ?? '?'} unchanged |`,
    changed('one article edited', edited),
    changed('one article deleted', deleted),
    changed('nothing changed (whole process)', still),
    changed('`npm run build`, nothing changed (whole process)', npm),
    `| ${n} | \`broadsheet serve\`: from saving an edit to the reload message | ${wall(timed)} | | | |`,
    `| ${n} | search in Chromium: opening \`/search/?q=WORD\` to the result count | | | ${timesOf(search)} | |`,
    ...await portableRows(work, content, size),
  ];
  if (eleventy) {
    const ratio = median(ours.map((r) => r.ms)) / median(theirs.map((r) => r.ms));
    rows.push(`| ${size.toLocaleString('en')} | Eleventy, plain Markdown | ${s(median(theirs.map((r) => r.ms)))} s | `
      + `${Math.round(median(theirs.map((r) => r.maxRssMiB)))} MiB | ratio Broadsheet / Eleventy **${ratio.toFixed(2)}** | |`);
  }
  rows.push(`| ${size.toLocaleString('en')} | per article, cold | ${(median(ours.map((r) => r.ms)) / size).toFixed(2)} ms | | | |`);
  rows.push(await steadyRow(articles, size));
  return rows;
}

/**
 * The steady-state parse row: the first 10,000 `articles` and saved web pages of the first 500, parsed
 * apart, three passes in this thread; the saved pages' figure is theirs, the other formats' the archive's own.
 */
async function steadyRow(articles: readonly GeneratedArticle[], size: number): Promise<string> {
  const pages = savedPages(articles.slice(0, 500));
  await loadReaders(pages.map((p) => p.name));
  const steady = steadyParse([...articles.slice(0, 10_000), ...pages]);
  const perFormat = Object.entries(steady).map(([format, ms]) => `${format} ${ms.toFixed(2)} ms`).join(' · ');
  return `| ${size.toLocaleString('en')} | parse per article, steady state (one thread, third pass) | | | ${perFormat} | |`;
}

const wall = (runs: readonly Run[]): string => `${s(median(runs.map((r) => r.ms)))} s (${runs.map((r) => s(r.ms)).join(', ')})`;

/** Each word's search times, as the table prints them. */
const timesOf = (found: Record<string, number[]> | null): string => found
  ? Object.entries(found).map(([word, ms]) => `${word} ${wall(ms.map((m): Run => ({ ms: m, maxRssMiB: 0 })))}`).join(' · ')
  : 'not measured: no Chromium or playwright-core';

/**
 * A portable build (`--portable`) of the archive in `content`, cold: its time, the size of its
 * script-loaded search index, and search over it opened from the folder (file://) in Chromium.
 */
async function portableRows(work: string, content: string, size: number): Promise<string[]> {
  const portable = path.join(work, 'site-portable');
  await settle();
  const cache = path.join(work, 'cache-portable');
  const args = [CLI, 'build', '--portable', '--content', content, '--out', portable, '--cache-dir', cache];
  const run = await child(args, { BROADSHEET_REPORT_JSON: '1' });
  const folder = path.join(portable, 'search', 'disk');
  const parts = await Promise.all((await readdir(folder)).map((f) => readFile(path.join(folder, f))));
  const index = Buffer.concat(parts);
  const largest = Math.max(...parts.map((p) => p.length));
  // "talks" is in about one headline in five, "review" in one in twenty-five; "zymurgy" in none.
  const searched = await timeSearch(portable, ['talks', 'review', 'zymurgy'], 3, true);
  const n = size.toLocaleString('en');
  const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  return [
    `| ${n} | Broadsheet, cold, \`--portable\` | ${wall([run])} | ${Math.round(run.maxRssMiB)} MiB | | |`,
    `| ${n} | portable: the script-loaded search index (\`search/disk/\`) | | | ${mib(index.length)} in ${parts.length} files, `
      + `${mib(gzipSync(index).length)} gzipped; the largest file ${mib(largest)} | |`,
    `| ${n} | portable: opening \`search/index.html?q=WORD\` from the folder (file://) to the result count | | | ${timesOf(searched)} | |`,
  ];
}

/** The portable rows alone, for a freshly generated archive of `size` articles. */
async function portableOnly(work: string, size: number): Promise<string[]> {
  const content = path.join(work, 'content');
  await mkdir(content, { recursive: true });
  for (const a of generateArticles(size, 42)) await writeFile(path.join(content, a.name), a.text);
  return portableRows(work, content, size);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    sizes: { type: 'string', default: '1000,10000' }, rounds: { type: 'string', default: '2' },
    'no-eleventy': { type: 'boolean', default: false },
    // `--only portable`: the portable build's rows alone (at 100,000 articles the whole bench takes half an hour);
    // `--only steady`: the steady-state parse row alone (what a change to the parser costs), in a few seconds.
    only: { type: 'string' },
  } });
  const sizes = values.sizes.split(',').map(Number);
  process.stdout.write('| articles | build | wall | peak RSS | stages (s) | output |\n|---|---|---|---|---|---|\n');
  const works: string[] = [];
  try {
    for (const size of sizes) {
      const work = await mkdtemp(path.join(os.tmpdir(), `broadsheet-bench-${size}-`));
      works.push(work);
      const rows = values.only === 'portable' ? await portableOnly(work, size)
        : values.only === 'steady' ? [await steadyRow(generateArticles(size, 42), size)]
          : await bench(work, size, Number(values.rounds), !values['no-eleventy']);
      for (const row of rows) process.stdout.write(`${row}\n`);
    }
  } finally {
    for (const work of works) await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
