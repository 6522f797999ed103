/**
 * Is a quoted span speech? A quotation is something someone is reported to have said or written;
 * a scare quote, a term, a title or a slogan is not. Each span is described by what tells them
 * apart — its length and shape, the cues around it, how strongly some candidate speaker is placed
 * to have said it — and kept when the trained weights (`weights.ts`, `SPEECH`) say it is more
 * likely speech than not.
 */
import { weigh } from './choose.js';
import type { Candidate } from './candidates.js';
import { findVerbs } from './cues.js';
import { inner, type Span } from './spans.js';
import { REPORTING_VERBS, SIGNAGE } from './tables.js';
import { SPEECH } from './weights.js';

/** A number of words as a coarse bucket. */
function size(n: number): string {
  return n <= 1 ? '1' : n === 2 ? '2' : n <= 4 ? '3-4' : n <= 8 ? '5-8' : n <= 16 ? '9-16' : '17+';
}

/** A score as a coarse bucket. */
function level(score: number): string {
  return score <= 0 ? 'none' : score <= 1 ? 'weak' : score <= 3 ? 'fair' : score <= 6 ? 'strong' : 'certain';
}

/** What the best candidate speaker tells of a span: how it is tied to the span, if at all. */
function tie(best: Candidate | undefined): string[] {
  if (!best) return ['tie:none'];
  const f = best.features;
  const cue = f.some((x) => x.startsWith('cue:subject:')) ? 'subject' : f.some((x) => x.startsWith('cue:inverted:')) ? 'inverted' : 'none';
  return [`tie:${best.kind}`, `tie:cue:${cue}`, f.includes('sentence:same') ? 'tie:same-sentence' : 'tie:previous-sentence'];
}

/** The features of a span, given its paragraph, whether it is partial, and its best candidate and that one's score. */
export function speechFeatures(text: string, span: Span, partial: boolean, best: number, sentence: string, chosen?: Candidate): string[] {
  const words = inner(text, span).trim();
  const count = (words.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  const lead = text.slice(Math.max(0, span.open - 40), span.open);
  const after = span.close === -1 ? '' : text.slice(span.close + 1, span.close + 25);
  const f = [`words:${size(count)}`, partial ? 'partial' : 'full', `speaker:${level(best)}`, ...tie(chosen)];
  // A mark glued to a word outside it ("pip"cards) quotes a word, not speech.
  if (span.close !== -1 && /^\p{L}/u.test(text.slice(span.close + 1, span.close + 2))) f.push('glued');
  // Inside a noun phrase: `a "direction discrimination" task`, `the "surged" price`.
  if (/\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s*$/i.test(lead) && /^\s*\p{Ll}+\b(?!\s*(?:,|\.|$))/u.test(after)
    && !findVerbs(after.slice(0, 12)).length) f.push('modifier');
  if (/^\p{Ll}/u.test(words)) f.push('starts-lower');
  if (/[.!?]["'”’]?$/.test(words)) f.push('ends-stop');
  if (/,$/.test(words)) f.push('ends-comma');
  if (/[.!?]\s+\p{Lu}/u.test(words)) f.push('sentences');
  const significant = words.split(/\s+/).filter((w) => !/^(?:a|an|the|of|and|or|in|on|at|to|for|with|by|from)$/i.test(w));
  if (significant.length && significant.every((w) => /^[\p{Lu}\p{N}]/u.test(w))) f.push('title-case');
  if (/\b(?:the|a|an|this|that|its|their|his|her|our|so-called)\s*$/i.test(lead)) f.push('after-determiner');
  if (/\b(?:called|dubbed|termed|named|known\s+as|word|words|term|phrase|label|as)\s*$/i.test(lead)) f.push('after-naming');
  if (/:\s*$/.test(lead)) f.push('after-colon');
  if (SIGNAGE.test(text.slice(Math.max(0, span.open - 80), span.open))) f.push('signage');
  // `Lorenz, "the father of chaos," …`, `Is Boris "the best mayor …"?`: an epithet in apposition to a name.
  if (/\p{Lu}[\p{L}'’.-]*,?\s*$/u.test(lead) && /^(?:the|a|an)\s/i.test(words)) f.push('epithet');
  if (/^\s*\p{Ll}/u.test(after)) f.push('before-lower-word');
  if (/^\s*[,.;:]?\s*$/.test(after) && span.close !== -1) f.push('ends-sentence');
  if (!text.slice(0, span.open).trim()) f.push('opens-paragraph');
  const outside = sentence.replace(words, ' ');
  const verbs = findVerbs(outside);
  if (verbs.length) f.push('cue-in-sentence');
  else if (REPORTING_VERBS.test(outside)) f.push('reporting-verb-in-sentence');
  if (findVerbs(lead.slice(-25)).length || findVerbs(after).length) f.push('cue-next-to-it');
  return f;
}

/**
 * A quotation is what someone is reported to have said or written. What the reporter quotes in
 * their own sentence, tied to nobody by a speech verb, is not: a term, a scare quote, a title, an
 * epithet. The trained model cannot learn this from PolNeAR, whose annotators count every quoted
 * span inside reported content, so these are rules, each named for what it leaves out.
 */
const NOT_SPEECH: readonly (readonly [string, (has: (feature: string) => boolean) => boolean])[] = [
  // `a "direction discrimination" task`, `the "surged" price`
  [
    'a word or two in the reporter\'s own sentence',
    (has) => has('partial') && (has('words:1') || has('words:2')) && !said(has) && !has('cue-next-to-it'),
  ],
  // `is just the "tip of the iceberg"`: nobody in reach at all
  ['a phrase no one is near', (has) => has('partial') && has('tie:none') && !said(has)],
  // `"Super Mario Run"`, `"Batman Arkham VR"`
  ['a title', (has) => has('title-case') && !has('words:1') && !has('ends-stop') && has('tie:cue:none') && !has('cue-next-to-it')],
  ['an epithet', (has) => has('epithet') && has('partial') && has('tie:cue:none')],
  // `a notice says "No cash accepted"`, `each issue bore the words, "…"`
  ['words on a sign', (has) => has('signage')],
];

/** Is a speech or reporting verb in the sentence, or a speaker tied to the span by one? */
function said(has: (feature: string) => boolean): boolean {
  return has('cue-in-sentence') || has('reporting-verb-in-sentence') || has('tie:cue:subject') || has('tie:cue:inverted');
}

/** Why a span is not speech whatever the model says, or `null`. */
export function unsaid(features: readonly string[]): string | null {
  const has = (f: string): boolean => features.includes(f);
  return NOT_SPEECH.find(([, test]) => test(has))?.[0] ?? null;
}

/** How likely a span is speech, as a log-odds score: kept when above zero. */
export function speechScore(features: readonly string[], weights: Readonly<Record<string, number>> = SPEECH): number {
  return weigh(features, weights, weights['bias'] ?? 0);
}
