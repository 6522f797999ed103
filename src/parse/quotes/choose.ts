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

/** Weights by feature, and the weights of pairs by their first feature, then their second. */
interface Compiled {
  readonly single: ReadonlyMap<string, number>;
  readonly pair: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

const compiled = new WeakMap<object, Compiled>();

/** The weights as maps, made once per table: a score then looks pairs up without building their names. */
function compile(weights: Readonly<Record<string, number>>): Compiled {
  const known = compiled.get(weights);
  if (known) return known;
  const single = new Map<string, number>();
  const pair = new Map<string, Map<string, number>>();
  for (const [name, weight] of Object.entries(weights)) {
    const cut = name.indexOf('&');
    if (cut < 0) {
      single.set(name, weight);
      continue;
    }
    const first = name.slice(0, cut);
    const row = pair.get(first) ?? new Map<string, number>();
    row.set(name.slice(cut + 1), weight);
    pair.set(first, row);
  }
  const made = { single, pair };
  compiled.set(weights, made);
  return made;
}

/**
 * The weights of features and their pairs (as `expand` names them), added in `expand`'s order so the
 * sum is the same to the last bit; `start` is added first.
 */
export function weigh(features: readonly string[], weights: Readonly<Record<string, number>>, start = 0): number {
  const { single, pair } = compile(weights);
  const base = [...new Set(features)].sort();
  let score = start;
  for (const f of base) score += single.get(f) ?? 0;
  for (let i = 0; i < base.length; i++) {
    const row = pair.get(base[i]!);
    if (!row) continue;
    for (let j = i + 1; j < base.length; j++) score += row.get(base[j]!) ?? 0;
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
