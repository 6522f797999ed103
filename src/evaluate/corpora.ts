/**
 * The shared corpora of real, independently labelled articles (`../shared/corpora`, beside the
 * project, never copied into it), scored by the shared scorer (`../shared/tools/score-parse.mjs`) as
 * shipped. `npm run eval:quotes` reports them when they are there and says it skipped them when not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Sections of bbc-2005 held out of all tuning and training: their labelled articles measure how attribution generalises. */
export const HELD_OUT_SECTIONS: readonly string[] = ['entertainment', 'tech'];

/** Is a bbc-2005 file (`<section>/NNN.txt`, or a labelled `NNN_<section>-NNN.txt`) in a held-out section? */
export const heldOutSection = (name: string): boolean => HELD_OUT_SECTIONS.some((s) => name.startsWith(`${s}/`) || name.includes(`_${s}-`));

/** The placeholder date line of bbc-2005's raw dumps: the dataset gives no dates. */
const DATE_LINE = '1 January 2005';
/** Whitespace as the dataset has it; never `\s`, which takes the byte 0xA0 of a UTF-8 letter read as Latin-1. */
const SPACE = /^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g;

/**
 * A corpus article (headline on the first line, then paragraphs between blank lines) as a raw dump
 * laid out as `labelled/` has it: `\n\n<headline>\n\n1 January 2005\n\n\n\n<paragraph>\n\n<paragraph>…`.
 * Works on bytes (read as Latin-1, one byte a character), so a file that is not UTF-8 keeps its bytes.
 */
export function rawDump(source: Buffer): Buffer {
  const trim = (s: string): string => s.replace(SPACE, '');
  const [headline = '', ...rest] = source.toString('latin1').split('\n');
  const paragraphs = rest.join('\n').split(/\n[ \t\n\r\f\v]*\n/).map(trim).filter(Boolean);
  return Buffer.from(`\n\n${trim(headline)}\n\n${DATE_LINE}\n\n\n\n${paragraphs.join('\n\n')}`, 'latin1');
}

/** Months of PolNeAR's train split kept back from training the weights and from reading failures. */
export const HELD_BACK: readonly string[] = ['2016-07', '2016-08', '2016-09'];

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the shared corpora and tools sit when this project is checked out beside them. */
export const SHARED = path.join(ROOT, '..', 'shared');

/** Is a PolNeAR file (`<outlet>_<YYYY-MM-DD>_<slug>.txt`) in the held-back months? */
export const heldBack = (name: string): boolean => HELD_BACK.some((month) => name.includes(`_${month}-`));

/** One scored set: the scorer's summary line, read into numbers. */
export interface CorpusScore {
  readonly set: string;
  readonly articles: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly speaker: number;
  readonly scored: number;
  readonly fields: number;
}

/** A folder of links to some of a corpus's files (article and labels), so the scorer reads only those. */
function subset(dir: string, keep: (name: string) => boolean, into: string): string {
  for (const name of readdirSync(dir)) {
    const article = name.replace(/\.expected\.json$/, '.txt');
    if ((name.endsWith('.txt') || name.endsWith('.expected.json')) && keep(article)) symlinkSync(
      path.join(dir, name), path.join(into, name)
    );
  }
  return into;
}

function score(shared: string, set: string, mode: 'polnear' | 'full' | 'quotes', dir: string): CorpusScore {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const run = spawnSync(process.execPath, [path.join(shared, 'tools', 'score-parse.mjs'), '--set', mode, '--dir', dir], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, PARSE_CMD: `${process.execPath} ${cli} parse --json` },
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  const m = /(\d+) files; fields ([\d.]+|n\/a); quotes P ([\d.]+) R ([\d.]+) F1 ([\d.]+) .*speaker accuracy ([\d.]+) on (\d+)/.exec(line);
  if (!m) throw new Error(`score-parse.mjs on ${dir}: expected a summary line, found "${line || run.stderr.slice(0, 200)}"`);
  const n = (i: number): number => Number(m[i]);
  return {
    set, articles: n(1), fields: m[2] === 'n/a' ? Number.NaN : n(2),
    precision: n(3), recall: n(4), f1: n(5), speaker: n(6), scored: n(7),
  };
}

/** Scores every shared corpus there is; `null` when the shared folder is not beside the project. */
export function scoreCorpora(shared = SHARED): CorpusScore[] | null {
  const corpora = path.join(shared, 'corpora');
  if (!existsSync(corpora) || !existsSync(path.join(shared, 'tools', 'score-parse.mjs'))) return null;
  const rows: CorpusScore[] = [];
  const polnear = path.join(corpora, 'polnear-train');
  if (existsSync(polnear)) {
    const work = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-eval-'));
    try {
      const tune = subset(polnear, (name) => !heldBack(name), mkdtempSync(path.join(work, 'tune-')));
      const held = subset(polnear, heldBack, mkdtempSync(path.join(work, 'held-')));
      rows.push(score(shared, 'polnear-train, all', 'polnear', polnear));
      rows.push(score(shared, `polnear-train, tuned on (all but ${HELD_BACK.join(', ')})`, 'polnear', tune));
      rows.push(score(shared, `polnear-train, held back (${HELD_BACK.join(', ')})`, 'polnear', held));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const bbc = path.join(corpora, 'bbc-2005', 'labelled');
  if (existsSync(bbc)) {
    const work = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-eval-'));
    try {
      const sections = [...new Set(readdirSync(bbc)
        .map((n) => /^\d+_([a-z]+)-\d+\.txt$/.exec(n)?.[1])
        .filter((x): x is string => !!x))].sort();
      const tuned = sections.filter((s) => !HELD_OUT_SECTIONS.includes(s));
      rows.push(score(shared, `bbc-2005 labelled, tuned on (${tuned.join(', ')})`, 'quotes',
        subset(bbc, (name) => !heldOutSection(name), mkdtempSync(path.join(work, 'tuned-')))));
      for (const section of sections) {
        const held = HELD_OUT_SECTIONS.includes(section) ? 'held out' : 'tuned on';
        rows.push(score(shared, `bbc-2005 labelled, ${section} (${held})`, 'quotes',
          subset(bbc, (name) => name.includes(`_${section}-`), mkdtempSync(path.join(work, `${section}-`)))));
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const readability = path.join(corpora, 'readability-news');
  if (existsSync(readability)) rows.push(score(shared, 'readability-news', 'full', readability));
  return rows;
}
