import { isEnglishWord, isGivenName } from './given-names.js';
import {
  CALENDAR_WORD, FIRST_NAMES, NOT_PERSON_START, ORGANISATION_KINDS, ORGANISATION_WORDS, SENTENCE_START_WORDS,
  TITLES, isTitle,
} from './tables.js';
import { capitalisedRuns } from './text.js';


/** Small words inside many peoples' names: "da Silva", "Te Whare", "van der Berg", "bin Salman". */
const NAME_PARTICLE = /^(?:da|de|del|della|der|di|do|dos|das|du|van|von|bin|ibn|al|el|la|le|Te|ten|ter|y)$/;

/** A word as the tables of first names hold it: lower case, accents off ("María" → "maria"). */
const folded = (word: string): string => word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/** An initial: "R.", "C.". */
const INITIAL = /^\p{Lu}\.$/u;

/** The endings of role words: `Guitarist`, `Defender`, `Chairman`. */
const ROLE_SUFFIX = /(?:ist|er|or|ian|ant|ent|ess|man|woman|ee)s?$/;

/** Words of places, events and things: a run holding one names no person. */
const NO_PERSON_WORD: ReadonlySet<string> = new Set(`
War II III IV Day Street Avenue Boulevard Road Lane Drive Square Island Islands River Sea Ocean Valley
Mountain Mountains Park Bridge Airport Station Prize Award Cup Games Olympics League County City State
Province Region District Republic Kingdom Empire Union Coast Bay Beach Lake Hill Hills Heights Estate Centre
Center Hall Arena Stadium Church Cathedral Mosque Temple Palace Tower Building Court Way Place Garden Gardens
Forest Desert Canyon Falls Harbor Harbour Port Sound Strait Channel Gulf Peninsula Plains Highway Interstate
Route
`.trim().split(/\s+/));

/** Months and words of places that are surnames too, after a given name: `Theresa May`, `Alexandra Tower`. */
const SURNAME_WORD = /^(?:May|June|April|August|Day|Hall|Lane|Hill|Court|Way|Tower|Church|Bridge|Lake|Forest|Temple)$/;

/** A person's name from a capitalised run, titles and sentence-initial words removed; `null` if it isn't one. */

