/**
 * The people and organisations an article names, where each is mentioned, and what the text says of them
 * (roles, gender, whether they are surely people): gathered once per article, before any quote is attributed.
 */
import { alternatives } from '../word-lists.js';
import { findVerbs, subjectBefore } from './cues.js';
import { organisationName, personName, thingName } from './names.js';
import type { Mention, Person } from './person.js';
import type { Span } from './spans.js';
import {
  CALENDAR_WORD, DEMONYMS, FIRST_NAMES, HANDLE, HANDLE_INTRODUCED, HANDLE_LIKE, HANDLE_SPEAKS, ORGANISATION_NOUNS,
  NOT_PERSON_START, PERSON_NOUN, PRONOUNS, SENTENCE_START_WORDS, WEAK_VERBS, isTitle,
} from './tables.js';
import { LOWER_START, mayEndInName, withoutNicknames } from './mentions.js';
import { genderOfName, isGivenName } from './given-names.js';
import { masked, sentenceStarts, verbFollows } from './candidates.js';
import { learnGender, learnGenderFromPronouns, learnRolesAndGender } from './roles.js';
import { ABBREVIATION, before, capitalisedRuns, groupBy, lastBefore } from './text.js';

/** The capitals of a name's words, small words left out: `Department for Work and Pensions` → `DWP`. */
const initials = (name: string): string =>
  name.split(/\s+/).filter((w) => !/^(?:of|for|and|the|&|de|du|des|la|le)$/i.test(w)).map((w) => w[0] ?? '').join('');

/** Titles that stand before a surname alone and mark a person: `Lord Heseltine`, `Mrs Kumaratunga`, `Gen Musharraf`. */
const HONORIFIC = new RegExp(String.raw`^(?:${alternatives('honorific')})\.?$`);

/** A speech or reporting verb right after a name: `Iain took issue`, `Sean said`. */
const VERB_AFTER = /^\s+(?:said|says|told|tells|added|asked|replied|explained|took|rang|called|wrote|argued|insisted|complained|agreed)\b/;

/** A name where a mention starts: its capitalised words. */
const NAME_AT = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*/u;

/** A word just before a month or a day that makes it a date, not a name: `in May`, `on Sunday`, `mid-June`. */
const CALENDAR_LEAD = /\b(?:in|on|of|since|until|by|from|last|next|early|late|mid|this|that|every|each)[\s-]$/i;

/** A preposition just before a word that makes it a place: `in Kent`, `to Florence`, `towards Chester`. */
const PLACE_PREPOSITION = /\b(?:in|at|from|to|into|near|outside|across|around|of|for|on|via|through|towards?)\s+$/i;

/** Is a capitalised word a nationality (`Spaniard`, `American`)? */
export const isDemonym = (word: string | undefined): boolean => word !== undefined && DEMONYMS.has(word.toLowerCase());

/** Everyone the article names, and where; `Context` (people.ts) resolves speakers against it. */
export class Registry {
  readonly people: Person[] = [];
  protected readonly byName = new Map<string, Person>();
  /** People by the last and first word of their name, for "Ushakov said"; organisations by their first word. */
  protected readonly bySurnameKey = new Map<string, Person>();
  protected readonly byFirstKey = new Map<string, Person>();
  protected readonly orgByFirst = new Map<string, Person>();
  protected readonly mentions = new Map<number, Mention[]>();
  /** Whether a mention is the subject of a speech verb right after it, once asked (`speaks`). */
  private readonly speaking = new WeakMap<Mention, boolean>();
  protected readonly speakers: Person[] = [];
  protected readonly quotedByParagraph: Map<number, Span[]>;
  protected lowerWords: Set<string> | null = null;
  protected readonly commonAsked = new Map<string, boolean>();
  protected allText: string | null = null;
  protected readonly organisationCache = new Map<string, string>();
  protected readonly namedElsewhere = new Map<string, boolean>();
  /** People met only as a title and a surname ("Lord Butler"), joined to a full name met later. */
  private readonly titled = new Set<Person>();
  /** The order people were first met in, for ties. */
  private readonly order = new Map<Person, number>();
  /** Each paragraph with its quotations blanked, and where its sentences start, made when first asked for. */
  private readonly layouts = new Map<number, { mask: string; starts: number[] }>();
  /** Organisations that are the subject of a speech verb somewhere ("Haven said …"). */
  protected readonly speakingOrgs = new Set<Person>();
  lastQuoteSpeaker: string | null = null;
  /** Who spoke the last quote of the paragraph before this one. */
  previousSpeaker: Person | undefined;
  /** Whether the last quote of the paragraph before was someone the story doesn't name. */
  previousUnnamed = false;
  protected paragraph = 0;
  protected lastQuoteParagraph = -1;
  protected lastQuoteUnnamed = false;

