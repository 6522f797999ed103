/**
 * Quotations and who said them. Works on the plain text of the body paragraphs:
 * 1. find quoted spans (double or single marks, apostrophes told apart, spans across paragraphs);
 * 2. drop spans that are titles, nicknames or words-as-words;
 * 3. attribute each to a speaker: the attribution right after it, else before it in its sentence,
 *    else a neighbouring quote's, else the sentence's subject — resolving surnames, roles,
 *    pronouns, organisations and collectives against the people the article has introduced.
 */
import type { Quote } from '../types.js';
import {
  ACCORDING_TO, COLLECTIVE, GENDER_WORDS, NAMING_WORDS, NOT_PERSON_START, ORGANISATION_WORDS, PRONOUNS, SPEECH_VERBS,
  TITLE_NOUNS, TITLES, UNNAMED,
} from './speech.js';

/** A quoted span in one paragraph. `close` is -1 when the quote runs on into the next paragraph. */
interface Span {
  readonly paragraph: number;
  readonly open: number;
  readonly close: number;
  readonly kind: 'double' | 'single';
}

type Gender = 'male' | 'female' | 'unknown';

/** Someone the article has named. */
interface Person {
  readonly name: string;
  readonly roles: Set<string>;
  gender: Gender;
  readonly org: boolean;
}

/** A person mentioned at a place in the text, for recency. */
interface Mention {
  readonly person: Person;
  readonly paragraph: number;
  readonly index: number;
}

const OPENING_DOUBLE = new Set(['“', '„', '«']);
const CLOSING_DOUBLE = new Set(['”', '»']);
const SENTENCE_END = /[.!?…]["'”’)]*$/;
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev|Mt|No|Inc|Corp|Ltd|Co|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)|\b\p{Lu}|(?:\p{L}\.){2,}\p{L}?)\.$/u;

const VERB_FORMS: ReadonlyMap<string, string> = new Map(
  Object.values(SPEECH_VERBS).flatMap((forms) => forms.map((f) => [f.toLowerCase(), f] as const)),
);
const MULTIWORD_VERBS = [...VERB_FORMS.keys()].filter((f) => f.includes(' ')).sort((a, b) => b.length - a.length);
/** Verbs that also work as nouns or adjectives: they only count right next to their subject. */
const WEAK_VERBS = new Set(['call', 'calls', 'post', 'posts', 'report', 'reports', 'state', 'states', 'note', 'notes', 'answer', 'remark', 'remarks', 'counter', 'plead', 'warning', 'promise', 'hope', 'hopes', 'hoped', 'thought', 'feel', 'felt', 'believed', 'believes', 'text', 'add', 'welcome', 'continue', 'pledge', 'caution', 'laugh', 'joke', 'stress', 'sigh', 'deny', 'reflect', 'writing', 'saying', 'written', 'telling', 'calling', 'posting', 'reporting', 'promising', 'continuing', 'answering']);

/** Words between a subject and its verb that say nothing about who spoke. */
const FILLER = new Set(['also', 'later', 'then', 'previously', 'repeatedly', 'once', 'has', 'had', 'have', 'would', 'will', 'was', 'is', 'were', 'are', 'separately', 'recently', 'earlier', 'further', 'again', 'himself', 'herself', 'themselves', 'itself', 'simply', 'flatly', 'publicly', 'privately', 'angrily', 'bluntly', 'quietly', 'firmly', 'even', 'just', 'only', 'still', 'already', 'since', 'often', 'frequently', 'reportedly', 'allegedly', 'apparently', 'last', 'week', 'month', 'year', 'on', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'in', 'a', 'an', 'the', 'statement', 'interview', 'has', 'been', 'being', 'did', 'does', 'do', 'not', 'never', 'always', 'who', 'could', 'should', 'might', 'may', 'must', 'can', 'reportedly', 'told', 'quickly', 'immediately', 'bitterly', 'proudly', 'calmly', 'softly', 'loudly', 'openly', 'candidly', 'drily', 'dryly', 'wryly', 'tearfully', 'emotionally', 'sharply', 'strongly', 'now', 'too']);

/** Words that end the noun phrase after an inverted verb (`said Yury Ushakov, according to …`). */
const NP_STOP = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'according', 'told', 'to', 'when', 'while', 'as', 'who', 'which', 'adding', 'noting', 'but', 'that', 'because', 'since', 'from', 'via', 'of', 'about', 'with', 'for', 'last', 'this', 'earlier', 'later', 'speaking', 'referring', 'citing', 'though', 'although', 'if', 'where', 'whose', 'warning', 'explaining', 'insisting', 'urging', 'saying', 'writing', 'describing', 'calling']);

