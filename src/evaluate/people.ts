#!/usr/bin/env node
/**
 * `npm run eval:people [-- --sample N] [--json]`: builds the whole bbc-2005 corpus
 * (`../shared/corpora/bbc-2005`, real BBC articles, never copied into the project) with the
 * project's own `broadsheet build`, each article laid out as a raw dump with the placeholder date
 * line `labelled/` uses, and prints how many people the people index holds, then a fixed sample of
 * them to check by reading: each name with its number of quotes, its first quote and the article.
 * Skips, saying so, when the corpus is not beside the project.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { personKey, speakersOf } from '../archive/people.js';
import { SHARED, rawDump } from './corpora.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The date line every dump gets: the dataset has no dates, and `labelled/` uses this placeholder. */
/** The shuffle's seed: the same people list always gives the same sample. */
const SEED = 2005;
/** How much of a quote a sample line shows. */
const CONTEXT = 100;

/** One sampled person, as `--json` prints it. */
export interface SampledPerson {
  readonly name: string;
  readonly quotes: number;
  /** The first quote given to them, cut to about 100 characters; empty when none was found. */
  readonly quote: string;
  /** The corpus article it stands in, `<section>/NNN.txt#p<paragraph>`. */
  readonly file: string;
}

/** The same items in an order fixed by `seed` (Fisher–Yates over mulberry32). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The corpus's sections: every folder but `labelled/`. */
function sections(corpus: string): string[] {
  return readdirSync(corpus, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'labelled').map((d) => d.name).sort();
}

/** Lays the corpus out in `content` as raw dumps; how many, and how many `labelled/` dumps it lays out otherwise. */
function layOut(corpus: string, content: string): { articles: number; differ: string[] } {
  let articles = 0;
  for (const section of sections(corpus)) {
    mkdirSync(path.join(content, section));
    for (const name of readdirSync(path.join(corpus, section)).filter((n) => /^\d+\.txt$/.test(n)).sort()) {
      writeFileSync(path.join(content, section, name), rawDump(readFileSync(path.join(corpus, section, name))));
      articles++;
    }
  }
  // The labelled dumps were made from the same articles: laying those out again must give their bytes.
  const differ: string[] = [];
  const labelled = path.join(corpus, 'labelled');
  for (const name of existsSync(labelled) ? readdirSync(labelled) : []) {
    const m = /^\d+_(\w+)-(\d+)\.txt$/.exec(name);
    if (!m) continue;
    const source = path.join(corpus, m[1]!, `${m[2]!}.txt`);
    if (existsSync(source) && !rawDump(readFileSync(source)).equals(readFileSync(path.join(labelled, name)))) differ.push(name);
  }
  return { articles, differ };
}

type Row = Record<string, string>;
const readCsv = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];

/** Each person's first quote in `quotes.csv`, by person key, with the article it stands in. */
function firstQuotes(site: string): Map<string, { quote: string; file: string }> {
  const files = new Map<string, string>();
  for (const line of readFileSync(path.join(site, 'data', 'articles.jsonl'), 'utf8').split('\n')) {
    if (!line) continue;
    const record = JSON.parse(line) as { url?: string; file?: string };
    if (record.url && record.file) files.set(record.url, record.file);
  }
  const first = new Map<string, { quote: string; file: string }>();
  for (const row of readCsv(path.join(site, 'data', 'quotes.csv'))) {
    const [page = '', paragraph = ''] = (row['url'] ?? '').split('#');
    const text = (row['quote'] ?? '').replace(/\s+/g, ' ');
    const quote = text.length > CONTEXT ? `${text.slice(0, CONTEXT)}…` : text;
    for (const name of row['speaker'] ? speakersOf(row['speaker']) : []) {
      const key = personKey(name);
      if (!first.has(key)) first.set(key, { quote, file: `${files.get(page) ?? page}#${paragraph}` });
    }
  }
  return first;
}

const { values } = parseArgs({
  options: {
    sample: { type: 'string', default: '200' },
    json: { type: 'boolean', default: false },
    shared: { type: 'string', default: SHARED },
  },
});
const size = Number(values.sample);
if (!Number.isInteger(size) || size < 0) {
  console.error(`eval:people: --sample expected a whole number, found "${values.sample}"`);
  process.exit(2);
}
const corpus = path.join(values.shared, 'corpora', 'bbc-2005');
if (!existsSync(corpus)) {
  console.log(`eval:people: skipped, ${path.relative(ROOT, corpus)} is not beside the project`);
  process.exit(0);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-eval-people-'));
let status = 0;
try {
  const content = path.join(tmp, 'content');
  const site = path.join(tmp, 'site');
  mkdirSync(content);
  const { articles, differ } = layOut(corpus, content);
  if (differ.length) console.error(`eval:people: laid out otherwise than labelled/ has them: ${differ.join(', ')}`);
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const run = spawnSync(process.execPath, [
    cli, 'build', '--keep-going', '--content', content, '--out', site, '--cache-dir', path.join(tmp, 'cache'),
  ], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const built = run.stdout.split('\n').find((l) => l.startsWith('Built')) ?? '';
  if (!existsSync(path.join(site, 'data', 'people.csv'))) {
    throw new Error(`broadsheet build of ${articles} articles wrote no data/people.csv: ${run.stderr.slice(-500)}`);
  }
  const people = readCsv(path.join(site, 'data', 'people.csv'));
  const first = firstQuotes(site);
  const names = people.map((p) => p['name'] ?? '').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const counts = new Map(people.map((p) => [p['name'] ?? '', Number(p['quotes'])]));
  const sample: SampledPerson[] = shuffled(names, SEED).slice(0, size).map((name) => {
    const q = first.get(personKey(name));
    return { name, quotes: counts.get(name) ?? 0, quote: q?.quote ?? '', file: q?.file ?? '' };
  });
  if (values.json) {
    console.log(JSON.stringify({ articles, people: people.length, seed: SEED, sample }, null, 2));
  } else {
    console.log(`${built.trim() || `Built ${articles} articles`}`);
    console.log(`People in the index: ${people.length}`);
    console.log(`Sample of ${sample.length} (seed ${SEED}):`);
    sample.forEach((p, i) => console.log(`${String(i + 1).padStart(3)}. ${p.name} (${p.quotes}) "${p.quote}" ${p.file}`));
  }
} catch (error) {
  console.error(`eval:people: ${error instanceof Error ? error.message : String(error)}`);
  status = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(status);
