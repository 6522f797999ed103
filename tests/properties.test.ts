import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportMarkdown, parseArticle, publicRecord } from '../src/parse/index.js';
import { splitWork } from '../src/prepare/index.js';
import { relativeUrl } from '../src/site/urls.js';
import type { Article } from '../src/types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// Now and then a word that is also a property every JavaScript object has: the parser's tables must not know it.
const word = fc.oneof(
  { weight: 19, arbitrary: fc.stringMatching(/^[a-z]{2,9}$/) },
  { weight: 1, arbitrary: fc.constantFrom('constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'prototype') }
);
const name = fc.tuple(
  fc.constantFrom('Anna', 'Mark', 'Olga', 'Kwame', 'Priya', 'Tom'), fc.constantFrom('Petrova', 'Okafor', 'Reyes', 'Lindqvist', 'Haddad')
)
  .map(([first, last]) => `${first} ${last}`);
const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
const sentence = fc.array(word, { minLength: 4, maxLength: 14 }).map((ws) => `${capital(ws.join(' '))}.`);
/** A paragraph as dumps have them: sentences, sometimes a lost link, sometimes a quote with its speaker. */
const paragraph = fc.tuple(fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.option(word), fc.option(fc.tuple(sentence, name)))
  .map(([sentences, link, quote]) => {
    let text = sentences.join(' ');
    if (link) text = `${text} Officials <u>${link}</u> on Monday.`;
    if (quote) text = `${text} "${quote[0].replace(/\.$/, '')}," said ${quote[1]}.`;
    return text;
  });
/** A raw text dump in the seed's format, with the parts that vary in real files. */
const rawArticle = fc.record({
  headline: fc.array(word, { minLength: 3, maxLength: 9 }).map((ws) => ws.map(capital).join(' ')),
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 0, max: 11 }),
  year: fc.integer({ min: 1990, max: 2024 }),
  caption: fc.option(fc.tuple(fc.array(word, { minLength: 2, maxLength: 6 }), fc.constantFrom('Reuters', 'AFP', 'WikiMedia'))),
  paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 6 }),
  related: fc.array(fc.array(word, { minLength: 3, maxLength: 7 }).map((ws) => ws.map(capital).join(' ')), { maxLength: 2 }),
  url: fc.option(fc.array(word, { minLength: 2, maxLength: 5 }).map((ws) => `https://www.example-news.com/${ws.join('-')}`)),
  crlf: fc.boolean(),
}).map((a) => {
  const lines = [
    '', '', a.headline, '', `${MONTHS[a.month]} ${a.day}, ${a.year}`, '', '',
    ...(a.caption ? [`${capital(a.caption[0].join(' '))}. ${a.caption[1]}`, ''] : []),
    ...a.paragraphs.flatMap((p) => [p, '']),
    ...a.related.flatMap((r) => [`Related article: ${r}`, '']),
    ...(a.url ? ['Original url:', '', `${a.url.slice(0, 25)} ${a.url.slice(25)}`] : []),
  ];
  return { input: a, text: lines.join(a.crlf ? '\r\n' : '\n') };
});

function parsed(path: string, text: string): Article {
  const outcome = parseArticle({ path, text }, { today: '2026-01-01' });
  if (!outcome.ok) throw new Error(`${outcome.error.line}: expected ${outcome.error.expected}, found ${outcome.error.found}`);
  return outcome.article;
}

const comparable = (article: Article): Record<string, unknown> => {
  const { file: _file, format: _format, ...rest } = publicRecord(article);
  void _file;
  void _format;
  return rest;
};

