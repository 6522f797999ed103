/**
 * Quotations and who said them, from the plain text of a body's paragraphs, step by step:
 * 1. `spans.ts`: quoted spans (double or single marks, apostrophes told apart, spans across
 *    paragraphs), and which of them are speech rather than titles, names or words as words;
 * 2. `people.ts`: the people and organisations the article names, where, and with which roles;
 * 3. `attribute.ts`: each quote's speaker, from the cues around it (`cues.ts`), resolved to someone
 *    the article introduced.
 * The words it reads by (speech verbs, titles, role nouns, first names) are data, in `tables.ts`.
 */
import type { Quote } from '../../types.js';
import { attributeAll, type Decision, type Weights } from './attribute.js';

export type { Decision, Weights } from './attribute.js';
export type { Candidate } from './candidates.js';

/** For training the speaker weights: see each choice, or choose with other weights. */
export interface Training {
  readonly observe?: (decision: Decision) => void;
  readonly weights?: Weights;
}
import { findSpans } from './spans.js';

/**
 * Two apostrophes for a double mark, as the New York Times archive writes every quotation
 * (`''It's nonsense,'' Mr. Trump said`). Read as one mark and a space, so positions shift by nothing
 * and the words inside come out as written.
 */
const TWO_APOSTROPHES = /''/g;

/**
 * Extracts every quotation of a body, in reading order, with its speaker; and the paragraphs where
 * a quotation opens and never closes (not at a paragraph's end followed by a reopening mark, which
 * is how a quote runs on into the next paragraph).
 */
export function extractQuotes(paragraphs: readonly string[], training: Training = {}): { quotes: Quote[]; unclosed: number[] } {
  const text = paragraphs.map((p) => (p.includes("''") ? p.replace(TWO_APOSTROPHES, '" ') : p));
  const found = findSpans(text);
  const unclosed = found.filter((s) => s.close === -1 && !/^\s*["“„«‘']/.test(text[s.paragraph + 1] ?? '')).map((s) => s.paragraph);
  return { quotes: attributeAll(text, found, training.observe, training.weights), unclosed };
}
