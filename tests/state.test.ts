import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, openBuildState } from '../src/build.js';
import { DEFAULT_CONFIG, normaliseConfig } from '../src/read/index.js';
import { ROOT, SEED, age, buildSite, contentFolder, readSite, runCli, tempDir } from './helpers/site.js';

const article = (title: string, day: number, words: string): string => `\n\n${title}\n\nMay ${day}, 2025\n\n\n\n${words} `
  + `"It was a long night," said Mayor Ana Ruiz.\n\nOriginal url:\n\nhttps://news.example/2025/05/${day}/story\n`;
const COUNCIL = article('Council approves the harbour plan', 1, 'The council voted on Monday.');

/** A rebuild into the same output folder with the same cache: what it read, and the site it made. */
async function rebuild(content: string, out: string, cacheDir: string, verify = false) {
  const report = await build({
    contentDir: content, outDir: out, cacheDir, verify,
    templatesDir: path.join(ROOT, 'templates'), publicDir: path.join(ROOT, 'public'), config: normaliseConfig({ ...DEFAULT_CONFIG }),
  });
  expect(report.errors).toEqual([]);
  return { filesRead: report.filesRead, site: await readSite(out) };
}


/** The options of a build of `content` into a new site and cache folder, as `broadsheet serve` builds them one after another. */
async function heldBuild(content: string) {
  const out = path.join(await tempDir(), 'site');
  const cacheDir = await tempDir('broadsheet-cache-');
  const options = {
    contentDir: content, outDir: out, cacheDir,
    templatesDir: path.join(ROOT, 'templates'), publicDir: path.join(ROOT, 'public'), config: normaliseConfig({ ...DEFAULT_CONFIG }),
  };
  return { out, cacheDir, options };
}

/** The site a cold build (no cache) makes of the same content. */
const cold = async (content: string): Promise<Map<string, string>> => readSite((await buildSite(content)).out);

describe('a rebuild with the state of the last build', () => {
  it('reads only new and changed files, notices deleted and renamed ones, and makes the site a cold build makes', async () => {
    const content = await contentFolder({
      'a.txt': COUNCIL,
      'b.txt': article('Ferry returns after repairs', 2, 'The ferry sailed again on Tuesday.'),
    }, [SEED]);
    const out = path.join(await tempDir(), 'site');
    const cacheDir = await tempDir('broadsheet-cache-');
    await age(content);

    expect((await rebuild(content, out, cacheDir)).filesRead).toBe(3);
    const unchanged = await rebuild(content, out, cacheDir);
    expect(unchanged.filesRead).toBe(0);
    expect(unchanged.site).toEqual(await cold(content));

    const longer = article('Ferry returns after long repairs', 2, 'The ferry sailed again on Tuesday, late.');
    await writeFile(path.join(content, 'b.txt'), longer);
    await age(content, ['b.txt']);
    const edited = await rebuild(content, out, cacheDir);
    expect(edited.filesRead).toBe(1);
    expect(edited.site).toEqual(await cold(content));

    await rm(path.join(content, 'a.txt'));
    await rename(path.join(content, 'b.txt'), path.join(content, 'c.txt'));
    await age(content, ['c.txt']);
    const moved = await rebuild(content, out, cacheDir);
    expect(moved.filesRead).toBe(1);
    expect(moved.site).toEqual(await cold(content));
    expect([...moved.site.keys()].some((f) => f.includes('council-approves'))).toBe(false);

    expect((await rebuild(content, out, cacheDir, true)).filesRead).toBe(2);
  }, 60_000);

  it('reads a trusted file after all when the parse cache no longer has it', async () => {
    const content = await contentFolder({ 'a.txt': COUNCIL }, [SEED]);
    const out = path.join(await tempDir(), 'site');
    const cacheDir = await tempDir('broadsheet-cache-');
    await age(content);
    await rebuild(content, out, cacheDir);
    for (const name of await readdir(cacheDir)) if (name.startsWith('parse-')) await rm(path.join(cacheDir, name));
    const again = await rebuild(content, out, cacheDir);
    expect(again.filesRead).toBe(2);
    expect(again.site).toEqual(await cold(content));
  }, 60_000);

  it('stops, naming the file, when a trusted file read late holds other text than the last build keyed', async () => {
    const content = await contentFolder({ 'a.txt': COUNCIL });
    const out = path.join(await tempDir(), 'site');
    const cacheDir = await tempDir('broadsheet-cache-');
    await age(content);
    await rebuild(content, out, cacheDir);
    // Other bytes of the same length behind the stamp the index remembers (a clock too coarse to
    // show the change): the index is told the new stamp, and the parse cache is gone, so the file
    // is read late.
    const file = path.join(content, 'a.txt');
    await writeFile(file, COUNCIL.replace('harbour', 'harbor '));
    await age(content);
    const { stat: statOf, readFile: read } = await import('node:fs/promises');
    const now = await statOf(file);
    const index = JSON.parse(await read(path.join(cacheDir, 'files-v1.json'), 'utf8')) as { files: [string, Record<string, number>][] };
    Object.assign(index.files[0]![1], { size: now.size, ino: now.ino, mtimeMs: now.mtimeMs, ctimeMs: now.ctimeMs });
    await writeFile(path.join(cacheDir, 'files-v1.json'), JSON.stringify(index));
    for (const name of await readdir(cacheDir)) if (name.startsWith('parse-')) await rm(path.join(cacheDir, name));
    const before = await readSite(out);
    const message = /a\.txt: expected the text the last build read \(same size and times\), found other text; build again with --verify/;
    await expect(rebuild(content, out, cacheDir)).rejects.toThrow(message);
    expect(await readSite(out)).toEqual(before);
    expect((await rebuild(content, out, cacheDir, true)).site).toEqual(await cold(content));
  }, 60_000);
});