export function personName(words: readonly string[]): string | null {
  // "Senator Mitch McConnell of Kentucky": a titled or first-named person, then "of" and where they are from.
  const of = words.indexOf('of');
  if (of >= 2 && of === words.length - 2 && (isTitle(words[0]!) || FIRST_NAMES[words[0]!.toLowerCase()])) {
    const named = personName(words.slice(0, of));
    if (named) return named;
  }
  let ws = words.filter((w) => w !== 'of' && w !== 'for' && w !== '&');
  if (ws.length !== words.length) return null; // "Bank of England"
  // Everything up to the last title goes: "Uzbek Energy Minister Jamshid Rakhimov", "Haven CEO Priya Raman".
  const lastTitle = ws.findLastIndex((w, i) => i < ws.length - 2 && (isTitle(w) || /^\p{Lu}{2,}$/u.test(w)));
  if (lastTitle >= 0) ws = ws.slice(lastTitle + 1);
  while (ws.length && (
    isTitle(ws[0]!) || SENTENCE_START_WORDS.test(ws[0]!) || /['’]s?$/.test(ws[0]!)
    || /^(?:\p{Lu}\.){2,}$/u.test(ws[0]!) || /^\p{Lu}{2,}$/u.test(ws[0]!)
  )) ws = ws.slice(1);
  // Strip possessives and trailing punctuation at the end ("Ushakov's").
  const last = ws[ws.length - 1];
  if (last) ws[ws.length - 1] = last.replace(/['’]s?$/, '').replace(/[.,]$/, '');
  // "Democrat Lucia Ortega", "Guitarist Eli Voss": a capitalised role word before a known first name.
  // Not before a word of the language: "Human Rights Watch" is no human called Rights Watch.
  if (ws.length === 3 && !INITIAL.test(ws[0]!) && !FIRST_NAMES[ws[0]!.toLowerCase()]
    && (FIRST_NAMES[ws[1]!.toLowerCase()] || (ROLE_SUFFIX.test(ws[0]!) && !isEnglishWord(ws[1]!)))) ws = ws.slice(1);
  // Long runs keep the name at their end: "Tajikistan Energy Minister…" was handled; "Iowa Governor Kim Reynolds".
  // Names of four words or more are kept whole when a particle joins them or a first name opens them:
  // "Luiz Inácio Lula da Silva", "Hēmi Te Whare Tipene", "María José Pérez García".
  const whole = ws.length > 3 && ws.length <= 6
    && (ws.some((w, i) => i > 0 && i < ws.length - 1 && NAME_PARTICLE.test(w)) || FIRST_NAMES[folded(ws[0]!)] !== undefined);
  // A middle initial keeps the first name before it: "Stuart R. Kaplan", "Michael J. Fox".
  if (ws.length > 3 && !whole) {
    const middleInitial = INITIAL.test(ws[ws.length - 2]!) && FIRST_NAMES[ws[ws.length - 3]!.toLowerCase()] !== undefined;
    ws = /^(?:\p{Lu}\.|de|da|del|van|von|bin|al|la|le|el)$/u.test(ws[ws.length - 3]!) || middleInitial ? ws.slice(-3) : ws.slice(-2);
  }
  if (ws.length < 2) return null;
  if (NOT_PERSON_START.has(ws[0]!.toLowerCase())) return null;
  if (ws.some((w) => ORGANISATION_WORDS.has(w.toLowerCase().replace(/['’]s$/, ''))
    || (/^\p{Lu}{2,}$/u.test(w) && w.length > 3))) return null;
  // "Theresa May", "Stuart Hall": after a given name, a month or a word of places ends a surname.
  const lastWord = ws[ws.length - 1]!;
  const surname = ws.length <= 3 && isGivenName(ws[0]!) && SURNAME_WORD.test(lastWord) ? lastWord : undefined;
  if (ws.some((w) => w !== surname && (CALENDAR_WORD.test(w) || NO_PERSON_WORD.has(w)))) return null;
  return ws.join(' ');
}

/** A name for a thing introduced with "the": `the Portland Pioneers` → `Portland Pioneers`. */
export function thingName(words: readonly string[]): string | null {
  const ws = words.filter((w, i) => !(i === 0 && /^(?:The)$/.test(w)));
  if (!ws.length || ws.some((w) => TITLES.has(w.toLowerCase()) && ws.length <= 2)) return null;
  return ws.join(' ').replace(/['’]s?$/, '');
}

/** "Department of Health", "Bank of England": capitalised words, an organisation word, "of", a name. */
export const OF_FORM = /((?:\p{Lu}[\p{L}'’.&-]*\s+)*?(\p{Lu}[\p{L}]*)\s+(?:of|for)\s+(?:the\s+)?(?:(?:\p{Lu}[\p{L}'’.&-]*|&|and)\s*)+)$/u;

const KIND_WORDS: ReadonlySet<string> = new Set(Object.values(ORGANISATION_KINDS).flat());

/** An organisation, then where it is: `Centre for Climate Research at Victoria University`. */
const HEAD_AT = new RegExp(String.raw`^((?:\p{Lu}[\p{L}'’.&-]*\s+)*?(\p{Lu}[\p{L}]*)(?:\s+(?:of|for)\s+(?:the\s+)`
  + String.raw`?(?:\p{Lu}[\p{L}'’.&-]*\s*)+?)?)\s+(?:at|in)\s+(?:the\s+)?\p{Lu}`, 'u');

/** An organisation named in a phrase (`Russia's Defense Ministry` → `Defense Ministry`, `NASA`), or `null`. */
export function organisationName(phrase: string): string | null {
  const np = phrase.trim().replace(/^(?:the)\s+/i, '').replace(/[.,]+$/, '');
  const words = np.split(/\s+/);
  const lastWord = words[words.length - 1] ?? '';
  // NASA, FBI, PAGASA: an acronym at the end of the phrase ("the state weather bureau PAGASA").
  if (/^\p{Lu}[\p{Lu}\d&-]{1,7}$/u.test(lastWord) && !/^(?:I|II|III|IV|OK|TV|US|UK|EU|UN)$/.test(lastWord)
    && (words.length === 1 || !/^\p{Lu}/u.test(words[words.length - 2] ?? ''))) return lastWord;
  // "HM Coastguard", "NHS England": an acronym leading capitalised words.
  if (/^\p{Lu}{2,5}(?:\s+\p{Lu}[\p{Ll}]+){1,3}$/u.test(np) && !TITLES.has(words[0]!.toLowerCase())
    && !/^(?:US|UK|EU|UN)$/.test(words[0]!)) return np;
  // "Department of Health", "Ministry of Education", "Bank of England".
  const ofForm = / (?:of|for) /.test(np) ? OF_FORM.exec(np) : null;
  if (ofForm && ORGANISATION_WORDS.has(ofForm[2]!.toLowerCase())) return ofForm[1]!.trim().replace(/^\p{Lu}[\p{L}]*['’]s?\s+/u, '');
  const runs = capitalisedRuns(np);
  // "The Centre for Climate Research at Victoria University": the organisation at the head, not where it is.
  const at = / (?:at|in) /.test(np) ? HEAD_AT.exec(np) : null;
  if (at && (ORGANISATION_WORDS.has(at[2]!.toLowerCase()) || KIND_WORDS.has(at[2]!.toLowerCase()))) {
    return organisationName(at[1]!) ?? at[1]!;
  }
  const run = runs[runs.length - 1];
  if (!run || run.end < np.length - 1) return null;
  const ws = run.words.filter((w, i) => !(i === 0 && (/['’]s?$/.test(w) || /^The$/.test(w))));
  const last = (ws[ws.length - 1] ?? '').toLowerCase().replace(/[.,]$/, '');
  if (ws.length && (ORGANISATION_WORDS.has(last)
    || (ws.length === 1 && ['kremlin', 'pentagon', 'vatican', 'parliament', 'congress', 'senate', 'police'].includes(last)))) {
    return ws.join(' ').replace(/[.,]$/, '');
  }
  return null;
}
