import { spawn } from 'node:child_process';
import { copyFile, cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { generateArticles } from '../src/evaluate/bench/generate.js';
import { ROOT, SEED, buildSite, contentFolder, readSite, tempDir } from './helpers/site.js';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const BAD = path.join(import.meta.dirname, 'fixtures', 'bad-input');

function run(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** An article the rebuild tests start from. */
const OLDER = '---\ntitle: Older story\ndate: 2020-01-01\n---\nOld news.\n';

/** The seed and `files` in a content folder, built once with a parse cache of their own. */
async function builtWithCache(files: Record<string, string>): Promise<{ dir: string; cache: string; out: string }> {
  const dir = await contentFolder(files, [SEED]);
  const cache = await tempDir('broadsheet-cache-');
  const { out } = await buildSite(dir, {}, undefined, false, cache);
  return { dir, cache, out };
}

/** A content folder with the seed and every bad-input fixture, each under its case's name. */
async function mixedContent(): Promise<{ dir: string; bad: string[]; warned: string[] }> {
  const dir = await contentFolder({}, [SEED]);
  const bad: string[] = [];
  const warned: string[] = [];
  for (const name of (await readdir(BAD)).sort()) {
    const input = (await readdir(path.join(BAD, name))).find((f) => f.startsWith('input.'))!;
    const target = `${name}${path.extname(input)}`;
    await copyFile(path.join(BAD, name, input), path.join(dir, target));
    const expected = await readFile(path.join(BAD, name, 'expected.log'), 'utf8');
    (expected.split('\n').some((l) => /^input\./.test(l)) ? bad : warned).push(target);
  }
  return { dir, bad, warned };
}

describe('a strict build over good and bad files', () => {
  it('exits non-zero, names every bad file, and leaves the previous site byte for byte', async () => {
    const { dir, bad } = await mixedContent();
    const out = path.join(await tempDir(), '_site');
    expect((await run(['build', '--content', path.join(ROOT, 'content'), '--out', out])).code).toBe(0);
    const before = await readSite(out);
    const strict = await run(['build', '--content', dir, '--out', out]);
    expect(strict.code).toBe(1);
    for (const file of bad) expect(strict.stderr).toContain(`${dir}/${file}:`);
    expect(await readSite(out)).toEqual(before);
  }, 60_000);

  it('still keeps what it parsed, good files and bad, so the next build parses only what changes', async () => {
    const dir = await contentFolder({}, [SEED]);
    const bad = ['date-before-the-headline', 'u-never-closed'];
    for (const name of bad) await copyFile(path.join(BAD, name, 'input.txt'), path.join(dir, `${name}.txt`));
    const cache = await tempDir('broadsheet-cache-');
    expect((await run(['build', '--content', dir, '--out', path.join(await tempDir(), '_site'), '--cache-dir', cache])).code).toBe(1);
    const segments = (await readdir(cache)).filter((n) => n.startsWith('parse-') && n.endsWith('.v8'));
    const entries = (await Promise.all(segments.map(async (n) => deserialize(await readFile(path.join(cache, n))) as unknown[]))).flat();
    expect(entries).toHaveLength(1 + bad.length);
  }, 60_000);

  it('with --keep-going builds every good article, lists what it left out, and still exits non-zero', async () => {
    const { dir, bad, warned } = await mixedContent();
    const out = path.join(await tempDir(), '_site');
    const result = await run(['build', '--content', dir, '--out', out, '--keep-going']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${bad.length} left out`);
    for (const file of bad) expect(result.stderr).toContain(`${dir}/${file}:`);
    for (const file of warned) expect(result.stderr).toContain(`warning: ${dir}/${file}:`);
    const site = await readSite(out);
    expect([...site.keys()].filter((f) => f.startsWith('articles/')).length).toBe(1 + warned.length);
    // Nothing was written next to the output folder, whatever the front matter asked for.
    expect(await readdir(path.dirname(out))).toEqual(['_site']);
  }, 60_000);
});

describe('the same article twice', () => {
  it('makes one page and a warning that names both files', async () => {
    const dir = await contentFolder({}, [SEED]);
    await copyFile(SEED, path.join(dir, 'copy-of-the-seed.txt'));
    const { out, report } = await buildSite(dir);
    expect(report.ok).toBe(true);
    expect(report.warnings.map((w) => `${path.basename(w.file)}: ${w.found}`))
      .toEqual([`copy-of-the-seed.txt: the same original address as ${dir}/000_3f4361cf1256edcb.txt`]);
    expect([...(await readSite(out)).keys()].filter((f) => f.startsWith('articles/'))).toHaveLength(1);
  });
});

describe('very large articles', () => {
  it('build normally: a 5 MB article and a 1 MB single-line paragraph', async () => {
    const seed = await readFile(SEED, 'utf8');
    const body = seed.split('\n').slice(11, 27).join('\n');
    let big = 'A very long article\n\nMay 20, 2025\n\n';
    while (big.length < 5_000_000) big += `${body}\n\n`;
    const line = 'Officials said the plan "would work" and Smith added that it was "fine," he said. '.repeat(13_000);
    const dir = await contentFolder({ 'big.txt': big, 'line.txt': `One very long paragraph\n\nMay 21, 2025\n\n${line}\n` });
    const { out, report } = await buildSite(dir);
    expect(report.errors).toEqual([]);
    const site = await readSite(out);
    expect(site.get('articles/a-very-long-article/index.html')!.length).toBeGreaterThan(5_000_000);
    expect(site.get('articles/one-very-long-paragraph/index.html')).toContain('Officials said the plan');
  }, 120_000);
});

describe('rebuilding after adding an article', () => {
  it('keeps every unchanged file as it was (same bytes, same file, same time) and writes the rest', async () => {
    const { dir, cache, out } = await builtWithCache({ 'a.md': OLDER });
    const seedPage = path.join(out, 'articles/older-story/index.html');
    const before = await stat(seedPage);
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(path.join(dir, 'b.md'), '---\ntitle: Newest story\ndate: 2026-01-01\n---\nNew news.\n');
    const { report } = await buildSite(dir, {}, out, false, cache);
    const after = await stat(seedPage);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(report.unchanged).toBeGreaterThan(0);
    expect(report.written).toBeGreaterThan(0);
    expect((await readSite(out)).get('articles/newest-story/index.html')).toContain('New news.');

    // An edited article, and a template edited by a designer, are rendered again: nothing stale is kept.
    await writeFile(path.join(dir, 'a.md'), '---\ntitle: Older story\ndate: 2020-01-01\n---\nCorrected news.\n');
    await buildSite(dir, {}, out, false, cache);
    expect((await readSite(out)).get('articles/older-story/index.html')).toContain('Corrected news.');
  });
});

describe('rebuilding again and again', () => {
  it('recycles the site before last without ever writing into the site in place', async () => {
    // A twin headline too: its slug is changed on a record read from the cache.
    const { dir, cache, out } = await builtWithCache({ 'a.md': OLDER, 'twin.md': '---\ntitle: Older story\ndate: 2022-01-01\n---\nThe'
      + ' *same* headline.\n', 'gone.md': '---\ntitle: Short-lived\ndate: 2021-01-01\n---\nSoon deleted.\n' });
    const spare = path.join(path.dirname(out), '._site.previous');
    const edits: [string, string | null][] = [
      ['b.md', '---\ntitle: Newest story\ndate: 2026-01-01\n---\nNew news.\n'],
      ['a.md', '---\ntitle: Older story\ndate: 2020-01-01\n---\nCorrected news.\n'],
      ['gone.md', null],
      ['c.md', '---\ntitle: Third story\ndate: 2024-05-05\n---\nMore news.\n'],
    ];
    for (const [name, text] of edits) {
      const live = await readSite(out);
      if (text === null) await rm(path.join(dir, name));
      else await writeFile(path.join(dir, name), text);
      const { report } = await buildSite(dir, {}, out, false, cache);
      expect(report.ok).toBe(true);
      // The site that was in place is now the spare, byte for byte as it was served: the build
      // never wrote through a hard link into it.
      expect(await readSite(spare)).toEqual(live);
      // And the new site is exactly what a build from nothing makes.
      const fresh = await buildSite(dir);
      expect(await readSite(out)).toEqual(await readSite(fresh.out));
    }
    expect((await readSite(out)).has('articles/short-lived/index.html')).toBe(false);
    expect((await readSite(out)).get('articles/older-story-2/index.html')).toContain('<em>same</em>');
  }, 120_000);
});

describe('a site replaced behind the build’s back', () => {
  it('is not trusted: what the cache remembers of the old one is set aside, and the result is what a build from nothing'
    + ' makes', async () => {
    const { dir, cache, out } = await builtWithCache({ 'a.md': OLDER });
    await buildSite(dir, {}, out, false, cache);
    // Someone puts another site in its place, and in place of the one kept aside.
    const other = await contentFolder({ 'a.md': '---\ntitle: Older story\ndate: 2020-01-01\n---\nSomething else entirely.\n' });
    const foreign = (await buildSite(other)).out;
    for (const target of [out, path.join(path.dirname(out), '._site.previous')]) {
      await rm(target, { recursive: true, force: true });
      await cp(foreign, target, { recursive: true });
    }
    await buildSite(dir, {}, out, false, cache);
    expect(await readSite(out)).toEqual(await readSite((await buildSite(dir)).out));
  }, 60_000);
});

describe('a build killed part-way', () => {
  it('leaves the previous site in place, and the next build cleans up after it', async () => {
    const dir = await tempDir('broadsheet-kill-');
    for (const a of generateArticles(400, 7)) await writeFile(path.join(dir, a.name), a.text);
    const out = path.join(await tempDir(), '_site');
    expect((await run(['build', '--content', dir, '--out', out])).code).toBe(0);
    const before = await readSite(out);
    await writeFile(path.join(dir, 'new.md'), '---\ntitle: A new article\ndate: 2025-01-01\n---\nNew.\n');

    const child = spawn(process.execPath, [CLI, 'build', '--content', dir, '--out', out], { cwd: ROOT, stdio: 'ignore' });
    // Kill it once it is writing: the staging folder appears beside the output.
    const parent = path.dirname(out);
    for (let i = 0; i < 400 && !(await readdir(parent)).some((n) => n.includes('.building-')); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 150));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(await readSite(out)).toEqual(before);

    expect((await run(['build', '--content', dir, '--out', out])).code).toBe(0);
    // Nothing half-built is left; the site the build replaced is kept aside for the next rebuild.
    expect((await readdir(parent)).sort()).toEqual(['._site.previous', '_site']);
    expect((await readSite(out)).has('articles/a-new-article/index.html')).toBe(true);
  }, 120_000);
});
