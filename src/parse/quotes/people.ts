import { VERB_FORMS } from './cues.js';
import { organisationName, personName } from './names.js';
import { isDemonym } from './registry.js';
import { addRoles, learnGender } from './roles.js';
import { Salience } from './salience.js';
import {
  COLLECTIVE, FIRST_NAMES, HANDLE, ORGANISATION_NOUNS, ORGANISATION_WORDS, PERSON_NOUN, PRONOUNS, isFiller,
  SENTENCE_START_WORDS, UNNAMED, WEAK_VERBS, isTitle,
} from './tables.js';
import { SOMEONE_FROM_A_PLACE } from './mentions.js';
import { capitalisedRuns } from './text.js';

export type { Gender, Mention, Person } from './person.js';

/** Someone who speaks for another: the one spoken for is in group 1 (`an FA spokesman`), 2 (`… for the FA`) or 3 (`Blair's …`). */
const SPOKESPERSON = new RegExp(
  '^(?:(?:[Aa]n?|[Tt]he|[Oo]ne)\\s+(?:(\\p{Lu}[^,]*?)\\s+)?(?:official\\s+)?(?:spokesman|spokeswoman|spokesperson|spokespeople)'
  + '(?:\\s+(?:for|from|at|of)\\s+(?:the\\s+)?(\\p{Lu}.*))?'
  + '|(\\p{Lu}.*?)[\'’]s\\s+(?:official\\s+)?(?:spokesman|spokeswoman|spokesperson))$',
  'u',
);

/** A description, then where it is from (group 1: the description): `the hairdresser from Stockport`. */
const PLACED_DESCRIPTION = new RegExp(
  String.raw`^((?:the|this)\s+(?:[\p{L}\d-]+\s+){0,3}?[\p{Ll}\d][\p{L}\d-]*)`
  + String.raw`\s+(?:from|in|near)\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*$`,
  'iu',
);

/** A person, then "of" and where they are from (group 1: the person): `Holger Schmieding of Berenberg`. */
const PERSON_OF_PLACE = new RegExp(
  String.raw`^(.*?\p{Lu}[\p{L}'’.-]*\s+\p{Lu}[\p{L}'’-]+)`
  + String.raw`\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:,?\s+\p{Lu}[\p{L}'’.-]*){0,3}\.?$`,
  'u',
);

/** A plural noun of organisations, as in "the two agencies". */
const ORGANISATION_PLURAL = new RegExp(
  String.raw`\b(?:agencies|companies|firms|governments|countries|ministries`
  + String.raw`|clubs|teams|groups|organisations|organizations|parties)\b`,
);

/** Resolves the noun phrase that introduces speech to a speaker, as a reader would: by salience. */
export class Context extends Salience {
  /** The speaker of the last quote when it stood in the paragraph before this one, else `null`. */
  continuing(): string | null {
    return this.lastQuoteParagraph === this.paragraph - 1 ? this.lastQuoteSpeaker : null;
  }

  enterParagraph(p: number): void {
    const last = this.lastQuoteSpeaker ? this.byName.get(this.lastQuoteSpeaker) : undefined;
    this.previousSpeaker = this.lastQuoteParagraph === p - 1 ? last : undefined;
    this.previousUnnamed = this.lastQuoteParagraph === p - 1 && this.lastQuoteSpeaker === null && this.lastQuoteUnnamed;
    this.paragraph = p;
  }

  /** Records who spoke a quote; `unnamed` when the text says someone it doesn't name did. */
  spoke(speaker: string | null, unnamed = false): void {
    this.lastQuoteSpeaker = speaker;
    this.lastQuoteUnnamed = unnamed;
    this.lastQuoteParagraph = this.paragraph;
    if (!speaker) return;
    const person = this.byName.get(speaker);
    if (person) {
      person.evidence = true;
      this.speakers.push(person);
      // Only the last few speakers matter for "he said"; keep the list short on very long articles.
      if (this.speakers.length > 200) this.speakers.splice(0, 100);
    }
  }
  /** The role the article gave a single named speaker. */
  roleOf(speaker: string | null): string | null {
    return speaker ? this.byName.get(speaker)?.role ?? null : null;
  }

