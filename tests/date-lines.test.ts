import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, parseArticle } from '../src/parse/index.js';

interface DateLineCase {
  /** The outlet that printed the line, and the page it was printed on. */
  readonly outlet: string;
  readonly url: string;
  /** The date line as the outlet printed it (whitespace collapsed). */
  readonly line: string;
  /** The publication date it means. */
  readonly date: string;
  readonly note?: string;
}

// tests/fixtures/date-lines/: date lines as real outlets print them, one file per kind, each line the
// date line of a raw dump under a headline with the page's address as its original url. Lines whose note
// begins "Made-up line" are written in the form of a kind of outlet, not copied from one.
const FOLDER = path.join(import.meta.dirname, 'fixtures', 'date-lines');
const files = readdirSync(FOLDER).filter((f) => f.endsWith('.json')).sort();

describe('date lines as outlets print them', () => {
  it('has at least 40 distinct lines from real outlets', () => {
    const read = (f: string): DateLineCase[] => JSON.parse(readFileSync(path.join(FOLDER, f), 'utf8')) as DateLineCase[];
    const lines = new Set(files.flatMap((f) => read(f).filter((c) => !/^made-up line/i.test(c.note ?? '')).map((c) => c.line)));
    expect(lines.size).toBeGreaterThanOrEqual(40);
  });
  for (const file of files) {
    const cases = JSON.parse(readFileSync(path.join(FOLDER, file), 'utf8')) as DateLineCase[];
    describe(file.replace(/\.json$/, '').replace(/-/g, ' '), () => {
      for (const c of cases) {
        it(`reads "${c.line}" (${c.outlet}) as ${c.date}, without a warning`, () => {
          const body = 'The body of the article, in one sentence.';
          const text = `\n\nA headline above the date line\n\n${c.line}\n\n\n\n${body}\n\nOriginal url:\n\n${c.url}`;
          const outcome = parseArticle({ path: 'dated.txt', text });
          if (!outcome.ok) throw new Error(formatDiagnostic(outcome.error));
          expect(outcome.warnings.map(formatDiagnostic)).toEqual([]);
          expect(outcome.article.date).toBe(c.date);
        });
      }
    });
  }
});
