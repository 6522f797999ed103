/**
 * Choosing a quote's speaker among its candidates: each candidate's score is the sum of the
 * trained weights of its features (`weights.ts`, made by `npm run train:quotes` from the
 * PolNeAR train split); the best one speaks, if it scores above nobody (zero).
 */
import type { Candidate } from './candidates.js';
import { WEIGHTS } from './weights.js';

/**
 * The features a score adds up: each feature, and each pair of them (`a&b`, in sorted order), so
 * the weights can say that a cue counts for a name right after a quote and not for one far before.
 */
export function expand(features: readonly string[]): string[] {
  const base = [...new Set(features)].sort();
  const out = [...base];
  for (let i = 0; i < base.length; i++) for (let j = i + 1; j < base.length; j++) out.push(`${base[i]}&${base[j]}`);
  return out;
}

/**
 * A weight table as arrays: every feature named in it gets a number, in name order, so a score adds
 * single weights and pair weights (`pair[i * size + j]`, `i < j`) without building pair names.
 */
interface Compiled {
  readonly id: ReadonlyMap<string, number>;
  readonly single: Float64Array;
  readonly pair: Float64Array;
  readonly size: number;
}

const compiled = new WeakMap<object, Compiled>();

/** The weights as arrays, made once per table. */
function compile(weights: Readonly<Record<string, number>>): Compiled {
  const known = compiled.get(weights);
  if (known) return known;
  const names = new Set<string>();
  for (const name of Object.keys(weights)) for (const part of name.split('&')) names.add(part);
  const sorted = [...names].sort();
  const id = new Map(sorted.map((name, i) => [name, i] as const));
  const size = sorted.length;
  const single = new Float64Array(size);
  const pair = new Float64Array(size * size);
  for (const [name, weight] of Object.entries(weights)) {
    const cut = name.indexOf('&');
    if (cut < 0) single[id.get(name)!] = weight;
    else pair[id.get(name.slice(0, cut))! * size + id.get(name.slice(cut + 1))!] = weight;
  }
  const made = { id, single, pair, size };
  compiled.set(weights, made);
  return made;
}

/**
 * The weights of features and their pairs (as `expand` names them), added in `expand`'s order so the
 * sum is the same to the last bit; `start` is added first. Features the table does not name weigh nothing.
 */
export function weigh(features: readonly string[], weights: Readonly<Record<string, number>>, start = 0): number {
  const { id, single, pair, size } = compile(weights);
  const ids: number[] = [];
  for (const f of features) {
    const i = id.get(f);
    if (i !== undefined && !ids.includes(i)) ids.push(i);
  }
  ids.sort((x, y) => x - y);
  let score = start;
  for (const i of ids) score += single[i]!;
  for (let a = 0; a < ids.length; a++) {
    const row = ids[a]! * size;
    for (let b = a + 1; b < ids.length; b++) score += pair[row + ids[b]!]!;
  }
  return score;
}

/** A candidate's score: the weights of its features and their pairs, added. */
export function scoreOf(features: readonly string[], weights: Readonly<Record<string, number>> = WEIGHTS): number {
  return weigh(features, weights);
}

/** The best-scoring candidate, or `undefined` when none scores above zero; and its score (0 for none). */
export function choose(
  candidates: readonly Candidate[],
  weights: Readonly<Record<string, number>> = WEIGHTS,
): { chosen: Candidate | undefined; score: number } {
  let chosen: Candidate | undefined;
  let score = 0;
  for (const c of candidates) {
    const s = scoreOf(c.features, weights);
    if (s > score) {
      chosen = c;
      score = s;
    }
  }
  return { chosen, score };
}