it('does not trust a file changed in the last seconds, whose stamp a coarse clock might not change again', async () => {
  const content = await contentFolder({ 'a.txt': COUNCIL });
  const out = path.join(await tempDir(), 'site');
  const cacheDir = await tempDir('broadsheet-cache-');
  expect((await rebuild(content, out, cacheDir)).filesRead).toBe(1);
  expect((await rebuild(content, out, cacheDir)).filesRead).toBe(1);
}, 60_000);


describe('a build that would change nothing', () => {
  it('says so without building, with the last report, and any change to content, options or the output builds again', async () => {
    const content = await contentFolder({ 'a.txt': COUNCIL }, [SEED]);
    // A file whose date is not read gives a warning, which a build that changes nothing repeats.
    const undated = '\n\nFerry returns after repairs\n\nPosted 3 hrs ago\n\nThe ferry sailed.\n\n'
      + 'Original url:\n\nhttps://news.example/2025/05/02/ferry\n';
    await writeFile(path.join(content, 'b.txt'), undated);
    await age(content);
    // Dating the files back changed their change time: stamps this recent are not trusted for three seconds.
    await new Promise((resolve) => setTimeout(resolve, 3100));
    const out = path.join(await tempDir(), 'site');
    const cache = await tempDir('broadsheet-cache-');
    const args = ['build', '--content', content, '--out', out, '--cache-dir', cache];

    const first = await runCli(...args);
    expect(first.code).toBe(0);
    const site = await readSite(out);
    const again = await runCli(...args);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Built 3 articles into .* \(\d+ files: 0 written, \d+ unchanged\)/);
    expect(again.stdout).toContain('nothing changed');
    expect(again.stderr).toBe(first.stderr);
    expect(again.stderr).toContain('b.txt:5: expected a date');
    expect(await readSite(out)).toEqual(site);

    // --verify builds; so does an edited article, another base address, and a removed output folder.
    expect((await runCli(...args, '--verify')).stdout).not.toContain('nothing changed');
    await writeFile(path.join(content, 'a.txt'), article('Council approves the new harbour plan', 1, 'The council voted on Monday.'));
    await age(content, ['a.txt']);
    const edited = await runCli(...args);
    expect(edited.stdout).not.toContain('nothing changed');
    expect(await readSite(out)).toEqual(await cold(content));
    expect((await runCli(...args, '--base-url', 'https://archive.example')).stdout).not.toContain('nothing changed');
    await rm(out, { recursive: true });
    expect((await runCli(...args, '--base-url', 'https://archive.example')).stdout).not.toContain('nothing changed');
    expect((await readSite(out)).size).toBeGreaterThan(0);
  }, 120_000);
});

