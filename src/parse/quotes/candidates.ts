/**
 * Who might have said a quote: every mention in its sentence and the sentence before it (names,
 * pronouns, the noun phrases speech verbs have for subjects), each described by what a reader
 * weighs — where it stands, which cue it is the subject of, what stands between it and the quote.
 * `choose.ts` weighs them with the trained weights.
 */
import { REPORTED, VERB_FORMS, findVerbs, subjectAfter, subjectBefore } from './cues.js';
import type { Span } from './spans.js';
import { personName } from './names.js';
import { FILLER, SENTENCE_START_WORDS, isTitle } from './tables.js';
import { ABBREVIATION, capitalisedRuns, lastBefore } from './text.js';

/** A mention that may be a quote's speaker. */
export interface Candidate {
  /** `rule`: the speaker the hand-written rules (`attribute.ts`) found, whoever they are; its `text` is `''` for nobody named. */
  readonly kind: 'name' | 'pronoun' | 'nominal' | 'rule';
  /** The words as written, for resolving to a person. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The binary features that hold for it, by name (see `choose.ts`). */
  readonly features: string[];
}

const PRONOUN = /\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|[Ii]t|I)\b/g;
/** A preposition or conjunction (and "the") at the end of the text: "in ", "towards the ", "vs. ". */
const PREPOSITION = new RegExp(
  String.raw`\b(?:of|at|for|from|with|to|by|about|against|on|in|than|like|over|into|toward|towards|between|among|under|`
    + String.raw`behind|beside|including|versus|vs\.?|and|or)\s+(?:the\s+)?$`,
  'i',
);
/** Verbs whose following noun phrase is who was spoken to, never the speaker. */
const ADDRESSED = /^(?:told|tells|tell|telling|informed|informs|reminded|reminds)$/;
const PARTY_TAG = /^\(?(?:[DRI]|Dem|Rep|Ind)-[\p{Lu}][\p{L}.]*\)?$/u;

