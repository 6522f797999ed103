import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStaging, type Part } from '../src/site/output.js';
import { tempDir } from './helpers/site.js';

/** Writes `data.txt` in keyed parts into a new site at `out`; returns the keys whose parts were made rather than copied. */
async function writeKeyed(out: string, cacheDir: string, parts: Record<string, string>): Promise<string[]> {
  const made: string[] = [];
  const staging = await openStaging(out, cacheDir);
  await staging.ready;
  const keyed = Object.entries(parts).map(([key, text]): Part => ({ key, make: () => (made.push(key), text) }));
  staging.writer.writeParts('data.txt', () => ['head\n', ...keyed]);
  await staging.finish();
  return made;
}

describe('a file written in keyed parts', () => {
  it('copies the parts the file in place holds under the same key, in any order, and makes only the others', async () => {
    const out = path.join(await tempDir(), 'site');
    const cacheDir = await tempDir('broadsheet-cache-');
    expect(await writeKeyed(out, cacheDir, { a: 'first\n', b: 'second, "quoted"\n', c: 'third\n' })).toEqual(['a', 'b', 'c']);
    // The makers of kept parts would now give other text: what is copied is what the file in place holds.
    expect(await writeKeyed(out, cacheDir, { n: 'new\n', c: 'THIRD\n', a: 'FIRST\n' })).toEqual(['n']);
    expect(await readFile(path.join(out, 'data.txt'), 'utf8')).toBe('head\nnew\nthird\nfirst\n');
    expect(await writeKeyed(out, cacheDir, { a: 'x', n: 'y' })).toEqual([]);
    expect(await readFile(path.join(out, 'data.txt'), 'utf8')).toBe('head\nfirst\nnew\n');
  });

  it('makes every part again when the site in place is not the one the state describes', async () => {
    const root = await tempDir();
    const out = path.join(root, 'site');
    const cacheDir = await tempDir('broadsheet-cache-');
    await writeKeyed(out, cacheDir, { a: 'first\n', b: 'second\n' });
    // A copy put in place by other means: same bytes perhaps, but not the folder the manifests describe.
    await cp(out, path.join(root, 'copy'), { recursive: true });
    await rm(out, { recursive: true });
    await cp(path.join(root, 'copy'), out, { recursive: true });
    expect(await writeKeyed(out, cacheDir, { b: 'SECOND\n', a: 'FIRST\n' })).toEqual(['b', 'a']);
    expect(await readFile(path.join(out, 'data.txt'), 'utf8')).toBe('head\nSECOND\nFIRST\n');
  });
});
