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
    const stored = (await Promise.all(segments.map(async (name) => deserialize(await readFile(path.join(dir, name))) as [string, unknown][]))).flat();
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
});
