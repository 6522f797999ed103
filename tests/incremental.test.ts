import fc from 'fast-check';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, openBuildState } from '../src/build.js';
import { DEFAULT_CONFIG, normaliseConfig } from '../src/read/index.js';
import { ROOT, age, buildSite, contentFolder, readSite, tempDir } from './helpers/site.js';

/** Few titles, so that two articles often share one: their slugs collide and must be told apart. */
const TITLES = [
  'Council approves the harbour plan', 'Ferry returns after repairs', 'Storm closes the coast road', 'Mayor opens the new library',
];
const NAMES = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'];
/** Many speakers and some articles with none: few articles share one, so "More on this" leaves most pages alone. */
const SPEAKERS = ['Mayor Ana Ruiz', 'Councillor Tom Okafor', 'Priya Haddad, a ferry captain', 'Omar Sato', 'Grace Mensah', ''];

interface Article { readonly title: string; readonly day: number; readonly words: string; readonly speaker: string }

const quote = (a: Article): string => (a.speaker ? ` "It was a long night," said ${a.speaker}.` : '');
const dump = (a: Article): string => `\n\n${a.title}\n\nMay ${a.day}, 2025\n\n\n\n${a.words}${quote(a)}\n\n`
  + `Original url:\n\nhttps://news.example/2025/05/${a.day}/story\n`;

const article = fc.record({
  title: fc.constantFrom(...TITLES),
  day: fc.integer({ min: 1, max: 28 }),
  words: fc.constantFrom('The vote was close.', 'Work starts in June.', 'Residents were told on Monday.', 'The road reopens on Friday.'),
  speaker: fc.constantFrom(...SPEAKERS),
});

/** One change an editor makes to the archive between two builds. */
const change = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), name: fc.constantFrom(...NAMES), article }),
  fc.record({
    kind: fc.constant('edit' as const),
    name: fc.constantFrom(...NAMES),
    words: article.map((a) => a.words),
    speaker: fc.constantFrom(...SPEAKERS),
  }),
  fc.record({ kind: fc.constant('retitle' as const), name: fc.constantFrom(...NAMES), title: fc.constantFrom(...TITLES) }),
  fc.record({ kind: fc.constant('delete' as const), name: fc.constantFrom(...NAMES) }),
  fc.record({ kind: fc.constant('rename' as const), name: fc.constantFrom(...NAMES), to: fc.constantFrom(...NAMES) }),
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

/** Applies a change to the folder (and its model); the names of the files it wrote. */
async function apply(dir: string, model: Map<string, Article>, c: Change): Promise<string[]> {
  const file = path.join(dir, c.name);
  const current = model.get(c.name);
  let next: Article | undefined;
  if (c.kind === 'add' && !current) next = c.article;
  else if (c.kind === 'edit' && current) next = { ...current, words: c.words, speaker: c.speaker };
  else if (c.kind === 'retitle' && current) next = { ...current, title: c.title };
  else if (c.kind === 'delete' && current) {
    model.delete(c.name);
    await rm(file);
    return [];
  } else if (c.kind === 'rename' && current && !model.has(c.to)) {
    model.delete(c.name);
    model.set(c.to, current);
    await rename(file, path.join(dir, c.to));
    return [c.to];
  }
  if (!next) return [];
  model.set(c.name, next);
  await writeFile(file, dump(next));
  return [c.name];
}

describe('a rebuild after any sequence of changes', () => {
  it('gives byte for byte the site a cold build of the same content gives (adds, edits, deletes, renames, colliding headlines), '
    + 'with the build state read from disk or held in memory', async () => {
    let sequences = 0;
    const starts = fc.array(article, { minLength: 1, maxLength: 3 });
    const changeLists = fc.array(change, { minLength: 1, maxLength: 6 });
    await fc.assert(fc.asyncProperty(starts, changeLists, async (start, changes) => {
      sequences++;
      const model = new Map(start.map((a, i) => [NAMES[i]!, a] as const));
      const content = await contentFolder(Object.fromEntries([...model].map(([name, a]) => [name, dump(a)])));
      const out = path.join(await tempDir(), 'site');
      const cacheDir = await tempDir('broadsheet-cache-');
      const options = {
        contentDir: content, outDir: out, cacheDir,
        templatesDir: path.join(ROOT, 'templates'), publicDir: path.join(ROOT, 'public'), config: normaliseConfig({ ...DEFAULT_CONFIG }),
      };
      // Every other sequence builds as `broadsheet serve` does: one process, the build state held in memory.
      const state = sequences % 2 === 0 ? await openBuildState(cacheDir) : undefined;
      // Files dated back, as an editor's files are: the rebuild trusts their stamps rather than reading them.
      await age(content);
      await build(options, state);
      for (const c of changes) {
        await age(content, await apply(content, model, c));
        const report = await build(options, state);
        expect(report.errors).toEqual([]);
        expect(await readSite(out)).toEqual(await readSite((await buildSite(content)).out));
      }
    }), { numRuns: 25, seed: 20261203, endOnFailure: true });
    expect(sequences).toBe(25);
  }, 300_000);
});
