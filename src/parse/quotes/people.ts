import { VERB_FORMS, findVerbs, subjectBefore } from './cues.js';
import { organisationName, personName, thingName } from './names.js';
import type { Mention, Person } from './person.js';
import type { Span } from './spans.js';
import {
  COLLECTIVE, DEMONYMS, FIRST_NAMES, GENDER_WORDS, HANDLE, HANDLE_INTRODUCED, HANDLE_LIKE, HANDLE_SPEAKS, ORGANISATION_NOUNS,
  NOT_PERSON_HEADS, NOT_PERSON_START, ORGANISATION_WORDS, PERSON_NOUN, PRONOUNS, isFiller,
  SENTENCE_START_WORDS, TITLES, TITLE_ROLES, UNNAMED, WEAK_VERBS,
} from './tables.js';
import { KIND_OF_WORD, LOWER_START, SOMEONE_FROM_A_PLACE, kindOf, mayEndInName, withoutNicknames } from './mentions.js';
import { genderOfName, isGivenName } from './given-names.js';
import { ABBREVIATION, before, capitalisedRuns, groupBy, lastBefore } from './text.js';

export type { Gender, Mention, Person } from './person.js';

/** The capitals of a name's words, small words left out: `Department for Work and Pensions` → `DWP`. */
const initials = (name: string): string =>
  name.split(/\s+/).filter((w) => !/^(?:of|for|and|the|&|de|du|des|la|le)$/i.test(w)).map((w) => w[0] ?? '').join('');

/** Someone who speaks for another: the one spoken for is in group 1 (`an FA spokesman`), 2 (`… for the FA`) or 3 (`Blair's …`). */
const SPOKESPERSON = new RegExp('^(?:(?:[Aa]n?|[Tt]he|[Oo]ne)\\s+(?:(\\p{Lu}[^,]*?)\\s+)?(?:official\\s+)?(?:spokesman|spokeswoman|spokesperson|spokespeople)'
  + '(?:\\s+(?:for|from|at|of)\\s+(?:the\\s+)?(\\p{Lu}.*))?|(\\p{Lu}.*?)[\'’]s\\s+(?:official\\s+)?(?:spokesman|spokeswoman|spokesperson))$', 'u');

/** Past tenses that end neither in -ed nor in -s, for finding where a sentence's subject ends. */
const IRREGULAR_PAST = 'began|became|beat|bought|brought|came|felt|found|gave|got|held|kept|knew|led|left|lost|made|met|ran|said|saw|sold|spent'
  + '|spoke|stood|struck|took|thought|told|went|won|wrote|were';

/** The subject a sentence opens with, when it is a description (group 1: `The striker joined …`) or a pronoun (group 2). */
const PRIOR_SUBJECT = new RegExp('^(?:(?:and|but|so|yet|however|meanwhile|now|then)\\b,?\\s+)?(?:((?:the|this)\\s+[^,;:"“”]{2,60}?)'
  + `(?=\\s+(?:\\p{Ll}+ly\\s+)?(?:has|had|is|was|will|would|could|can|does|did|remains|\\p{Ll}+ed|\\p{Ll}+s|${IRREGULAR_PAST})\\b)`
  + '|(he|she)(?=\\s+\\p{Ll}))', 'iu');

/** A speech or reporting verb right after a name: `Iain took issue`, `Sean said`. */
const VERB_AFTER = /^\s+(?:said|says|told|tells|added|asked|replied|explained|took|rang|called|wrote|argued|insisted|complained|agreed)\b/;

/** A month or a day of the week. */
const CALENDAR_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Is a capitalised word a nationality (`Spaniard`, `American`)? */
const isDemonym = (word: string | undefined): boolean => word !== undefined && DEMONYMS.has(word.toLowerCase());

/** The people, organisations and speakers met so far, for resolving names, roles and pronouns. */
export class Context {
  readonly people: Person[] = [];
  private readonly byName = new Map<string, Person>();
  /** People by the last and first word of their name, for "Ushakov said"; organisations by their first word. */
  private readonly bySurnameKey = new Map<string, Person>();
  private readonly byFirstKey = new Map<string, Person>();
  private readonly orgByFirst = new Map<string, Person>();
  private readonly mentions = new Map<number, Mention[]>();
  private readonly speakers: Person[] = [];
  private readonly quotedByParagraph: Map<number, Span[]>;
  private lowerWords: Set<string> | null = null;
  private readonly commonAsked = new Map<string, boolean>();
  private allText: string | null = null;
  private readonly organisationCache = new Map<string, string>();
  private readonly namedElsewhere = new Map<string, boolean>();
  /** Organisations that are the subject of a speech verb somewhere ("Haven said …"). */
  private readonly speakingOrgs = new Set<Person>();
  lastQuoteSpeaker: string | null = null;
  /** Who spoke the last quote of the paragraph before this one. */
  previousSpeaker: Person | undefined;
  /** Whether the last quote of the paragraph before was someone the story doesn't name. */
  previousUnnamed = false;
  private paragraph = 0;
  private lastQuoteParagraph = -1;
  private lastQuoteUnnamed = false;

