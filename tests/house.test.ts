import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..');

/** The longest line a reader scans without scrolling (`../shared/STYLE.md`). */
const LONGEST = 140;

/**
 * Code and tests: every TypeScript and JavaScript file under `src/` and `tests/`, fixtures aside (they
 * are articles as given). Data files (`src/parse/words/*.txt`, `src/parse/quotes/data/weights.json`)
 * hold one entry a line and are not code.
 */
function codeFiles(): string[] {
  return ['src', 'tests'].flatMap((top) => readdirSync(path.join(ROOT, top), { recursive: true, encoding: 'utf8' })
    .map((file) => path.posix.join(top, file.split(path.sep).join('/'))))
    .filter((file) => /\.(?:ts|mjs|js)$/.test(file) && !file.startsWith('tests/fixtures/'))
    .sort();
}

/** The lines of `text` longer than `LONGEST` characters, by line number. */
export function longLines(text: string): number[] {
  return text.split('\n').flatMap((line, i) => ([...line].length > LONGEST ? [i + 1] : []));
}

describe('the house: a file a reader can hold in their head', () => {
  it('has no line over 140 characters in code or tests', () => {
    const over = codeFiles().flatMap((file) => {
      const long = longLines(readFileSync(path.join(ROOT, file), 'utf8'));
      return long.length ? [`${file}: lines ${long.join(', ')} are over ${LONGEST} characters`] : [];
    });
    expect(over).toEqual([]);
  });

  it('counts a line of 141 characters as long, and one of 140 (however many bytes its characters take) as not', () => {
    expect(longLines(`${'x'.repeat(140)}\n${'x'.repeat(141)}\n${'é'.repeat(140)}`)).toEqual([2]);
  });

  it('keeps the instruments out of the product: nothing outside src/evaluate/ imports from it', () => {
    const product = codeFiles().filter((file) => file.startsWith('src/') && !file.startsWith('src/evaluate/'));
    const importing = product.filter((file) => /from '[^']*evaluate\//.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(importing).toEqual([]);
  });

  it('leaves no temporary folder behind: the folders a test file makes go when its tests are done', async () => {
    const out = path.join(os.tmpdir(), `broadsheet-probe-out-${process.pid}`);
    const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
    await promisify(execFile)(process.execPath, [vitest, 'run', 'tests/fixtures/house/temp-probe.test.ts'], {
      cwd: ROOT, env: { ...process.env, BROADSHEET_PROBE_OUT: out, BROADSHEET_KEEP_TEMP: '' },
    });
    const made = readFileSync(out, 'utf8');
    rmSync(out);
    expect(made).toContain('broadsheet-probe-');
    expect(existsSync(made)).toBe(false);
  }, 60_000);
});
