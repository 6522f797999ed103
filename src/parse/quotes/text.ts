import { JOINING, KEEPS_DOT, WEEKDAY } from './tables.js';

export const SENTENCE_END = /[.!?…]["'”’)]*$/;

/** A word that ends in an abbreviation's full stop, not a sentence's: "Mr.", "Sept.", "J.", "U.S.". */
export const ABBREVIATION = new RegExp(String.raw`(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev|Mt|No|`
  + String.raw`Inc|Corp|Ltd|Co|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)|\b\p{Lu}|(?:\p{L}\.){2,}\p{L}?)\.$`, 'u');

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** The text just before a position: attribution never reaches further back than this. */
export const LOOKBEHIND = 400;

export function before(text: string, index: number, chars = LOOKBEHIND): string {
  return text.slice(Math.max(0, index - chars), index);
}

/** Runs of capitalised words: name candidates. */
export function capitalisedRuns(text: string): { words: string[]; start: number; end: number }[] {
  const runs: { words: string[]; start: number; end: number }[] = [];
  const token = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*|&/gu;
  let current: { words: string[]; start: number; end: number } | null = null;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const raw = m[0];
    // A full stop ends the word unless it belongs to an initial or an abbreviated title.
    const word = raw.endsWith('.') && !KEEPS_DOT.test(raw.slice(0, -1)) && !INITIALS.test(raw) ? raw.slice(0, -1) : raw;
    const joins = current !== null && allSpace(text, current.end, m.index);
    const capital = UPPER_START.test(word) || (joins && JOINING.has(word));
    if (capital && WEEKDAY.test(word)) {
      // A weekday is no part of a name: `on Wednesday Mr Straw said` names Mr Straw.
      runs.push({ words: [word], start: m.index, end: m.index + word.length });
      current = null;
    } else if (capital && current && joins) {
      current.words.push(word);
      current.end = m.index + word.length;
    } else if (capital) {
      current = { words: [word], start: m.index, end: m.index + word.length };
      runs.push(current);
    } else current = null;
  }
  // "of" joins only between capitals (Bank of England): drop it at the end of a run.
  for (const run of runs) {
    while (run.words.length > 1 && /^(?:of|for|&)$/.test(run.words[run.words.length - 1]!)) {
      const dropped = run.words.pop()!;
      run.end = run.start + text.slice(run.start).lastIndexOf(` ${dropped}`, run.end - run.start);
    }
  }
  return runs;
}


export const INITIALS = /^(?:\p{L}\.)+$/u;

export const UPPER_START = /^\p{Lu}/u;


/** In a list sorted by `at`, the position of the last item with `at` below `index`, or -1: a binary search. */
export function lastBefore<T>(list: readonly T[], at: (item: T) => number, index: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at(list[mid]!) < index) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Is `text` between `from` and `to` a non-empty run of white space (what `\s+` matches)? */
export function allSpace(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** The characters `\s` matches. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The last word of `text` (white space after it allowed) and where it starts, as `/(\S+)\s*$/` finds it. */
export function lastWord(text: string): { word: string; index: number } | null {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  if (end === 0) return null;
  let start = end;
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
  return { word: text.slice(start, end), index: start };
}

/** Does a piece of text hold a sentence end (not an abbreviation's full stop)? */
export function hasSentenceBreak(text: string): boolean {
  return [...text.matchAll(/[.;!?](?=\s|$)/g)].some((m) => text[m.index] !== '.' || !ABBREVIATION.test(text.slice(0, m.index + 1)));
}

export function wordsIn(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}