const CLAUSE_BREAK = /(?:[,;:—–(]|\b(?:that|after|because|when|while|and|but|since|as|if|before|though|although|whereas|so|where|until|once|whether|which|who)\b)/gi;

/** Extracts every quotation of a body, in reading order, with its speaker. */
export function extractQuotes(paragraphs: readonly string[]): Quote[] {
  const spans = findSpans(paragraphs).filter((span) => isSpeech(paragraphs[span.paragraph]!, span));
  const context = new Context(paragraphs);
  const quotes: (Quote & { span: Span })[] = [];

  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p]!;
    const inParagraph = spans.filter((s) => s.paragraph === p);
    context.enterParagraph(p);
    const speakers: (string | null)[] = [];
    inParagraph.forEach((span, i) => {
      const continued = span.open === 0 && quotes.length > 0 && quotes[quotes.length - 1]!.span.close === -1;
      const partial = !continued && isPartial(text, span, inParagraph[i - 1]);
      let speaker = attribute(text, inParagraph, i, partial, context);
      if (speaker === undefined) {
        // A split quote ("…," he said. "…") or a follow-up sentence: the previous quote's speaker.
        const prev = speakers[i - 1];
        if (prev !== undefined && startsSentence(text, span, inParagraph[i - 1])) speaker = prev;
      }
      if (speaker === undefined && continued) speaker = quotes[quotes.length - 1]!.speaker;
      if (speaker === undefined && i === inParagraph.length - 1 && isQuoteOnly(text, inParagraph)) {
        speaker = context.lastQuoteSpeaker;
      }
      speakers.push(speaker ?? null);
      quotes.push({ text: quoteText(text, span), speaker: speaker ?? null, partial, paragraph: p, span });
      context.spoke(speaker ?? null);
    });
    // Quotes of one sentence share the speaker one of them found (`said their call "went very well" and was "candid"`).
    inParagraph.forEach((span, i) => {
      const q = quotes[quotes.length - inParagraph.length + i]!;
      if (q.speaker !== null) return;
      const mate = inParagraph.findIndex((other, j) => j !== i && speakers[j] && sameSentence(text, other, span));
      if (mate >= 0) quotes[quotes.length - inParagraph.length + i] = { ...q, speaker: speakers[mate]! };
    });
  }

  // A quote that runs over several paragraphs is one speaker's: attributed anywhere, attributed everywhere.
  for (let i = 0; i < quotes.length; i++) {
    let j = i;
    while (quotes[j]!.span.close === -1 && j + 1 < quotes.length && quotes[j + 1]!.span.open === 0 && quotes[j + 1]!.paragraph === quotes[j]!.paragraph + 1) j++;
    if (j > i) {
      const speaker = quotes.slice(i, j + 1).find((q) => q.speaker !== null)?.speaker ?? null;
      for (let k = i; k <= j; k++) quotes[k] = { ...quotes[k]!, speaker, partial: quotes[i]!.partial };
      i = j;
    }
  }
  return quotes.map(({ span: _span, ...q }) => q);
}

// ─── 1. Spans ────────────────────────────────────────────────────────────────

/** Is the mark at `i` an apostrophe (Russia's, leaders', '90s, rock 'n' roll) rather than a quote mark? */
function isApostrophe(text: string, i: number): boolean {
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  if (/\p{L}/u.test(before) && /\p{L}/u.test(after)) return true; // don't, Russia's
  if (/\s|^$/.test(before) && /\d/.test(after)) return true; // '90s
  if (/\s/.test(before) && /^(?:n'|em\b|til\b|tis\b|cause\b|round\b|bout\b)/i.test(text.slice(i + 1))) return true;
  if (/n/i.test(before) && /\s/.test(text[i - 2] ?? ' ') && /\s/.test(after)) return true; // 'n'
  return false;
}

function doubleSpans(text: string, paragraph: number): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      if (open < 0) open = i;
      else {
        spans.push({ paragraph, open, close: i, kind: 'double' });
        open = -1;
      }
    } else if (OPENING_DOUBLE.has(c)) {
      if (open < 0) open = i;
    } else if (CLOSING_DOUBLE.has(c) && open >= 0) {
      spans.push({ paragraph, open, close: i, kind: 'double' });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ paragraph, open, close: -1, kind: 'double' });
  return spans;
}

