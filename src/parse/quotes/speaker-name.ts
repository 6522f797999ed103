/**
 * The last check on a speaker's name before it reaches the record and the people index: words that
 * are no part of a name come off (`Is Boris` → `Boris`, `Moscow-born Rybakina` → `Rybakina`,
 * `Boss Henk Addink` → `Henk Addink`, `A National Audit Office` → `National Audit Office`), and what is
 * no name at all (`Concrete`, `January`, `Reducing`, `books`) names nobody: `null`, never a fragment.
 */
import { isEnglishWord, isGivenName } from './given-names.js';
import { PERSON_NOUN, PRONOUNS, TITLES } from './tables.js';

/** Words that open a sentence or a question and never a name. */
const NOT_A_NAME_START = new Set(`
a an is was are were did does do has have had can could will would should might must shall if when as but and so
then now yet why how what who where which while although though because after before since until unless whether
`.trim().split(/\s+/));

/** Calendar words: a month or a day is nobody. */
const CALENDAR = new Set(`
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight christmas easter
`.trim().split(/\s+/));

/** A compound adjective before a name: `Moscow-born`, `Kroger-owned`, `Mercer Island-based`. */
const COMPOUND_ADJECTIVE = /^(?:\S+\s+){0,3}?\S+-\p{Ll}+\s+(?=\p{Lu})/u;

/**
 * A speaker's name as the record keeps it, or `null` when what was found names no one.
 * `isCommon` tells a capitalised word the article also writes in lower case (`Concrete`, `Cheeky`); `isNameElsewhere`
 * whether it is capitalised anywhere a sentence does not start.
 */
export function speakerName(name: string | null, isCommon: (word: string) => boolean, isNameElsewhere: (word: string) => boolean = () => true): string | null {
  if (name === null) return null;
  if (name.includes(' and ')) {
    const parts = name.split(' and ').map((part) => speakerName(part, isCommon, isNameElsewhere)).filter((part): part is string => part !== null);
    return parts.length ? parts.join(' and ') : null;
  }
  let words = name.trim().split(/\s+/);
  // "Is Boris", "A National Audit Office": a sentence's first word.
  while (words.length > 1 && NOT_A_NAME_START.has(words[0]!.toLowerCase())) words = words.slice(1);
  const joined = words.join(' ');
  const adjective = COMPOUND_ADJECTIVE.exec(joined);
  if (adjective && adjective[0].length < joined.length) words = joined.slice(adjective[0].length).split(/\s+/);
  // "Boss Henk Addink", "Fly-half Jonny Wilkinson": a role noun glued before a given name.
  while (words.length > 2 && (PERSON_NOUN.test(words[0]!.toLowerCase()) || /-/.test(words[0]!)) && !TITLES.has(words[0]!.toLowerCase())
    && isGivenName(words[1]!)) words = words.slice(1);
  if (words.length === 1) {
    const word = words[0]!.replace(/['’]s$/, '');
    const lower = word.toLowerCase();
    if (!/^[\p{Lu}\d@]/u.test(word) && !/\d/.test(word)) return null;
    // "I", "B", "Won't": a letter or a contraction is nobody's name.
    if (word.length < 2 || /n['’]t$/i.test(word)) return null;
    if (CALENDAR.has(lower) || PRONOUNS[lower] || NOT_A_NAME_START.has(lower)) return null;
    // "Reducing", "Included": a sentence's first word, a verb form; "Concrete": a word written in lower case elsewhere.
    // A verb form capitalised only where sentences start ("Reducing …", "Included …") is not confirmed as anyone's name.
    if (/^\p{Lu}\p{Ll}+(?:ing|ed)$/u.test(word) && !isGivenName(word) && !isNameElsewhere(word)) return null;
    if (/^\p{Lu}\p{Ll}+$/u.test(word) && isCommon(lower) && !isGivenName(word)) return null;
    // "Analysts", "Possibly", "Plans": an English word capitalised only where sentences start is not confirmed as a name.
    if (/^\p{Lu}[\p{Ll}'’-]+$/u.test(word) && !isGivenName(word) && !isNameElsewhere(word) && isEnglishWord(lower)) return null;
    // "Ballymena-born", "Canada-based": a compound adjective alone.
    if (/^\S+-\p{Ll}+$/u.test(word) && !/^\p{Lu}\p{Ll}+-\p{Lu}/u.test(word)) return null;
  }
  return words.join(' ');
}
