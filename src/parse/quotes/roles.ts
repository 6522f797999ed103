/**
 * What the text says of a person it names: roles, from the words before the name (`Kremlin spokesman Dmitry Peskov`),
 * a phrase between a comma and the name and an appositive after it (`Maria Lopez, a spokeswoman for the city,`), and
 * gender, from titles, role words and a pronoun later in the sentence. The registry calls these as it meets each name.
 */
import { alternatives } from '../word-lists.js';
import { VERB_FORMS } from './cues.js';
import { personName } from './names.js';
import type { Person } from './person.js';
import { GENDER_WORDS, TITLE_ROLES, isTitle } from './tables.js';
import { capitalisedRuns } from './text.js';

/** A small word a role before a name stops at: `the`, `and`, `have`, `said` (`… have sacked manager Kieran Doyle`). */
const ROLE_STOP = new RegExp(
  String.raw`^(?:and|or|by|of|with|from|to|said|says|told|according|the|a|an|have|has|had|was|were|is|are|will|would|`
  + String.raw`be|been|as|when|after|before|than|that)$`,
  'i',
);

/** Words in -ed that are part of a role, not a verb: `retired general`, `acting chief`, `qualified nurse`. */
const ROLE_PARTICIPLE = new RegExp(String.raw`^(?:${alternatives('role-participles')})$`);

/** A role between a sentence's start or a comma and the name after it: `…, the club's manager, ` → `the club's manager`. */
const ROLE_BEFORE = new RegExp(
  String.raw`(?:^|[.!?;]["”’]?\s+|,["”’]?\s+)((?:the|a|an|his|her|their|its|\p{Lu}[\p{L}'’ ]*['’]s?)\s+[^,.;"“”]{2,60}),\s+$`,
  'iu',
);

/** An appositive right after a name: `, a spokeswoman for the city,` → `a spokeswoman for the city`; `, 34, a nurse.`. */
const APPOSITIVE = new RegExp(
  String.raw`^,\s+(?:\d+,\s+)?((?:a|an|the|his|her|their|its)\s+[^,.;"“”]{2,80}?|[\p{Ll}][^,.;"“”]{2,60}?|`
  + String.raw`\p{Lu}[\p{L}'’ ]*['’]s\s+[^,.;"“”]{2,60}?)(?:,|\.|;|$)`,
  'u',
);

