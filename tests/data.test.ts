import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateArticles } from '../src/evaluate/bench/generate.js';
import { parseArticle, publicRecord } from '../src/parse/index.js';
import { archiveAsData } from '../src/site/data-files.js';
import type { SiteData } from '../src/site/data.js';
import type { Article } from '../src/types.js';
import { buildSite, contentFolder, tempDir } from './helpers/site.js';

type Row = Record<string, string>;
const rowsOf = (csv: string): Row[] => parse(csv, { columns: true, record_delimiter: '\r\n' }) as Row[];

const BUDGET = 'We will not, under any circumstances, sign a budget that says \'trust us\' and nothing more';

/** Hand-written articles whose fields hold what CSV must quote: commas, quotation marks. */
const TRICKY = {
  'tricky-1.md': [
    '---', 'title: \'Budget, Again: "No" Says Mayor\'', 'date: 2024-05-01',
    'source: {url: "https://example.org/budget", name: "The Gazette, Weekly"}', '---',
    `"${BUDGET}," said Mayor Jane Roe, the city's "first" mayor.`,
    '', 'Roe\'s deputy, Tom Field, said the council would meet again "soon, very soon".', '',
  ].join('\n'),
  'tricky-2.txt': [
    '', 'Mayor Says "Enough," Vetoes Plan', '', 'May 2, 2024', '',
    '"This plan, as written, is a "blank cheque"," Mayor Jane Roe told reporters on Thursday.', '',
  ].join('\n'),
};

describe('the archive as data: quotes.csv, people.csv and articles.jsonl', () => {
  let site = '';
  let content = '';
  let records: Article[] = [];
  let cache = '';
  beforeAll(async () => {
    cache = await tempDir('broadsheet-cache-');
    content = await contentFolder(TRICKY);
    for (const a of generateArticles(1000, 11)) await writeFile(path.join(content, a.name), a.text);
    const { out, report } = await buildSite(content, {}, undefined, false, cache);
    expect(report.ok).toBe(true);
    site = out;
    records = [];
    for (const name of (await readdir(content)).sort()) {
      const outcome = parseArticle({ path: path.join(content, name), text: await readFile(path.join(content, name), 'utf8') });
      if (outcome.ok) records.push(outcome.article);
    }
    expect(records).toHaveLength(1002);
  }, 120_000);

  /** Each article's page address, from its record in articles.jsonl. */
  const urls = (): Map<string, string> => new Map(
    readFileSync(path.join(site, 'data', 'articles.jsonl'), 'utf8').trim().split('\n').map((line) => {
      const { file, url } = JSON.parse(line) as { file: string; url: string };
      return [file, url];
    }),
  );

  it('quotes.csv, read back by a CSV parser, holds every quotation of every record once, commas and quotation marks intact', () => {
    const rows = rowsOf(readFileSync(path.join(site, 'data', 'quotes.csv'), 'utf8'));
    const pages = urls();
    const expected = records.flatMap((a) => a.quotes.map((q) => ({
      quote: q.text, speaker: q.speaker ?? '', role: q.role ?? '', partial: String(q.partial), named: String(q.named),
      headline: a.headline, date: a.date,
      outlet: a.source?.name ?? '', url: `${pages.get(path.basename(a.file))}#p${q.paragraph + 1}`,
    })));
    const key = (r: Row): string => JSON.stringify([r['url'], r['quote'], r['speaker']]);
    expect(rows.length).toBe(expected.length);
    expect([...rows].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...expected].sort((a, b) => key(a).localeCompare(key(b))));
    expect(new Set(rows.map(key)).size).toBe(rows.length);
    const tricky = rows.filter((r) => r['outlet'] === 'The Gazette, Weekly');
    expect(tricky.map((r) => r['headline'])).toContain('Budget, Again: "No" Says Mayor');
    expect(tricky.map((r) => r['quote'])).toContain(BUDGET);
  });

  it('people.csv has each speaker once, with their quotes counted and their first and last dates, and a page that exists', () => {
    const quotes = rowsOf(readFileSync(path.join(site, 'data', 'quotes.csv'), 'utf8'));
    const people = rowsOf(readFileSync(path.join(site, 'data', 'people.csv'), 'utf8'));
    expect(Object.keys(people[0]!)).toEqual(['name', 'roles', 'quotes', 'articles', 'first_date', 'last_date', 'url']);
    expect(new Set(people.map((p) => p['name'])).size).toBe(people.length);
    expect(people.reduce((n, p) => n + Number(p['quotes']), 0)).toBe(quotes.filter((q) => q['speaker']).length);
    for (const person of people) {
      const theirs = quotes.filter((q) => q['speaker'] === person['name']);
      expect(theirs.length, person['name']).toBe(Number(person['quotes']));
      const dates = theirs.map((q) => q['date']!).sort();
      expect([person['first_date'], person['last_date']]).toEqual([dates[0], dates.at(-1)]);
      expect(statSync(path.join(site, new URL(person['url']!).pathname, 'index.html')).isFile()).toBe(true);
    }
  });

  it('articles.jsonl has one line per article: the parse --json record, its file relative to the content folder, and its address', () => {
    const lines = readFileSync(path.join(site, 'data', 'articles.jsonl'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const byFile = new Map(lines.map((line) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      return [record['file'] as string, record];
    }));
    expect(byFile.size).toBe(records.length);
    for (const article of records) {
      const { url, ...record } = byFile.get(path.basename(article.file))!;
      expect(record).toEqual({ ...JSON.parse(JSON.stringify(publicRecord(article))), file: path.basename(article.file) });
      expect(statSync(path.join(site, new URL(url as string).pathname, 'index.html')).isFile()).toBe(true);
    }
  });

  it('reads the same through jq: one object per line, every address once, every quote counted', () => {
    const file = path.join(site, 'data', 'articles.jsonl');
    const jq = (...args: string[]): string => execFileSync('jq', args, { encoding: 'utf8' }).trim();
    expect(Number(jq('-s', 'length', file))).toBe(records.length);
    expect(Number(jq('-s', 'map(.url) | unique | length', file))).toBe(records.length);
    expect(Number(jq('-s', 'map(.quotes | length) | add', file))).toBe(records.reduce((n, a) => n + a.quotes.length, 0));
    expect(jq('-r', 'select(.source.name == "The Gazette, Weekly") | .headline', file)).toBe('Budget, Again: "No" Says Mayor');
  });

  it('is written again only when it changes: a rebuild keeps the files whose bytes are the same, untouched', async () => {
    const stamp = (name: string): number => statSync(path.join(site, 'data', name)).mtimeMs;
    const before = ['quotes.csv', 'people.csv', 'articles.jsonl'].map(stamp);
    await buildSite(content, {}, site, false, cache);
    expect(['quotes.csv', 'people.csv', 'articles.jsonl'].map(stamp)).toEqual(before);
    // A new headline changes the quotes and the records, not who said what or when.
    const tricky = path.join(content, 'tricky-2.txt');
    await writeFile(tricky, (await readFile(tricky, 'utf8')).replace('Vetoes Plan', 'Vetoes the Plan'));
    await buildSite(content, {}, site, false, cache);
    const after = ['quotes.csv', 'people.csv', 'articles.jsonl'].map(stamp);
    expect([after[0] !== before[0], after[1] === before[1], after[2] !== before[2]]).toEqual([true, true, true]);
    expect(readFileSync(path.join(site, 'data', 'quotes.csv'), 'utf8')).toContain('"Mayor Says ""Enough,"" Vetoes the Plan"');
  }, 60_000);
});

