
/**
 * The data tables quote attribution reads by: speech verbs and their forms, titles, role and
 * organisation nouns, pronouns. Extend a table rather than the logic.
 */
import { lookup } from '../lookup.js';
import { alternatives, listTable, wordList, wordSet, wordTable } from '../word-lists.js';

/** Verbs that report speech or writing, every form a news story uses. */
export const SPEECH_VERBS: Readonly<Record<string, readonly string[]>> = lookup(listTable('speech-verbs'));

/** The phrase that attributes without a verb: `according to NASA`. */
export const ACCORDING_TO = /\baccording\s+to\s+/i;

/** Titles that stand before a name and are not part of it (`President Donald Trump`). */
export const TITLES: ReadonlySet<string> = wordSet('titles');

/** Whether `word` is one of the titles, in any case, with or without its full stop (`Dr`, `dr.`). */
export const isTitle = (word: string): boolean => TITLES.has(word.toLowerCase().replace(/\.$/, ''));

/** First words that make a capitalised run a place or thing, not a person (`New York`, `World War`). */
export const NOT_PERSON_START: ReadonlySet<string> = wordSet('not-person-start');

/** Words that make a name an organisation (`Defense Ministry`, `Acme Corp.`). */
export const ORGANISATION_WORDS: ReadonlySet<string> = wordSet('organisation-words');

/** Pronouns that stand for a speaker, and whom they fit. */
export const PRONOUNS: Readonly<Record<string, 'male' | 'female' | 'plural'>> = lookup(wordTable<'male' | 'female' | 'plural'>('pronouns'));

/** Words that tell a person's gender (roles, honorifics, kinship), for resolving `he` and `she`. */
export const GENDER_WORDS: Readonly<Record<string, 'male' | 'female'>> = lookup(wordTable<'male' | 'female'>('gender-words'));

/** Phrases for two or more people at once: `the two leaders`, `both men`, `the pair`. */
export const COLLECTIVE = new RegExp(String.raw`^(?:the\s+)?(?:two|three|both|pair|duo)\b|^(?:the\s+)?(?:${alternatives('collective')})`
  + String.raw`$`, 'i');

/** Determiners and nouns of people the story does not name: `a senior official`, `one resident`. */
export const UNNAMED = new RegExp(String.raw`^(?:a|an|one|some|several|many|other|another|two|three|four|five|`
  + String.raw`most|few|senior|local|western)\b|^(?:${alternatives('unnamed')})\b`, 'i');

/** Words right before a quoted span that make it a word, never speech: `the so-called "experts"`, `the word "woke"`. */
export const WORD_AS_WORD = new RegExp(String.raw`\b(?:so-called|titled|entitled|codenamed|code-named|hashtag|`
  + String.raw`slogan|catchphrase|motto|word|words|term|terms|phrase|label|spelled|spelt|`
  + String.raw`(?:known|referred\s+to|billed|marketed|listed|registered)(?:\s+\w+){0,3}?\s+as)`
  + String.raw`\s+(?:(?:the|a|an)\s+)?$`, 'i');

/** Verbs that give a name: a Title Case quote after them is a name (`nicknamed the lander "Wendy"`), a lower-case one may be speech. */
export const NAMING_VERBS = new RegExp(String.raw`\b(?:${alternatives('naming-verbs')})\s+(?:(?:the|a|an|his|`
  + String.raw`her|their|its|it|him|them)\s+)?(?:[\p{L}'’-]+\s+){0,2}?$`, 'iu');

/** Nouns of titled things: a Title Case quote right after one is a title (`the film "Oppenheimer"`). */
export const TITLE_NOUNS = new RegExp(String.raw`\b(?:${alternatives('title-nouns')})\s+(?:(?:the|a|an|his|`
  + String.raw`her|their|its|new|latest|hit|\d{4})\s+)?$`, 'i');

/** What a title says someone is, so "the doctor" finds "Dr. Carmela Reyes-Tan". */
export const TITLE_ROLES: Readonly<Record<string, readonly string[]>> = lookup(listTable('title-roles'));

/** Nouns that stand for an organisation the story has named: "the company", "the utility". */
export const ORGANISATION_NOUNS: ReadonlySet<string> = wordSet('organisation-nouns');

/** Common first names and the gender they usually tell, for `he` and `she`; extend freely. */
export const FIRST_NAMES: Readonly<Record<string, 'male' | 'female'>> = lookup(Object.fromEntries([
  ...wordList('first-names-male').map((n) => [n, 'male'] as const),
  ...wordList('first-names-female').map((n) => [n, 'female'] as const),
]));

/** Verbs that also work as nouns or adjectives: they only count right next to their subject. */
export const WEAK_VERBS: ReadonlySet<string> = wordSet('weak-verbs');

/** Is a word filler? Not "May" or "Will" written with a capital: after a quote they are names (`"…," May said`). */
export const isFiller = (word: string): boolean => FILLER.has(word.toLowerCase()) && !/^(?:May|Will)$/.test(word);

/** Words between a subject and its verb that say nothing about who spoke. */
export const FILLER: ReadonlySet<string> = wordSet('filler');

/** Words that end the noun phrase after an inverted verb (`said Yury Ushakov, according to …`). */
export const NP_STOP: ReadonlySet<string> = wordSet('np-stop');