  constructor(private readonly paragraphs: readonly string[], quoted: readonly Span[]) {
    this.quotedByParagraph = groupBy(quoted, (s) => s.paragraph);
    // Marcus "Tank" Bellamy: the nickname goes (blanked, so positions stay) and the name joins up.
    paragraphs.forEach((text, p) => this.scan(withoutNicknames(text), p));
    for (const list of this.mentions.values()) list.sort((a, b) => a.index - b.index);
  }

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

  private inQuote(paragraph: number, index: number): boolean {
    const spans = this.quotedByParagraph.get(paragraph);
    if (!spans) return false;
    // Spans are in order: the last one opening before `index`.
    const s = spans[lastBefore(spans, (span) => span.open, index)];
    return s !== undefined && (s.close === -1 || index < s.close);
  }

  /** Registers every named person and organisation, with roles written next to them. */
  private scan(text: string, paragraph: number): void {
    for (const run of capitalisedRuns(text)) {
      const quoted = this.inQuote(paragraph, run.start);
      const preceded = text.slice(Math.max(0, run.start - 4), run.start);
      // "The Spaniard", "the American legend": a nationality is someone the story already named, not a name.
      if (isDemonym(run.words[0] === 'The' ? run.words[1] : run.words.length === 1 && /\bthe\s$/i.test(preceded) ? run.words[0] : undefined)) continue;
      const org = organisationName(run.words.join(' ')) ?? (/\bthe\s$/i.test(preceded) || /^The$/.test(run.words[0]!) ? thingName(run.words) : null);
      if (org) {
        if (!quoted) this.mention({ person: this.person(org, true), paragraph, index: run.start, quoted });
        continue;
      }
      const name = personName(run.words);
      if (!name) {
        // "Trump", "Ushakov": a surname of someone already met is a mention of them.
        const single = run.words.filter((w) => !TITLES.has(w.toLowerCase().replace(/\.$/, '')));
        // "in May", "on Sunday": a month or a day is no mention of Theresa May or of anyone.
        const calendar = single.length === 1 && CALENDAR_WORD.test(single[0]!)
          && (/\b(?:in|on|of|since|until|by|from|last|next|early|late|mid|this|that|every|each)[\s-]$/i.test(text.slice(Math.max(0, run.start - 6), run.start))
            || /^\s*\d/.test(text.slice(run.end, run.end + 3)));
        const known = single.length === 1 && !calendar ? this.bySurname(single[0]!.replace(/['’]s$/, '')) : undefined;
        if (known) {
          known.evidence = true;
          this.mention({ person: known, paragraph, index: run.start, quoted });
          // "Ms Sturgeon": a title tells the gender.
          run.words.forEach((w) => this.learnGender(known, w));
          if (!quoted) this.learnGenderFromPronouns(known, text, run.end);
        } else if (single.length === 1 && run.words.length === 1 && this.isFirstNameAlone(single[0]!, text, run.start, run.end)) {
          // "Sean, a teacher from Leeds,", "asked Nick": callers and presenters known by a first name only.
          const person = this.person(single[0]!, false);
          person.evidence = true;
          this.mention({ person, paragraph, index: run.start, quoted });
        } else if (!quoted && single.length >= 2 && single.length <= 4 && !isGivenName(single[0]!) && !SENTENCE_START_WORDS.test(single[0]!)
          && !NOT_PERSON_START.has(single[0]!.toLowerCase()) && !/\b(?:in|from|at|near|to|across|outside)\s+$/i.test(preceded + ' ')
          && single.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) {
          // "Manchester United", "Real Madrid": a name that is no person's is an organisation's (or a place's) mention.
          const thing = this.byName.get(single.join(' ').replace(/['’]s$/, '')) ?? this.person(single.join(' ').replace(/['’]s$/, ''), true);
          if (thing.org) this.mention({ person: thing, paragraph, index: run.start, quoted });
        }
        continue;
      }
      const person = this.person(name, false);
      this.mention({ person, paragraph, index: run.start, quoted });
      // A role before the name: "Russian presidential aide Yury Ushakov", "Kremlin spokesman Dmitry Peskov".
      const lead = /((?:[\p{L}'’.-]+\s+){0,4})$/u.exec(text.slice(Math.max(0, run.start - 60), run.start))?.[1] ?? '';
      const roleWords = lead.trim().split(/\s+/).filter(Boolean);
      // The role runs back to a verb, an auxiliary or punctuation: "… have sacked manager Kieran Doyle" → "manager".
      const roleStart = roleWords.findLastIndex((w) => /[.,;:"“”]$/.test(w) || /^(?:and|or|by|of|with|from|to|said|says|told|according|the|a|an|have|has|had|was|were|is|are|will|would|be|been|as|when|after|before|than|that)$/i.test(w) || VERB_FORMS.has(w.toLowerCase()) || (/^\p{Ll}+ed$/u.test(w) && !/^(?:retired|elected|appointed|acting|disgraced|jailed|detained|exiled|celebrated|noted|unnamed|embattled|beloved|renowned|licensed|registered|qualified|trained|certified)$/.test(w)));
      // Titles inside the run: "U.S. President Donald Trump".
      const titles = run.words.slice(0, run.words.length - name.split(' ').length).filter((w) => TITLES.has(w.toLowerCase().replace(/\.$/, '')) || /^(?:\p{Lu}\.){2,}$/u.test(w) || /^\p{Lu}/u.test(w));
      this.addRoles(person, [...roleWords.slice(roleStart + 1), ...titles].join(' '));
      // Only a name right after a comma can have a role before it: test that before the costly pattern.
      const lead80 = text.slice(Math.max(0, run.start - 80), run.start);
      const before = /,\s+$/.test(lead80) ? /(?:^|[.!?;]["”’]?\s+|,["”’]?\s+)((?:the|a|an|his|her|their|its|\p{Lu}[\p{L}'’ ]*['’]s?)\s+[^,.;"“”]{2,60}),\s+$/iu.exec(lead80) : null;
      if (before) this.addRoles(person, before[1]!);
      run.words.forEach((w) => this.learnGender(person, w));
      // An appositive after it: "Maria Lopez, a spokeswoman for the city,".
      const appositive = /^,\s+(?:\d+,\s+)?((?:a|an|the|his|her|their|its)\s+[^,.;"“”]{2,80}?|[\p{Ll}][^,.;"“”]{2,60}?|\p{Lu}[\p{L}'’ ]*['’]s\s+[^,.;"“”]{2,60}?)(?:,|\.|;|$)/u.exec(text.slice(run.end, run.end + 200));
      if (appositive && !/^(?:who|which|whose|where|and|but|said|says)\b/.test(appositive[1]!)) this.addRoles(person, appositive[1]!);
      this.learnGenderFromPronouns(person, text, run.end);
    }
    // Online handles ("elmo666 wrote", "user jayk1984") are people; they never read as capitalised names.
    for (const m of /\p{L}\d|\p{Ll}\p{Lu}/u.test(text) ? text.matchAll(HANDLE_LIKE) : []) {
      if (!HANDLE.test(m[0]) || this.inQuote(paragraph, m.index) || this.byName.get(m[0])?.org) continue;
      const person = this.person(m[0], false);
      if (HANDLE_SPEAKS.test(text.slice(m.index, m.index + 160)) || HANDLE_INTRODUCED.test(text.slice(Math.max(0, m.index - 20), m.index))) person.evidence = true;
      this.mention({ person, paragraph, index: m.index, quoted: false });
    }
    // Subjects of speech verbs that aren't people ("Haven said …", "Prairie Plains Power said …") are organisations that speak.
    for (const verb of findVerbs(text)) {
      if (WEAK_VERBS.has(verb.form) || /ing$/.test(verb.form) || this.inQuote(paragraph, verb.index)) continue;
      const lead = before(text, verb.index, 200);
      if (!mayEndInName(lead)) continue;
      const subject = subjectBefore(lead).replace(/^(?:the)\s+/i, '');
      const runs = capitalisedRuns(subject);
      const run = runs[runs.length - 1];
      if (!run || run.end < subject.replace(/[.,]+$/, '').length - 1) continue;
      // "Haven said", "The Blue Lagoon said", "HM Coastguard said": organisations that speak.
      const thing = /^The\s/.test(subject) || /^\p{Lu}{2,}\s/u.test(subject) ? subject.replace(/^The\s+/, '') : null;
      const name = organisationName(subject) ?? (run.words.length === 1 ? run.words[0]!.replace(/['’]s$/, '') : thing && run.start === 0 ? thing : null);
      if (!name || isDemonym(name) || SENTENCE_START_WORDS.test(name) || PRONOUNS[name.toLowerCase()] || FIRST_NAMES[name.toLowerCase()] || this.bySurname(name) || this.isCommonNoun(name)) continue;
      const known = this.byName.get(name);
      if (known && !known.org) continue;
      const org = (known?.org ? known : undefined) ?? this.orgByFirst.get(name) ?? this.person(name, true);
      this.speakingOrgs.add(org);
      this.mention({ person: org, paragraph, index: Math.max(0, verb.index - subject.length - 1), quoted: false });
    }
  }

  private mention(m: Mention): void {
    const list = this.mentions.get(m.paragraph);
    if (list) list.push(m);
    else this.mentions.set(m.paragraph, [m]);
  }

  /** "Tamika Ross … said she was worried": one gendered pronoun later in the sentence tells. */
  private learnGenderFromPronouns(person: Person, text: string, from: number): void {
    if (person.gender !== 'unknown' || !person.evidence) return;
    const sentence = text.slice(from, from + 300).split(/[.!?]\s/)[0] ?? '';
    const outside = sentence.split(/["“”‘’]/).filter((_, i) => i % 2 === 0).join(' ');
    if (capitalisedRuns(outside).some((r) => personName(r.words))) return;
    // Only subject pronouns: "Calloway saw him" says nothing about Calloway.
    const male = /\bhe\b/i.test(outside);
    const female = /\bshe\b/i.test(outside);
    if (male !== female) person.gender = male ? 'male' : 'female';
  }

  private addRoles(person: Person, phrase: string): void {
    const written = phrase.replace(/^(?:a|an|the)\s+/i, '').replace(/\s+(?:who|which|that|whose|where)\b.*$/i, '').replace(/[\s,;:]+$/, '').trim();
    // A role names what someone is: it has a lower-case word or a title ("U.S. President"), not just "Russia's".
    if (written && !person.org && /\p{Ll}{3,}/u.test(written)) person.evidence = true;
    if (!person.role && written && written.length <= 80 && (/\s\p{Ll}|^\p{Ll}/u.test(written) || written.split(/\s+/).some((w) => TITLES.has(w.toLowerCase().replace(/\.$/, '')))) && !/['’]s$/.test(written) && !/^(?:who|which)\b/.test(written)) {
      person.role = written;
    }
    // Only the head of the phrase names a role: "lead author of the study" is an author, not a study.
    const headPart = phrase.toLowerCase().split(/\s(?:of|at|for|from|in|on|with|who|which|that|since|after|to)\s/)[0] ?? '';
    const words = headPart.replace(/[^\p{L}\s'-]/gu, ' ').split(/[\s-]+/).filter((w) => w.length > 1 && !/^(?:the|a|an|his|her|their|its|of|for|at|in|on|and|who|which|to|by|with|'s)$/.test(w));
    for (const w of words) {
      const word = w.replace(/['’]s$/, '');
      person.roles.add(word);
      for (const synonym of TITLE_ROLES[word] ?? []) person.roles.add(synonym);
      this.learnGender(person, w);
    }
  }

  private learnGender(person: Person, word: string): void {
    const g = GENDER_WORDS[word.toLowerCase().replace(/\.$/, '')];
    if (g && person.gender === 'unknown') person.gender = g;
    if (g || TITLES.has(word.toLowerCase().replace(/\.$/, ''))) person.evidence = true;
  }

  person(name: string, org: boolean): Person {
    const existing = this.byName.get(name);
    if (existing) return existing;
    const words = name.toLowerCase().split(' ');
    // "Forrest Jones" after "Michael Forrest Jones": the end of a name the article gave in full is that person.
    const fuller = !org && words.length > 1 ? this.bySurnameKey.get(words[words.length - 1]!) : undefined;
    if (fuller && fuller.name.length > name.length && ` ${fuller.name.toLowerCase()}`.endsWith(` ${name.toLowerCase()}`)) {
      this.byName.set(name, fuller);
      return fuller;
    }
    const first = words[0]!;
    const given = !org && words.length > 1 && isGivenName(first) && !this.isCommonNoun(first);
    const created: Person = {
      name, roles: new Set(), role: null, gender: org ? 'unknown' : genderOfName(first) ?? 'unknown', org,
      evidence: !org && (Boolean(FIRST_NAMES[first]) || given),
    };
    this.people.push(created);
    this.byName.set(name, created);
    if (words.length > 1) {
      if (org) {
        if (!this.orgByFirst.has(name.split(' ')[0]!)) this.orgByFirst.set(name.split(' ')[0]!, created);
      } else {
        if (!this.bySurnameKey.has(words[words.length - 1]!)) this.bySurnameKey.set(words[words.length - 1]!, created);
        if (!this.byFirstKey.has(first)) this.byFirstKey.set(first, created);
        // "Pérez" for María José Pérez García, "Lula" for Luiz Inácio Lula da Silva: a long name's inner names name them too.
        for (const inner of words.slice(1, -1)) {
          if (!/^(?:da|de|del|della|der|di|do|dos|das|du|van|von|bin|ibn|al|el|la|le|te|ten|ter|y)$/.test(inner) && !/\./.test(inner)
            && FIRST_NAMES[inner] === undefined && !this.bySurnameKey.has(inner)) this.bySurnameKey.set(inner, created);
        }
      }
    }
    return created;
  }

  /** A given name standing alone as someone's name, told by what stands next to it (a place's name is often a given name too). */
  private isFirstNameAlone(word: string, text: string, start: number, end: number): boolean {
    if (!/^\p{Lu}\p{Ll}+$/u.test(word) || CALENDAR_WORD.test(word) || !isGivenName(word) || this.isCommonNoun(word)) return false;
    // "in Kent", "to Florence": after a preposition, a place.
    if (/\b(?:in|at|from|to|into|near|outside|across|around|of|for|on|via|through|towards?)\s+$/i.test(text.slice(Math.max(0, start - 12), start))) return false;
    // "Sean, a teacher from Leeds,", "Iain took issue", "asked Nick": told by what stands next to it.
    const after = text.slice(end, end + 40);
    const apposition = /^,\s+(?:a|an|the)\s+([^,.;]{1,60})/.exec(text.slice(end, end + 80))?.[1]?.split(/\s+(?:from|of|at|in|for|with|who|on)\s/)[0];
    const head = apposition?.split(/\s+/).pop()?.toLowerCase() ?? '';
    if ((apposition && PERSON_NOUN.test(head) && !ORGANISATION_NOUNS.has(head)) || /^,\s+(?:who|whose|\d+,)/.test(after) || VERB_AFTER.test(after)) {
      return true;
    }
    if (/\b(?:asked|said|says|told|added|replied|explained)\s+$/i.test(text.slice(Math.max(0, start - 12), start))) return true;
    return false;
  }

  /**
   * Is a word written with a capital somewhere a sentence does not start ("said Manning", "Mr Eady")? A word
   * capitalised only where sentences start ("Reducing …", "Avoiding …") is not confirmed as a name.
   */
  isNameElsewhere(word: string): boolean {
    let known = this.namedElsewhere.get(word);
    if (known === undefined) this.namedElsewhere.set(word, (known = this.findNameElsewhere(word)));
    return known;
  }

  private findNameElsewhere(word: string): boolean {
    const found = new RegExp(`(?<![\\p{L}'’-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
    for (const text of this.paragraphs) {
      for (const m of text.matchAll(found)) {
        const lead = text.slice(Math.max(0, m.index - 6), m.index);
        // After a sentence's end or an opening mark; not after a closing one (`," Williams added`).
        const start = /(?:[.!?:]["'”’)]?\s+|(?:^|\s)["“‘'(]\s*)$/u.test(lead) && !ABBREVIATION.test(text.slice(Math.max(0, m.index - 8), m.index).trimEnd());
        // Alone, not a part of a longer name ("Number 10", "Grand Slam", "Sale Sharks").
        const previous = /(\p{Lu}[\p{L}'’.-]*)\s+$/u.exec(text.slice(Math.max(0, m.index - 30), m.index))?.[1];
        // A title, "The" or a given name before it ("Serena Williams") leaves it a name of its own.
        const part = (previous !== undefined && previous !== 'The' && !TITLES.has(previous.toLowerCase().replace(/\.$/, '')) && !isGivenName(previous))
          || /^\s+(?:\p{Lu}|\d)/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
        if (m.index > 0 && !start && !part) return true;
      }
    }
    return false;
  }

  /** "Users said …": a capitalised word the article also writes in lower case is a common noun. */
  isCommonNoun(word: string): boolean {
    if (/\s/.test(word)) return false;
    const lower = word.toLowerCase();
    if (this.lowerWords) return this.lowerWords.has(lower);
    // A few words are looked for in the text; past that, every lower-case word is gathered once.
    const known = this.commonAsked.get(lower);
    if (known !== undefined) return known;
    if (this.commonAsked.size >= 24) {
      this.lowerWords = new Set(this.paragraphs.flatMap((p) => (p.match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => LOWER_START.test(w))));
      return this.lowerWords.has(lower);
    }
    this.allText ??= this.paragraphs.join('\n');
    const escaped = lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const found = new RegExp(`(?<![\\p{L}'’-])${escaped}(?![\\p{L}'’-])`, 'u').test(this.allText);
    this.commonAsked.set(lower, found);
    return found;
  }

  /** The role the article gave a single named speaker. */
  roleOf(speaker: string | null): string | null {
    return speaker ? this.byName.get(speaker)?.role ?? null : null;
  }

  /** People (not organisations) mentioned before a place in the text, most recent first. */
  recent(paragraph: number, index: number, options: { quoted?: boolean; orgs?: boolean; sameParagraph?: boolean } = {}): Person[] {
    const seen = new Set<Person>();
    const out: Person[] = [];
    let examined = 0;
    // Antecedents are near: look back a bounded number of mentions, so long articles stay linear.
    for (let p = paragraph; p >= 0 && p >= paragraph - 40 && examined < 400; p--) {
      if (options.sameParagraph && p !== paragraph) break;
      const list = this.mentions.get(p);
      if (!list) continue;
      // Mentions are sorted by position: start from the last one before `index`.
      const start = p === paragraph ? lastBefore(list, (m) => m.index, index) : list.length - 1;
      for (let i = start; i >= 0 && examined < 400; i--) {
        const m = list[i]!;
        examined++;
        if (m.quoted && options.quoted === false) continue;
        if (m.person.org !== Boolean(options.orgs) || seen.has(m.person)) continue;
        seen.add(m.person);
        out.push(m.person);
      }
    }
    // Mentions of one paragraph are pushed in scan order, not text order; recency within it is by index.
    return out;
  }

  /** Resolves a noun phrase that introduces speech to a speaker's name. */
  resolve(phrase: string, at: number): string | null | undefined {
    let np = phrase.replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, '').replace(/\s+/g, ' ');
    np = np.replace(/^(?:and|but|so|then|yet|while|as|though|also|later|earlier|meanwhile|separately)\s+/i, '').replace(/\s*\([^)]*\)?$/, ''); // "(D-Ore.)", or one cut at its full stop
    // Drop trailing filler: "Ushakov also", "the ministry in a statement".
    const words = np.split(' ');
    while (words.length > 1 && isFiller(words[words.length - 1]!.replace(/[^\p{L}]/gu, ''))) words.pop();
    np = words.join(' ').replace(/,?\s+\d{1,3}$/, ''); // "Denise Pryce, 54"
    if (!np) return undefined;
    // "the hairdresser from Stockport": a description placed somewhere is the person described, not the place.
    const placed = /^((?:the|this)\s+(?:[\p{L}\d-]+\s+){0,3}?[\p{Ll}\d][\p{L}\d-]*)\s+(?:from|in|near)\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*$/iu
      .exec(np);
    if (placed && PERSON_NOUN.test(placed[1]!.split(/\s+/).pop()!.toLowerCase())) return this.resolve(placed[1]!, at);
    // "a spokesman for the Trafford Centre", "an FA spokeswoman", "Tony Blair's official spokesman": who they speak for.
    const spokes = SPOKESPERSON.exec(np);
    const speaksFor = spokes ? (spokes[1] ?? spokes[2] ?? spokes[3])?.replace(/^\p{Lu}[\p{L}-]*['’]s\s+(?=\p{Lu})/u, '') : undefined;
    if (speaksFor && /^\p{Lu}/u.test(speaksFor)) {
      const who = this.resolve(speaksFor, at);
      if (who) return who;
      if (/\s|^\p{Lu}{2,}$/u.test(speaksFor)) return this.person(speaksFor, true).name;
    }
    // "a broker in Andheri", "one resident of Golden Meadow": someone unnamed, from a place.
    if (SOMEONE_FROM_A_PLACE.test(np)) return null;
    // "Mr. King", "Mr. Prince": an honorific, then a surname that is also a title or common word.
    const honoured = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+(\p{Lu}[\p{L}'’-]+)$/u.exec(np);
    const known = honoured ? this.bySurname(honoured[1]!) : undefined;
    if (known && !known.org) return known.name;
    // "Senator John McCain of Arizona", "Holger Schmieding of Berenberg": a person, then where they are from.
    const from = /^(.*?\p{Lu}[\p{L}'’.-]*\s+\p{Lu}[\p{L}'’-]+)\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:,?\s+\p{Lu}[\p{L}'’.-]*){0,3}\.?$/u.exec(np);
    if (from && !organisationName(np)) {
      const who = this.resolve(from[1]!, at);
      if (who && !this.byName.get(who)?.org) return who;
    }
    const lower = np.toLowerCase();

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
    if (/^(?:i|we|you|it|this|that|there|which|who|what|one|none|nobody|everyone|someone)$/i.test(np)) return np.toLowerCase() === 'it' ? this.byIt(at) : undefined;
    if (COLLECTIVE.test(np)) {
      // "the two agencies" are organisations; "the two leaders" are people.
      const orgs = ORGANISATION_NOUNS.has(lower.replace(/ies$/, 'y').replace(/s$/, '').split(' ').pop() ?? '') || /\b(?:agencies|companies|firms|governments|countries|ministries|clubs|teams|groups|organisations|organizations|parties)\b/.test(lower);
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
      if (!tailRun || tailRun.end < np.length - 1 || /\b(?:at|of|for|from|in|with|on|by)\s+(?:the\s+)?$/i.test(np.slice(0, tailRun.start))) return null;
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
        ? this.orgByFirst.get(org) ?? this.people.find((p) => p.org && p.name !== org && p.name.split(/\s+/).includes(org)) ?? this.spelledOut(org)
        : undefined;
      return (fuller ?? this.person(org, true)).name;
    }
    // A named person, perhaps after a role: "Russian presidential aide Yury Ushakov", "Ushakov".
    const runs = capitalisedRuns(np);
    const lastRun = runs[runs.length - 1];
    if (lastRun && lastRun.end >= np.replace(/[.,]+$/, '').length - 1) {
      const name = personName(lastRun.words);
      if (name) {
        const person = this.person(name, false);
        this.addRoles(person, `${np.slice(0, lastRun.start)} ${lastRun.words.slice(0, lastRun.words.length - name.split(' ').length).join(' ')}`);
        lastRun.words.forEach((w) => this.learnGender(person, w));
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
          lastRun.words.forEach((w) => this.learnGender(known, w));
          return known.name;
        }
        // A one-word name we haven't met (an outlet like "Reuters", "the ride-hailing company Hopla"): keep it as written.
        const org = this.orgByFirst.get(word);
        if (org) return org.name;
        if (UNNAMED.test(np)) return null;
        if (!SENTENCE_START_WORDS.test(word) && !this.isCommonNoun(word) && (!/^(?:the|a|an|one)\s/i.test(np) || /\s\p{Ll}[\p{L}-]*\s+\S+$/u.test(np))) return this.person(word, !FIRST_NAMES[word.toLowerCase()]).name;
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
  private epithet(np: string, head: string, at: number): string | null | undefined {
    if (!/^(?:the|this)\s/i.test(np) || !head || NOT_PERSON_HEADS.has(head) || ORGANISATION_NOUNS.has(head) || ORGANISATION_WORDS.has(head)) {
      return undefined;
    }
    const words = np.split(/\s+/);
    // "The Blaze", "the Guardian": a capitalised head is a name, not a description.
    if (!/^[\p{Ll}\d]/u.test(words[words.length - 1]!) || words.length > 7 || /\s(?:of|who|which|that|at|in|from|with|for|on)\s/i.test(np)) return undefined;
    const from = Math.max(0, this.paragraph - 2);
    const lead = this.paragraphs.slice(from, this.paragraph).join(' ') + ' ' + (this.paragraphs[this.paragraph] ?? '').slice(0, at);
    const stem = head.replace(/s$/, '');
    const indefinite = new RegExp(`\\b(?:a|an|one|another)\\s+(?:[\\p{L}\\d-]+\\s+){0,3}${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?\\b`, 'iu');
    if (indefinite.test(lead.slice(-3000))) return null;
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
        const previous = this.recent(this.paragraph - 1, Infinity, { quoted: false, sameParagraph: true }).find((p) => before.has(p) && fits(p));
        if (previous) return previous;
      }
      const main = this.protagonist(at, fits);
      if (main) return main;
    }
    return undefined;
  }

  /** How often someone is mentioned up to a place (outside quotations), over the last 40 paragraphs. */
  private mentionCount(person: Person, at: number): number {
    let n = 0;
    for (let p = Math.max(0, this.paragraph - 40); p <= this.paragraph; p++) {
      for (const m of this.mentions.get(p) ?? []) {
        if (p === this.paragraph && m.index >= at) break;
        if (!m.quoted && m.person === person) n++;
      }
    }
    return n;
  }

  /** The person mentioned most up to a place (the first of them on a tie): whom the story is about. */
  private protagonist(at: number, fits: (p: Person) => boolean): Person | undefined {
    const counts = new Map<Person, number>();
    let examined = 0;
    for (let p = Math.max(0, this.paragraph - 40); p <= this.paragraph && examined < 2000; p++) {
      for (const m of this.mentions.get(p) ?? []) {
        if ((p === this.paragraph && m.index >= at) || ++examined > 2000) break;
        if (!m.quoted && fits(m.person)) counts.set(m.person, (counts.get(m.person) ?? 0) + 1);
      }
    }
    let best: Person | undefined;
    for (const [person, n] of counts) {
      const bestCount = best ? counts.get(best)! : 0;
      if (n > bestCount || (n === bestCount && best && this.people.indexOf(person) < this.people.indexOf(best))) best = person;
    }
    return best;
  }

  private byPronoun(kind: 'male' | 'female' | 'plural', at: number, depth = 0): string | null {
    if (kind === 'plural') {
      const last = this.lastQuoteSpeaker;
      if (last && (last.includes(' and ') || this.byName.get(last)?.org)) return last;
      return this.recent(this.paragraph, at, { orgs: true, quoted: false, sameParagraph: true })[0]?.name ?? null;
    }
    // The sentence before has a pronoun or a description for its subject: the same person goes on.
    const prior = this.previousSentence(at);
    if (prior && depth < 3) {
      const found = PRIOR_SUBJECT.exec(prior.text);
      const subject = found?.[1] ?? found?.[2];
      if (subject && PRONOUNS[subject.toLowerCase()] === kind) return this.byPronoun(kind, prior.start, depth + 1);
      if (subject && !PRONOUNS[subject.toLowerCase()]) {
        const words = subject.split(/\s+/);
        const demonym = words.length === 2 && isDemonym(words[1]);
        const head = words[words.length - 1]!.toLowerCase();
        const described = !demonym && !PERSON_NOUN.test(head) ? undefined : demonym ? this.salient(prior.start) : this.byName.get(this.epithet(subject, head, prior.start) ?? '');
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
    const localSubjects = local.filter((p) => subjects.has(p));
    const chosen = localSubjects.find(exact) ?? localSubjects.find(loose) ?? local.find(exact) ?? local.find(loose)
      ?? (this.previousSpeaker && loose(this.previousSpeaker) ? this.previousSpeaker : undefined)
      ?? previous.find(exact) ?? (this.previousSpeaker && loose(this.previousSpeaker) ? this.previousSpeaker : undefined)
      ?? previous.find(loose) ?? lastSpeakers.find(exact) ?? lastSpeakers.find(loose) ?? earlier.find(exact) ?? earlier.find(loose);
    if (chosen && chosen.gender === 'unknown') chosen.gender = kind;
    return chosen?.name ?? null;
  }

  /** The sentence before the one a place stands in, in its paragraph, with quotations blanked so they don't end sentences. */
  private previousSentence(at: number): { text: string; start: number } | undefined {
    const text = this.paragraphs[this.paragraph]!;
    const from = Math.max(0, at - 1500);
    let masked = text.slice(from, at);
    for (const span of this.quotedByParagraph.get(this.paragraph) ?? []) {
      const a = Math.max(span.open + 1, from) - from;
      // The quote's last mark of punctuation stays: `…are."` still ends the sentence.
      const b = Math.min(span.close === -1 ? at : span.close - 1, at) - from;
      if (b > a) masked = masked.slice(0, a) + ' '.repeat(b - a) + masked.slice(b);
    }
    const starts = [0, ...[...masked.matchAll(/[.!?]["'”’)]*\s+(?=[\p{Lu}"“‘'(])/gu)]
      .filter((m) => !ABBREVIATION.test(masked.slice(Math.max(0, m.index - 30), m.index + 1))).map((m) => m.index + m[0].length)];
    // A place at a sentence's start (the previous sentence's own start, when a chain of pronouns is followed) ends the one before.
    if (/[.!?]["'”’)]*\s+$/.test(masked)) starts.push(masked.length);
    if (starts.length < 2) return undefined;
    const [start, end] = [starts[starts.length - 2]!, starts[starts.length - 1]!];
    return { text: masked.slice(start, end).trim(), start: from + start };
  }

  /** People standing at the start of a sentence (its likely subject) in a paragraph, before a place. */
  private subjects(paragraph: number, index: number): Set<Person> {
    const text = this.paragraphs[paragraph]!;
    const out = new Set<Person>();
    const list = this.mentions.get(paragraph) ?? [];
    // Mentions are sorted by position: walk back from the last one before `index`, 2,000 characters at most.
    for (let i = lastBefore(list, (m) => m.index, index); i >= 0 && list[i]!.index >= index - 2000; i--) {
      const m = list[i]!;
      if (m.quoted) continue;
      const lead = text.slice(Math.max(0, m.index - 60), m.index);
      if (/(?:^|[.!?]["”’]?\s+)(?:[\p{Lu}\p{Ll}'’.-]+\s+){0,4}$/u.test(lead) && !/\b(?:of|at|in|from|for|with|by|to|after|than|about)\s+(?:the\s+)?$/i.test(lead)) {
        out.add(m.person);
      } else if (/,\s+$/.test(lead) && /(?:^|[.!?]["”’]?\s+)[^,.!?"“”]{3,120},\s+$/u.test(text.slice(Math.max(0, m.index - 140), m.index))) {
        // "One month after announcing his support, Marco Rubio still believes": the name after an opening phrase.
        out.add(m.person);
      }
    }
    return out;
  }

  /** "it said": the organisation last spoken of. */
  private byIt(at: number): string | undefined {
    const last = this.lastQuoteSpeaker;
    if (last && this.byName.get(last)?.org) return last;
    return this.recent(this.paragraph, at, { orgs: true, quoted: false })[0]?.name;
  }

  /** The organisation an acronym stands for, when the story named it in full first: `FA` → `Football Association`. */
  spelledOut(acronym: string): Person | undefined {
    if (!/^\p{Lu}{2,6}$/u.test(acronym)) return undefined;
    return this.people.find((p) => p.org && p.name !== acronym && initials(p.name) === acronym);
  }

  bySurname(word: string): Person | undefined {
    const w = word.toLowerCase();
    return this.bySurnameKey.get(w) ?? this.byFirstKey.get(w);
  }

  private byRole(head: string, at: number): Person | undefined {
    if (!head) return undefined;
    const recent = this.speakers.slice(-20).reverse().concat(this.recent(this.paragraph, at, { quoted: false }));
    return recent.find((p) => !p.org && p.roles.has(head)) ?? this.people.find((p) => !p.org && p.roles.has(head));
  }

  /** The first organisation the article writes out with a word ("Leeds city council"), found once per word. */
  private writtenOrganisation(head: string): string | null {
    const cached = this.organisationCache.get(head);
    if (cached !== undefined) return cached || null;
    const written = new RegExp(`\\b(\\p{Lu}[\\p{L}'’&-]*(?:\\s+(?!(?:a|an|the|of|if|in|on|at|to|for|with|and|or)\\b)[\\p{L}'’&-]+){0,3}?\\s+${head})\\b`, 'gu');
    let found = '';
    for (const m of this.paragraphs.join(' ').slice(0, 200_000).matchAll(written)) {
      const first = m[1]!.split(/\s+/)[0]!;
      // "Rival local club": a sentence's first word, written in lower case elsewhere, is no name.
      if (!SENTENCE_START_WORDS.test(first) && !(first !== m[1] && this.isCommonNoun(first))) {
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
  private organisationLike(head: string, at: number): string {
    const kind = KIND_OF_WORD.get(head);
    // An organisation another kind of word names is not what "the ministry" or "the company" stands for.
    const orgs = this.recent(this.paragraph, at, { orgs: true, quoted: false }).filter((p) => !kind || [undefined, kind].includes(kindOf(p.name)))
      .sort((a, b) => Number(kindOf(b.name) === kind) - Number(kindOf(a.name) === kind));
    const named = orgs.find((p) => p.name.toLowerCase().split(/\s+/).includes(head) || p.roles.has(head))
      ?? this.people.find((p) => p.org && p.name.toLowerCase().split(/\s+/).includes(head));
    if (named) return named.name;
    const spoke = orgs.find((p) => this.speakingOrgs.has(p));
    if (spoke) return spoke.name;
    // "the club said": the organisation the story is about, when it named one more than once.
    const main = ORGANISATION_NOUNS.has(head) ? this.protagonist(at, (p) => p.org && (!kind || [undefined, kind].includes(kindOf(p.name)))) : undefined;
    if (main && this.mentionCount(main, at) >= 2) return main.name;
    const written = this.writtenOrganisation(head);
    if (written) return this.person(written, true).name;
    // "the club", "the company" with nothing else to go on: the organisation the story last named.
    const last = orgs.find((p) => p.name.includes(' ') || /^\p{Lu}{2,}$/u.test(p.name));
    return last && ORGANISATION_NOUNS.has(head) ? last.name : head;
  }
}
