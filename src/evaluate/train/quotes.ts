#!/usr/bin/env node
/**
 * `npm run train:quotes [-- --corpus DIR]`: learns the weights of the speaker features from the
 * PolNeAR train split (`../shared/corpora/polnear-train`, never copied into the project) and writes
 * them to `src/parse/quotes/weights.ts`. For each quote the parser finds, the candidate mentions
 * that name the labelled source are the right ones; the weights maximise their probability under a
 * softmax over the quote's candidates and "nobody" (a conditional logit), by plain gradient descent
 * from zero: deterministic, a few seconds. The months in `HELD_BACK` (`src/evaluate/corpora.ts`) are never read, so the scores
 * there tell how the weights generalise.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HELD_OUT_SECTIONS, heldBack, heldOutSection, rawDump } from '../corpora.js';
import { parseFile } from '../../parse/index.js';
import { expand } from '../../parse/quotes/choose.js';
import { extractQuotes, type Decision, type Weights } from '../../parse/quotes/index.js';


const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.join(HERE, '..', '..', '..');

interface Labelled {
  readonly text: string;
  /** PolNeAR: the source as mentioned in the quote's sentence; `null` when the annotators gave none. */
  readonly source?: string | null;
  /** Whether the source mention names someone (else it is a pronoun or a description: "a GOP leader"). */
  readonly sourceNamed?: boolean;
  /** bbc-2005: the speaker's full name as the article first gives it (readability-news conventions), or `null`. */
  readonly speaker?: string | null;
}

