import { VERB_FORMS } from './cues.js';
import { alternatives } from '../word-lists.js';
import { organisationName, personName } from './names.js';
import type { Person } from './person.js';
import { Registry, isDemonym } from './registry.js';
import { addRoles, learnGender } from './roles.js';
import {
  COLLECTIVE, FIRST_NAMES, GENDER_WORDS, HANDLE, ORGANISATION_NOUNS,
  NOT_PERSON_HEADS, ORGANISATION_WORDS, PERSON_NOUN, PRONOUNS, isFiller,
  SENTENCE_START_WORDS, TITLES, UNNAMED, WEAK_VERBS,
} from './tables.js';
import { KIND_OF_WORD, SOMEONE_FROM_A_PLACE, kindOf } from './mentions.js';
import { isEnglishWord } from './given-names.js';
import { before, capitalisedRuns } from './text.js';

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

/** Past tenses that end neither in -ed nor in -s, for finding where a sentence's subject ends. */
const IRREGULAR_PAST = alternatives('irregular-past');

/** The subject a sentence opens with, when it is a description (group 1: `The striker joined …`) or a pronoun (group 2). */
const PRIOR_SUBJECT = new RegExp('^(?:(?:and|but|so|yet|however|meanwhile|now|then)\\b,?\\s+)?(?:((?:the|this)\\s+[^,;:"“”]{2,60}?)'
  + `(?=\\s+(?:\\p{Ll}+ly\\s+)?(?:has|had|is|was|will|would|could|can|does|did|remains|\\p{Ll}+ed|\\p{Ll}+s|${IRREGULAR_PAST})\\b)`
  + '|(he|she)(?=\\s+\\p{Ll}))', 'iu');

/** A sentence whose subject is someone speaking for someone: `The Trafford Centre spokeswoman said`. */
const SPOKESPERSON_SUBJECT = new RegExp('^(?:(?:and|but)\\s+)?('
  + '(?:an?|the|one)\\s+[^,;:"“”]{0,60}?\\b(?:spokesman|spokeswoman|spokesperson)'
  + '(?:\\s+(?:for|from|at)\\s+(?:the\\s+)?\\p{Lu}[^,;:"“”]{0,60}?)?)'
  + '(?=\\s+(?:\\p{Ll}+ly\\s+)?(?:said|says|told|added|\\p{Ll}+ed)\\b)', 'iu');

/** Resolves the noun phrase that introduces speech to a speaker, as a reader would: by salience. */
export class Context extends Registry {
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
      const single = lastRun.words.filter((w) => !TITLES.has(w.toLowerCase().replace(/\.$/, '')));
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

  /**
   * "the 23-year-old", "the defender", "the Warriors chief", "the American legend": a definite description
   * refers back to the most salient person it can describe; `null` when the story brought in someone
   * unnamed with the same noun ("a senior official … the official said"), `undefined` when it is no person.
   */
  protected epithet(np: string, head: string, at: number): string | null | undefined {
    if (!/^(?:the|this)\s/i.test(np) || !head || NOT_PERSON_HEADS.has(head)
      || ORGANISATION_NOUNS.has(head) || ORGANISATION_WORDS.has(head)) {
      return undefined;
    }
    const words = np.split(/\s+/);
    // "The Blaze", "the Guardian": a capitalised head is a name, not a description.
    if (!/^[\p{Ll}\d]/u.test(words[words.length - 1]!) || words.length > 7
      || /\s(?:of|who|which|that|at|in|from|with|for|on)\s/i.test(np)) return undefined;
    const from = Math.max(0, this.paragraph - 2);
    const lead = this.paragraphs.slice(from, this.paragraph).join(' ') + ' ' + (this.paragraphs[this.paragraph] ?? '').slice(0, at);
    const stem = head.replace(/s$/, '');
    const indefinite = new RegExp(
      `\\b(?:a|an|one|another)\\s+(?:[\\p{L}\\d-]+\\s+){0,3}${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?\\b`, 'iu'
    );
    if (indefinite.test(lead.slice(-3000))) return null;
    // "the former monopoly said": a description of no person is the organisation the story is about.
    if (!PERSON_NOUN.test(head) && !GENDER_WORDS[head]) {
      const main = this.protagonist(at, (p) => p.org);
      if (main && main.count >= 2) return main.person.name;
    }
    const gender = GENDER_WORDS[head];
    return this.salient(at, gender)?.name;
  }

