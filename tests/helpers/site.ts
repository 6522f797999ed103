import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir, copyFile, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';
import { build, type BuildReport } from '../../src/build.js';
import { DEFAULT_CONFIG, normaliseConfig } from '../../src/read/index.js';
import type { SiteConfig } from '../../src/types.js';

export const ROOT = path.join(import.meta.dirname, '..', '..');
export const SEED = path.join(ROOT, 'content', '000_3f4361cf1256edcb.txt');

/** Runs the compiled `broadsheet` command from the project root; its exit status and output. */
export async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Dates files of a folder (all, or those named) an hour back, as files written before a build would be. */
export async function age(dir: string, names?: readonly string[]): Promise<void> {
  const then = new Date(Date.now() - 3_600_000);
  for (const name of names ?? await readdir(dir)) await utimes(path.join(dir, name), then, then);
}

/** The temporary folders the test file that imports this module made (each test file has its own copy). */
const made: string[] = [];

// They go when the file's tests are done, so `npm test` leaves nothing behind in the system's temporary
// folder (it had been leaving a few gigabytes a run). `BROADSHEET_KEEP_TEMP=1` keeps them, to look into.
afterAll(async () => {
  if (process.env['BROADSHEET_KEEP_TEMP']) return;
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })));
});

/** A temporary folder for one test, removed when the tests of its file are done. */
export async function tempDir(prefix = 'broadsheet-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Writes `files` (name → text) into a new content folder, plus copies of existing files. */
export async function contentFolder(files: Record<string, string>, copies: readonly string[] = []): Promise<string> {
  const dir = await tempDir('broadsheet-content-');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  for (const file of copies) await copyFile(file, path.join(dir, path.basename(file)));
  return dir;
}

/** Builds a content folder with the project's templates into a temporary output folder. */
export async function buildSite(
  contentDir: string,
  config: Partial<SiteConfig> = {},
  outDir?: string,
  eleventyOnly = false,
  cacheDir?: string
): Promise<{ out: string; report: BuildReport }> {
  const out = outDir ?? path.join(await tempDir('broadsheet-site-'), '_site');
  const report = await build({
    contentDir,
    outDir: out,
    templatesDir: path.join(ROOT, 'templates'),
    publicDir: path.join(ROOT, 'public'),
    config: normaliseConfig({ ...DEFAULT_CONFIG, ...config }),
    eleventyOnly,
    ...(cacheDir ? { cacheDir } : {}),
  });
  return { out, report };
}

/** Every file of a built site, path → contents. */
export async function readSite(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  const sorted = entries
    .filter((x) => x.isFile())
    .sort((a, b) => path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)));
  for (const e of sorted) {
    const full = path.join(e.parentPath, e.name);
    files.set(path.relative(dir, full), await readFile(full, 'utf8'));
  }
  return files;
}
