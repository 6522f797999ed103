/**
 * The last check on a speaker's name before it reaches the record and the people index: words that
 * are no part of a name come off (`Is Boris` → `Boris`, `Moscow-born Rybakina` → `Rybakina`,
 * `Boss Henk Addink` → `Henk Addink`, `A National Audit Office` → `National Audit Office`), and what is
 * no name at all (`Concrete`, `January`, `Reducing`, `books`) names nobody: `null`, never a fragment.
 */
import { alternatives } from '../word-lists.js';
import { isEnglishWord, isGivenName } from './given-names.js';
import { MONTHS, ORGANISATION_NOUNS, ORGANISATION_WORDS, PERSON_NOUN, PRONOUNS, TITLES, WEEKDAYS } from './tables.js';

/** Words that open a sentence or a question and never a name. */
const NOT_A_NAME_START = new Set(`
a an is was are were did does do has have had can could will would should might must shall if when as but and so
said says added asked told
then now yet why how what who where which while although though because after before since until unless whether
`.trim().split(/\s+/));

/** An inverted speech verb opening a sentence: `Said Wales coach Scott Johnson: …`. */
const VERB_START = /^(?:Said|Says|Added|Asked|Told)$/;

/** Lower-case words that join the parts of a name: `Bank of England`, `Ruud van Nistelrooy`. */
const PARTICLE = /^(?:of|for|and|the|de|la|le|du|da|del|della|der|den|van|von|bin|ibn|al|el|y|&|on|upon|in)$/;

/** Calendar words: a month or a day is nobody (not `May`, a surname). */
const CALENDAR = new Set([
  ...MONTHS.filter((m) => m !== 'May'), ...WEEKDAYS, 'today', 'yesterday', 'tomorrow', 'tonight', 'christmas', 'easter',
].map((w) => w.toLowerCase()));

/** Letters after a name: `MP`, `MSP`, `QC`, `OBE`. */
const POSTNOMINAL = new RegExp(String.raw`^(?:${alternatives('postnominals')})$`);

/** A compound adjective before a name: `Moscow-born`, `Kroger-owned`, `Mercer Island-based`. */
const PARTICIPLE = 'born|based|bred|raised|owned|run|led|backed|funded|made|listed|controlled|registered|headquartered';
const COMPOUND_ADJECTIVE = new RegExp(`^(?:\\S+\\s+){0,3}?\\S+-(?:${PARTICIPLE})\\s+(?=\\p{Lu})`, 'u');
const ADJECTIVE_ALONE = new RegExp(`^\\S+-(?:${PARTICIPLE})$`, 'u');

/** Two or three capitalised words that no organisation word is among: `Henk Addink`, not `Audit Office`. */
function looksLikeAPerson(words: readonly string[]): boolean {
  return words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{Lu}[\p{Ll}'’-]/u.test(w))
    && !words.some((w) => ORGANISATION_WORDS.has(w.toLowerCase()) || ORGANISATION_NOUNS.has(w.toLowerCase()));
}

/**
 * A speaker's name as the record keeps it, or `null` when what was found names no one.
 * `isCommon` tells a capitalised word the article also writes in lower case (`Concrete`, `Cheeky`); `isNameElsewhere`
 * whether it is capitalised anywhere a sentence does not start.
 */
export function speakerName(
  name: string | null,
  isCommon: (word: string) => boolean,
  isNameElsewhere: (word: string) => boolean = () => true,
): string | null {
  if (name === null) return null;
  // "Wal-Mart and Eli Lilly": speakers together, each checked; not "Department of Trade and Industry", one name.
  const parts = name.split(' and ');
  if (parts.length > 1 && parts.every((part) => /^\p{Lu}\S*\s+\p{Lu}/u.test(part) || parts.length > 2)) {
    const kept = parts.map((part) => speakerName(part, isCommon, isNameElsewhere)).filter((part): part is string => part !== null);
    return kept.length ? kept.join(' and ') : null;
  }
  // "Michelle Paver's Wolf Brother": the owner of a thing is who speaks.
  const owner = /^(\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)+)['’]s\s+\p{Lu}/u.exec(name);
  let words = (owner ? owner[1]! : name).trim().replace(/['’]s$/, '').split(/\s+/);
  // "Home Office said it was wrong to": a name ends where a lower-case word that joins no name begins.
  const lower = /^\p{Lu}/u.test(words[0]!) ? words.findIndex((w, i) => i > 0 && /^\p{Ll}/u.test(w) && !PARTICLE.test(w)) : -1;
  if (lower > 0) words = words.slice(0, lower);
  // "Andrew Tyrie MP", "Ian Brown QC", "Rt Rev Tom Scott": letters after a name and forms of address before it.
  while (words.length > 2 && POSTNOMINAL.test(words[words.length - 1]!)) words = words.slice(0, -1);
  while (words.length > 1 && /^(?:Rt|Hon|Rev|Revd)\.?$/.test(words[0]!)) words = words.slice(1);
  // "Is Boris", "A National Audit Office": a sentence's first word.
  // ("Will Smith", "May Chen": a given name stays.)
  while (words.length > 1 && NOT_A_NAME_START.has(words[0]!.toLowerCase()) && (!isGivenName(words[0]!) || VERB_START.test(words[0]!))) {
    words = words.slice(1);
  }
  const joined = words.join(' ');
  const adjective = COMPOUND_ADJECTIVE.exec(joined);
  // After "Houston-based", what follows is a name, whatever its words.
  if (adjective && adjective[0].length < joined.length) return joined.slice(adjective[0].length);
  // "Boss Henk Addink", "Fly-half Jonny Wilkinson": a role noun glued before a given name.
  while (words.length > 2 && words.length <= 4 && !TITLES.has(words[0]!.toLowerCase()) && !isGivenName(words[0]!)
    && (PERSON_NOUN.test(words[0]!.toLowerCase()) || words[0]!.split('-').every((w) => isEnglishWord(w)))
    && looksLikeAPerson(words.slice(1)) && (isGivenName(words[1]!) || !isEnglishWord(words[1]!.toLowerCase()))) {
    // (Not "Human Rights Watch": what follows the role noun must open with a given name or a word that is no word.)
    words = words.slice(1);
  }
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
    // "Concrete", "Analysts", "Possibly": a word of the language, capitalised only where sentences start, is not
    // confirmed as a name ("Labour" or "Apple" standing alone mid-sentence elsewhere is).
    const wordOfTheLanguage = isCommon(lower) || isEnglishWord(lower);
    if (/^\p{Lu}[\p{Ll}'’-]+$/u.test(word) && !isGivenName(word) && !isNameElsewhere(word) && wordOfTheLanguage) return null;
    // "Ballymena-born", "Canada-based": a compound adjective alone.
    if (ADJECTIVE_ALONE.test(word)) return null;
  }
  return words.join(' ');
}