  /**
   * The person a description most likely means: the subject of a sentence before it in the paragraph,
   * else who spoke last, else the subject of the paragraph before, else the person the story names most.
   */
  salient(at: number, gender?: 'male' | 'female'): Person | undefined {
    // People the text shows to be people first (a given name, a title, a role); then anyone named like a person.
    for (const strict of [true, false]) {
      const fits = (p: Person | undefined): p is Person =>
        p !== undefined && !p.org && (p.evidence || !strict) && (!gender || p.gender !== (gender === 'male' ? 'female' : 'male'));
      const here = this.subjects(this.paragraph, at);
      const inParagraph = this.recent(this.paragraph, at, { quoted: false, sameParagraph: true }).find((p) => here.has(p) && fits(p));
      if (inParagraph) return inParagraph;
      const last = this.lastQuoteSpeaker ? this.byName.get(this.lastQuoteSpeaker) : undefined;
      if (fits(last)) return last;
      if (this.paragraph > 0) {
        const before = this.subjects(this.paragraph - 1, this.paragraphs[this.paragraph - 1]!.length);
        const previous = this.recent(this.paragraph - 1, Infinity, { quoted: false, sameParagraph: true })
          .find((p) => before.has(p) && fits(p));
        if (previous) return previous;
      }
      const main = this.protagonist(at, fits);
      if (main) return main.person;
    }
    return undefined;
  }


