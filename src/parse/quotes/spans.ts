import { VERB_FORMS, findVerbs } from './cues.js';
import { NAMING_VERBS, TITLE_NOUNS, WORD_AS_WORD } from './tables.js';
import { ABBREVIATION, LOOKBEHIND, SENTENCE_END, before, hasSentenceBreak, wordsIn } from './text.js';

/** A quoted span in one paragraph. `close` is -1 when the quote runs on into the next paragraph. */
export interface Span {
  readonly paragraph: number;
  readonly open: number;
  readonly close: number;
  readonly kind: 'double' | 'single';
  /**
   * The span goes on from the one before it in the paragraph, whose closing mark is missing: two
   * paragraphs of one quotation run together (`"…effect. "The impression …"`), as scrapers merge them.
   */
  readonly reopens?: true;
}

/**
 * Does an opening mark at `i`, while a quote is open, begin a new paragraph of the same quotation
 * rather than close it? It stands after a sentence's end and a space, before a word: left-flanking.
 */
function reopensAt(text: string, i: number, open: number): boolean {
  if (!/\s/.test(text[i - 1] ?? '') || !/[\p{L}\p{N}‘'“]/u.test(text[i + 1] ?? '')) return false;
  const lead = text.slice(Math.max(open + 1, i - 12), i).trimEnd();
  return /[.!?…](?:["'”’)\]]*)$/.test(lead) && !/(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|No)\.$/.test(lead) && i - open > 12;
}

/** The end of an unclosed span's words: before the spaces that precede the mark reopening it. */
function endBefore(text: string, i: number): number {
  let end = i;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}

export const OPENING_DOUBLE = new Set(['“', '„', '«']);

export const CLOSING_DOUBLE = new Set(['”', '»']);

/** Is the mark at `i` an apostrophe (Russia's, leaders', '90s, rock 'n' roll) rather than a quote mark? */
export function isApostrophe(text: string, i: number): boolean {
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  if (/\p{L}/u.test(before) && /\p{L}/u.test(after)) return true; // don't, Russia's
  if (/\s|^$/.test(before) && /\d/.test(after)) return true; // '90s
  if (/\s/.test(before) && /^(?:n'|em\b|til\b|tis\b|cause\b|round\b|bout\b)/i.test(text.slice(i + 1))) return true;
  if (/n/i.test(before) && /\s/.test(text[i - 2] ?? ' ') && /\s/.test(after)) return true; // 'n'
  return false;
}

export function doubleSpans(text: string, paragraph: number): Span[] {
  const spans: Span[] = [];
  let open = -1;
  // Whether the open span goes on from one whose closing mark is missing (see `reopensAt`).
  let reopens = false;
  const push = (close: number): void => {
    spans.push({ paragraph, open, close, kind: 'double', ...(reopens ? { reopens: true as const } : {}) });
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Every double mark is `"` or above U+00AA (« » “ ” „): skip the rest by number.
    if (code !== 34 && code < 0xab) continue;
    const c = text[i]!;
    const opening = c === '"' || OPENING_DOUBLE.has(c);
    if (open >= 0 && opening && reopensAt(text, i, open)) {
      push(endBefore(text, i));
      open = i;
      reopens = true;
    } else if (c === '"' && open >= 0) {
      push(i);
      open = -1;
      reopens = false;
    } else if (opening) {
      if (open < 0) open = i;
    } else if (CLOSING_DOUBLE.has(c) && open >= 0) {
      push(i);
      open = -1;
      reopens = false;
    }
  }
  if (open >= 0) push(-1);
  return spans;
}

/** Spaces then a function word (conjunction, preposition, pronoun, "was"…): "leaders' and", "leaders' who". */
const FUNCTION_WORD_NEXT = new RegExp(
  String.raw`^\s+(?:and|but|or|nor|to|in|on|at|for|with|as|that|than|he|she|they|it|we|was|is|were|are|after|before|`
    + String.raw`when|while|because|from|by|if|so|then|since|until|which|who)\b`,
);

export function singleSpans(text: string, paragraph: number): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '‘' && c !== '’' && c !== "'") continue;
    if (isApostrophe(text, i)) continue;
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    const canOpen = c === '‘' || (c === "'" && /[\s(\[—–"“]|^$/.test(before) && /\S/.test(after));
    const canClose = (c === '’' || c === "'") && /\S/.test(before) && !/\p{L}|\d/u.test(after);
    if (open < 0 && canOpen) open = i;
    else if (open >= 0 && canClose) {
      // "the leaders' alliance": an s-apostrophe before a lower-case word, when a later mark can close instead.
      if (
        before === 's'
        && /^\s+\p{Ll}/u.test(text.slice(i + 1))
        && /[’']/.test(text.slice(i + 2))
        && !FUNCTION_WORD_NEXT.test(text.slice(i + 1))
      ) {
        const nextWord = /^\s+(\p{L}+)/u.exec(text.slice(i + 1))?.[1]?.toLowerCase() ?? '';
        if (!VERB_FORMS.has(nextWord)) continue;
      }
      spans.push({ paragraph, open, close: i, kind: 'single' });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ paragraph, open, close: -1, kind: 'single' });
  return spans;
}

export const inside = (a: Span, b: Span): boolean => a.open > b.open && (b.close === -1 || a.open < b.close);

/** Quoted spans of the whole body, in the article's primary quotation marks. */
export function findSpans(paragraphs: readonly string[]): Span[] {
  const doubles = paragraphs.flatMap((t, p) => doubleSpans(t, p));
  // An unclosed single mark only opens a quote that runs on when the next paragraph reopens it.
  const singles = paragraphs
    .flatMap((t, p) => singleSpans(t, p))
    .filter((s) => s.close >= 0 || /^[‘']/.test(paragraphs[s.paragraph + 1] ?? ''));
  const topDoubles = doubles.filter((d) => !singles.some((s) => s.paragraph === d.paragraph && inside(d, s)));
  const topSingles = singles.filter((s) => !doubles.some((d) => d.paragraph === s.paragraph && inside(s, d)));
  // British style quotes with single marks and nests doubles; most outlets do the opposite.
  return topSingles.length > topDoubles.length ? topSingles : doubles;
}

export function inner(text: string, span: Span): string {
  return text.slice(span.open + 1, span.close === -1 ? text.length : span.close);
}

export const isTitleCase = (words: string): boolean => {
  const tokens = words.replace(/[.,!?]+$/, '').split(/\s+/).filter(Boolean);
  const significant = tokens.filter((t) => !/^(?:a|an|the|of|and|or|in|on|at|to|for|with|by|from|de|la|le|vs\.?)$/i.test(t));
  return significant.length > 0 && significant.every((t) => /^[\p{Lu}\p{N}]/u.test(t));
};

/** Titles, nicknames and words-as-words are quoted but not said. */
export function isSpeech(text: string, span: Span): boolean {
  const words = inner(text, span).trim();
  if (!words || !/\p{L}/u.test(words)) return false;
  const lead40 = before(text, span.open, 40);
  const after = span.close === -1 ? '' : text.slice(span.close + 1, span.close + 30);
  if (WORD_AS_WORD.test(lead40) && words.split(/\s+/).length <= 6) return false;
  if (NAMING_VERBS.test(lead40) && isTitleCase(words)) return false;
  // American style puts a comma or full stop inside the marks even after a title.
  const endsInPunctuation = /[!?;:]$/.test(words);
  if (TITLE_NOUNS.test(lead40) && isTitleCase(words)) return false;
  // Dwayne "The Rock" Johnson: a nickname between the parts of a name.
  if (
    /\p{Lu}[\p{L}.'-]*\s$/u.test(lead40)
    && /^\s\p{Lu}/u.test(after)
    && isTitleCase(words)
    && words.split(/\s+/).length <= 4
    && !endsInPunctuation
  ) {
    const prevWord = /(\S+)\s$/.exec(lead40)?.[1] ?? '';
    if (!/[.!?]$/.test(prevWord) && !VERB_FORMS.has(prevWord.toLowerCase())) return false;
  }
  // A short Title Case phrase inside the reporter's sentence is a name or a title ("the "Warriors" mascot", "its "Gigawatt Decade" plan").
  const lead = before(text, span.open).trimEnd();
  const prevWord = (/(\p{L}+)$/u.exec(lead)?.[1] ?? '').toLowerCase();
  if (
    lead
    && !/[.!?:]$/.test(lead)
    && !VERB_FORMS.has(prevWord)
    && isTitleCase(words.replace(/^the\s+/i, ''))
    && words.split(/\s+/).length <= 6
    && !/[!?]$/.test(words)
  ) return false;
  // A Title Case phrase standing inside a sentence after "in", "on", "of" is a title ("starred in "The Last of Us"").
  if (
    /\b(?:in|on|of|from|at)\s+(?:the\s+)?$/i.test(lead40)
    && isTitleCase(words)
    && words.split(/\s+/).length >= 2
    && !endsInPunctuation
  ) return false;
  return true;
}

/** The words inside the marks, without the comma or full stop that closes them. */
export function quoteText(text: string, span: Span): string {
  const words = inner(text, span).trim();
  if (/(?:\.\.\.|…)$/.test(words)) return words;
  return words.replace(/[,.]$/, '').trim();
}

/** Does the span begin a sentence (start of paragraph, after a full stop, or after a closed quote that ended one)? */
export function startsSentence(text: string, span: Span, prev: Span | undefined): boolean {
  const gap = text.slice(Math.max(prev && prev.close >= 0 ? prev.close + 1 : 0, span.open - LOOKBEHIND), span.open).trim();
  if (!gap) return prev === undefined || SENTENCE_END.test(inner(text, prev).trim()) || /[.!?]$/.test(before(text, span.open).trim());
  // Right before a quotation mark, a full stop ends a sentence ("wrote on X. "…"") unless it is a title's ("Dr.").
  return SENTENCE_END.test(gap) && !/(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev)|(?:\p{L}\.){2,})$/u.test(gap);
}

/** A fragment inside the reporter's sentence, rather than a whole sentence of speech. */
export function isPartial(text: string, span: Span, prev: Span | undefined): boolean {
  const words = inner(text, span).trim();
  const lead = before(text, span.open).trimEnd();
  if (startsSentence(text, span, prev)) return false;
  // '"Ten years from now," she said, "nobody will remember …"': the second half of a split sentence.
  if (prev && prev.close >= 0) {
    const between = text.slice(prev.close + 1, span.open);
    if (
      /,\s*$/.test(between)
      && wordsIn(between) <= 8
      && findVerbs(between).length > 0
      && /[,]$/.test(inner(text, prev).trim())
    ) return false;
  }
  if (/:$/.test(lead) && /^[\p{Lu}"'“‘]/u.test(words)) return false;
  if (/,$/.test(lead) && /^[\p{Lu}"'“‘]/u.test(words) && /[.!?,]$/.test(words)) return false;
  const lastWord = (/(\p{L}+)$/u.exec(lead)?.[1] ?? '').toLowerCase();
  if (VERB_FORMS.has(lastWord) && /^\p{Lu}/u.test(words) && /[.!?]$/.test(words)) return false;
  return true;
}

/** The text from the sentence's start (or the previous quote) to a span. */
export function head(text: string, spans: readonly Span[], i: number): string {
  const span = spans[i]!;
  const prev = spans[i - 1];
  let start = prev ? (prev.close === -1 ? span.open : prev.close + 1) : 0;
  const piece = text.slice(start, span.open);
  // Back to the last sentence end within the piece.
  const ends = [...piece.matchAll(/[.!?]["'”’)]*\s+(?=[\p{Lu}"“‘'])/gu)].filter((m) => !ABBREVIATION.test(piece.slice(0, m.index + 1)));
  const last = ends[ends.length - 1];
  if (last) start += last.index + last[0].length;
  return text.slice(start, span.open);
}

/** The text from a span to the end of its sentence (or the next quote). */
export function tail(text: string, spans: readonly Span[], i: number): string {
  const span = spans[i]!;
  if (span.close === -1) return '';
  const next = spans[i + 1];
  const piece = text.slice(span.close + 1, next ? next.open : text.length);
  const end = [...piece.matchAll(/[.!?](?=["'”’)]*(?:\s|$))/g)].find((m) => !ABBREVIATION.test(piece.slice(0, m.index + 1)));
  return end ? piece.slice(0, end.index + 1) : piece;
}

export function sameSentence(text: string, a: Span, b: Span): boolean {
  const [first, second] = a.open < b.open ? [a, b] : [b, a];
  if (first.close === -1) return false;
  const between = text.slice(first.close + 1, second.open);
  return !hasSentenceBreak(between) && !SENTENCE_END.test(inner(text, first).trim());
}

export function isQuoteOnly(text: string, spans: readonly Span[]): boolean {
  // What stands outside every span, piece by piece (spans may nest: a piece starts after the furthest close yet).
  let at = 0;
  for (const s of spans) {
    if (s.open > at && /\p{L}/u.test(text.slice(at, s.open))) return false;
    at = Math.max(at, s.close === -1 ? text.length : s.close + 1);
  }
  return !/\p{L}/u.test(text.slice(at));
}