  /** Resolves a noun phrase that introduces speech to a speaker's name. */
  resolve(phrase: string, at: number): string | null | undefined {
    let np = phrase.replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, '').replace(/\s+/g, ' ');
    np = np
      .replace(/^(?:and|but|so|then|yet|while|as|though|also|later|earlier|meanwhile|separately)\s+/i, '')
      .replace(/\s*\([^)]*\)?$/, ''); // "(D-Ore.)", or one cut at its full stop
    // Drop trailing filler: "Ushakov also", "the ministry in a statement".
    const words = np.split(' ');
    while (words.length > 1 && isFiller(words[words.length - 1]!.replace(/[^\p{L}]/gu, ''))) words.pop();
    np = words.join(' ').replace(/,?\s+\d{1,3}$/, ''); // "Denise Pryce, 54"
    if (!np) return undefined;
    // "the hairdresser from Stockport": a description placed somewhere is the person described, not the place.
    const placed = PLACED_DESCRIPTION.exec(np);
    if (placed && PERSON_NOUN.test(placed[1]!.split(/\s+/).pop()!.toLowerCase())) return this.resolve(placed[1]!, at);
    // "a spokesman for the Trafford Centre", "an FA spokeswoman", "Tony Blair's official spokesman": who they speak for.
    const spokes = SPOKESPERSON.exec(np);
    const speaksFor = spokes ? (spokes[1] ?? spokes[2] ?? spokes[3])?.replace(/^\p{Lu}[\p{L}-]*['’]s\s+(?=\p{Lu})/u, '') : undefined;
    if (speaksFor && /^\p{Lu}/u.test(speaksFor)) {
      const who = this.resolve(speaksFor, at);
      if (who) return who;
      if (/\s|^\p{Lu}{2,}$/u.test(speaksFor)) return this.person(speaksFor, true).name;
    }
    // "AOL backed the cuts. "…," a spokesman said": who they speak for is the organisation the paragraph is about.
    if (spokes && !speaksFor && /^(?:an?|one)\s/i.test(np)) {
      const org = this.recent(this.paragraph, at, { orgs: true, quoted: false, sameParagraph: true })[0];
      if (org) return org.name;
    }
    // "a broker in Andheri", "one resident of Golden Meadow": someone unnamed, from a place.
    if (SOMEONE_FROM_A_PLACE.test(np)) return null;
    // "Mr. King", "Mr. Prince": an honorific, then a surname that is also a title or common word.
    const honoured = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+(\p{Lu}[\p{L}'’-]+)$/u.exec(np);
    const known = honoured ? this.bySurname(honoured[1]!) : undefined;
    if (known && !known.org) return known.name;
    // "Senator John McCain of Arizona", "Holger Schmieding of Berenberg": a person, then where they are from.
    const from = PERSON_OF_PLACE.exec(np);
    if (from && !organisationName(np)) {
      const who = this.resolve(from[1]!, at);
      if (who && !this.byName.get(who)?.org) return who;
    }
    const lower = np.toLowerCase();
    // "the Ealing North MP", "the Birchfield Harrier": a place or club, then a capitalised role, describe someone;
    // so does a run ending in a member's letters where "the" was left off ("Riverside West MP").
    const member = /^(?:[Tt]he\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(MP|MSP|MEP|MLA)$/u.exec(np)?.[1];
    const titled = /^[Tt]he\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(\p{Lu}[\p{L}-]*)$/u.exec(np)?.[1];
    const role = member ?? (titled && PERSON_NOUN.test(titled.toLowerCase()) && !ORGANISATION_WORDS.has(titled.toLowerCase())
      && !organisationName(np) ? titled : undefined);
    if (role) {
      const described = this.epithet(`the ${lower.replace(/^the\s+/, '')}`, role.toLowerCase(), at);
      if (described !== undefined) return described;
    }

    if (words.every((w) => isFiller(w.replace(/[^\p{L}]/gu, '')))) return undefined;
    // A phrase with a verb in it is a clause, not who spoke: "the ministry said in a statement".
    if (words.slice(1).some((w) => VERB_FORMS.has(w.toLowerCase()) && !WEAK_VERBS.has(w.toLowerCase()))) return undefined;
    const pronoun = PRONOUNS[lower];
    if (pronoun) return this.byPronoun(pronoun, at);
    // "buyer elmo666", "ScreamMyName": a handle names its user.
    const handle = words[words.length - 1]!.replace(/['’]s$/, '');
    if (HANDLE.test(handle) && !this.byName.get(handle)?.org) {
      const person = this.person(handle, false);
      person.evidence = true;
      return person.name;
    }
    // "Dana Whitfield and Roy Castellanos": two named people speaking together.
    const both = /^(.+?)\s+and\s+(.+)$/.exec(np);
    if (both && /^\p{Lu}/u.test(both[1]!) && /^\p{Lu}/u.test(both[2]!)) {
      const a = this.resolve(both[1]!, at);
      const b = this.resolve(both[2]!, at);
      if (a && b && a !== b) return `${a} and ${b}`;
    }
    if (/^(?:i|we|you|it|this|that|there|which|who|what|one|none|nobody|everyone|someone)$/i.test(np)) {
      return np.toLowerCase() === 'it' ? this.byIt(at) : undefined;
    }
    if (COLLECTIVE.test(np)) {
      // "the two agencies" are organisations; "the two leaders" are people.
      const orgs = ORGANISATION_NOUNS.has(lower.replace(/ies$/, 'y').replace(/s$/, '').split(' ').pop() ?? '')
        || ORGANISATION_PLURAL.test(lower);
      const two = this.recent(this.paragraph, at, { quoted: !orgs, orgs }).slice(0, 2);
      if (two.length < 2) return null;
      two.sort((a, b) => this.people.indexOf(a) - this.people.indexOf(b));
      return `${two[0]!.name} and ${two[1]!.name}`;
    }

    // "a nurse at Dunmore Regional Medical Center", "one fan": someone the story doesn't name.
    if (/^(?:a|an|one|another|some|several|many|two|three|four|five)\s/i.test(np) && !/\s(?:and)\s/.test(np)) {
      const runs0 = capitalisedRuns(np);
      const tailRun = runs0[runs0.length - 1];
      // …unless a name closes the phrase: "a tactic Ortega", "the ride-hailing company Hopla".
      if (!tailRun || tailRun.end < np.length - 1
        || /\b(?:at|of|for|from|in|with|on|by)\s+(?:the\s+)?$/i.test(np.slice(0, tailRun.start))) return null;
    }
    // "the Spaniard", "the Tunisian": the person the story is about.
    const nationality = /^(?:the\s+)?(\p{Lu}\p{Ll}+)$/iu.exec(np)?.[1];
    if (isDemonym(nationality) && (/^the\s/i.test(np) || !(this.bySurname(nationality!) ?? this.byName.get(nationality!)))) {
      return this.salient(at)?.name ?? null;
    }
    const org = organisationName(np);
    if (org) {
      // "the Bank" is the Bank of England the story named before; "the FA", the Football Association.
      const fuller = !org.includes(' ')
        ? this.orgByFirst.get(org)
          ?? this.people.find((p) => p.org && p.name !== org && p.name.split(/\s+/).includes(org))
          ?? this.spelledOut(org)
        : undefined;
      return (fuller ?? this.person(org, true)).name;
    }
    // A named person, perhaps after a role: "Russian presidential aide Yury Ushakov", "Ushakov".
    const runs = capitalisedRuns(np);
    const lastRun = runs[runs.length - 1];
    if (lastRun && lastRun.end >= np.replace(/[.,]+$/, '').length - 1) {
      // "El Guerrouj" after "Hicham El Guerrouj": the last words of a longer name the story gave are that person.
      const tail = lastRun.words.length >= 2 && /^\p{Lu}/u.test(lastRun.words[0]!) ? ` ${lastRun.words.join(' ')}` : '';
      const longer = tail ? this.people.find((p) => !p.org && p.name.endsWith(tail)) : undefined;
      if (longer) return longer.name;
      const name = personName(lastRun.words);
      if (name) {
        const person = this.person(name, false);
        addRoles(
          person, `${np.slice(0, lastRun.start)} ${lastRun.words.slice(0, lastRun.words.length - name.split(' ').length).join(' ')}`
        );
        lastRun.words.forEach((w) => learnGender(person, w));
        return person.name;
      }
      const single = lastRun.words.filter((w) => !isTitle(w));
      // From a known first name or initials, two to four words are a person even where personName refuses
      // them: "Kathleen Hall Jamieson", "J.M. Berger", "Brent Bozell III".
      const start = single.findIndex((w) => FIRST_NAMES[w.toLowerCase()] || /^(?:\p{Lu}\.){1,3}$/u.test(w));
      if (start >= 0 && single.length - start >= 2 && single.length - start <= 4 && !organisationName(np)) {
        const person = this.person(single.slice(start).join(' ').replace(/['’]s$/, ''), false);
        person.evidence = true;
        return person.name;
      }
      if (single.length === 1) {
        const word = single[0]!.replace(/['’]s$/, '');
        const found = this.bySurname(word) ?? this.orgByFirst.get(word) ?? this.byName.get(word);
        const known = (found?.org ? this.spelledOut(found.name) : undefined) ?? found;
        if (known) {
          lastRun.words.forEach((w) => learnGender(known, w));
          return known.name;
        }
        // A one-word name we haven't met (an outlet like "Reuters", "the ride-hailing company Hopla"): keep it as written.
        const org = this.orgByFirst.get(word);
        if (org) return org.name;
        if (UNNAMED.test(np)) return null;
        if (!SENTENCE_START_WORDS.test(word) && !this.isCommonNoun(word)
          && (!/^(?:the|a|an|one)\s/i.test(np) || /\s\p{Ll}[\p{L}-]*\s+\S+$/u.test(np))) {
          return this.person(word, !FIRST_NAMES[word.toLowerCase()]).name;
        }
      }
    }
    if (UNNAMED.test(np)) return null;
    // "the aide", "the Kremlin spokesman", "the 45-year-old": a role someone was introduced with.
    const head = (/(\p{L}[\p{L}-]*)$/u.exec(lower)?.[1] ?? '');
    if (/^(?:the|this|that|his|her|their|its)\s/i.test(np) || runs.length === 0) {
      // "the airline", "the company": an organisation the story named comes before anyone whose role mentions it.
      const orgNoun = ORGANISATION_NOUNS.has(head) || ORGANISATION_WORDS.has(head);
      const org = orgNoun ? this.organisationLike(head, at) : null;
      if (org && org !== head) return org;
      const byRole = this.byRole(head, at) ?? this.byRole(head.replace(/s$/, ''), at);
      if (byRole) return byRole.name;
      if (org) return org;
      const described = this.epithet(np, head, at);
      if (described !== undefined) return described;
      // A short "the <role>" we can't place is someone unnamed; anything longer isn't a subject at all.
      return words.length <= 4 ? null : undefined;
    }
    return undefined;
  }
}