  protected byPronoun(kind: 'male' | 'female' | 'plural', at: number, depth = 0): string | null {
    if (kind === 'plural') {
      const last = this.lastQuoteSpeaker;
      if (last && (last.includes(' and ') || this.byName.get(last)?.org)) return last;
      return this.recent(this.paragraph, at, { orgs: true, quoted: false, sameParagraph: true })[0]?.name ?? null;
    }
    // The sentence before has a pronoun or a description for its subject: the same person goes on.
    const prior = this.previousSentence(at);
    // "A Department for Work and Pensions spokeswoman confirmed … "…," she said": who she speaks for.
    const spokes = prior ? SPOKESPERSON_SUBJECT.exec(prior.text) : null;
    if (prior && spokes) {
      const who = this.resolve(spokes[1]!, prior.start);
      if (who) return who;
    }
    if (prior && depth < 3) {
      const found = PRIOR_SUBJECT.exec(prior.text);
      const subject = found?.[1] ?? found?.[2];
      if (subject && PRONOUNS[subject.toLowerCase()] === kind) return this.byPronoun(kind, prior.start, depth + 1);
      if (subject && !PRONOUNS[subject.toLowerCase()]) {
        const words = subject.split(/\s+/);
        const demonym = words.length === 2 && isDemonym(words[1]);
        const head = words[words.length - 1]!.toLowerCase();
        const described = !demonym && !PERSON_NOUN.test(head)
          ? undefined
          : demonym
            ? this.salient(prior.start)
            : this.byName.get(this.epithet(subject, head, prior.start) ?? '');
        if (described && !described.org && described.gender !== (kind === 'male' ? 'female' : 'male')) return described.name;
      }
    }
    // Someone the story doesn't name, introduced in this paragraph, is who "she" is: `a mother of four said … "…," she said`.
    const text = before(this.paragraphs[this.paragraph]!, at, 600);
    // In this paragraph, the subjects of sentences come first: "Amrani … had never acted. Asked how, he replied".
    const mentioned = this.recent(this.paragraph, at, { quoted: false, sameParagraph: true }).filter((p) => p.evidence);
    const subjects = this.subjects(this.paragraph, at);
    const local = [...mentioned.filter((p) => subjects.has(p)), ...mentioned.filter((p) => !subjects.has(p))];
    if (!local.length) {
      if (/(?:^|[.!?]["”’]?\s+)(?:A|An|One|Another)\s+\p{Ll}/u.test(text)) return null;
      for (const m of text.matchAll(/(?:^|[.!?,]\s+)(?:a|an|one|another)\s+([^.!?"“”‘’]{0,80})/giu)) {
        if ((m[1]!.toLowerCase().match(/\p{L}+/gu) ?? []).some((w) => VERB_FORMS.has(w) && !WEAK_VERBS.has(w))) return null;
      }
    }
    const exact = (p: Person): boolean => !p.org && p.evidence && p.gender === kind;
    const loose = (p: Person): boolean => !p.org && p.evidence && (p.gender === kind || p.gender === 'unknown');
    const lastSpeakers = [...new Set(this.speakers.slice(-12).reverse())].slice(0, 3);
    const previous = this.paragraph > 0 ? this.recent(this.paragraph - 1, Infinity, { quoted: false, sameParagraph: true }) : [];
    const earlier = this.recent(this.paragraph, at, { quoted: false });
    // "…, the teenager laughed. "…," he said": a role someone was introduced with, named in this paragraph.
    if (!local.length) {
      const roles = [...text.matchAll(/\bthe\s+(\p{Ll}[\p{L}-]+)\b/gu)].reverse();
      for (const m of roles) {
        const person = this.byRole(m[1]!, at);
        if (person && (person.gender === kind || person.gender === 'unknown')) return person.name;
      }
    }
    // The last quote of the paragraph before was someone unnamed ("a nurse … said"): "she" is still them.
    if (!local.length && this.previousUnnamed) return null;
    // A sentence's subject outranks a name in its object, even when only the other's gender is known.
    // The latest subject first: `Savage said … Bruce insists he will not sell Savage. "…," he said` is Bruce.
    const localSubjects = local.filter((p) => subjects.has(p)).sort((a, b) => subjects.get(b)! - subjects.get(a)!);
    const chosen = localSubjects.find(exact) ?? localSubjects.find(loose) ?? local.find(exact) ?? local.find(loose)
      ?? (this.previousSpeaker && loose(this.previousSpeaker) ? this.previousSpeaker : undefined)
      ?? previous.find(exact) ?? (this.previousSpeaker && loose(this.previousSpeaker) ? this.previousSpeaker : undefined)
      ?? previous.find(loose) ?? lastSpeakers.find(exact) ?? lastSpeakers.find(loose) ?? earlier.find(exact) ?? earlier.find(loose);
    if (chosen && chosen.gender === 'unknown') chosen.gender = kind;
    return chosen?.name ?? null;
  }

  /** "it said": the organisation last spoken of. */
  protected byIt(at: number): string | undefined {
    const last = this.lastQuoteSpeaker;
    if (last && this.byName.get(last)?.org) return last;
    // The organisation that has been speaking ("The UNECE warned …") before any other named since.
    const orgs = this.recent(this.paragraph, at, { orgs: true, quoted: false });
    // "The British Chambers of Commerce welcomed the plan. "…," it said": the latest organisation a sentence was about.
    const subjects = this.subjects(this.paragraph, at);
    const subject = orgs.filter((p) => subjects.has(p)).sort((a, b) => subjects.get(b)! - subjects.get(a)!)[0];
    if (subject) return subject.name;
    return (orgs.find((p) => this.speakingOrgs.has(p)) ?? orgs[0])?.name;
  }


  protected byRole(head: string, at: number): Person | undefined {
    if (!head) return undefined;
    const recent = this.speakers.slice(-20).reverse().concat(this.recent(this.paragraph, at, { quoted: false }));
    return recent.find((p) => !p.org && p.roles.has(head)) ?? this.people.find((p) => !p.org && p.roles.has(head));
  }

  /** The first organisation the article writes out with a word ("Leeds city council"), found once per word. */
  protected writtenOrganisation(head: string): string | null {
    const cached = this.organisationCache.get(head);
    if (cached !== undefined) return cached || null;
    const written = new RegExp(
      `\\b(\\p{Lu}[\\p{L}'’&-]*(?:\\s+(?!(?:a|an|the|of|if|in|on|at|to|for|with|and|or)\\b)[\\p{L}'’&-]+){0,3}?\\s+${head})\\b`, 'gu'
    );
    let found = '';
    for (const m of this.paragraphs.join(' ').slice(0, 200_000).matchAll(written)) {
      const first = m[1]!.split(/\s+/)[0]!;
      // "Rival local club": a sentence's first word, written in lower case elsewhere, is no name.
      const word = first !== m[1] && (this.isCommonNoun(first) || (isEnglishWord(first) && !this.isNameElsewhere(first)));
      if (!SENTENCE_START_WORDS.test(first) && !word) {
        found = m[1]!.replace(/^\p{Lu}[\p{L}-]*['’]s?\s+/u, '');
        break;
      }
    }
    this.organisationCache.set(head, found);
    return found || null;
  }

  /**
   * "the ministry", "the company" → the organisation the article named with that word; else the last
   * organisation that spoke; else one written out in lower case ("Leeds city council"); else the word.
   */
  protected organisationLike(head: string, at: number): string {
    const kind = KIND_OF_WORD.get(head);
    // An organisation another kind of word names is not what "the ministry" or "the company" stands for.
    const orgs = this.recent(this.paragraph, at, { orgs: true, quoted: false })
      .filter((p) => !kind || [undefined, kind].includes(kindOf(p.name)))
      .sort((a, b) => Number(kindOf(b.name) === kind) - Number(kindOf(a.name) === kind));
    const named = orgs.find((p) => p.name.toLowerCase().split(/\s+/).includes(head) || p.roles.has(head))
      ?? this.people.find((p) => p.org && p.name.toLowerCase().split(/\s+/).includes(head));
    if (named) return named.name;
    const spoke = orgs.find((p) => this.speakingOrgs.has(p));
    if (spoke) return spoke.name;
    // "the club said": the organisation the story is about, when it named one more than once.
    const main = ORGANISATION_NOUNS.has(head)
      ? this.protagonist(at, (p) => p.org && (!kind || [undefined, kind].includes(kindOf(p.name))))
      : undefined;
    if (main && main.count >= 2) return main.person.name;
    const written = this.writtenOrganisation(head);
    if (written) return this.person(written, true).name;
    // "the club", "the company" with nothing else to go on: the organisation the story last named.
    const last = orgs.find((p) => p.name.includes(' ') || /^\p{Lu}{2,}$/u.test(p.name));
    return last && ORGANISATION_NOUNS.has(head) ? last.name : head;
  }
}