  constructor(protected readonly paragraphs: readonly string[], quoted: readonly Span[]) {
    this.quotedByParagraph = groupBy(quoted, (s) => s.paragraph);
    // Marcus "Tank" Bellamy: the nickname goes (blanked, so positions stay) and the name joins up.
    paragraphs.forEach((text, p) => this.scan(withoutNicknames(text), p));
    this.joinTitled();
    for (const list of this.mentions.values()) list.sort((a, b) => a.index - b.index);
  }

  /** "Lord Butler" first, "Robin Butler" later: one person, by the full name. */
  private joinTitled(): void {
    if (!this.titled.size) return;
    const fuller = new Map<Person, Person>();
    for (const short of this.titled) {
      const full = this.bySurnameKey.get(short.name.toLowerCase());
      if (full && full !== short && !full.org) {
        fuller.set(short, full);
        this.byName.set(short.name, full);
        if (full.gender === 'unknown') full.gender = short.gender;
        full.evidence = true;
      }
    }
    if (!fuller.size) return;
    for (const [p, list] of this.mentions) this.mentions.set(
      p, list.map((m) => (fuller.has(m.person) ? { ...m, person: fuller.get(m.person)! } : m))
    );
    for (let i = this.people.length - 1; i >= 0; i--) if (fuller.has(this.people[i]!)) this.people.splice(i, 1);
  }


  protected inQuote(paragraph: number, index: number): boolean {
    const spans = this.quotedByParagraph.get(paragraph);
    if (!spans) return false;
    // Spans are in order: the last one opening before `index`.
    const s = spans[lastBefore(spans, (span) => span.open, index)];
    return s !== undefined && (s.close === -1 || index < s.close);
  }

