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

/** A candidate's score: the weights of its features and their pairs, added. */
export function scoreOf(features: readonly string[], weights: Readonly<Record<string, number>> = WEIGHTS): number {
  let score = 0;
  for (const f of expand(features)) score += weights[f] ?? 0;
  return score;
}

/** The best-scoring candidate, or `undefined` when none scores above zero. */
export function choose(candidates: readonly Candidate[], weights: Readonly<Record<string, number>> = WEIGHTS): Candidate | undefined {
  let best: Candidate | undefined;
  let bestScore = 0;
  for (const c of candidates) {
    const s = scoreOf(c.features, weights);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}
