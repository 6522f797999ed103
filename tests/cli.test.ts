import { execFile } from 'node:child_process';
import { cp, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { generateArticles } from '../src/evaluate/bench/generate.js';
import { ROOT, SEED, buildSite, contentFolder, readSite, runCli, tempDir } from './helpers/site.js';

/** A dozen labelled quote fixtures, as content files named after their folders. */
async function demoArticles(): Promise<Record<string, string>> {
  const base = path.join(ROOT, 'tests', 'fixtures', 'quotes');
  const files: Record<string, string> = {};
  for (const name of (await readdir(base)).sort().slice(0, 12)) {
    const input = (await readdir(path.join(base, name))).find((f) => f.startsWith('input.'))!;
    files[`${name}${path.extname(input)}`] = await readFile(path.join(base, name, input), 'utf8');
  }
  return files;
}

/** Runs the built `broadsheet` command as a user would, from the project root. */
const broadsheet = runCli;

describe('broadsheet parse', () => {
  it('prints one JSON array with the seed record', async () => {
    const { code, stdout, stderr } = await broadsheet('parse', 'content/000_3f4361cf1256edcb.txt', '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const records = JSON.parse(stdout) as { file: string; date: string; source: { name: string }; body?: unknown }[];
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      file: 'content/000_3f4361cf1256edcb.txt', date: '2025-05-20', source: { name: 'The Moscow Times' },
    });
    expect(records[0]).not.toHaveProperty('body');
  });

  it('prints the good files in argument order, reports the bad one as FILE:LINE and exits 1', async () => {
    const dir = await contentFolder({ 'bad.txt': 'A headline\n\nTusday, Mai 45, 2025\n\nBody.\n', 'good.md': '---\ntitle: Good\ndate:'
      + ' 2024-01-01\n---\nBody.\n' });
    const bad = path.join(dir, 'bad.txt');
    const { code, stdout, stderr } = await broadsheet('parse', path.join(dir, 'good.md'), bad, SEED, '--json');
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as { headline: string }[]).map((r) => r.headline)).toEqual([
      'Good', "Trump and Putin Shared 'Warm' Memories of Russia-U.S. Alliance in WWII, Kremlin Official Says",
    ]);
    expect(stderr).toBe(`${bad}:3: expected a date like "May 20, 2025" after the headline, found "Tusday, Mai 45, 2025"`
      + ' (put the publication date on its own line under the headline)\n');
  });

  it('says which file is missing', async () => {
    const { code, stderr } = await broadsheet('parse', 'content/nope.txt');
    expect(code).toBe(1);
    expect(stderr).toBe('content/nope.txt:1: expected a readable file, found no such file\n');
  });
});