describe('the CSV the data export writes', () => {
  it('quotes fields with commas, quotation marks and line breaks (RFC 4180), so a parser gets them back whole', () => {
    const article = {
      file: 'a.md', headline: 'One, "two"\nthree', date: '2024-01-02', source: { name: 'A, B', url: 'https://example.org/x' },
      quotes: [{ text: 'He said "no",\r\nthen left', speaker: 'Roe, Jane', role: null, partial: true, named: true, paragraph: 2 }],
    } as unknown as Article;
    const data = {
      site: { baseUrl: 'https://example.org', pathPrefix: '/news/' },
      articles: [{ article, url: '/articles/one/' }],
      people: [{
        name: 'Roe, Jane', url: '/people/roe-jane/', roles: ['mayor, acting', 'the "boss"'], articleCount: 1,
        quotes: [{ date: '2024-01-02' }],
      }],
    } as unknown as SiteData;
    const files = new Map(archiveAsData(data).map((f) => [f.file, [...f.parts()].join('')]));
    const quotes = files.get('data/quotes.csv')!;
    expect(quotes.split('\r\n')[0]).toBe('quote,speaker,role,partial,named,headline,date,outlet,url');
    expect(rowsOf(quotes)).toEqual([{
      quote: 'He said "no",\r\nthen left', speaker: 'Roe, Jane', role: '', partial: 'true', named: 'true', headline: 'One, "two"\nthree',
      date: '2024-01-02',
      outlet: 'A, B', url: 'https://example.org/news/articles/one/#p3',
    }]);
    expect(rowsOf(files.get('data/people.csv')!)).toEqual([{
      name: 'Roe, Jane', roles: 'mayor, acting; the "boss"', quotes: '1', articles: '1', first_date: '2024-01-02', last_date: '2024-01-02',
      url: 'https://example.org/news/people/roe-jane/',
    }]);
  });
});