describe('builds in one process with the build state held in memory (as `broadsheet serve` builds)', () => {
  it('read only what changed, make the site a cold build makes, and leave a cache that a new process trusts', async () => {
    const content = await contentFolder({ 'a.txt': COUNCIL }, [SEED]);
    const { out, cacheDir, options } = await heldBuild(content);
    await age(content);
    const state = await openBuildState(cacheDir);
    expect((await build(options, state)).filesRead).toBe(2);
    for (const [day, name] of [[2, 'b.txt'], [3, 'c.txt'], [4, 'b.txt']] as const) {
      await writeFile(path.join(content, name), article(`Ferry returns on day ${day}`, day, 'The ferry sailed again.'));
      await age(content, [name]);
      const report = await build(options, state);
      expect(report.filesRead).toBe(1);
      expect(await readSite(out)).toEqual(await cold(content));
    }
    await rm(path.join(content, 'a.txt'));
    expect((await build(options, state)).filesRead).toBe(0);
    expect(await readSite(out)).toEqual(await cold(content));
    // The site's manifests are held too: with those on disk gone, an edit still keeps the unchanged pages.
    await rm(path.join(cacheDir, 'sites'), { recursive: true });
    await writeFile(path.join(content, 'c.txt'), article('Ferry returns on day 5', 5, 'The ferry sailed again.'));
    await age(content, ['c.txt']);
    const held = await build(options, state);
    expect(held.unchanged).toBeGreaterThan(held.written!);
    expect(await readSite(out)).toEqual(await cold(content));
    // A new process (a new state) trusts every file and has every record.
    expect((await rebuild(content, out, cacheDir)).filesRead).toBe(0);
    const segments = (await readdir(cacheDir)).filter((n) => n.startsWith('parse-'));
    expect(segments.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('what one build in a process leaves the next (`BuildMemo`)', () => {
  it('keeps the record, entry, page data and page key of every article an edit leaves as it was, and only those', async () => {
    const content = await contentFolder({
      'a.txt': COUNCIL,
      'b.txt': article('Ferry returns after repairs', 2, 'The ferry sailed again on Tuesday.'),
      'c.txt': article('Bridge closes for a week', 3, 'The bridge shut on Wednesday.'),
    }, [SEED]);
    const { out, cacheDir, options } = await heldBuild(content);
    await age(content);
    const state = await openBuildState(cacheDir);
    await build(options, state);
    const records = (): Map<string, object> => new Map([...state.memo.records].map(([file, r]) => [path.basename(file), r.prepared]));
    const entryOf = (name: string) => {
      const prepared = state.memo.records.get(path.join(content, name))!.prepared;
      return prepared.outcome.ok ? state.memo.archive.get(prepared.outcome.article) : undefined;
    };
    const before = records();
    const entries = new Map(['a.txt', 'b.txt', 'c.txt'].map((n) => [n, entryOf(n)]));
    const pages = new Map([...entries].map(([n, e]) => [n, state.memo.site.articles.get(e!)!.page]));
    // A new paragraph in b.txt: its record changes; its neighbours' links to it (address, headline, date) do not.
    await writeFile(path.join(content, 'b.txt'), article('Ferry returns after repairs', 2, 'The ferry sailed again on Tuesday.\n\nMore.'));
    await age(content, ['b.txt']);
    await build(options, state);
    const after = records();
    for (const name of ['a.txt', 'c.txt']) {
      expect(after.get(name)).toBe(before.get(name));
      expect(entryOf(name)).toBe(entries.get(name));
      const page = state.memo.site.articles.get(entryOf(name)!)!.page;
      expect(page).toBe(pages.get(name));
      expect(state.memo.keys.articles.get(page)).toBeDefined();
    }
    expect(after.get('b.txt')).not.toBe(before.get('b.txt'));
    expect(entryOf('b.txt')).not.toBe(entries.get('b.txt'));
    expect(await readSite(out)).toEqual(await cold(content));
    // A retitled article changes what its neighbours print of it: their entries are made again.
    await writeFile(path.join(content, 'b.txt'), article('Ferry is back after repairs', 2, 'The ferry sailed again on Tuesday.'));
    await age(content, ['b.txt']);
    await build(options, state);
    expect(entryOf('a.txt')).not.toBe(entries.get('a.txt'));
    expect(entryOf('c.txt')).not.toBe(entries.get('c.txt'));
    expect(await readSite(out)).toEqual(await cold(content));
  }, 60_000);
});

describe('reading content with the stamps the nothing-changed check took', () => {
  it('takes a listed file\'s stamp as given, and stats the files not listed', async () => {
    const { readContent } = await import('../src/read/index.js');
    const { stat } = await import('node:fs/promises');
    const content = await contentFolder({ 'a.txt': COUNCIL, 'b.txt': COUNCIL.replace('Council', 'Harbour') });
    const [a, b] = ['a.txt', 'b.txt'].map((n) => path.join(content, n)) as [string, string];
    const stampOf = async (file: string) => {
      const s = await stat(file);
      return { size: s.size, ino: s.ino, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs };
    };
    const given = { ...(await stampOf(a)), mtimeMs: 1 };
    const asked: [string, number][] = [];
    const read = await readContent(content, ['.txt'], {
      stamps: new Map([[a, given]]),
      trusted: (file, stamp) => (asked.push([path.basename(file), stamp.mtimeMs]), undefined),
    });
    expect(read.files.map((f) => path.basename(f.path))).toEqual(['a.txt', 'b.txt']);
    expect(asked).toEqual([['a.txt', 1], ['b.txt', (await stampOf(b)).mtimeMs]]);
  });
});