describe('broadsheet build', () => {
  it('builds --content into --out', async () => {
    const content = await contentFolder({}, [SEED]);
    const out = path.join(await tempDir(), 'site');
    const { code, stdout, stderr } = await broadsheet('build', '--content', content, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Built 1 article into .*site\/ \(\d+ files\)/);
    // Progress is for archives a reader waits on: a small build says nothing until it is done.
    expect(stderr).toBe('');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('Trump and Putin Shared');
  }, 60_000);

  it('names every bad file, writes nothing and exits 1; --keep-going builds the rest and still exits 1', async () => {
    const content = await contentFolder({ 'a.txt': '\n\n', 'b.md': '---\ntitle: [unclosed\n---\n' }, [SEED]);
    const out = path.join(await tempDir(), 'site');
    await broadsheet('build', '--content', path.join(ROOT, 'content'), '--out', out);
    const before = await readSite(out);

    const strict = await broadsheet('build', '--content', content, '--out', out);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`${content}/a.txt:1: expected a headline`);
    expect(strict.stderr).toContain(`${content}/b.md:2: expected valid YAML front matter`);
    expect(strict.stderr).toContain('nothing was written');
    expect(await readSite(out)).toEqual(before);

    const keepGoing = await broadsheet('build', '--content', content, '--out', out, '--keep-going');
    expect(keepGoing.code).toBe(1);
    expect(keepGoing.stdout).toMatch(/Built 1 article, 2 left out/);
  }, 60_000);

  it('makes, with its worker threads, the same site as a build in one thread', async () => {
    // The command runs Eleventy, the search index and the parse in workers; the test runner can't.
    const content = await contentFolder(await demoArticles(), [SEED]);
    const out = path.join(await tempDir(), 'site');
    const cache = await tempDir('broadsheet-cache-');
    expect((await broadsheet('build', '--content', content, '--out', out, '--cache-dir', cache)).code).toBe(0);
    const inThread = await buildSite(content);
    expect(await readSite(out)).toEqual(await readSite(inThread.out));
    // And again from the cache, over the site it built.
    await writeFile(path.join(content, 'new.md'), '---\ntitle: A new article\ndate: 2025-06-01\n---\nNew, with "a quote," she said.\n');
    expect((await broadsheet('build', '--content', content, '--out', out, '--cache-dir', cache)).code).toBe(0);
    expect(await readSite(out)).toEqual(await readSite((await buildSite(content)).out));
  }, 120_000);

  it('on a large archive, reports progress in a log as plain lines: stage, count, rate, time left', async () => {
    const content = await tempDir('broadsheet-content-');
    for (const a of generateArticles(1000, 3)) await writeFile(path.join(content, a.name), a.text);
    const out = path.join(await tempDir(), 'site');
    const { code, stderr } = await broadsheet(
      'build', '--content', content, '--out', out, '--cache-dir', await tempDir('broadsheet-cache-')
    );
    expect(code).toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toBe('parse: 0 of 1,000');
    expect(lines.some((l) => /^parse: 1,000 of 1,000, (?:[\d,]+\/s, )?done$/.test(l))).toBe(true);
    expect(lines.some((l) => /^render: [\d,]+ of [\d,]+/.test(l))).toBe(true);
    expect(lines.every((l) => !l.includes('\r') && /^(parse|archive|render|search index): /.test(l))).toBe(true);
  }, 120_000);

  it('renders pages again after an upgrade changes how they are made, with the same cache and output', async () => {
    // An earlier release, as it would sit in node_modules: the same code, but printing text as written.
    const release = await tempDir('broadsheet-release-');
    await cp(path.join(ROOT, 'dist'), path.join(release, 'dist'), { recursive: true });
    await symlink(path.join(ROOT, 'node_modules'), path.join(release, 'node_modules'));
    await writeFile(path.join(release, 'dist', 'site', 'typeset.js'), [
      'export const typesetText = (text) =>'
        + ' text;', 'export const typesetBody = (body) => body;', 'export const typesetLine = (text) => text;',
      'export const needsTypesetting = () => false;', 'export const learnTypeset = () => undefined;', '',
    ].join('\n'));
    const content = await contentFolder({}, [SEED]);
    const out = path.join(await tempDir(), 'site');
    const args = [
      'build', '--content', content, '--out', out, '--cache-dir', await tempDir('broadsheet-cache-'), '--templates',
      path.join(ROOT, 'templates'),
    ];
    const page = path.join(
      out, 'articles', 'trump-and-putin-shared-warm-memories-of-russia-us-alliance-in-wwii-kremlin-official-says', 'index.html'
    );
    await promisify(execFile)(process.execPath, [path.join(release, 'dist', 'cli.js'), ...args], { cwd: ROOT });
    expect(await readFile(page, 'utf8')).toContain('<h1>Trump and Putin Shared &#39;Warm&#39; Memories');
    const { code } = await broadsheet(...args);
    expect(code).toBe(0);
    const html = await readFile(page, 'utf8');
    expect(html).toContain('<h1>Trump and Putin Shared ‘Warm’ Memories');
    expect(html).toContain('Russia’s Vladimir Putin expressed regret');
  }, 60_000);

  it('says which folder it was given is missing or is a file, before doing anything, and exits 2', async () => {
    const out = path.join(await tempDir(), 'site');
    const file = path.join(await tempDir(), 'cache');
    await writeFile(file, 'not a folder');
    const { code, stdout, stderr } = await broadsheet(
      'build', '--content', path.join(out, 'nowhere'), '--out', out, '--cache-dir', file, '--templates', SEED
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe([
      `broadsheet build: --content ${path.join(out, 'nowhere')}: expected a folder of articles, found nothing there`,
      `broadsheet build: --templates ${SEED}: expected a folder of templates, found a file`,
      `broadsheet build: --cache-dir ${file}: expected a folder, found a file`,
      '',
    ].join('\n'));
    // Nothing was made: no output folder, and the file given as a cache folder is as it was.
    await expect(stat(out)).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe('not a folder');
  });

  it('refuses an unknown command with the list of commands', async () => {
    const { code, stderr } = await broadsheet('publish');
    expect(code).toBe(2);
    expect(stderr).toContain('expected a command (parse, export, check, build, serve, new), found "publish"');
  });
});