  /** Registers every named person and organisation, with roles written next to them. */
  protected scan(text: string, paragraph: number): void {
    for (const run of capitalisedRuns(text)) {
      const quoted = this.inQuote(paragraph, run.start);
      const preceded = text.slice(Math.max(0, run.start - 4), run.start);
      // "The Spaniard", "the American legend": a nationality is someone the story already named, not a name.
      // ("The British Chambers of Commerce" is a name: the nationality alone after "The" is not.)
      const described = run.words[0] === 'The' && run.words.length === 2 ? run.words[1]
        : run.words.length === 1 && /\bthe\s$/i.test(preceded) ? run.words[0] : undefined;
      if (isDemonym(described)) continue;
      const org = organisationName(run.words.join(' '))
        ?? (/\bthe\s$/i.test(preceded) || /^The$/.test(run.words[0]!) ? thingName(run.words) : null);
      if (org) {
        if (!quoted) this.mention({ person: this.person(org, true), paragraph, index: run.start, quoted });
        continue;
      }
      const name = personName(run.words);
      if (!name) {
        // "Trump", "Ushakov": a surname of someone already met is a mention of them.
        // "But Parry": a sentence's first word is no part of the name after it.
        const single = run.words.filter((w) => !isTitle(w))
          .filter((w, k, all) => !(k === 0 && all.length > 1 && SENTENCE_START_WORDS.test(w)));
        // "in May", "on Sunday": a month or a day is no mention of Theresa May or of anyone.
        const calendar = single.length === 1 && CALENDAR_WORD.test(single[0]!)
          && (CALENDAR_LEAD.test(text.slice(Math.max(0, run.start - 6), run.start))
            || /^\s*\d/.test(text.slice(run.end, run.end + 3)));
        const known = single.length === 1 && !calendar ? this.bySurname(single[0]!.replace(/['’]s$/, '')) : undefined;
        if (known) {
          known.evidence = true;
          this.mention({ person: known, paragraph, index: run.start, quoted });
          // "Ms Sturgeon": a title tells the gender.
          run.words.forEach((w) => learnGender(known, w));
          if (!quoted) learnGenderFromPronouns(known, text, run.end);
        } else if (single.length === 1 && run.words.length === 2 && HONORIFIC.test(run.words[0]!) && /^\p{Lu}\p{Ll}/u.test(single[0]!)
          && !calendar) {
          // "Lord Heseltine", "Mrs Kumaratunga", "Gen Musharraf": someone the story knows only by title and surname.
          const person = this.person(single[0]!.replace(/['’]s$/, ''), false);
          person.evidence = true;
          this.titled.add(person);
          learnGender(person, run.words[0]!);
          this.mention({ person, paragraph, index: run.start, quoted });
          if (!quoted) learnGenderFromPronouns(person, text, run.end);
        } else if (single.length === 1 && run.words.length === 1 && this.isFirstNameAlone(single[0]!, text, run.start, run.end)) {
          // "Sean, a teacher from Leeds,", "asked Nick": callers and presenters known by a first name only.
          const person = this.person(single[0]!, false);
          person.evidence = true;
          this.mention({ person, paragraph, index: run.start, quoted });
        } else if (!quoted && single.length >= 2 && single.length <= 4 && !isGivenName(single[0]!) && !SENTENCE_START_WORDS.test(single[0]!)
          && !NOT_PERSON_START.has(single[0]!.toLowerCase()) && !/\b(?:in|from|at|near|to|across|outside)\s+$/i.test(preceded + ' ')
          && single.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) {
          // "Manchester United", "Real Madrid": a name that is no person's is an organisation's (or a place's) mention.
          const thing = this.byName.get(single.join(' ').replace(/['’]s$/, ''))
            ?? this.person(single.join(' ').replace(/['’]s$/, ''), true);
          if (thing.org) this.mention({ person: thing, paragraph, index: run.start, quoted });
        }
        continue;
      }
      const person = this.person(name, false);
      this.mention({ person, paragraph, index: run.start, quoted });
      learnRolesAndGender(person, text, run, name);
    }
    // Online handles ("elmo666 wrote", "user jayk1984") are people; they never read as capitalised names.
    for (const m of /\p{L}\d|\p{Ll}\p{Lu}/u.test(text) ? text.matchAll(HANDLE_LIKE) : []) {
      if (!HANDLE.test(m[0]) || this.inQuote(paragraph, m.index) || this.byName.get(m[0])?.org) continue;
      const person = this.person(m[0], false);
      if (HANDLE_SPEAKS.test(text.slice(m.index, m.index + 160))
        || HANDLE_INTRODUCED.test(text.slice(Math.max(0, m.index - 20), m.index))) person.evidence = true;
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
      const name = organisationName(subject)
        ?? (run.words.length === 1 ? run.words[0]!.replace(/['’]s$/, '') : thing && run.start === 0 ? thing : null);
      if (!name || isDemonym(name) || SENTENCE_START_WORDS.test(name) || PRONOUNS[name.toLowerCase()]
        || FIRST_NAMES[name.toLowerCase()] || this.bySurname(name) || this.isCommonNoun(name)) continue;
      const known = this.byName.get(name);
      if (known && !known.org) continue;
      const org = (known?.org ? known : undefined) ?? this.orgByFirst.get(name) ?? this.person(name, true);
      this.speakingOrgs.add(org);
      this.mention({ person: org, paragraph, index: Math.max(0, verb.index - subject.length - 1), quoted: false });
    }
  }

  protected mention(m: Mention): void {
    const list = this.mentions.get(m.paragraph);
    if (list) list.push(m);
    else this.mentions.set(m.paragraph, [m]);
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
    this.order.set(created, this.order.size);
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
  protected isFirstNameAlone(word: string, text: string, start: number, end: number): boolean {
    if (!/^\p{Lu}\p{Ll}+$/u.test(word) || CALENDAR_WORD.test(word) || !isGivenName(word) || this.isCommonNoun(word)) return false;
    // "in Kent", "to Florence": after a preposition, a place.
    if (PLACE_PREPOSITION.test(text.slice(Math.max(0, start - 12), start))) return false;
    // "Sean, a teacher from Leeds,", "Iain took issue", "asked Nick": told by what stands next to it.
    const after = text.slice(end, end + 40);
    const apposition = /^,\s+(?:a|an|the)\s+([^,.;]{1,60})/.exec(text.slice(end, end + 80))?.[1]
      ?.split(/\s+(?:from|of|at|in|for|with|who|on)\s/)[0];
    const head = apposition?.split(/\s+/).pop()?.toLowerCase() ?? '';
    if ((apposition && PERSON_NOUN.test(head) && !ORGANISATION_NOUNS.has(head))
      || /^,\s+(?:who|whose|\d+,)/.test(after)
      || VERB_AFTER.test(after)) {
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

  protected findNameElsewhere(word: string): boolean {
    const found = new RegExp(`(?<![\\p{L}'’-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
    for (const text of this.paragraphs) {
      for (const m of text.matchAll(found)) {
        const lead = text.slice(Math.max(0, m.index - 6), m.index);
        // After a sentence's end or an opening mark; not after a closing one (`," Williams added`).
        const start = /(?:[.!?:]["'”’)]?\s+|(?:^|\s)["“‘'(]\s*)$/u.test(lead)
          && !ABBREVIATION.test(text.slice(Math.max(0, m.index - 8), m.index).trimEnd());
        // Alone, not a part of a longer name ("Number 10", "Grand Slam", "Sale Sharks").
        const previous = /(\p{Lu}[\p{L}'’.-]*)\s+$/u.exec(text.slice(Math.max(0, m.index - 30), m.index))?.[1];
        // A title, "The" or a given name before it ("Serena Williams") leaves it a name of its own.
        const part = (previous !== undefined && previous !== 'The' && !isTitle(previous) && !isGivenName(previous))
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

  /**
   * The person mentioned most up to a place (the first named of them on a tie), with how often: whom the
   * story is about. Looks back over 40 paragraphs and 2,000 mentions at most, so long articles stay linear.
   */
  protected protagonist(at: number, fits: (p: Person) => boolean): { person: Person; count: number } | undefined {
    const counts = new Map<Person, number>();
    let examined = 0;
    for (let p = Math.max(0, this.paragraph - 40); p <= this.paragraph && examined < 2000; p++) {
      for (const m of this.mentions.get(p) ?? []) {
        if ((p === this.paragraph && m.index >= at) || ++examined > 2000) break;
        if (!m.quoted && fits(m.person)) counts.set(m.person, (counts.get(m.person) ?? 0) + 1);
      }
    }
    let best: { person: Person; count: number } | undefined;
    for (const [person, count] of counts) {
      if (!best || count > best.count || (count === best.count && this.order.get(person)! < this.order.get(best.person)!)) best = {
        person, count,
      };
    }
    return best;
  }

  /** The sentence before the one a place stands in, in its paragraph, with quotations blanked so they don't end sentences. */
  protected previousSentence(at: number): { text: string; start: number } | undefined {
    let layout = this.layouts.get(this.paragraph);
    if (!layout) {
      const mask = masked(this.paragraphs[this.paragraph]!, this.quotedByParagraph.get(this.paragraph) ?? []);
      this.layouts.set(this.paragraph, (layout = { mask, starts: sentenceStarts(mask) }));
    }
    const { mask, starts } = layout;
    // The sentence `at` stands in starts at the last start before it, or at `at` itself when a sentence ends right before.
    const k = lastBefore(starts, (s) => s, at);
    const [start, end] = /[.!?]["'”’)]*\s+$/.test(mask.slice(Math.max(0, at - 8), at)) ? [starts[k], at] : [starts[k - 1], starts[k]];
    if (start === undefined || end === undefined) return undefined;
    return { text: mask.slice(start, end).trim(), start };
  }

  /** People standing at the start of a sentence (its likely subject) in a paragraph, before a place. */
  protected subjects(paragraph: number, index: number): Map<Person, number> {
    const text = this.paragraphs[paragraph]!;
    const out = new Map<Person, number>();
    // Walking back, a person's first subject mention met is their latest.
    const add = (m: Mention): void => {
      if (!out.has(m.person)) out.set(m.person, m.index);
    };
    const list = this.mentions.get(paragraph) ?? [];
    // Mentions are sorted by position: walk back from the last one before `index`, 2,000 characters at most.
    for (let i = lastBefore(list, (m) => m.index, index); i >= 0 && list[i]!.index >= index - 2000; i--) {
      const m = list[i]!;
      if (m.quoted) continue;
      const lead = text.slice(Math.max(0, m.index - 60), m.index);
      if (/(?:^|[.!?]["”’]?\s+)(?:[\p{Lu}\p{Ll}'’.-]+\s+){0,4}$/u.test(lead)
        && !/\b(?:of|at|in|from|for|with|by|to|after|than|about)\s+(?:the\s+)?$/i.test(lead)) {
        add(m);
      } else if (/,\s+$/.test(lead)
        && /(?:^|[.!?]["”’]?\s+)[^,.!?"“”]{3,120},\s+$/u.test(text.slice(Math.max(0, m.index - 140), m.index))) {
        // "One month after announcing his support, Marco Rubio still believes": the name after an opening phrase.
        add(m);
      } else if (this.speaks(m, text)) {
        // "…, but on Wednesday Mr Straw said he wanted it to end": the subject of a speech verb, wherever it stands.
        add(m);
      }
    }
    return out;
  }

  /** Is a mention the subject of a speech verb right after it (`Mr Straw said`)? Asked once per mention. */
  private speaks(m: Mention, text: string): boolean {
    let known = this.speaking.get(m);
    if (known === undefined) {
      const end = m.index + (NAME_AT.exec(text.slice(m.index, m.index + 80))?.[0].length ?? 0);
      this.speaking.set(m, (known = verbFollows(text.slice(end, m.index + 300)) !== null));
    }
    return known;
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
}