/** The text of a paragraph with the inside of every quote blanked, so its words are never mentions. */
export function masked(text: string, spans: readonly Span[]): string {
  const pieces: string[] = [];
  let at = 0;
  for (const s of spans) {
    const end = s.close === -1 ? text.length : s.close;
    // The last mark of punctuation stays: `…."` still ends the sentence.
    const keep = end - 1 > s.open && /[.!?,]/.test(text[end - 1] ?? '') ? end - 1 : end;
    const from = Math.max(at, s.open + 1);
    if (keep <= from) continue;
    pieces.push(text.slice(at, from), ' '.repeat(keep - from));
    at = keep;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** The sentence a position stands in: the last `k` with `starts[k] <= at`, found by halving. */
const sentenceIndex = (starts: readonly number[], at: number): number => Math.max(0, lastBefore(starts, (s) => s, at + 1));

/**
 * A paragraph's mask and sentence starts, made once for all its quotes: a paragraph of thousands of
 * quotes would otherwise be masked once per quote (quadratic in its length, times its quotes).
 */
interface Layout {
  readonly text: string;
  readonly mask: string;
  readonly starts: number[];
  /** The speech verb right after each position a mention ends at, once worked out (most mentions are candidates of several quotes). */
  readonly follows: Map<number, string | null>;
  /** The runs of capitalised words of the whole mask, made when first asked for. */
  runs?: ReturnType<typeof capitalisedRuns>;
}
const layouts = new WeakMap<readonly Span[], Layout>();
function layoutOf(text: string, spans: readonly Span[]): Layout {
  const known = layouts.get(spans);
  if (known && known.text === text) return known;
  const mask = masked(text, spans);
  const layout = { text, mask, starts: sentenceStarts(mask), follows: new Map<number, string | null>() };
  layouts.set(spans, layout);
  return layout;
}

/** Where the sentences of a (masked) paragraph start, in order. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/[.!?]["'”’)]*\s+(?=[\p{Lu}"“‘'(\d])/gu)) {
    const at = m.index + m[0].length;
    if (text[m.index] === '.' && ABBREVIATION.test(text.slice(Math.max(0, m.index - 30), m.index + 1))) continue;
    starts.push(at);
  }
  return starts;
}

/** The sentence around a span, and the one before it: `[from, to)` in the paragraph. */
export function sentenceOf(starts: readonly number[], length: number, span: Span): { from: number; to: number; previous: number } {
  const k = sentenceIndex(starts, span.open);
  const close = span.close === -1 ? length - 1 : span.close;
  const e = Math.max(k, sentenceIndex(starts, close));
  return { from: starts[k]!, to: starts[e + 1] ?? length, previous: k > 0 ? starts[k - 1]! : starts[k]! };
}

/** The sentence (or sentences) a span stands in, quote included. */
export function sentenceAround(text: string, spans: readonly Span[], i: number): string {
  const { from, to } = sentenceOf(layoutOf(text, spans).starts, text.length, spans[i]!);
  return text.slice(from, to);
}

/** The sentence (or sentences) a span stands in, every quotation of the paragraph blanked. */
export function maskedSentenceAround(text: string, spans: readonly Span[], i: number): string {
  const layout = layoutOf(text, spans);
  const { from, to } = sentenceOf(layout.starts, text.length, spans[i]!);
  return layout.mask.slice(from, to);
}

/** Every candidate speaker of `spans[i]` in paragraph `text`, with its features. */
export function candidatesFor(text: string, spans: readonly Span[], i: number): Candidate[] {
  const span = spans[i]!;
  const layout = layoutOf(text, spans);
  const { mask, starts } = layout;
  const { from, to, previous } = sentenceOf(starts, text.length, span);
  const found: Candidate[] = [];
  const add = (kind: Candidate['kind'], start: number, end: number): void => {
    if (found.some((c) => c.start === start && c.end === end)) return;
    found.push({ kind, text: text.slice(start, end), start, end, features: features(layout, span, kind, start, end, from) });
  };
  // Runs never cross where a sentence starts, so the paragraph's runs serve every quote's two sentences.
  const runs = (layout.runs ??= capitalisedRuns(mask));
  for (let r = lastBefore(runs, (run) => run.start, previous) + 1; r < runs.length && runs[r]!.start < to; r++) {
    const run = runs[r]!;
    if (run.end > to) continue;
    let start = run.start;
    const words = [...run.words];
    // "But Clinton", "On Twitter": a sentence's first word is no name.
    while (words.length > 1 && SENTENCE_START_WORDS.test(words[0]!)) {
      start += /^\S+\s+/.exec(mask.slice(start))![0].length;
      words.shift();
    }
    if (words.length === 1 && (SENTENCE_START_WORDS.test(words[0]!) || isTitle(words[0]!))) continue;
    if (PARTY_TAG.test(words.join(' '))) continue;
    // "Morgan Stanley equity strategist Naoki Kamiyama": the firm is part of the person's role, not a speaker.
    const following = runs[r + 1];
    const roleOf = following && following.words.length >= 2 && ROLE_BETWEEN.test(mask.slice(run.end, following.start));
    if (roleOf && personName(following.words) !== null) continue;
    add('name', start, run.end);
  }
  for (const m of mask.slice(previous, to).matchAll(PRONOUN)) add('pronoun', previous + m.index, previous + m.index + m[0].length);
  // The subjects speech verbs have ("the aide said", "said a Democratic pollster"), where no name is.
  const window = mask.slice(from, to);
  for (const verb of findVerbs(window)) {
    const subject = subjectBefore(window.slice(0, verb.index));
    // "one Bombay trader said": someone unnamed, a place's name for an adjective.
    const bare = subject.replace(/^[\s"“”‘’',]+/u, '');
    const unnamed = /^(?:a|an|one|another)\s+\p{Lu}[\p{L}'’.-]*\s+\p{Ll}[\p{L}-]*$/u.exec(bare)?.[0];
    const lead = unnamed ?? subject;
    if (lead && (unnamed || /^(?:\p{Ll}|(?:A|An|The|One|Another)\s+\p{Ll})/u.test(lead))) {
      const at = window.lastIndexOf(lead, verb.index);
      if (at >= 0) add('nominal', from + at, from + at + lead.length);
    }
    const rest = window.slice(verb.index + verb.length);
    const np = subjectAfter(rest);
    if (np && /^(?:the|a|an|one|another|his|her|their|its)\s/i.test(np)) {
      const at = rest.indexOf(np);
      if (at >= 0) add('nominal', from + verb.index + verb.length + at, from + verb.index + verb.length + at + np.length);
    }
  }
  // `Malaysia said damage will be "significant", Agence France Presse reported`: the outlet credited after
  // words the sentence already gives to someone did not say them.
  if (span.close !== -1 && findVerbs(mask.slice(from, span.open)).length) {
    const reporter = (c: Candidate): boolean => c.start > span.close && REPORTED.test(layout.follows.get(c.end) ?? '');
    if (found.some(reporter)) found.splice(0, found.length, ...found.filter((c) => !reporter(c)));
  }
  // `"…great year." Hayes said: "…"`: after a quote that ends its sentence, a clause closed by a colon
  // introduces the next quote, and who speaks in it speaks that one.
  const next = spans[i + 1];
  const ended = span.close !== -1 && /[.!?]\s*$/.test(text.slice(span.open + 1, span.close));
  if (next && ended && /:\s*$/.test(mask.slice(span.close + 1, next.open))) {
    return found.filter((c) => c.start < span.close || c.start > next.open);
  }
  return found;
}

/** One to three lower-case role words between two names: ` equity strategist `, ` chief executive `. */
const ROLE_BETWEEN = new RegExp('^\\s+(?:[\\p{Ll}-]+\\s+){0,2}'
  + '(?:strategist|economist|analyst|executive|chief|director|president|spokesman|spokeswoman|manager|chairman|officer)\\s+$', 'u');

/** A number of words as a coarse bucket, so the weights generalise over distances. */
function bucket(n: number): string {
  return n === 0 ? '0' : n === 1 ? '1' : n === 2 ? '2' : n <= 4 ? '3-4' : n <= 8 ? '5-8' : n <= 16 ? '9-16' : '17+';
}

const words = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** Is there a speech verb right at the start of `text`, after filler, an aside in commas or a tag in brackets? */
export function verbFollows(text: string): string | null {
  // "ZeniMax Media, which accuses …": the relative pronoun stands for the name before it.
  let rest = text.replace(/^\s*\([^)]{0,40}\)/, '').replace(/^\s*,\s+(?:which|who)\s+(?=\p{Ll})/u, ' ')
    // "Chris Low at FTN Financial said", "The Centre for Climate Research at Victoria University warned": where they work.
    .replace(/^\s+(?:at|of|from|with)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’.&-]*(?:\s+(?:of|for|and|&)\s+|\s+))*\p{Lu}[\p{L}'’.&-]*(?=\s)/u, '');
  const aside = /^\s*,\s+[^,.;:"“”]{2,120},/.exec(rest);
  if (aside) rest = rest.slice(aside[0].length);
  rest = rest.replace(
    /^\s*,?\s*(?:(?:[\p{L}]+ly|[\p{L}]+)\s+){0,3}?(?=\S)/u,
    (m) => (m.trim().split(/\s+/).every((w) => FILLER.has(w.toLowerCase().replace(/,$/, '')) || /ly$/.test(w)) ? '' : m),
  );
  const verb = findVerbs(rest.slice(0, 40))[0];
  if (!verb || rest.slice(0, verb.index).trim()) return null;
  return verb.form;
}

/** The speech verb right before `text`'s end (and filler), if any: `said`, `told reporters`. */
function verbPrecedes(text: string): string | null {
  const tail = text.slice(-40);
  const verbs = findVerbs(tail);
  const last = verbs[verbs.length - 1];
  if (!last) return null;
  const between = tail.slice(last.index + last.length);
  return between.trim().split(/\s+/).filter(Boolean).every((w) => FILLER.has(w.toLowerCase().replace(/[^\p{L}]/gu, ''))) ? last.form : null;
}

const verbClass = (form: string | null): string => (form === null ? 'none' : /^(?:say|says|said|saying)$/.test(form) ? 'say' : 'other');

/** The features of one candidate (binary, by name). */
function features(layout: Layout, span: Span, kind: Candidate['kind'], start: number, end: number, from: number): string[] {
  const { mask, starts } = layout;
  const f: string[] = [`kind:${kind}`];
  const phrase = mask.slice(start, end);
  const side = end <= span.open ? 'before' : 'after';
  const close = span.close === -1 ? mask.length : span.close + 1;
  const between = side === 'before' ? mask.slice(end, span.open) : mask.slice(close, start);
  const sameSentence = start >= from;
  f.push(`side:${side}`, `sentence:${sameSentence ? 'same' : 'previous'}`, `${side}:dist:${bucket(words(between))}`);
  if (!/[\p{L}\p{N}]/u.test(between)) f.push(`${side}:adjacent`);
  if (kind === 'name') {
    const n = phrase.split(/\s+/).length;
    f.push(`name:words:${n >= 3 ? '3+' : n}`);
    if (/['’]s$/.test(phrase) || /^['’]s\b/.test(mask.slice(end))) f.push('name:possessive');
    if (isTitle(phrase.split(/\s+/)[0]!)) f.push('name:title');
    if (/^\p{Lu}{2,}$/u.test(phrase.replace(/[.\s]/g, '')) && phrase.length > 3) f.push('name:caps');
  }
  if (kind === 'pronoun') f.push(`pronoun:${phrase.toLowerCase()}`);
  // Where it stands in its sentence.
  const sentenceStart = starts[sentenceIndex(starts, start)] ?? 0;
  const lead = mask.slice(sentenceStart, start);
  if (!lead.trim()) f.push('first-in-sentence');
  else if (/^[^,]{0,60},\s*$/.test(lead)) f.push('first-after-opening');
  if (PREPOSITION.test(lead)) f.push('after-preposition');
  if (/\baccording\s+to\s+$/i.test(lead)) f.push('after-according-to');
  if (/\([^)]*$/.test(lead)) f.push('in-brackets');
  if (/,\s*$/.test(lead)) f.push('after-comma');
  const lastWord = (/(\p{Ll}+)\s+$/u.exec(lead)?.[1] ?? '');
  if (lastWord && !VERB_FORMS.has(lastWord) && !PREPOSITION.test(`${lastWord} `)) f.push('after-lower-word');
  // Cues: the subject of a speech verb, or the subject after an inverted one.
  let follows = layout.follows.get(end);
  if (follows === undefined) layout.follows.set(end, (follows = verbFollows(mask.slice(end, end + 200))));
  const precedes = verbPrecedes(lead);
  if (follows) f.push(`cue:subject:${verbClass(follows)}`, `cue:subject:${side}`);
  // "told Five Live", "told reporters": who is told is never who speaks; "said Smith" inverts, "told Smith" does not.
  if (precedes && ADDRESSED.test(precedes)) f.push('cue:addressee');
  else if (precedes) f.push(`cue:inverted:${verbClass(precedes)}`, `cue:inverted:${side}`);
  if (
    precedes
    && !ADDRESSED.test(precedes)
    && side === 'after'
    && /^\s*[,]?\s*$/.test(mask.slice(close, start).replace(new RegExp(`${precedes}\\s*$`, 'i'), ''))
  ) {
    f.push('cue:inverted:adjacent');
  }
  if (findVerbs(between).length) f.push(`${side}:verb-between`);
  if (side === 'before' && mask.slice(0, span.open).trimEnd().endsWith(':')) f.push('quote-after-colon');
  if (side === 'before' && !sameSentence) f.push('previous-sentence');
  return f;
}