describe('broadsheet check', () => {
  it('validates the archive without writing anything', async () => {
    const content = await contentFolder({ 'late.txt': 'Headline\n\nMay 1, 2025\n\nBody <u>open.\n' }, [SEED]);
    await writeFile(path.join(content, 'notes.docx'), 'not read');
    const { code, stdout, stderr } = await broadsheet('check', '--content', content);
    expect(code).toBe(0);
    expect(stdout).toBe('2 articles OK, 0 with errors, 2 warnings\n');
    expect(stderr).toContain('late.txt:5: expected a closing </u>');
    // A file that is no article is left out, never in silence.
    expect(stderr).toContain('notes.docx:1: expected an article file (.txt, .text, .md, .markdown, .html, .htm), found a .docx file');
  });
});

describe('broadsheet new', () => {
  it('starts a Markdown article dated today that builds into a page, and will not write over it', async () => {
    const content = path.join(await tempDir(), 'content');
    const headline = 'Council Says "No" to a 5% Rise: The Mayor\'s Plan';
    const first = await broadsheet('new', '--content', content, headline);
    expect(first.code).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const file = path.join(content, today.slice(0, 4), today.slice(5, 7), 'council-says-no-to-a-5-rise-the-mayors-plan.md');
    expect(first.stdout.trim()).toBe(file);
    const written = await readFile(file, 'utf8');
    expect(written).toMatch(/^---\ntitle: .+\ndate: \d{4}-\d\d-\d\d\ntags: \[\]\n/);

    const out = path.join(await tempDir(), '_site');
    const built = await broadsheet('build', '--content', content, '--out', out);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toContain('warning');
    const page = await readFile(path.join(out, 'articles', 'council-says-no-to-a-5-rise-the-mayors-plan', 'index.html'), 'utf8');
    expect(page).toContain('Council Says “No” to a 5% Rise: The Mayor’s Plan');
    expect(page).toContain(`datetime="${today}"`);

    const again = await broadsheet('new', '--content', content, headline);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${file}: expected no file there, found one already`);
    expect(await readFile(file, 'utf8')).toBe(written);
  }, 60_000);

  it('with --raw, starts a raw text dump that parses to the headline and today\'s date', async () => {
    const content = path.join(await tempDir(), 'content');
    const made = await broadsheet('new', '--raw', '--content', content, 'Floods Close the Old Bridge');
    expect(made.code).toBe(0);
    const file = made.stdout.trim();
    expect(file.endsWith('/floods-close-the-old-bridge.txt')).toBe(true);
    const parsed = await broadsheet('parse', file);
    expect(parsed.code, parsed.stderr).toBe(0);
    const [record] = JSON.parse(parsed.stdout) as { headline: string; date: string; format: string }[];
    expect(record).toMatchObject({ headline: 'Floods Close the Old Bridge', date: new Date().toISOString().slice(0, 10), format: 'text' });
  });

  it('asks for a headline when given none', async () => {
    const { code, stderr } = await broadsheet('new');
    expect(code).toBe(2);
    expect(stderr).toContain('expected a headline');
  });
});
