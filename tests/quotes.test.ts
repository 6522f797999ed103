import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, metrics, overlap, sameSpeaker } from '../src/eval.js';
import { formatDiagnostic, parseArticle } from '../src/parse/index.js';

const CASES = path.join(import.meta.dirname, 'fixtures', 'quote-cases');

describe('quotation cases: each behaviour as a small article', () => {
  for (const name of readdirSync(CASES).sort()) {
    it(name.replace(/-/g, ' '), () => {
      const dir = path.join(CASES, name);
      const outcome = parseArticle({ path: 'input.txt', text: readFileSync(path.join(dir, 'input.txt'), 'utf8') });
      if (!outcome.ok) throw new Error(formatDiagnostic(outcome.error));
      expect(outcome.article.quotes.map(({ role: _role, ...q }) => q)).toEqual(JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')));
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
  it('meets the targets: quote F1 ≥ 0.97 and speaker accuracy ≥ 0.92', async () => {
    const { total, cases } = await evaluate(path.join(import.meta.dirname, 'fixtures', 'quotes'));
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const m = metrics(total);
    expect(m.f1).toBeGreaterThanOrEqual(0.97);
    expect(m.speaker).toBeGreaterThanOrEqual(0.92);
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
