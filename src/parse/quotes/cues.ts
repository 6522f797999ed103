import { HANDLE, NP_STOP, SPEECH_VERBS, isFiller } from './tables.js';
import { alternatives } from '../word-lists.js';
import { ABBREVIATION, lastWord } from './text.js';

export const VERB_FORMS: ReadonlyMap<string, string> = new Map(
  Object.values(SPEECH_VERBS).flatMap((forms) => forms.map((f) => [f.toLowerCase(), f] as const)),
);
/** Every one-word verb form as a whole word (a run of letters), longest first. */
export const SINGLE_WORD = new RegExp(
  `(?<!\\p{L})(?:${
    [...VERB_FORMS.keys()]
      .filter((f) => /^\p{L}+$/u.test(f))
      .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
      .join('|')
  })(?!\\p{L})`,
  'gu',
);
/** The first words of the multi-word verbs: a text without any of them has none of the verbs. */
export const MULTIWORD_FIRST = [...new Set([...VERB_FORMS.keys()].filter((f) => f.includes(' ')).map((f) => f.split(' ')[0]!))];
/** Every multi-word verb ("quoted as saying") as whole words, longest first. */
export const MULTIWORD = new RegExp(
  `(?<!\\p{L})(?:${
    [...VERB_FORMS.keys()]
      .filter((f) => f.includes(' '))
      .sort((a, b) => b.length - a.length)
      .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|')
  })(?!\\p{L})`,
  'gu',
);


