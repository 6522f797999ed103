/**
 * Who a phrase that names nobody refers back to, as a reader tells it: a description (`the defender`) to
 * the most salient person it can describe, a pronoun to the subject of the sentence before, `it` and `the
 * company` to the organisation the story is about, a role to the person introduced with it. `Context`
 * (people.ts) resolves each phrase that introduces speech and asks these when the phrase is no name.
 */
import { alternatives } from '../word-lists.js';
import { VERB_FORMS } from './cues.js';
import { isEnglishWord } from './given-names.js';
import { KIND_OF_WORD, kindOf } from './mentions.js';
import type { Person } from './person.js';
import { Registry, isDemonym } from './registry.js';
import {
  GENDER_WORDS, NOT_PERSON_HEADS, ORGANISATION_NOUNS, ORGANISATION_WORDS, PERSON_NOUN, PRONOUNS, SENTENCE_START_WORDS,
  WEAK_VERBS,
} from './tables.js';
import { before } from './text.js';

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

/** The people a phrase refers back to, by salience: what `Context` asks when a phrase is no name. */
export abstract class Salience extends Registry {
  /** Resolves a noun phrase that introduces speech to a speaker's name (see `Context`). */
  abstract resolve(phrase: string, at: number): string | null | undefined;

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
