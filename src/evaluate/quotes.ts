#!/usr/bin/env node
/**
 * Scores quote extraction against hand-labelled articles: `npm run eval:quotes [-- DIR…] [--verbose]`.
 * Each case folder holds `input.txt` (or `input.md`) and `labels.json`
 * (`[{ text, speaker, partial, paragraph }]`, every quotation in reading order).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SHARED, scoreCorpora } from './corpora.js';
import { formatDiagnostic, parseArticle } from '../parse/index.js';
import { decode } from '../read/index.js';
import type { Quote } from '../types.js';

/** A hand-labelled quotation. */
export interface Label {
  readonly text: string;
  readonly speaker: string | null;
  readonly partial: boolean;
  readonly paragraph?: number;
}

/** Scores of one article or a whole set. */
export interface QuoteScore {
  readonly labelled: number;
  readonly found: number;
  readonly matched: number;
  readonly speakerCorrect: number;
  readonly partialCorrect: number;
  /** Human-readable differences, for `--verbose`. */
  readonly differences: readonly string[];
}

/** Share of words two quote texts have in common, over the shorter: 1 for the same words. */
export function overlap(a: string, b: string): number {
  const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wa = words(a);
  const wb = words(b);
  if (!wa.length || !wb.length) return 0;
  const counts = new Map<string, number>();
  for (const w of wb) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wa) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  return common / Math.max(wa.length, wb.length);
}

/** Speakers compare without case, punctuation or a leading "the". */
export function sameSpeaker(a: string | null, b: string | null): boolean {
  const norm = (s: string | null): string => (s ?? '').toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}

/** Words in common needed for a found quote to match a labelled one. */
const MATCH = 0.5;

/** Matches found quotes to labels one to one, best overlap first, and counts. */
export function scoreArticle(found: readonly Quote[], labels: readonly Label[]): QuoteScore {
  const pairs: { f: number; l: number; score: number }[] = [];
  found.forEach((q, f) => labels.forEach((label, l) => {
    const score = overlap(q.text, label.text);
    if (score >= MATCH) pairs.push({ f, l, score });
  }));
  pairs.sort((a, b) => b.score - a.score || a.f - b.f || a.l - b.l);
  const usedF = new Set<number>();
  const usedL = new Set<number>();
  let speakerCorrect = 0;
  let partialCorrect = 0;
  const differences: string[] = [];
  for (const { f, l } of pairs) {
    if (usedF.has(f) || usedL.has(l)) continue;
    usedF.add(f);
    usedL.add(l);
    const q = found[f]!;
    const label = labels[l]!;
    if (sameSpeaker(q.speaker, label.speaker)) speakerCorrect++;
    else differences.push(`speaker: "${clip(label.text)}" is ${label.speaker ?? 'null'}, found ${q.speaker ?? 'null'}`);
    if (q.partial === label.partial) partialCorrect++;
    else differences.push(`partial: "${clip(label.text)}" is ${label.partial}, found ${q.partial}`);
  }
  labels.forEach((label, l) => { if (!usedL.has(l)) differences.push(`missed: "${clip(label.text)}" (${label.speaker ?? 'null'})`); });
  found.forEach((q, f) => { if (!usedF.has(f)) differences.push(`extra: "${clip(q.text)}" (${q.speaker ?? 'null'})`); });
  return { labelled: labels.length, found: found.length, matched: usedF.size, speakerCorrect, partialCorrect, differences };
}

function clip(text: string): string {
  return text.length > 50 ? `${text.slice(0, 49)}…` : text;
}

/** Precision, recall, F1 and accuracies of a score. */
export function metrics(s: QuoteScore): { precision: number; recall: number; f1: number; speaker: number; partial: number } {
  const precision = s.found ? s.matched / s.found : 1;
  const recall = s.labelled ? s.matched / s.labelled : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    precision, recall, f1,
    speaker: s.matched ? s.speakerCorrect / s.matched : 1,
    partial: s.matched ? s.partialCorrect / s.matched : 1,
  };
}