function singleSpans(text: string, paragraph: number): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '‘' && c !== '’' && c !== "'") continue;
    if (isApostrophe(text, i)) continue;
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    const canOpen = c === '‘' || (c === "'" && /[\s(\[—–"“]|^$/.test(before) && /\S/.test(after));
    const canClose = (c === '’' || c === "'") && /\S/.test(before) && !/\p{L}|\d/u.test(after);
    if (open < 0 && canOpen) open = i;
    else if (open >= 0 && canClose) {
      // "the leaders' alliance": an s-apostrophe before a lower-case word, when a later mark can close instead.
      if (before === 's' && /^\s+\p{Ll}/u.test(text.slice(i + 1)) && /[’']/.test(text.slice(i + 2)) && !/^\s+(?:said|says|added|told|wrote|asked)\b/.test(text.slice(i + 1))) continue;
      spans.push({ paragraph, open, close: i, kind: 'single' });
      open = -1;
    }
  }
  if (open >= 0 && open === 0) spans.push({ paragraph, open, close: -1, kind: 'single' });
  return spans;
}

const inside = (a: Span, b: Span): boolean => a.open > b.open && (b.close === -1 || a.open < b.close);

/** Quoted spans of the whole body, in the article's primary quotation marks. */
function findSpans(paragraphs: readonly string[]): Span[] {
  const doubles = paragraphs.flatMap((t, p) => doubleSpans(t, p));
  const singles = paragraphs.flatMap((t, p) => singleSpans(t, p));
  const topDoubles = doubles.filter((d) => !singles.some((s) => s.paragraph === d.paragraph && inside(d, s)));
  const topSingles = singles.filter((s) => !doubles.some((d) => d.paragraph === s.paragraph && inside(s, d)));
  // British style quotes with single marks and nests doubles; most outlets do the opposite.
  return topSingles.length > topDoubles.length ? topSingles : doubles;
}

// ─── 2. Speech or not ────────────────────────────────────────────────────────

function inner(text: string, span: Span): string {
  return text.slice(span.open + 1, span.close === -1 ? text.length : span.close);
}

const isTitleCase = (words: string): boolean => {
  const tokens = words.replace(/[.,!?]+$/, '').split(/\s+/).filter(Boolean);
  const significant = tokens.filter((t) => !/^(?:a|an|the|of|and|or|in|on|at|to|for|with|by|from|de|la|le|vs\.?)$/i.test(t));
  return significant.length > 0 && significant.every((t) => /^[\p{Lu}\p{N}]/u.test(t));
};

/** Titles, nicknames and words-as-words are quoted but not said. */
function isSpeech(text: string, span: Span): boolean {
  const words = inner(text, span).trim();
  if (!words || !/\p{L}/u.test(words)) return false;
  const before = text.slice(Math.max(0, span.open - 40), span.open);
  const after = span.close === -1 ? '' : text.slice(span.close + 1, span.close + 30);
  if (NAMING_WORDS.test(before)) return false;
  // American style puts a comma or full stop inside the marks even after a title.
  const endsInPunctuation = /[!?;:]$/.test(words);
  if (TITLE_NOUNS.test(before) && isTitleCase(words)) return false;
  // Dwayne "The Rock" Johnson: a nickname between the parts of a name.
  if (/\p{Lu}[\p{L}.'-]*\s$/u.test(before) && /^\s\p{Lu}/u.test(after) && isTitleCase(words) && words.split(/\s+/).length <= 4 && !endsInPunctuation) {
    const prevWord = /(\S+)\s$/.exec(before)?.[1] ?? '';
    if (!/[.!?]$/.test(prevWord) && !VERB_FORMS.has(prevWord.toLowerCase())) return false;
  }
  // A Title Case phrase standing inside a sentence after "in", "on", "of" is a title ("starred in "The Last of Us"").
  if (/\b(?:in|on|of|from|at)\s+(?:the\s+)?$/i.test(before) && isTitleCase(words) && words.split(/\s+/).length >= 2 && !endsInPunctuation) return false;
  return true;
}

// ─── 3. Partial, text ────────────────────────────────────────────────────────

/** The words inside the marks, without the comma or full stop that closes them. */
function quoteText(text: string, span: Span): string {
  const words = inner(text, span).trim();
  if (/(?:\.\.\.|…)$/.test(words)) return words;
  return words.replace(/[,.]$/, '').trim();
}

/** Does the span begin a sentence (start of paragraph, after a full stop, or after a closed quote that ended one)? */
function startsSentence(text: string, span: Span, prev: Span | undefined): boolean {
  const before = text.slice(prev && prev.close >= 0 ? prev.close + 1 : 0, span.open).trim();
  if (!before) return prev === undefined || SENTENCE_END.test(inner(text, prev).trim()) || /[.!?]$/.test(text.slice(0, span.open).trim());
  return SENTENCE_END.test(before) && !ABBREVIATION.test(before);
}

/** A fragment inside the reporter's sentence, rather than a whole sentence of speech. */
function isPartial(text: string, span: Span, prev: Span | undefined): boolean {
  const words = inner(text, span).trim();
  const before = text.slice(0, span.open).trimEnd();
  if (startsSentence(text, span, prev)) return false;
  if (/:$/.test(before) && /^[\p{Lu}"'“‘]/u.test(words)) return false;
  if (/,$/.test(before) && /^[\p{Lu}"'“‘]/u.test(words) && /[.!?,]$/.test(words)) return false;
  const lastWord = (/(\p{L}+)$/u.exec(before)?.[1] ?? '').toLowerCase();
  if (VERB_FORMS.has(lastWord) && /^\p{Lu}/u.test(words) && /[.!?]$/.test(words)) return false;
  return true;
}

// ─── 4. Attribution ──────────────────────────────────────────────────────────

/** The people, organisations and speakers met so far, for resolving names, roles and pronouns. */
class Context {
  readonly people: Person[] = [];
  private readonly mentions: Mention[] = [];
  private readonly speakers: Person[] = [];
  lastQuoteSpeaker: string | null = null;
  private paragraph = 0;

  constructor(private readonly paragraphs: readonly string[]) {
    paragraphs.forEach((text, p) => this.scan(text, p));
  }

  enterParagraph(p: number): void {
    this.paragraph = p;
  }

  spoke(speaker: string | null): void {
    this.lastQuoteSpeaker = speaker;
    if (!speaker) return;
    const person = this.people.find((x) => x.name === speaker);
    if (person) this.speakers.push(person);
  }

  /** Registers every named person and organisation, with roles written next to them. */
  private scan(text: string, paragraph: number): void {
    for (const run of capitalisedRuns(text)) {
      const name = personName(run.words);
      if (!name) {
        // "Trump", "Ushakov": a surname of someone already met is a mention of them.
        const single = run.words.filter((w) => !TITLES.has(w.toLowerCase().replace(/\.$/, '')));
        const known = single.length === 1 ? this.bySurname(single[0]!.replace(/['’]s$/, '')) : undefined;
        if (known) this.mentions.push({ person: known, paragraph, index: run.start });
        continue;
      }
      const person = this.person(name, false);
      this.mentions.push({ person, paragraph, index: run.start });
      // A role before the name: "Russian presidential aide Yury Ushakov", "Kremlin spokesman Dmitry Peskov".
      const lead = /((?:[\p{L}'’.-]+\s+){0,4})$/u.exec(text.slice(Math.max(0, run.start - 60), run.start))?.[1] ?? '';
      const roleWords = lead.trim().split(/\s+/).filter(Boolean);
      const roleStart = roleWords.findLastIndex((w) => /[.,;:]$/.test(w) || /^(?:and|or|by|of|with|from|to|said|says|told|according)$/i.test(w));
      this.addRoles(person, roleWords.slice(roleStart + 1).join(' '));
      run.words.forEach((w) => this.learnGender(person, w));
      // An appositive after it: "Maria Lopez, a spokeswoman for the city,".
      const appositive = /^,\s+((?:a|an|the|his|her|their|its)\s+[^,.;"“”]{2,80}?|[\p{Ll}][^,.;"“”]{2,60}?|\p{Lu}[\p{L}'’]*'s\s+[^,.;"“”]{2,60}?)(?:,|\.|;|$)/u.exec(text.slice(run.end));
      if (appositive) this.addRoles(person, appositive[1]!);
    }
  }

  private addRoles(person: Person, phrase: string): void {
    const words = phrase.toLowerCase().replace(/[^\p{L}\s'-]/gu, ' ').split(/\s+/).filter((w) => w.length > 1 && !/^(?:the|a|an|his|her|their|its|of|for|at|in|on|and|who|which|to|by|with|'s)$/.test(w));
    for (const w of words) {
      person.roles.add(w.replace(/['’]s$/, ''));
      this.learnGender(person, w);
    }
  }

  private learnGender(person: Person, word: string): void {
    const g = GENDER_WORDS[word.toLowerCase().replace(/\.$/, '')];
    if (g && person.gender === 'unknown') person.gender = g;
  }

  person(name: string, org: boolean): Person {
    const existing = this.people.find((p) => p.name === name);
    if (existing) return existing;
    const created: Person = { name, roles: new Set(), gender: 'unknown', org };
    this.people.push(created);
    return created;
  }

  /** People mentioned before a place in the text, most recent first. */
  recent(paragraph: number, index: number): Person[] {
    const seen = new Set<Person>();
    const out: Person[] = [];
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.paragraph > paragraph || (m.paragraph === paragraph && m.index >= index)) continue;
      if (m.person.org || seen.has(m.person)) continue;
      seen.add(m.person);
      out.push(m.person);
    }
    return out;
  }

  /** Resolves a noun phrase that introduces speech to a speaker's name. */
  resolve(phrase: string, at: number): string | null | undefined {
    let np = phrase.replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, '').replace(/\s+/g, ' ');
    np = np.replace(/^(?:and|but|so|then|yet|while|as|though|also)\s+/i, '');
    // Drop trailing filler: "Ushakov also", "the ministry in a statement".
    const words = np.split(' ');
    while (words.length > 1 && FILLER.has(words[words.length - 1]!.toLowerCase().replace(/[^\p{L}]/gu, ''))) words.pop();
    np = words.join(' ');
    if (!np) return undefined;
    const lower = np.toLowerCase();

    const pronoun = PRONOUNS[lower];
    if (pronoun) return this.byPronoun(pronoun, at);
    if (/^(?:i|we|you|it|this|that|there|which|who)$/i.test(np)) return undefined;
    if (COLLECTIVE.test(np)) {
      const two = this.recent(this.paragraph, at).slice(0, 2);
      if (two.length < 2) return null;
      two.sort((a, b) => this.people.indexOf(a) - this.people.indexOf(b));
      return `${two[0]!.name} and ${two[1]!.name}`;
    }

    // A named person, perhaps after a role: "Russian presidential aide Yury Ushakov", "Ushakov".
    const runs = capitalisedRuns(np);
    const lastRun = runs[runs.length - 1];
    const org = organisationName(np);
    if (org) return this.person(org, true).name;
    if (lastRun && lastRun.end >= np.replace(/[.,]+$/, '').length - 1) {
      const name = personName(lastRun.words);
      if (name) {
        const person = this.person(name, false);
        this.addRoles(person, np.slice(0, lastRun.start));
        return person.name;
      }
      const single = lastRun.words.filter((w) => !TITLES.has(w.toLowerCase().replace(/\.$/, '')));
      if (single.length === 1) {
        const known = this.bySurname(single[0]!.replace(/['’]s$/, ''));
        if (known) return known.name;
        // A one-word name we haven't met (a first name, or an outlet like "Reuters"): keep it as written.
        if (!UNNAMED.test(np) && !/^(?:the|a|an)\s/i.test(np)) return this.person(single[0]!, false).name;
      }
    }
    if (UNNAMED.test(np)) return null;
    // "the aide", "the Kremlin spokesman", "the 45-year-old": a role someone was introduced with.
    const head = (/(\p{L}[\p{L}-]*)$/u.exec(lower)?.[1] ?? '').replace(/s$/, '');
    if (/^(?:the|this|that|his|her|their|its)\s/i.test(np) || runs.length === 0) {
      const byRole = this.byRole(head, at) ?? this.byRole(`${head}s`, at);
      if (byRole) return byRole.name;
      if (ORGANISATION_WORDS.has(head) || ORGANISATION_WORDS.has(`${head}s`)) return this.organisationLike(head);
      return null;
    }
    return undefined;
  }

  private byPronoun(kind: 'male' | 'female' | 'plural', at: number): string | null {
    if (kind === 'plural') {
      const last = this.lastQuoteSpeaker;
      return last && (last.includes(' and ') || this.people.find((p) => p.name === last)?.org) ? last : null;
    }
    const fits = (p: Person): boolean => !p.org && (p.gender === kind || p.gender === 'unknown');
    const speaker = [...this.speakers].reverse().find(fits);
    const chosen = speaker ?? this.recent(this.paragraph, at).find(fits);
    if (chosen && chosen.gender === 'unknown') chosen.gender = kind;
    return chosen?.name ?? null;
  }

  bySurname(word: string): Person | undefined {
    const w = word.toLowerCase();
    return this.people.find((p) => !p.org && p.name.includes(' ') && p.name.toLowerCase().split(' ').pop() === w)
      ?? this.people.find((p) => !p.org && p.name.includes(' ') && p.name.toLowerCase().split(' ')[0] === w);
  }

  private byRole(head: string, at: number): Person | undefined {
    if (!head) return undefined;
    const recent = [...this.speakers].reverse().concat(this.recent(this.paragraph, at));
    return recent.find((p) => p.roles.has(head)) ?? this.people.find((p) => p.roles.has(head));
  }

  /** "the ministry" → the fullest organisation the article named with that word, else the word. */
  private organisationLike(head: string): string {
    const named = this.people.find((p) => p.org && p.name.toLowerCase().split(' ').includes(head));
    if (named) return named.name;
    const inText = this.paragraphs.join(' ').match(new RegExp(`(?:\\p{Lu}[\\p{L}.&'’-]*\\s+){1,4}${head}\\b`, 'iu'));
    const org = inText ? organisationName(inText[0]) : null;
    return org ?? head;
  }
}

/** Runs of capitalised words: name candidates. */
function capitalisedRuns(text: string): { words: string[]; start: number; end: number }[] {
  const runs: { words: string[]; start: number; end: number }[] = [];
  const token = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
  let current: { words: string[]; start: number; end: number } | null = null;
  for (const m of text.matchAll(token)) {
    const word = m[0];
    const gap = current ? text.slice(current.end, m.index) : '';
    const joins = current && /^\s+$/.test(gap);
    const capital = /^\p{Lu}/u.test(word) || (current !== null && joins && /^(?:de|da|del|der|van|von|bin|al|la|le|du|dos|das|el|ibn)$/.test(word));
    if (capital && current && joins) {
      current.words.push(word);
      current.end = m.index + word.length;
    } else if (capital) {
      current = { words: [word], start: m.index, end: m.index + word.length };
      runs.push(current);
    } else current = null;
  }
  return runs;
}

/** A person's name from a capitalised run, titles and sentence-initial words removed; `null` if it isn't one. */
function personName(words: readonly string[]): string | null {
  const ws = [...words];
  while (ws.length && (TITLES.has(ws[0]!.toLowerCase().replace(/\.$/, '')) || /^(?:The|A|An|In|On|At|But|And|After|Before|When|While|If|As|For|Its|His|Her|Their|This|That|It|He|She|They|We|I|According|Meanwhile|However|Still|Yet|Also|Then|Now|So|Last|Next|Earlier|Later|Since|With|By|From|To|Of|Under|Over|Despite|During|Among|Between|Without|Within|Across|Around|About|Like|Unlike|Some|Many|Most|Both|Each|Every|All|Other|Such|Mr|Mrs|Ms|Dr)\.?$/.test(ws[0]!) || /['’]s$/.test(ws[0]!) || /^(?:\p{Lu}\.){2,}$/u.test(ws[0]!) || /^\p{Lu}{2,}$/u.test(ws[0]!))) ws.shift();
  // Strip possessives and trailing punctuation at the end ("Ushakov's").
  const last = ws[ws.length - 1];
  if (last) ws[ws.length - 1] = last.replace(/['’]s$/, '').replace(/[.,]$/, '');
  if (ws.length < 2 || ws.length > 4) return null;
  if (NOT_PERSON_START.has(ws[0]!.toLowerCase())) return null;
  if (ws.some((w) => ORGANISATION_WORDS.has(w.toLowerCase()) || /^\p{Lu}{2,}$/u.test(w) && w.length > 3)) return null;
  if (ws.some((w) => /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|War|II|III|IV|Day|Street|Avenue|Road|Square|Island|River|Sea|Ocean|Valley|Mountains?|Park|Bridge|Airport|Station|Prize|Award|Cup|Games|Olympics|League|Act|Bill|Law)$/.test(w))) return null;
  return ws.join(' ');
}

/** An organisation named in a phrase (`Russia's Defense Ministry` → `Defense Ministry`, `NASA`), or `null`. */
function organisationName(phrase: string): string | null {
  const np = phrase.trim().replace(/^(?:the)\s+/i, '').replace(/[.,]+$/, '');
  const words = np.split(/\s+/);
  if (words.length === 1 && /^\p{Lu}[\p{Lu}\d&-]{1,7}$/u.test(np) && !/^(?:I|II|III|IV|OK|TV)$/.test(np)) return np; // NASA, FBI
  const runs = capitalisedRuns(np);
  const run = runs[runs.length - 1];
  if (!run) return null;
  const ws = run.words.filter((w, i) => !(i === 0 && /['’]s$/.test(w)));
  const lastWord = (ws[ws.length - 1] ?? '').toLowerCase().replace(/[.,]$/, '');
  if (ws.length && (ORGANISATION_WORDS.has(lastWord) || (ws.length === 1 && ['kremlin', 'pentagon', 'vatican', 'parliament', 'congress', 'senate'].includes(lastWord)))) {
    if (run.end < np.length - 1) return null;
    return ws.join(' ').replace(/[.,]$/, '');
  }
  return null;
}

/** Where a speech verb stands in a piece of text: every occurrence, left to right. */
function findVerbs(text: string): { index: number; length: number; form: string }[] {
  const found: { index: number; length: number; form: string }[] = [];
  const lower = text.toLowerCase();
  for (const phrase of MULTIWORD_VERBS) {
    for (let i = lower.indexOf(phrase); i >= 0; i = lower.indexOf(phrase, i + 1)) {
      if (/\p{L}/u.test(lower[i - 1] ?? ' ') || /\p{L}/u.test(lower[i + phrase.length] ?? ' ')) continue;
      if (!found.some((f) => i < f.index + f.length && f.index < i + phrase.length)) found.push({ index: i, length: phrase.length, form: phrase });
    }
  }
  for (const m of lower.matchAll(/\p{L}+/gu)) {
    if (!VERB_FORMS.has(m[0])) continue;
    if (found.some((f) => m.index < f.index + f.length && f.index < m.index + m[0].length)) continue;
    found.push({ index: m.index, length: m[0].length, form: m[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The subject before a verb: back to the start of its clause, skipping an appositive (`Lopez, a spokeswoman,`). */
function subjectBefore(text: string): string {
  const trimmed = text.replace(/[\s,]+$/, '');
  const breaks = [...trimmed.matchAll(CLAUSE_BREAK)];
  const lastBreak = breaks[breaks.length - 1];
  let start = lastBreak ? lastBreak.index + lastBreak[0].length : 0;
  let subject = trimmed.slice(start).trim();
  // "Maria Lopez, a spokeswoman for the city, said": the appositive is a role, the name stands before it.
  if (lastBreak && lastBreak[0] === ',' && /^(?:a|an|the|his|her|their|its)\s|^\p{Ll}|^\p{Lu}[\p{L}]*['’]s\s/u.test(subject) && !/^(?:the\s+)?(?:two|both)\b/i.test(subject)) {
    const before = trimmed.slice(0, lastBreak.index);
    const prevBreaks = [...before.matchAll(CLAUSE_BREAK)];
    const prev = prevBreaks[prevBreaks.length - 1];
    start = prev ? prev.index + prev[0].length : 0;
    const candidate = before.slice(start).trim();
    if (capitalisedRuns(candidate).length) subject = candidate;
  }
  return subject;
}

/** The noun phrase after an inverted verb: `said Russian presidential aide Yury Ushakov, according to TASS`. */
function subjectAfter(text: string): string {
  const words: string[] = [];
  for (const m of text.matchAll(/[^\s]+/g)) {
    const w = m[0];
    const clean = w.replace(/[^\p{L}\p{N}'’.-]/gu, '').toLowerCase();
    if (words.length && NP_STOP.has(clean)) break;
    words.push(w);
    if (/[,.;:!?"”)]$/.test(w) && !ABBREVIATION.test(w)) break;
    if (words.length >= 10) break;
  }
  const np = words.join(' ').replace(/[,.;:!?"”)]+$/, '');
  // "said the Kremlin's spokesman, Dmitry Peskov": a role, then the name after the comma.
  const rest = text.slice(text.indexOf(np) + np.length);
  const named = /^,\s+((?:\p{Lu}[\p{L}'’.-]*\s?){2,4})(?:[,.]|$)/u.exec(rest);
  if (/^(?:the|a|an)\s/i.test(np) && named) return `${np} ${named[1]!.trim()}`;
  return np;
}

/** The text from the sentence's start (or the previous quote) to a span. */
function head(text: string, spans: readonly Span[], i: number): string {
  const span = spans[i]!;
  const prev = spans[i - 1];
  let start = prev ? (prev.close === -1 ? span.open : prev.close + 1) : 0;
  const piece = text.slice(start, span.open);
  // Back to the last sentence end within the piece.
  const ends = [...piece.matchAll(/[.!?]["'”’)]*\s+(?=[\p{Lu}"“‘'])/gu)].filter((m) => !ABBREVIATION.test(piece.slice(0, m.index + 1)));
  const last = ends[ends.length - 1];
  if (last) start += last.index + last[0].length;
  return text.slice(start, span.open);
}

/** The text from a span to the end of its sentence (or the next quote). */
function tail(text: string, spans: readonly Span[], i: number): string {
  const span = spans[i]!;
  if (span.close === -1) return '';
  const next = spans[i + 1];
  const piece = text.slice(span.close + 1, next ? next.open : text.length);
  const end = [...piece.matchAll(/[.!?](?=["'”’)]*(?:\s|$))/g)].find((m) => !ABBREVIATION.test(piece.slice(0, m.index + 1)));
  return end ? piece.slice(0, end.index + 1) : piece;
}

function sameSentence(text: string, a: Span, b: Span): boolean {
  const [first, second] = a.open < b.open ? [a, b] : [b, a];
  if (first.close === -1) return false;
  const between = text.slice(first.close + 1, second.open);
  return !/[.!?]\s/.test(between) && !SENTENCE_END.test(inner(text, first).trim());
}

function isQuoteOnly(text: string, spans: readonly Span[]): boolean {
  let rest = text;
  for (const s of [...spans].reverse()) rest = rest.slice(0, s.open) + rest.slice(s.close === -1 ? text.length : s.close + 1);
  return !/\p{L}/u.test(rest);
}

/**
 * Finds the speaker of `spans[i]`: `undefined` when the text says nothing about who spoke (a caller may
 * then borrow a neighbour's), `null` when it says someone the story does not name spoke.
 */
function attribute(text: string, spans: readonly Span[], i: number, partial: boolean, context: Context): string | null | undefined {
  const span = spans[i]!;
  const after = tail(text, spans, i);
  const afterTrim = after.replace(/^[\s,;:—–-]+/, '');
  // 1. Right after the quote: `, said X` / `, X said` / `, the aide was quoted as saying` / `, according to X`.
  const according = ACCORDING_TO.exec(afterTrim);
  if (according && according.index <= 2) return context.resolve(subjectAfter(afterTrim.slice(according.index + according[0].length)), span.close);
  const verbs = findVerbs(afterTrim);
  const first = verbs[0];
  if (first) {
    const before = afterTrim.slice(0, first.index);
    const wordsBefore = before.trim().split(/\s+/).filter(Boolean).length;
    if (wordsBefore === 0) {
      const who = context.resolve(subjectAfter(afterTrim.slice(first.index + first.length)), span.close);
      if (who !== undefined) return who;
    } else if (wordsBefore <= 9 && !/[.;:!?]/.test(before) && !WEAK_VERBS.has(first.form)) {
      const who = context.resolve(subjectBefore(before), span.close);
      if (who !== undefined) return who;
    }
  }
  // 2. Before the quote, in its sentence: `Ushakov also said Trump was "…"`, `According to NASA, "…"`.
  const before = head(text, spans, i);
  const accordingBefore = [...before.matchAll(new RegExp(ACCORDING_TO.source, 'gi'))].pop();
  if (accordingBefore) {
    const who = context.resolve(subjectAfter(before.slice(accordingBefore.index + accordingBefore[0].length)), span.open);
    if (who !== undefined) return who;
  }
  const headVerbs = findVerbs(before).filter((v) => !WEAK_VERBS.has(v.form) || /\s$/.test(before.slice(0, v.index)) && !/\b(?:the|a|an|his|her|its|their)\s+$/i.test(before.slice(0, v.index)));
  for (let k = headVerbs.length - 1; k >= 0; k--) {
    const verb = headVerbs[k]!;
    const subject = subjectBefore(before.slice(0, verb.index));
    const who = subject ? context.resolve(subject, span.open) : context.resolve(subjectAfter(before.slice(verb.index + verb.length)), span.open);
    if (who !== undefined) return who;
  }
  // 3. Later in the sentence: `"a disaster" for the city, Smith said.`
  for (const verb of verbs.slice(1).concat(first && wordsIn(afterTrim.slice(0, first.index)) > 9 ? [first] : [])) {
    if (WEAK_VERBS.has(verb.form)) continue;
    const who = context.resolve(subjectBefore(afterTrim.slice(0, verb.index)), span.close);
    if (who !== undefined) return who;
  }
  // 4. A fragment in the reporter's sentence, or a quote after a colon, belongs to the sentence's subject:
  //    `Putin rejected …, proposing a "memorandum"`, `Reeves was blunt: "…"`.
  if (partial || /:\s*$/.test(before)) {
    const subject = /^\s*((?:(?:the|The)\s+)?(?:[\p{Lu}][\p{L}'’.-]*\s+){0,3}[\p{Lu}][\p{L}'’.-]*|[Hh]e|[Ss]he|[Tt]he\s+\p{Ll}+)\b/u.exec(before);
    if (subject) {
      const who = context.resolve(subject[1]!, span.open);
      if (who) return who;
    }
  }
  return undefined;
}

function wordsIn(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}