/** A small word of a role phrase that names no role: `the`, `his`, `of`, `'s`. */
const ROLE_FILLER = /^(?:the|a|an|his|her|their|its|of|for|at|in|on|and|who|which|to|by|with|'s)$/;

/**
 * Everything around a person's name `run` (whose name is `name`) that tells their roles and gender, in the order the
 * text gives it: the words before the name and the titles inside it, a role between a comma and the name, the name's
 * own words, an appositive after it, a pronoun later in the sentence.
 */
export function learnRolesAndGender(
  person: Person, text: string, run: { readonly words: readonly string[]; readonly start: number; readonly end: number }, name: string,
): void {
  // A role before the name: "Russian presidential aide Yury Ushakov", "Kremlin spokesman Dmitry Peskov".
  const lead = /((?:[\p{L}'’.-]+\s+){0,4})$/u.exec(text.slice(Math.max(0, run.start - 60), run.start))?.[1] ?? '';
  const roleWords = lead.trim().split(/\s+/).filter(Boolean);
  // The role runs back to a verb, an auxiliary or punctuation: "… have sacked manager Kieran Doyle" → "manager".
  const roleStart = roleWords.findLastIndex((w) => /[.,;:"“”]$/.test(w)
    || ROLE_STOP.test(w)
    || VERB_FORMS.has(w.toLowerCase())
    || (/^\p{Ll}+ed$/u.test(w) && !ROLE_PARTICIPLE.test(w)));
  // Titles inside the run: "U.S. President Donald Trump".
  const titles = run.words.slice(0, run.words.length - name.split(' ').length)
    .filter((w) => isTitle(w) || /^(?:\p{Lu}\.){2,}$/u.test(w) || /^\p{Lu}/u.test(w));
  addRoles(person, [...roleWords.slice(roleStart + 1), ...titles].join(' '));
  // Only a name right after a comma can have a role before it: test that before the costly pattern.
  const lead80 = text.slice(Math.max(0, run.start - 80), run.start);
  const before = /,\s+$/.test(lead80) ? ROLE_BEFORE.exec(lead80) : null;
  if (before) addRoles(person, before[1]!);
  run.words.forEach((w) => learnGender(person, w));
  // An appositive after it: "Maria Lopez, a spokeswoman for the city,".
  const appositive = APPOSITIVE.exec(text.slice(run.end, run.end + 200));
  if (appositive && !/^(?:who|which|whose|where|and|but|said|says)\b/.test(appositive[1]!)) addRoles(person, appositive[1]!);
  learnGenderFromPronouns(person, text, run.end);
}

/** "Tamika Ross … said she was worried": one gendered pronoun later in the sentence tells. */
export function learnGenderFromPronouns(person: Person, text: string, from: number): void {
  if (person.gender !== 'unknown' || !person.evidence) return;
  const sentence = text.slice(from, from + 300).split(/[.!?]\s/)[0] ?? '';
  const outside = sentence.split(/["“”‘’]/).filter((_, i) => i % 2 === 0).join(' ');
  if (capitalisedRuns(outside).some((r) => personName(r.words))) return;
  // Only subject pronouns: "Calloway saw him" says nothing about Calloway.
  const male = /\bhe\b/i.test(outside);
  const female = /\bshe\b/i.test(outside);
  if (male !== female) person.gender = male ? 'male' : 'female';
}

/**
 * A phrase that says what someone is (`Kremlin spokesman`, `a nurse from Leeds`): the first becomes their role, the words
 * of its head their roles (with the titles' synonyms: `Sen` → `senator`), and a gendered word their gender.
 */
export function addRoles(person: Person, phrase: string): void {
  const written = phrase
    .replace(/^(?:a|an|the)\s+/i, '')
    .replace(/\s+(?:who|which|that|whose|where)\b.*$/i, '')
    .replace(/[\s,;:]+$/, '')
    .trim();
  // A role names what someone is: it has a lower-case word or a title ("U.S. President"), not just "Russia's".
  if (written && !person.org && /\p{Ll}{3,}/u.test(written)) person.evidence = true;
  if (!person.role && written && written.length <= 80
    && (/\s\p{Ll}|^\p{Ll}/u.test(written) || written.split(/\s+/).some((w) => isTitle(w)))
    && !/['’]s$/.test(written) && !/^(?:who|which)\b/.test(written)) {
    person.role = written;
  }
  // Only the head of the phrase names a role: "lead author of the study" is an author, not a study.
  const headPart = phrase.toLowerCase().split(/\s(?:of|at|for|from|in|on|with|who|which|that|since|after|to)\s/)[0] ?? '';
  const words = headPart
    .replace(/[^\p{L}\s'-]/gu, ' ')
    .split(/[\s-]+/)
    .filter((w) => w.length > 1 && !ROLE_FILLER.test(w));
  for (const w of words) {
    const word = w.replace(/['’]s$/, '');
    person.roles.add(word);
    for (const synonym of TITLE_ROLES[word] ?? []) person.roles.add(synonym);
    learnGender(person, w);
  }
}

/** A gendered word (`Mrs`, `spokesman`) tells the gender, first word first; it or a title makes the person surely one. */
export function learnGender(person: Person, word: string): void {
  const g = GENDER_WORDS[word.toLowerCase().replace(/\.$/, '')];
  if (g && person.gender === 'unknown') person.gender = g;
  if (g || isTitle(word)) person.evidence = true;
}