describe('the parser, on any input', () => {
  it('returns a record or a located error for any text, and never throws', () => {
    const anyText = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({
        unit: fc.constantFrom(
          '\n', '\r', ' ', '"', '“', '”', '<u>', '</u>', '---', ':', '#', '-', 'a', 'May 1, 2020', 'Original url:', 'Related article:',
          'said', 'Constructor', 'constructor', 'toString', '__proto__'
        ),
      })
    );
    fc.assert(fc.property(anyText, fc.constantFrom('x.txt', 'x.md'), (text, path) => {
      const outcome = parseArticle({ path, text }, { today: '2026-01-01' });
      if (outcome.ok) expect(outcome.article.headline.length).toBeGreaterThan(0);
      else {
        expect(outcome.error.line).toBeGreaterThanOrEqual(1);
        expect(outcome.error.expected).not.toBe('');
      }
    }), { numRuns: 400 });
  });

  it('loses no word of a raw article body', () => {
    fc.assert(fc.property(rawArticle, ({ input, text }) => {
      const article = parsed('x.txt', text);
      const kept = [...article.paragraphs, ...article.related.map((r) => r.headline), article.image?.caption ?? ''].join(' ');
      for (const p of input.paragraphs) {
        for (const w of p.replace(/<\/?u>/g, '').match(/[A-Za-z]+/g) ?? []) expect(kept, w).toContain(w);
      }
      expect(article.source?.url ?? null).toBe(input.url);
    }), { numRuns: 200 });
  });

  it('reads back the Markdown it exports as the same record', () => {
    fc.assert(fc.property(rawArticle, ({ text }) => {
      const article = parsed('x.txt', text);
      const again = parsed('x.md', exportMarkdown(article));
      expect(comparable(again)).toEqual(comparable(article));
    }), { numRuns: 200 });
  });
});

describe('links between pages of a site served from any folder', () => {
  const segment = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,8}$/).filter((s) => s !== '.' && s !== '..');
  const folder = fc.array(segment, { maxLength: 4 }).map((s) => `/${s.map((x) => `${x}/`).join('')}`);
  const target = fc.oneof(folder, fc.tuple(folder, segment).map(([f, file]) => `${f}${file}`));
  const site = { title: 'T', description: 'D', baseUrl: 'https://example.org', pathPrefix: '/', language: 'en', perPage: 20 };

  it('lead, resolved from the page, to the page linked, wherever the site is put', () => {
    fc.assert(fc.property(folder, target, fc.constantFrom('/', '/a/', '/x/y/z/'), (from, to, mount) => {
      const link = relativeUrl(from, to, site);
      expect(link.startsWith('/')).toBe(false);
      expect(new URL(link, `http://host${mount.slice(0, -1)}${from}`).pathname).toBe(`${mount.slice(0, -1)}${to}`);
    }), { numRuns: 2000 });
  });
});

describe('the files a cold build shares between this thread and a worker', () => {
  const spec = fc.array(
    fc.record({ markdown: fc.boolean(), length: fc.integer({ min: 1, max: 5000 }), wanted: fc.boolean() }), { maxLength: 60 }
  );

  it('go each to one side, in order, in halves of about equal work, raw text to the worker before any Markdown', () => {
    fc.assert(fc.property(spec, (specs) => {
      const files = specs.map((s, i) => ({ path: `content/a${i}.${s.markdown ? 'md' : 'txt'}`, text: 'x'.repeat(s.length) }));
      const which = specs.flatMap((s, i) => (s.wanted ? [i] : []));
      const { here, worker } = splitWork(files, which);
      const ascending = (list: readonly number[]): number[] => [...list].sort((a, b) => a - b);
      expect(ascending([...here, ...worker])).toEqual(which);
      expect(here).toEqual(ascending(here));
      expect(worker).toEqual(ascending(worker));
      if (worker.some((i) => specs[i]!.markdown)) {
        expect(which.filter((i) => !specs[i]!.markdown).every((i) => worker.includes(i))).toBe(true);
      }
      const cost = (i: number): number => specs[i]!.length * (specs[i]!.markdown ? 2 : 1);
      const sum = (list: readonly number[]): number => list.reduce((n, i) => n + cost(i), 0);
      // The worker stops at the file that takes it past half: the sides differ by less than two files' work.
      expect(sum(worker) - sum(here)).toBeGreaterThanOrEqual(0);
      expect(sum(worker) - sum(here)).toBeLessThan(2 * Math.max(1, ...which.map(cost)));
    }));
  });
});
