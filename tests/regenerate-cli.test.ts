import { execFile } from 'node:child_process';
import fc from 'fast-check';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT, age, readSite, tempDir } from './helpers/site.js';

/**
 * The same property as `incremental.test.ts`, through the command a user runs: each change is
 * followed by `broadsheet build` in a process of its own over the last site and build state, and
 * the result must be byte for byte what a cold build of the same content, templates and settings
 * gives. Two articles a page, so the listing pages (counted from the oldest) are exercised.
 */

const TITLES = ['Council approves the harbour plan', 'Ferry returns after repairs', 'Storm closes the coast road'];
const NAMES = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.md'];
/** Many speakers and some articles with none: few articles share one, so "More on this" leaves most pages alone. */
const SPEAKERS = [
  'Mayor Ana Ruiz', 'Councillor Tom Okafor', 'Priya Haddad, a ferry captain', 'Chief Inspector Lena Brandt',
  'Omar Sato', 'Grace Mensah', '',
];
const MONTHS = ['March', 'May'];

interface Article {
  readonly title: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly words: string;
  readonly speaker: string;
}

const quote = (a: Article): string => (a.speaker ? ` "It was a long night," said ${a.speaker}.` : '');

/** A raw text dump, or Markdown for a `.md` name. */
function text(name: string, a: Article): string {
  if (name.endsWith('.md')) {
    const date = `${a.year}-${String(a.month === 0 ? 3 : 5).padStart(2, '0')}-${String(a.day).padStart(2, '0')}`;
    return `---\ntitle: "${a.title}"\ndate: ${date}\ntags: [Harbour]\n---\n${a.words}${quote(a)}\n`;
  }
  return `\n\n${a.title}\n\n${MONTHS[a.month]} ${a.day}, ${a.year}\n\n\n\n${a.words}${quote(a)}\n\n`
    + `Original url:\n\nhttps://news.example/${a.year}/${a.day}/story\n`;
}

const article = fc.record({
  title: fc.constantFrom(...TITLES),
  // Later years are new articles; earlier ones are backdated among those already there.
  year: fc.integer({ min: 2023, max: 2026 }),
  month: fc.integer({ min: 0, max: 1 }),
  day: fc.integer({ min: 1, max: 28 }),
  words: fc.constantFrom('The vote was close.', 'Work starts in June.', 'Residents were told on Monday.'),
  speaker: fc.constantFrom(...SPEAKERS),
});

const change = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), name: fc.constantFrom(...NAMES), article }),
  fc.record({
    kind: fc.constant('edit' as const), name: fc.constantFrom(...NAMES),
    words: article.map((a) => a.words), speaker: fc.constantFrom(...SPEAKERS),
  }),
  fc.record({ kind: fc.constant('retitle' as const), name: fc.constantFrom(...NAMES), title: fc.constantFrom(...TITLES) }),
  fc.record({ kind: fc.constant('delete' as const), name: fc.constantFrom(...NAMES) }),
  fc.record({
    kind: fc.constant('rename' as const), name: fc.constantFrom(...NAMES), to: fc.constantFrom(...NAMES.filter((n) => n.endsWith('.txt'))),
  }),
  fc.record({ kind: fc.constant('template' as const), words: fc.constantFrom('Kept by hand.', 'An archive of record.') }),
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

/** A project folder: settings (two articles a page), templates and static files of its own, a content folder. */
async function project(): Promise<string> {
  const dir = await tempDir('broadsheet-project-');
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'archive', private: true, broadsheet: { perPage: 2 } }));
  await cp(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  await cp(path.join(ROOT, 'public'), path.join(dir, 'public'), { recursive: true });
  await mkdir(path.join(dir, 'content'));
  return dir;
}

/** Runs `broadsheet build` in `dir`, as a user would; fails the test on a non-zero exit. */
async function cli(dir: string): Promise<void> {
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'build', '--cache-dir', '.cache'], { cwd: dir });
}

/** Applies a change to the project (and its model); the content files it wrote. */
async function apply(dir: string, model: Map<string, Article>, c: Change): Promise<string[]> {
  const content = path.join(dir, 'content');
  if (c.kind === 'template') {
    const footer = path.join(dir, 'templates', '_includes', 'base.njk');
    await writeFile(footer, (await readFile(footer, 'utf8')).replace(/<footer class="site-footer">/, `$&<!-- ${c.words} -->`));
    return [];
  }
  const current = model.get(c.name);
  let next: Article | undefined;
  if (c.kind === 'add' && !current) next = c.article;
  else if (c.kind === 'edit' && current) next = { ...current, words: c.words, speaker: c.speaker };
  else if (c.kind === 'retitle' && current) next = { ...current, title: c.title };
  else if (c.kind === 'delete' && current) {
    model.delete(c.name);
    await rm(path.join(content, c.name));
    return [];
  } else if (c.kind === 'rename' && current && !c.name.endsWith('.md') && !model.has(c.to)) {
    model.delete(c.name);
    model.set(c.to, current);
    await rename(path.join(content, c.name), path.join(content, c.to));
    return [c.to];
  }
  if (!next) return [];
  model.set(c.name, next);
  await writeFile(path.join(content, c.name), text(c.name, next));
  return [c.name];
}

describe('the build command, run again after any sequence of changes', () => {
  it('gives what a cold build gives, byte for byte (adds, backdated adds, edits, deletes, renames, clashes, templates)', async () => {
    let sequences = 0;
    const starts = fc.array(article, { minLength: 2, maxLength: 5 });
    await fc.assert(fc.asyncProperty(starts, fc.array(change, { minLength: 1, maxLength: 4 }), async (start, changes) => {
      sequences++;
      const dir = await project();
      const model = new Map(start.map((a, i) => [NAMES[i]!, a] as const));
      for (const [name, a] of model) await writeFile(path.join(dir, 'content', name), text(name, a));
      await age(path.join(dir, 'content'));
      await cli(dir);
      for (const c of changes) {
        await age(path.join(dir, 'content'), await apply(dir, model, c));
        await cli(dir);
        // A cold build of the same project: its content, templates and settings, no cache, no site.
        const cold = await tempDir('broadsheet-cold-');
        await cp(dir, cold, { recursive: true, filter: (from) => !/[/\\](?:_site|\.cache|\._site[^/\\]*)$/.test(from) });
        await cli(cold);
        expect(await readSite(path.join(dir, '_site'))).toEqual(await readSite(path.join(cold, '_site')));
      }
    }), { numRuns: 10, seed: 20261205, endOnFailure: true });
    expect(sequences).toBe(10);
  }, 600_000);
});