/** The months and the days of the week, as written. */
export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** A month or a day of the week. */
export const CALENDAR_WORD = new RegExp(`^(?:${[...MONTHS, ...WEEKDAYS].join('|')})$`);
/** A day of the week, which starts or ends no name. */
export const WEEKDAY = new RegExp(`^(?:${WEEKDAYS.join('|')})$`);

/** Small words that join capitalised ones into one name: "Bank of England", "Ursula von der Leyen". */
export const JOINING: ReadonlySet<string> = wordSet('joining');

/**
 * A word whose full stop is part of it, not the sentence's end: an initial (`J.`) or a short title
 * (`Mr.`, `Gen.`; `words/keeps-dot.txt`).
 */
export const KEEPS_DOT = new RegExp(String.raw`^(?:\p{Lu}|${alternatives('keeps-dot')})$`, 'u');

export const SENTENCE_START_WORDS = new RegExp(String.raw`^(?:${alternatives('sentence-start-words')})$`);

/**
 * An online handle used as a name: letters with figures (`elmo666`, `jayk1984`) or run-together
 * capitalised words (`ScreamMyName`, `PlutoPete`); not a surname such as McDonald or DeLuca.
 */
export const HANDLE = new RegExp(String.raw`^(?!(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Du)\p{Lu})(?:(?=[\p{L}\d_]*\d)`
  + String.raw`(?=[\p{L}\d_]*\p{Ll})\p{L}[\p{L}\d_]{4,}|\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)`
  + String.raw`+)$`, 'u');
/** Words that may be handles, for `HANDLE` to judge: a word with a figure or a capital inside it. */
export const HANDLE_LIKE = /(?<![\p{L}\d_@])(?:\p{L}[\p{L}_]*\d[\p{L}\d_]*|\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+)(?![\p{L}\d_])/gu;
/** What shows a handle is someone: it speaks (`elmo666 wrote`), or is introduced as a user (`wrote user jayk1984`). */
export const HANDLE_SPEAKS = new RegExp(String.raw`^\S+(?:,[^,]{0,80},)?\s+(?:\p{Ll}+\s+){0,2}(?:${alternatives('handle-speaks')})\b`, 'u');
export const HANDLE_INTRODUCED = /(?:user|buyer|vendor|seller|poster|member|commenter|redditor|username|handle)s?,?\s+$/u;

/**
 * Verbs by which a report ties words to someone without introducing speech (`proposing a "memorandum"`,
 * `condemned the "betrayal"`): beside the speech verbs, they make a short quoted phrase someone's words.
 */
export const REPORTING_VERBS = new RegExp(String.raw`\b(?:propos|condemn|criticis|criticiz|blast|decri|decry|`
  + String.raw`blam|prais|demand|reject|label|hail|slam|mock|dubb?|pledg|offer|threaten|`
  + String.raw`ridicul|denounc|lambast|rebuk|scold|applaud|endors|promis|insult|attack)`
  + String.raw`(?:${alternatives('reporting-verbs')})?\b`, 'i');

/**
 * Kinds of organisation, by the words that name them: "the ministry" is the department the story
 * named, not the university; "the company" is not the ministry. An organisation with none of
 * these words (Tesco, Auckland Transport) may be of any kind.
 */
export const ORGANISATION_KINDS: Readonly<Record<string, readonly string[]>> = listTable('organisation-kinds');

/**
 * What words printed on something are introduced by: `a notice says "No cash accepted"`, `the banner
 * read "Welcome home"`, `each issue bore the words, "…"`. Signs, mottos and slogans are nobody's speech.
 */
export const SIGNAGE = new RegExp(String.raw`(?:\b(?:sign|signs|signage|notice|notices|banner|banners|placard|`
  + String.raw`placards|poster|posters|billboard|billboards|slogan|slogans|inscription|`
  + String.raw`plaque|graffiti|motto|t-shirts?|shirts?|hats?|caps?|sticker|stickers|label|`
  + String.raw`labels|logo|masthead)\b[^.!?"“”]{0,40}\b(?:${alternatives('signage')})`
  + String.raw`|\b(?:bore|bears|bearing|carried|carries|carrying)\s+the\s+(?:words|legend|`
  + String.raw`message|slogan|motto))\s*[:,]?\s*$`, 'i');

/**
 * Nationalities as nouns and adjectives: `the Spaniard`, `the American`, `the Tunisian` name a person the
 * story already introduced, never an organisation or a new person. One entry a word; extend freely.
 */
export const DEMONYMS: ReadonlySet<string> = wordSet('demonyms');

/**
 * Heads of definite descriptions that are no person: documents and findings speak for someone else
 * (`the report said`), and a story's things are not its people.
 */
export const NOT_PERSON_HEADS: ReadonlySet<string> = wordSet('not-person-heads');

/**
 * Nouns that name a person by what they do or are (`the defender`, `the 23-year-old`, `the chancellor`):
 * by their ending, or one of the words listed. A sentence whose subject is one goes on about someone.
 */
export const PERSON_NOUN = new RegExp(String.raw`^(?:[\p{L}\d-]*(?:er|or|ist|ian|ant|ent|ess|man|woman|ee|year-old|yr-old)`
  + `|${alternatives('person-nouns')})$`, 'u');
