/**
 * Is a quote's speaker named where the quote stands? A reader trusts `"…," Mr Kok said` more than
 * `"…," he added` three sentences on or `the club said`: the first names the speaker in the quote's
 * own sentence, the others leave the reader (and the parser) to work out who. The people index gives
 * a page only to someone named beside at least one of their quotes (see `src/archive/people.ts`).
 */
import { TITLES } from './tables.js';

/** Words of a name that name nobody on their own: `Mr`, `of`, `The`. */
const FILLER = /^(?:the|of|for|and|de|la|le|van|von|da|del|al|el|&)$/i;

/**
 * `true` when `speaker` (as the record gives it) is named in `sentence`, the quote's sentence with
 * every quotation blanked: the last word of the name (`Kok` for `Wim Kok`, `Pensions` for
 * `Department for Work and Pensions`), or its initials (`IATA`), as a word of its own; for a
 * speaker of several people (`X and Y`), any of them.
 * @example isNamedIn('Wim Kok', 'Mr Kok said:') // true
 * @example isNamedIn('Manchester United', 'In a statement, the club said it would allow Mr Glazer') // false
 */
export function isNamedIn(speaker: string, sentence: string): boolean {
  return speaker.split(/\s+and\s+(?=\p{Lu})/u).some((name) => {
    const words = name.split(/\s+/).map((w) => w.replace(/[.,]+$/, '')).filter((w) => w && !TITLES.has(w.toLowerCase()));
    const last = [...words].reverse().find((w) => !FILLER.test(w));
    if (!last) return false;
    const initials = words.filter((w) => /^\p{Lu}/u.test(w) && !FILLER.test(w)).map((w) => w[0]).join('');
    return hasWord(sentence, last) || (initials.length >= 2 && hasWord(sentence, initials));
  });
}

/** Does `text` hold `word` with no letter or digit either side? */
function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + word.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}
