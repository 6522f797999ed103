import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { heldBack, scoreCorpora } from '../src/evaluate/corpora.js';
import { evaluate, metrics, overlap, sameSpeaker, type QuoteScore } from '../src/evaluate/quotes.js';
import { formatDiagnostic, parseArticle } from '../src/parse/index.js';

const CASES = path.join(import.meta.dirname, 'fixtures', 'quote-cases');

describe('quotation cases: each behaviour as a small article', () => {
  for (const name of readdirSync(CASES).sort()) {
    it(name.replace(/-/g, ' '), () => {
      const dir = path.join(CASES, name);
      const outcome = parseArticle({ path: 'input.txt', text: readFileSync(path.join(dir, 'input.txt'), 'utf8') });
      if (!outcome.ok) throw new Error(formatDiagnostic(outcome.error));
      expect(outcome.article.quotes.map(({ role: _role, named: _named, ...q }) => q))
        .toEqual(JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')));
    });
  }
});

describe('the seed article', () => {
  it('has exactly the nine quotations with their speakers and partial flags', () => {
    const text = readFileSync(path.join(import.meta.dirname, '..', 'content', '000_3f4361cf1256edcb.txt'), 'utf8');
    const outcome = parseArticle({ path: 'seed.txt', text });
    expect(outcome.ok && outcome.article.quotes.map((q) => [q.text.slice(0, 40), q.speaker, q.partial, q.paragraph])).toEqual([
      ['The leaders spoke at length and warmly a', 'Yury Ushakov', false, 1],
      ['Trump remembers this brotherhood in arms', 'Yury Ushakov', false, 2],
      ['deeply impressed', 'Yury Ushakov', true, 3],
      ['did more than any other country... in pr', 'Donald Trump', true, 3],
      ['Trump shared [with Putin] that many in A', 'Yury Ushakov', false, 4],
      ['went very well', 'Donald Trump and Vladimir Putin', true, 5],
      ['substantive and quite candid', 'Donald Trump and Vladimir Putin', true, 5],
      ['memorandum', 'Vladimir Putin', true, 6],
      ['immediately', 'Donald Trump', true, 6],
    ]);
  });
});

describe('the labelled set', () => {
  it('meets the targets on all four fixture sets: quote F1 ≥ 0.97 and speaker accuracy ≥ 0.95', async () => {
    const sets = ['quotes', 'quotes-holdout', 'quotes-holdout-2', 'quotes-holdout-3'];
    const totals = await Promise.all(sets.map(async (set) => (await evaluate(path.join(import.meta.dirname, 'fixtures', set))).total));
    expect(totals.reduce((n, t) => n + t.labelled, 0)).toBeGreaterThanOrEqual(600);
    const sum = (key: keyof Omit<QuoteScore, 'differences'>): number => totals.reduce((n, t) => n + t[key], 0);
    const m = metrics({ labelled: sum('labelled'), found: sum('found'), matched: sum('matched'), speakerCorrect: sum('speakerCorrect'),
      partialCorrect: sum('partialCorrect'), differences: [] });
    expect(m.f1).toBeGreaterThanOrEqual(0.97);
    expect(m.speaker).toBeGreaterThanOrEqual(0.95);
  });
});

describe('scoring', () => {
  it('counts words in common over the longer text', () => {
    expect(overlap('went very well', 'went very well')).toBe(1);
    expect(overlap('very well', 'went very well')).toBeCloseTo(2 / 3);
    expect(overlap('a', '')).toBe(0);
  });
  it('compares speakers without case, punctuation or a leading "the"', () => {
    expect(sameSpeaker('the Kremlin', 'Kremlin')).toBe(true);
    expect(sameSpeaker(null, null)).toBe(true);
    expect(sameSpeaker('Yury Ushakov', 'Ushakov')).toBe(false);
  });
});

describe('the shared corpora', () => {
  it('are skipped, not failed, where the shared folder is not beside the project', () => {
    expect(scoreCorpora(path.join(os.tmpdir(), 'no-shared-folder-here'))).toBeNull();
  });
  it('split PolNeAR by month: the held-back months are never trained on', () => {
    expect(heldBack('nyt_2016-08-14_some-story.txt')).toBe(true);
    expect(heldBack('nyt_2016-06-30_some-story.txt')).toBe(false);
  });
});
