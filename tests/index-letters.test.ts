import { readFileSync, readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateArticles } from '../src/evaluate/bench/generate.js';
import { INDEX_SPLIT, nameIndex } from '../src/site/letters.js';
import { runCli, tempDir } from './helpers/site.js';

/** The links of a page, as site paths, resolved against the page's own path. */
function linksOf(html: string, page: string): string[] {
  const hrefs = [...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1]!.replace(/index\.html$/, ''));
  return hrefs.map((href) => new URL(href, `https://site.test${page}`).pathname);
}

describe('an index that scales: 20,000 people', () => {
  let site = '';
  let people: string[] = [];
  beforeAll(async () => {
    const content = path.join(await tempDir(), 'content');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(content);
    for (const a of generateArticles(2800, 5, { distinctSpeakers: 10 })) await writeFile(path.join(content, a.name), a.text);
    site = path.join(await tempDir(), '_site');
    const built = await runCli('build', '--content', content, '--out', site);
    expect(built.code, built.stderr).toBe(0);
    const rows = readFileSync(path.join(site, 'data', 'people.csv'), 'utf8').trim().split('\r\n').slice(1);
    people = rows.map((row) => new URL(row.split(',').at(-1)!).pathname);
  }, 300_000);

  it('has more than 20,000 people, and /people/ stays under 200 KB with the most quoted and one link per letter', () => {
    expect(people.length).toBeGreaterThan(20_000);
    const index = readFileSync(path.join(site, 'people', 'index.html'), 'utf8');
    expect(Buffer.byteLength(index)).toBeLessThan(200_000);
    expect(index.match(/<ol class="most-quoted">[\s\S]*?<\/ol>/)![0].match(/<li>/g)).toHaveLength(10);
    const letters = linksOf(index, '/people/').filter((p) => /^\/people\/(?:[a-z]|other)\/$/.test(p));
    expect(letters.length).toBeGreaterThan(10);
    const onDisk = readdirSync(path.join(site, 'people')).filter((n) => /^(?:[a-z]|other)$/.test(n)).map((n) => `/people/${n}/`);
    expect(letters.sort()).toEqual(onDisk.sort());
  });

  it('reaches every person in two clicks: /people/, a letter, the person', () => {
    const index = readFileSync(path.join(site, 'people', 'index.html'), 'utf8');
    const reached = new Map<string, string>();
    for (const letter of new Set(linksOf(index, '/people/').filter((p) => /^\/people\/(?:[a-z]|other)\/$/.test(p)))) {
      const page = readFileSync(path.join(site, letter, 'index.html'), 'utf8');
      const list = page.match(/<ul class="people-list">[\s\S]*?<\/ul>/)![0];
      for (const person of linksOf(list, letter)) {
        expect(reached.get(person), `${person} listed under ${letter} and ${reached.get(person)}`).toBeUndefined();
        reached.set(person, letter);
      }
    }
    expect([...reached.keys()].sort()).toEqual([...people].sort());
    for (const person of people.slice(0, 200)) expect(statSync(path.join(site, person, 'index.html')).isFile()).toBe(true);
  });
});

describe('when an index splits', () => {
  const names = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ name: `${'ABCÉ1'[i % 5]}name ${i}`, url: `/topics/t${i}/`, count: i % 7 }));

  it(`lists up to ${INDEX_SPLIT} names on one page, grouped by letter, and no letter pages`, () => {
    const { index, pages } = nameIndex('topics', names(INDEX_SPLIT));
    expect(index.split).toBe(false);
    expect(pages).toEqual([]);
    expect(index.names).toHaveLength(INDEX_SPLIT);
    expect(index.top).toEqual([]);
  });

  it('past that, one page per letter (accents filed under their letter, digits under #), and the most covered on the index', () => {
    const { index, pages } = nameIndex('topics', names(INDEX_SPLIT + 1));
    expect(index.split).toBe(true);
    expect(index.names).toEqual([]);
    expect(pages.map((p) => [p.url, p.label, p.names.length])).toEqual([
      ['/topics/a/', 'A', 61], ['/topics/b/', 'B', 60], ['/topics/c/', 'C', 60], ['/topics/e/', 'E', 60], ['/topics/other/', '#', 60],
    ]);
    expect(index.top).toHaveLength(20);
    expect(index.top.every((t) => t.count === 6)).toBe(true);
    expect(pages[1]!.letters.filter((l) => l.current).map((l) => l.url)).toEqual(['/topics/b/']);
  });
});

describe('a topic index past the split, built', () => {
  it('links each letter page from /topics/, and each topic from its letter page', async () => {
    const { buildSite, contentFolder } = await import('./helpers/site.js');
    const files: Record<string, string> = {};
    for (let i = 0; i <= INDEX_SPLIT; i++) {
      const tag = `${'KLMNO'[i % 5]}opic number ${i}`;
      const date = `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`;
      files[`a${i}.md`] = `---\ntitle: Article ${i}\ndate: ${date}\ntags: ["${tag}"]\n---\nA paragraph about it.\n`;
    }
    const { out, report } = await buildSite(await contentFolder(files));
    expect(report.ok).toBe(true);
    const index = readFileSync(path.join(out, 'topics', 'index.html'), 'utf8');
    const letters = linksOf(index, '/topics/').filter((p) => /^\/topics\/[a-z]\/$/.test(p));
    expect([...new Set(letters)]).toEqual(['/topics/k/', '/topics/l/', '/topics/m/', '/topics/n/', '/topics/o/']);
    const topics = new Set<string>();
    for (const letter of new Set(letters)) {
      const page = readFileSync(path.join(out, letter, 'index.html'), 'utf8');
      for (const link of linksOf(page.match(/<ul class="term-list">[\s\S]*?<\/ul>/)![0], letter)) topics.add(link);
    }
    expect(topics.size).toBe(INDEX_SPLIT + 1);
    for (const topic of topics) expect(statSync(path.join(out, topic, 'index.html')).isFile()).toBe(true);
  }, 120_000);
});
