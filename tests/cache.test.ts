import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/parse/index.js';
import { prepareFile } from '../src/prepare/index.js';
import { contentKey, openParseCache } from '../src/state/index.js';
import { SEED, tempDir } from './helpers/site.js';

describe('the parse cache', () => {
  it('keeps records without their body trees, and gives a tree back, parsed again from the same text, only when asked', async () => {
    const file = { path: 'content/seed.txt', text: await readFile(SEED, 'utf8') };
    const fresh = parseFile(file);
    if (!fresh.ok) throw new Error('the seed should parse');
    const dir = await tempDir('broadsheet-cache-');
    const first = await openParseCache(dir);
    first.set(contentKey(file), prepareFile(file));
    await first.save();
    const segments = (await readdir(dir)).filter((name) => name.startsWith('parse-'));
    const stored = (await Promise.all(
      segments.map(async (name) => deserialize(await readFile(path.join(dir, name))) as [string, unknown][])
    )).flat();
    expect(stored).toHaveLength(1);
    const record = JSON.stringify(stored[0]![1]);
    expect(record).toContain(JSON.stringify(fresh.article.headline).slice(1, -1));
    expect(record).not.toMatch(/"type":"root/);

    let parses = 0;
    const hit = (await openParseCache(dir)).get(contentKey(file), file.path, () => {
      parses++;
      return parseFile(file);
    });
    if (!hit?.outcome.ok) throw new Error('expected the cached record');
    expect(hit.outcome.article.file).toBe(file.path);
    expect(hit.outcome.article.quotes).toEqual(fresh.article.quotes);
    expect(parses).toBe(0);
    expect(hit.outcome.article.body).toEqual(fresh.article.body);
    expect(hit.outcome.article.body).toBe(hit.outcome.article.body);
    expect(parses).toBe(1);
  });

  it('serves build after build in one process, merging its small segments as a new process would, and loses no record', async () => {
    const seed = await readFile(SEED, 'utf8');
    const files = Array.from({ length: 40 }, (_, i) => ({ path: `content/${i}.txt`, text: seed.replace('\n\n', `\n\nStory ${i}: `) }));
    const dir = await tempDir('broadsheet-cache-');
    const cache = await openParseCache(dir);
    const prepared = prepareFile(files[0]!);
    const reparse = () => parseFile(files[0]!);
    // One build per new file, each using every file before it, as a serve session adding articles.
    for (const [i, file] of files.entries()) {
      for (const earlier of files.slice(0, i)) expect(cache.get(contentKey(earlier), earlier.path, reparse)).toBeDefined();
      cache.set(contentKey(file), prepared);
      await cache.save();
      expect((await readdir(dir)).filter((name) => name.startsWith('parse-')).length).toBeLessThanOrEqual(32);
    }
    const again = await openParseCache(dir);
    expect(files.every((file) => again.get(contentKey(file), file.path, reparse) !== undefined)).toBe(true);
    // A build that uses only the last file: the rest are dropped from memory and disk alike.
    for (const file of files.slice(0, -1)) expect(cache.get(contentKey(file), file.path, reparse)).toBeDefined();
    await cache.save();
    expect(cache.get(contentKey(files.at(-1)!), files.at(-1)!.path, reparse)).toBeDefined();
    await cache.save();
    const last = await openParseCache(dir);
    expect(last.get(contentKey(files.at(-1)!), files.at(-1)!.path, reparse)).toBeDefined();
    expect(last.get(contentKey(files[0]!), files[0]!.path, reparse)).toBeUndefined();
  });
});