/** Scores every case folder under `dir`. */
export async function evaluate(dir: string): Promise<{ total: QuoteScore; cases: { name: string; score: QuoteScore }[] }> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const cases: { name: string; score: QuoteScore }[] = [];
  for (const name of names) {
    const folder = path.join(dir, name);
    const files = await readdir(folder);
    const input = files.find((f) => f.startsWith('input.'));
    if (!input || !files.includes('labels.json')) continue;
    const text = decode(await readFile(path.join(folder, input)));
    if (!text.ok) throw new Error(`${folder}/${input}: expected text, found ${text.found}`);
    const outcome = parseArticle({ path: path.join(folder, input), text: text.text });
    if (!outcome.ok) throw new Error(formatDiagnostic(outcome.error));
    const labels = JSON.parse(await readFile(path.join(folder, 'labels.json'), 'utf8')) as Label[];
    cases.push({ name, score: scoreArticle(outcome.article.quotes, labels) });
  }
  const sum = (key: 'labelled' | 'found' | 'matched' | 'speakerCorrect' | 'partialCorrect'): number => cases.reduce(
    (n, c) => n + c.score[key], 0
  );
  const total = {
    labelled: sum('labelled'), found: sum('found'), matched: sum('matched'), speakerCorrect: sum('speakerCorrect'),
    partialCorrect: sum('partialCorrect'), differences: [],
  };
  return { total, cases };
}

async function main(argv: readonly string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  const dirs = argv.filter((a) => !a.startsWith('--'));
  const pct = (x: number): string => x.toFixed(3);
  const rows: string[] = [];
  const all: QuoteScore[] = [];
  for (const dir of dirs.length ? dirs : ['tests/fixtures/quotes']) {
    const { total, cases } = await evaluate(dir);
    all.push(total);
    if (verbose) {
      for (const c of cases) {
        if (c.score.differences.length) {
          process.stdout.write(`\n${dir}/${c.name}\n${c.score.differences.map((d) => `  ${d}`).join('\n')}\n`);
        }
      }
    }
    const m = metrics(total);
    rows.push(`| ${dir} | ${cases.length} | ${total.labelled} | `
      + `${pct(m.precision)} | ${pct(m.recall)} | ${pct(m.f1)} | ${pct(m.speaker)} | ${pct(m.partial)} |`);
  }
  if (all.length > 1) {
    const sum = (key: 'labelled' | 'found' | 'matched' | 'speakerCorrect' | 'partialCorrect'): number => all.reduce(
      (n, t) => n + t[key], 0
    );
    const m = metrics({
      labelled: sum('labelled'), found: sum('found'), matched: sum('matched'), speakerCorrect: sum('speakerCorrect'),
      partialCorrect: sum('partialCorrect'), differences: [],
    });
    rows.push(`| all | | ${sum('labelled')} | `
      + `${pct(m.precision)} | ${pct(m.recall)} | ${pct(m.f1)} | ${pct(m.speaker)} | ${pct(m.partial)} |`);
  }
  process.stdout.write(`${verbose ? '\n' : ''}| set | articles | quotes | precision | recall | F1 | speaker accuracy | partial flag |\n`
    + `|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`);
  if (argv.includes('--no-corpora')) return;
  const corpora = scoreCorpora();
  if (!corpora) {
    process.stdout.write(`\nShared corpora: not found at ${path.join(SHARED, 'corpora')}, skipped.\n`);
    return;
  }
  process.stdout.write('\n| shared corpus (score-parse.mjs) | articles | precision | recall | F1 | speaker accuracy (on) | fields |\n'
    + '|---|---|---|---|---|---|---|\n');
  for (const c of corpora) {
    process.stdout.write(`| ${c.set} | ${c.articles} | ${pct(c.precision)} | ${pct(c.recall)} | ${pct(c.f1)} | `
      + `${pct(c.speaker)} (${c.scored}) | ${Number.isNaN(c.fields) ? 'n/a' : pct(c.fields)} |\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