/** Where a speech verb stands in a piece of text: every occurrence, left to right. */
export function findVerbs(text: string): { index: number; length: number; form: string }[] {
  const found: { index: number; length: number; form: string }[] = [];
  const lower = text.toLowerCase();
  // Multi-word verbs ("quoted as saying") claim their words first; single words may not overlap them.
  let covered: Uint8Array | null = null;
  MULTIWORD.lastIndex = MULTIWORD_FIRST.some((w) => lower.includes(w)) ? 0 : lower.length;
  for (let m = MULTIWORD.exec(lower); m; m = MULTIWORD.exec(lower)) {
    covered ??= new Uint8Array(lower.length);
    covered.fill(1, m.index, m.index + m[0].length);
    found.push({ index: m.index, length: m[0].length, form: m[0] });
  }
  SINGLE_WORD.lastIndex = 0;
  for (let m = SINGLE_WORD.exec(lower); m; m = SINGLE_WORD.exec(lower)) {
    if (covered?.[m.index]) continue;
    const next = lower.slice(m.index + m[0].length, m.index + m[0].length + 8);
    // "added to the evidence", "called for talks", "told to leave": not speech.
    if (/^(?:add|adds|added|adding|call|calls|called|calling)$/.test(m[0]) && /^\s+(?:to|up|for|on|off|in)\b/.test(next)) continue;
    if (/^(?:told|tells|tell)$/.test(m[0]) && /^\s+to\b/.test(next)) continue;
    found.push({ index: m.index, length: m[0].length, form: m[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A comma-separated piece that describes rather than names: an appositive, a relative clause, an aside. */
/**
 * An outlet's credit for reporting: `…, Agence France Presse reported`. When the sentence already
 * gives the words to someone with another speech verb, the outlet did not say them (both the rules
 * in `attribute.ts` and the candidates in `candidates.ts` hold to it).
 */
export const REPORTED = /^report(?:ed|s)$/;

export const ASIDE = new RegExp(String.raw`^(?:(?:a|an|the|his|her|their|its)\s+\p{Ll}|who\b|which\b|whose\b|`
  + String.raw`where\b|\p{Ll}|\p{Lu}[\p{L} ]*['’]s?\s+\p{Ll}|\d|in\s|on\s|at\s|speaking\b|`
  + String.raw`writing\b|appearing\b|asked\b)`, 'u');

/**
 * The subject before a verb: the end of its clause. When a comma stands right before the verb,
 * the piece before it is an aside (`Maria Lopez, a spokeswoman for the city, said`) and the name is further back.
 */
export function subjectBefore(raw: string): string {
  // "Dr. Naomi Achterberg, later told": filler between the subject and the verb goes first.
  let text = raw;
  for (let m = lastWord(text); m && isFiller(m.word) && !m.word.endsWith(','); m = lastWord(text)) text = text.slice(0, m.index);
  const commaBeforeVerb = /,\s*$/.test(text);
  let end = text.length;
  while (end > 0 && (text[end - 1] === ',' || /\s/.test(text[end - 1]!))) end--;
  const pieces = text.slice(0, end).split(/,\s*/);
  let piece = pieces.pop() ?? '';
  if (commaBeforeVerb) {
    while (pieces.length && ASIDE.test(piece.trim()) && !HANDLE.test(piece.trim())) piece = pieces.pop() ?? '';
  }
  // "and" joins two names ("Dana Whitfield and Roy Castellanos") but breaks clauses otherwise.
  // "and" joins two names ("Dana Whitfield and Roy Castellanos"), not a clause and a name ("at the break and Gold said").
  const breaks = [...piece.matchAll(CLAUSE_BREAK), ...piece.matchAll(/(?<=\s\p{Ll}[\p{Ll}'’-]*\s+)and(?=\s+\p{Lu})/gu)]
    .sort((a, b) => a.index - b.index);
  const lastBreak = breaks[breaks.length - 1];
  const clause = (lastBreak ? piece.slice(lastBreak.index + lastBreak[0].length) : piece).trim();
  // "Achterberg looked at the jars and asked": a second verb shares the first one's subject.
  if (!clause && lastBreak && /^(?:and|but)$/i.test(lastBreak[0])) {
    return SENTENCE_SUBJECT.exec(piece.slice(0, lastBreak.index))?.[1] ?? '';
  }
  // "a proposal she called …": the pronoun closing a relative clause is the subject.
  const pronoun = /\s(he|she|they)$/i.exec(clause);
  if (pronoun) return pronoun[1]!;
  // "Gary Thorne, 45, and his wife": a bare age is no subject.
  return /^\d+$/.test(clause) ? '' : clause;
}

/** Where a clause breaks before a speech verb's subject. */
const CLAUSE_BREAK = new RegExp(String.raw`(?:[;:—–(]|\b(?:${alternatives('clause-break')})\b|\band\b(?!\s+[\p{Lu}\d])`
  + String.raw`)`, 'giu');

/** The noun phrase after an inverted verb: `said Russian presidential aide Yury Ushakov, according to TASS`. */
export function subjectAfter(text: string): string {
  const words: string[] = [];
  for (const m of text.matchAll(/[^\s]+/g)) {
    const w = m[0];
    const clean = w.replace(/[^\p{L}\p{N}'’.-]/gu, '').toLowerCase();
    if (words.length && NP_STOP.has(clean)) break;
    words.push(w);
    if (/[,;:!?"”)]$/.test(w) || (/\.$/.test(w) && !ABBREVIATION.test(w))) break;
    if (words.length >= 10) break;
  }
  const np = words.join(' ').replace(/[,.;:!?"”)]+$/, '');
  // "said the Kremlin's spokesman, Dmitry Peskov": a role, then the name after the comma.
  const rest = text.slice(text.indexOf(np) + np.length);
  const named = /^,\s+((?:\p{Lu}[\p{L}'’.-]*\s?){2,4})(?:[,.]|$)/u.exec(rest);
  if (/^(?:the|a|an|his|her|their|its)\s/i.test(np) && named) return `${np} ${named[1]!.trim()}`;
  return np;
}

/** The subject a sentence starts with, role words allowed before a name: `Pioneers coach Sharon Whitaker was blunt`. */
export const SENTENCE_SUBJECT = new RegExp(String.raw`^\s*((?:(?:[\p{Lu}][\p{L}'’.-]*|(?:of|for|de|van|von)`
  + String.raw`(?=\s+[\p{Lu}])|(?!(?:by|of|in|on|at|to|for|with|from|the|a|an|and|or|`
  + String.raw`but|as|into|over|under|after|before)\b)[\p{Ll}][\p{L}-]*(?=(?:\s+(?!(?:by|`
  + String.raw`of|in|on|at|to|for|with|from|the|a|an|and|or|but)\b)[\p{Ll}][\p{L}-]*)`
  + String.raw`{0,2}\s+[\p{Lu}]))\s+)*[\p{Lu}][\p{L}'’.-]*|[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he|`
  + String.raw`[Tt]his)\s+(?:(?!(?:was|were|is|are|has|had|have|will|would|did|found|`
  + String.raw`ruled|called)\b)[\p{Ll}-]+\s+){0,2}?(?!(?:was|were|is|are|has|had|have|`
  + String.raw`will|would|did|found|ruled|called)\b)[\p{Ll}-]+(?=\s+(?:was|were|is|are|`
  + String.raw`has|had|have|will|would|did|\p{Ll}+ed|\p{Ll}+s)\b))`, 'u');

/** A document and who it is by, at the start of a text: "a statement issued by ", "court papers filed Monday by ". */
const DOCUMENT_BY = new RegExp(String.raw`^(?:a|an|the)?\s*(?:\p{Ll}+\s+)?(?:statement|report|filing|release|`
  + String.raw`press\s+release|post|letter|transcript|memo|email|emails|documents?|records?|papers|court\s+papers|copy)\s+`
  + String.raw`(?:(?:issued|released|posted|published|sent|filed|written|signed|seen|obtained|shared)\s+)?`
  + String.raw`(?:\w+\s+)?(?:by|from)\s+`, 'u');

/** "according to a statement issued by his spokeswoman, Corinne Lange": past the document, to who issued it. */
export function throughDocument(text: string): string {
  return text.replace(DOCUMENT_BY, '');
}