/** One quote as training sees it: its candidates' feature indexes, and which candidates are right. */
interface Example {
  readonly candidates: readonly (readonly number[])[];
  readonly right: readonly boolean[];
}

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[“”«»„‟"]/g, '"').replace(/[‘’‚‛']/g, "'")
  .replace(/\s+/g, ' ').replace(/^[\s"'.,;:!?()[\]-]+|[\s"'.,;:!?()[\]-]+$/g, '');
const tokens = (s: string): string[] => norm(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** How alike two quote texts are, as the corpus's scorer measures it. */
function similarity(a: string, b: string): number {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  if (x.includes(y) || y.includes(x)) return Math.min(x.length, y.length) / Math.max(x.length, y.length);
  const A = new Set(tokens(a));
  const B = new Set(tokens(b));
  let both = 0;
  for (const t of A) if (B.has(t)) both++;
  return both / (A.size + B.size - both);
}

const NOT_NAME = new Set(('the a an this that these those its his her their our my your some many most several both all mr mrs ms dr ' +
  'sen rep gov gen lt col sgt prof rev president vice secretary senator representative governor mayor chairman chairwoman chair ' +
  'director chief executive minister spokesman spokeswoman spokesperson officials official candidate nominee democrat democrats ' +
  'republican republicans democratic house senate former then he she they it we i you who').split(' '));

/** The names in a labelled source mention: capitalised words of its head (or of its apposition). */
function namesOf(source: string): string[] {
  const [head = ''] = source.split(/,|\(|\s(?:who|which|of|at|for|from|with|in|on|to|about|whose|after|during|told|said)\s/);
  const names = (text: string): string[] => text.split(/\s+/).map((t) => t.replace(/[’']s$|[^\p{L}\p{N}-]/gu, ''))
    .filter((t) => /^\p{Lu}/u.test(t) && !NOT_NAME.has(t.toLowerCase())).flatMap((t) => norm(t).split('-'));
  const found = names(head);
  if (/[’']s\b/.test(head) || /\s\p{Ll}/u.test(head.trim())) found.push(...names(source.split(',')[1] ?? ''));
  return found;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

/**
 * Is a candidate the labelled source? A name by its last word; a pronoun or noun phrase by its words;
 * the rules' answer by its name, or by naming nobody when the source is a description ("a GOP leader").
 */
function isSource(candidate: Decision['candidates'][number], source: string, named: boolean): boolean {
  const names = named ? namesOf(source) : [];
  if (candidate.kind === 'rule') {
    if (names.length) return names.includes(tokens(candidate.text).pop() ?? '');
    return candidate.text === '' && !PRONOUNS.has(norm(source));
  }
  if (candidate.kind === 'name') {
    const last = tokens(candidate.text.replace(/['’]s$/, '')).pop();
    return last !== undefined && names.includes(last);
  }
  if (names.length) return false;
  const said = norm(source);
  const mine = norm(candidate.text);
  return candidate.kind === 'pronoun' ? said === mine : mine.length > 2 && (said.includes(mine) || mine.includes(said));
}

/** Does a resolved speaker name the labelled one, as the shared scorer judges it (every name word, at most one more)? */
function namesSpeaker(found: string | null | undefined, label: string): boolean {
  if (!found) return false;
  const words = (x: string): string[] => tokens(x).filter((t) => !['and', 'mr', 'mrs', 'ms', 'dr'].includes(t));
  const [want, got] = [words(label), words(found)];
  if (label.includes(' and ')) return label.split(' and ').every((part) => got.includes(words(part).at(-1) ?? ''));
  return want.every((t) => got.includes(t)) && got.length <= want.length + 1;
}

/** What one article gives training: its quotes' speaker examples, and its spans as speech or not. */
interface ArticleExamples {
  readonly speakers: Example[];
  readonly spans: { readonly features: readonly number[]; readonly speech: boolean }[];
}

/** The training examples of one article: its quotes matched to the labelled ones, in order. */
function examplesOf(text: string, file: string, labelled: readonly Labelled[], index: Map<string, number>, speech: Map<string, number>,
  weights: Weights): ArticleExamples {
  const outcome = parseFile({ path: file, text });
  if (!outcome.ok) return { speakers: [], spans: [] };
  const decisions: Decision[] = [];
  extractQuotes(outcome.article.paragraphs, { observe: (d) => decisions.push(d), weights });
  const matched = new Set<number>();
  const speakers: Example[] = [];
  const id = (map: Map<string, number>, f: string): number => map.get(f) ?? map.set(f, map.size).get(f)!;
  for (const label of labelled) {
    let best = -1;
    let bestSim = 0;
    decisions.forEach((d, k) => {
      if (matched.has(k)) return;
      const s = similarity(label.text, d.text);
      if (s > bestSim) [best, bestSim] = [k, s];
    });
    if (best < 0 || bestSim < 0.6) continue;
    matched.add(best);
    const { candidates, resolve } = decisions[best]!;
    let right: boolean[];
    if (label.speaker !== undefined) {
      // A full name: right are the candidates that resolve to that person.
      if (label.speaker === null) continue;
      right = candidates.map((c) => namesSpeaker(resolve(c), label.speaker!));
    } else {
      if (!label.source) continue;
      right = candidates.map((c) => isSource(c, label.source!, label.sourceNamed ?? true));
    }
    if (!right.some(Boolean)) continue;
    speakers.push({ candidates: candidates.map((c) => expand(c.features).map((f) => id(index, f))), right });
  }
  const spans = decisions.map((d, k) => ({ features: expand(d.speech).map((f) => id(speech, f)), speech: matched.has(k) }));
  return { speakers, spans };
}

/** Fits a logistic regression of speech against the span features: plain gradient descent from zero. */
function fitSpeech(spans: ArticleExamples['spans'], size: number, rounds = 400, rate = 0.5, l2 = 1e-3): Float64Array {
  const w = new Float64Array(size + 1);
  const grad = new Float64Array(size + 1);
  for (let round = 0; round < rounds; round++) {
    grad.fill(0);
    for (const s of spans) {
      const z = s.features.reduce((a, f) => a + w[f]!, w[size]!);
      const g = 1 / (1 + Math.exp(-z)) - (s.speech ? 1 : 0);
      for (const f of s.features) grad[f]! += g;
      grad[size]! += g;
    }
    for (let f = 0; f <= size; f++) w[f]! -= rate * (grad[f]! / spans.length + (f < size ? l2 * w[f]! : 0));
  }
  return w;
}

/** Fits the weights: a softmax over each quote's candidates and "nobody" (score 0), L2-regularised. */
function fit(examples: readonly Example[], size: number, rounds = 400, rate = 0.5, l2 = 1e-3): Float64Array {
  const w = new Float64Array(size);
  const grad = new Float64Array(size);
  for (let round = 0; round < rounds; round++) {
    grad.fill(0);
    for (const ex of examples) {
      const scores = ex.candidates.map((fs) => fs.reduce((s, f) => s + w[f]!, 0));
      const top = Math.max(0, ...scores);
      const exp = scores.map((s) => Math.exp(s - top));
      const all = exp.reduce((a, b) => a + b, Math.exp(-top));
      const good = exp.reduce((a, b, k) => a + (ex.right[k] ? b : 0), 0);
      ex.candidates.forEach((fs, k) => {
        // d(-log P(right))/d(score_k) = P(k) - P(k | right)
        const g = exp[k]! / all - (ex.right[k] ? exp[k]! / good : 0);
        for (const f of fs) grad[f]! += g;
      });
    }
    for (let f = 0; f < size; f++) w[f]! -= rate * (grad[f]! / examples.length + l2 * w[f]!);
  }
  return w;
}

/** Share of examples whose best candidate is a right one. */
function accuracy(examples: readonly Example[], w: Float64Array): number {
  let right = 0;
  for (const ex of examples) {
    let best = -1;
    let bestScore = 0;
    ex.candidates.forEach((fs, k) => {
      const s = fs.reduce((a, f) => a + w[f]!, 0);
      if (s > bestScore) [best, bestScore] = [k, s];
    });
    if (best >= 0 && ex.right[best]) right++;
  }
  return right / Math.max(1, examples.length);
}

function main(): void {
  const { values } = parseArgs({
    options: { corpus: { type: 'string', default: path.join(ROOT, '..', 'shared', 'corpora', 'polnear-train') } },
  });
  const dir = values.corpus!;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
  } catch {
    process.stderr.write(`train:quotes: expected the PolNeAR train split at ${dir}, found nothing there (pass --corpus DIR)\n`);
    process.exitCode = 2;
    return;
  }
  const train = names.filter((n) => !heldBack(n));
  const read = train.map((name) => ({
    name,
    text: readFileSync(path.join(dir, name), 'utf8'),
    labels: (JSON.parse(readFileSync(path.join(dir, name.replace(/\.txt$/, '.expected.json')), 'utf8')) as { quotes: Labelled[] }).quotes,
  }));
  const bbc = bbcArticles(path.join(dir, '..', 'bbc-2005'));
  read.push(...bbc, ...bbc);
  // Stage 1, speakers: decided (for who spoke last) by the hand-written rules alone.
  const index = new Map<string, number>();
  const examples = read.flatMap((a) => examplesOf(a.text, a.name, a.labels, index, new Map(), { speaker: {}, speech: {} }).speakers);
  const w = fit(examples, index.size);
  const speaker = table(index, w);
  // Stage 2, speech: each span with the best score its candidates get from the stage-1 weights.
  const spanIndex = new Map<string, number>();
  const spans = read.flatMap((a) => examplesOf(a.text, a.name, a.labels, new Map(), spanIndex, { speaker, speech: {} }).spans);
  const v = fitSpeech(spans, spanIndex.size);
  const speech = { bias: Math.round(v[spanIndex.size]! * 1000) / 1000, ...table(spanIndex, v) };
  const kept = spans.filter((s) => s.features.reduce((a, f) => a + v[f]!, v[spanIndex.size]!) >= 0);
  // Generated data, one weight a line (`src/parse/quotes/weights.ts` reads it).
  const out = path.join(ROOT, 'src', 'parse', 'quotes', 'data', 'weights.json');
  const about = 'Trained weights of the speaker features (choose.ts) and of the speech features (speech.ts). '
    + 'Made by npm run train:quotes; do not edit.';
  writeFileSync(out, `${JSON.stringify({ about, speaker, speech }, null, 2)}\n`);
  const right = kept.filter((s) => s.speech).length;
  process.stdout.write(`train:quotes: ${train.length} PolNeAR articles (${names.length - train.length} held back), `
    + `${bbc.length} bbc-2005 articles, counted twice (${HELD_OUT_SECTIONS.join(' and ')} held out)\n`
    + `  speakers: ${examples.length} quotes, ${index.size} features; right on ${(accuracy(examples, w) * 100).toFixed(1)} % of them\n`
    + `  speech: ${spans.length} spans (${spans.filter((s) => s.speech).length} labelled); keeps ${kept.length}, `
    + `precision ${(right / Math.max(1, kept.length)).toFixed(3)}, `
    + `recall ${(right / Math.max(1, spans.filter((s) => s.speech).length)).toFixed(3)}\n`
    + `  wrote ${path.relative(process.cwd(), out)}\n`);
}

/**
 * The labelled bbc-2005 articles of the sections not held out (`HELD_OUT_SECTIONS`): the corpus's own
 * `labelled/` dumps, and the articles labelled for training in `bbc-2005-labels.json` (stand-off: offsets
 * into the corpus file, the speaker and whether the quote is partial; no text of the corpus is kept here).
 * Empty when the corpus is not beside the project.
 */
function bbcArticles(corpus: string): { name: string; text: string; labels: Labelled[] }[] {
  const labelled = path.join(corpus, 'labelled');
  let names: string[];
  try {
    names = readdirSync(labelled).filter((n) => n.endsWith('.txt') && !heldOutSection(n)).sort();
  } catch {
    return [];
  }
  const out = names.map((name) => ({
    name,
    text: readFileSync(path.join(labelled, name), 'utf8'),
    labels: (JSON.parse(
      readFileSync(path.join(labelled, name.replace(/\.txt$/, '.expected.json')), 'utf8'),
    ) as { quotes: Labelled[] }).quotes,
  }));
  const extra = JSON.parse(readFileSync(path.join(ROOT, 'src', 'evaluate', 'train', 'bbc-2005-labels.json'), 'utf8')) as
    { file: string; start: number; end: number; speaker: string | null; partial: boolean }[];
  const files = [...new Set(extra.map((q) => q.file))].filter((f) => !heldOutSection(f));
  for (const file of files) {
    const source = readFileSync(path.join(corpus, file));
    const raw = source.toString('utf8');
    const labels = extra.filter((q) => q.file === file)
      .map((q) => ({ text: raw.slice(q.start, q.end).replace(/\s+/g, ' '), speaker: q.speaker }));
    out.push({ name: file, text: rawDump(source).toString('utf8'), labels });
  }
  return out;
}

/** Weights by feature name, rounded, without the ones too small to matter, in name order. */
function table(index: ReadonlyMap<string, number>, w: Float64Array): Record<string, number> {
  return Object.fromEntries([...index].map(([f, i]) => [f, Math.round(w[i]! * 1000) / 1000] as const)
    .filter(([, x]) => Math.abs(x) >= 0.01).sort(([a], [b]) => (a < b ? -1 : 1)));
}

main();
