/**
 * Speakers a quote takes from the paragraphs around it when its own sentence names nobody, as a
 * reader does: the paragraph before ends "X said:", a credit line follows a pull quote, the
 * paragraph before reports what someone said, or the words repeat a quotation given earlier.
 */
import type { Quote } from '../../types.js';
import { SENTENCE_SUBJECT, findVerbs, subjectAfter, subjectBefore, throughDocument } from './cues.js';
import type { Context } from './people.js';
import { ACCORDING_TO, SENTENCE_START_WORDS, WEAK_VERBS } from './tables.js';

/** The last sentence of a paragraph. */
function lastSentence(paragraph: string): string {
  const sentences = paragraph.trimEnd().split(/(?<=[.!?:]["”’]?)\s+(?=\p{Lu})/u);
  return sentences[sentences.length - 1] ?? '';
}

/** Someone the article has met, or a full name: not "Transcript", "Pause" or another word that reads as one. */
function plausible(who: string | null | undefined, context: Context, people = false): who is string {
  return Boolean(who) && (context.people.some((p) => p.name === who && (!people || !p.org)) || /\s/.test(who!));
}

/** `X said:`, `According to X:`, `X was blunt:` closing the paragraph before: X. */
export function introducedBy(previous: string, context: Context, at: number): string | undefined {
  if (!/:$/.test(previous.trimEnd())) return undefined;
  const sentence = lastSentence(previous);
  const according = ACCORDING_TO.exec(sentence);
  if (according) {
    const who = context.resolve(subjectAfter(throughDocument(sentence.slice(according.index + according[0].length))), at);
    if (plausible(who, context)) return who;
  }
  for (const verb of findVerbs(sentence)) {
    const subject = subjectBefore(sentence.slice(0, verb.index));
    const who = subject ? context.resolve(subject, at) : undefined;
    if (who !== undefined) return plausible(who, context) ? who : undefined;
  }
  const np = SENTENCE_SUBJECT.exec(sentence)?.[1]?.replace(/^The\s+(?=\p{Lu})/u, '');
  if (np && !SENTENCE_START_WORDS.test(np.split(/\s+/)[0]!)) {
    const who = context.resolve(np, at);
    if (plausible(who, context)) return who;
  }
  return undefined;
}

/** A credit line after a pull quote: `Dean Baker, Center for Economic Policy Research.`, `Sanders.` */
export function creditedBy(next: string, context: Context, at: number): string | undefined {
  const credit = /^\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}?)(?:,\s+[^.;:"“”]{2,80})?\.?\s*["”]?\s*$/u.exec(next);
  if (!credit || credit[0].split(/\s+/).length > 14) return undefined;
  const who = context.resolve(credit[1]!.replace(/\.$/, ''), at);
  return plausible(who, context, true) ? who : undefined;
}

/** The paragraph before has no quotation and ends by reporting someone's words: `Carter said that …`. */
export function reportedBy(previous: string, context: Context, at: number): string | undefined {
  if (/["“”]/.test(previous)) return undefined;
  const sentence = lastSentence(previous);
  for (const verb of findVerbs(sentence)) {
    if (WEAK_VERBS.has(verb.form) || /ing$/.test(verb.form)) continue;
    const subject = subjectBefore(sentence.slice(0, verb.index));
    if (!subject) continue;
    const who = context.resolve(subject, at);
    if (who && context.people.some((p) => p.name === who && !p.org)) return who;
    if (who !== undefined) return undefined;
  }
  return undefined;
}

/**
 * The paragraph before has no quotation and its last sentence is about someone: `He started his programme.`,
 * `Malone turned to the callers.` A paragraph of quotation after it is theirs.
 */
export function introducedBySubject(previous: string, context: Context, at: number): string | undefined {
  if (/["“”]/.test(previous)) return undefined;
  const sentence = lastSentence(previous);
  const np = SENTENCE_SUBJECT.exec(sentence)?.[1];
  if (!np || /^(?:they|it)$/i.test(np) || (!/^(?:he|she)$/i.test(np) && SENTENCE_START_WORDS.test(np.split(/\s+/)[0]!))) return undefined;
  const who = context.resolve(np, at);
  return who && context.people.some((p) => p.name === who && !p.org) ? who : undefined;
}

/** How many earlier quotations a repeat is looked for in: the article's first ones, as it quotes back. */
const REQUOTE_REACH = 100;

/** The speaker of an earlier quotation these words (four or more) repeat, if any. */
export function requoted(words: string, earlier: readonly (Pick<Quote, 'text' | 'speaker'> & { spoken: boolean })[]): string | undefined {
  const core = words.replace(/^(?:\.\.\.|…)\s*|\s*(?:\.\.\.|…)$/g, '').trim().toLowerCase();
  if (core.split(/\s+/).length < 4) return undefined;
  for (let i = 0; i < Math.min(earlier.length, REQUOTE_REACH); i++) {
    const q = earlier[i]!;
    if (q.spoken && q.speaker && q.text.length >= core.length && q.text.toLowerCase().includes(core)) return q.speaker;
  }
  return undefined;
}
