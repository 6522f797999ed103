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
  ACCORDING_TO, COLLECTIVE, FIRST_NAMES, GENDER_WORDS, NAMING_VERBS, NOT_PERSON_START, ORGANISATION_NOUNS, ORGANISATION_WORDS,
  PRONOUNS, SPEECH_VERBS, TITLE_NOUNS, TITLE_ROLES, TITLES, UNNAMED, WORD_AS_WORD,
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
  /** The first role the article gives them, as written: "Russian presidential aide". */
  role: string | null;
  gender: Gender;
  readonly org: boolean;
  /** Something says this is a person: a known first name, a title or role, a gendered word, having spoken. */
  evidence: boolean;
}

/** A person mentioned at a place in the text, for recency. */
interface Mention {
  readonly person: Person;
  readonly paragraph: number;
  readonly index: number;
  /** Inside a quotation: a name the speaker said, not a possible speaker. */
  readonly quoted: boolean;
}

const OPENING_DOUBLE = new Set(['“', '„', '«']);
const CLOSING_DOUBLE = new Set(['”', '»']);
const SENTENCE_END = /[.!?…]["'”’)]*$/;
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev|Mt|No|Inc|Corp|Ltd|Co|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)|\b\p{Lu}|(?:\p{L}\.){2,}\p{L}?)\.$/u;

const VERB_FORMS: ReadonlyMap<string, string> = new Map(
  Object.values(SPEECH_VERBS).flatMap((forms) => forms.map((f) => [f.toLowerCase(), f] as const)),
);
/** Every one-word verb form as a whole word (a run of letters), longest first. */
const SINGLE_WORD = new RegExp(`(?<!\\p{L})(?:${[...VERB_FORMS.keys()].filter((f) => /^\p{L}+$/u.test(f)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|')})(?!\\p{L})`, 'gu');
/** The first words of the multi-word verbs: a text without any of them has none of the verbs. */
const MULTIWORD_FIRST = [...new Set([...VERB_FORMS.keys()].filter((f) => f.includes(' ')).map((f) => f.split(' ')[0]!))];
/** Every multi-word verb ("quoted as saying") as whole words, longest first. */
const MULTIWORD = new RegExp(`(?<!\\p{L})(?:${[...VERB_FORMS.keys()].filter((f) => f.includes(' ')).sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?!\\p{L})`, 'gu');
/** Verbs that also work as nouns or adjectives: they only count right next to their subject. */
const WEAK_VERBS = new Set(['call', 'calls', 'post', 'posts', 'report', 'reports', 'state', 'states', 'note', 'notes', 'answer', 'remark', 'remarks', 'counter', 'plead', 'warning', 'promise', 'hope', 'hopes', 'hoped', 'thought', 'feel', 'felt', 'believed', 'believes', 'text', 'add', 'welcome', 'continue', 'pledge', 'caution', 'laugh', 'joke', 'stress', 'sigh', 'deny', 'reflect', 'writing', 'saying', 'written', 'telling', 'calling', 'posting', 'reporting', 'promising', 'continuing', 'answering']);

/** Words between a subject and its verb that say nothing about who spoke. */
const FILLER = new Set(['also', 'later', 'then', 'previously', 'repeatedly', 'once', 'has', 'had', 'have', 'would', 'will', 'was', 'is', 'were', 'are', 'separately', 'recently', 'earlier', 'further', 'again', 'himself', 'herself', 'themselves', 'itself', 'simply', 'flatly', 'publicly', 'privately', 'angrily', 'bluntly', 'quietly', 'firmly', 'even', 'just', 'only', 'still', 'already', 'since', 'often', 'frequently', 'reportedly', 'allegedly', 'apparently', 'last', 'week', 'month', 'year', 'on', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'in', 'a', 'an', 'the', 'statement', 'interview', 'has', 'been', 'being', 'did', 'does', 'do', 'not', 'never', 'always', 'who', 'could', 'should', 'might', 'may', 'must', 'can', 'reportedly', 'told', 'quickly', 'immediately', 'bitterly', 'proudly', 'calmly', 'softly', 'loudly', 'openly', 'candidly', 'drily', 'dryly', 'wryly', 'tearfully', 'emotionally', 'sharply', 'strongly', 'now', 'too']);

/** Words that end the noun phrase after an inverted verb (`said Yury Ushakov, according to …`). */
const NP_STOP = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'according', 'told', 'to', 'when', 'while', 'as', 'who', 'which', 'adding', 'noting', 'but', 'that', 'because', 'since', 'from', 'via', 'of', 'about', 'with', 'for', 'last', 'this', 'earlier', 'later', 'speaking', 'referring', 'citing', 'though', 'although', 'if', 'where', 'whose', 'warning', 'explaining', 'insisting', 'urging', 'saying', 'writing', 'describing', 'calling']);


/**
 * Extracts every quotation of a body, in reading order, with its speaker; and the paragraphs where
 * a quotation opens and never closes (not at a paragraph's end followed by a reopening mark, which
 * is how a quote runs on into the next paragraph).
 */
export function extractQuotes(paragraphs: readonly string[]): { quotes: Quote[]; unclosed: number[] } {
  const found = findSpans(paragraphs);
  const unclosed = found.filter((s) => s.close === -1 && !/^\s*["“„«‘']/.test(paragraphs[s.paragraph + 1] ?? '')).map((s) => s.paragraph);
  return { quotes: attributeAll(paragraphs, found), unclosed };
}

function attributeAll(paragraphs: readonly string[], found: readonly Span[]): Quote[] {
  const spans = found.filter((span) => isSpeech(paragraphs[span.paragraph]!, span));
  const context = new Context(paragraphs, spans);
  const byParagraph = groupBy(spans, (s) => s.paragraph);
  const quotes: (Quote & { span: Span })[] = [];

  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p]!;
    const inParagraph = byParagraph.get(p) ?? [];
    context.enterParagraph(p);
    const speakers: (string | null)[] = [];
    const unknown: boolean[] = [];
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
        speaker = context.lastQuoteSpeaker ?? undefined;
      }
      speakers.push(speaker ?? null);
      unknown.push(speaker === undefined);
      quotes.push({ text: quoteText(text, span), speaker: speaker ?? null, role: null, partial, paragraph: p, span });
      context.spoke(speaker ?? null, speaker === null);
    });
    // Quotes of one sentence share the speaker one of them found (`said their call "went very well" and was "candid"`).
    inParagraph.forEach((span, i) => {
      const q = quotes[quotes.length - inParagraph.length + i]!;
      if (q.speaker !== null || !unknown[i]) return;
      // Sentence mates stand next to each other: look a few quotes either way, not at the whole paragraph.
      let mate = -1;
      for (let j = Math.max(0, i - 4); j <= Math.min(inParagraph.length - 1, i + 4) && mate < 0; j++) {
        if (j !== i && speakers[j] && sameSentence(text, inParagraph[j]!, span)) mate = j;
      }
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
  return quotes.map(({ span: _span, ...q }) => ({ ...q, role: context.roleOf(q.speaker) }));
}

// ─── 1. Spans ────────────────────────────────────────────────────────────────

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** The text just before a position: attribution never reaches further back than this. */
const LOOKBEHIND = 400;

function before(text: string, index: number, chars = LOOKBEHIND): string {
  return text.slice(Math.max(0, index - chars), index);
}

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
    const code = text.charCodeAt(i);
    // Every double mark is `"` or above U+00AA (« » “ ” „): skip the rest by number.
    if (code !== 34 && code < 0xab) continue;
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
      if (before === 's' && /^\s+\p{Ll}/u.test(text.slice(i + 1)) && /[’']/.test(text.slice(i + 2)) && !/^\s+(?:and|but|or|nor|to|in|on|at|for|with|as|that|than|he|she|they|it|we|was|is|were|are|after|before|when|while|because|from|by|if|so|then|since|until|which|who)\b/.test(text.slice(i + 1))) {
        const nextWord = /^\s+(\p{L}+)/u.exec(text.slice(i + 1))?.[1]?.toLowerCase() ?? '';
        if (!VERB_FORMS.has(nextWord)) continue;
      }
      spans.push({ paragraph, open, close: i, kind: 'single' });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ paragraph, open, close: -1, kind: 'single' });
  return spans;
}

const inside = (a: Span, b: Span): boolean => a.open > b.open && (b.close === -1 || a.open < b.close);

/** Quoted spans of the whole body, in the article's primary quotation marks. */
function findSpans(paragraphs: readonly string[]): Span[] {
  const doubles = paragraphs.flatMap((t, p) => doubleSpans(t, p));
  // An unclosed single mark only opens a quote that runs on when the next paragraph reopens it.
  const singles = paragraphs.flatMap((t, p) => singleSpans(t, p)).filter((s) => s.close >= 0 || /^[‘']/.test(paragraphs[s.paragraph + 1] ?? ''));
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
  const lead40 = before(text, span.open, 40);
  const after = span.close === -1 ? '' : text.slice(span.close + 1, span.close + 30);
  if (WORD_AS_WORD.test(lead40) && words.split(/\s+/).length <= 6) return false;
  if (NAMING_VERBS.test(lead40) && isTitleCase(words)) return false;
  // American style puts a comma or full stop inside the marks even after a title.
  const endsInPunctuation = /[!?;:]$/.test(words);
  if (TITLE_NOUNS.test(lead40) && isTitleCase(words)) return false;
  // Dwayne "The Rock" Johnson: a nickname between the parts of a name.
  if (/\p{Lu}[\p{L}.'-]*\s$/u.test(lead40) && /^\s\p{Lu}/u.test(after) && isTitleCase(words) && words.split(/\s+/).length <= 4 && !endsInPunctuation) {
    const prevWord = /(\S+)\s$/.exec(lead40)?.[1] ?? '';
    if (!/[.!?]$/.test(prevWord) && !VERB_FORMS.has(prevWord.toLowerCase())) return false;
  }
  // A short Title Case phrase inside the reporter's sentence is a name or a title ("the "Warriors" mascot", "its "Gigawatt Decade" plan").
  const lead = before(text, span.open).trimEnd();
  const prevWord = (/(\p{L}+)$/u.exec(lead)?.[1] ?? '').toLowerCase();
  if (lead && !/[.!?:]$/.test(lead) && !VERB_FORMS.has(prevWord) && isTitleCase(words.replace(/^the\s+/i, '')) && words.split(/\s+/).length <= 6 && !/[!?]$/.test(words)) return false;
  // A Title Case phrase standing inside a sentence after "in", "on", "of" is a title ("starred in "The Last of Us"").
  if (/\b(?:in|on|of|from|at)\s+(?:the\s+)?$/i.test(lead40) && isTitleCase(words) && words.split(/\s+/).length >= 2 && !endsInPunctuation) return false;
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
  const gap = text.slice(Math.max(prev && prev.close >= 0 ? prev.close + 1 : 0, span.open - LOOKBEHIND), span.open).trim();
  if (!gap) return prev === undefined || SENTENCE_END.test(inner(text, prev).trim()) || /[.!?]$/.test(before(text, span.open).trim());
  // Right before a quotation mark, a full stop ends a sentence ("wrote on X. "…"") unless it is a title's ("Dr.").
  return SENTENCE_END.test(gap) && !/(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev)|(?:\p{L}\.){2,})$/u.test(gap);
}

/** A fragment inside the reporter's sentence, rather than a whole sentence of speech. */
function isPartial(text: string, span: Span, prev: Span | undefined): boolean {
  const words = inner(text, span).trim();
  const lead = before(text, span.open).trimEnd();
  if (startsSentence(text, span, prev)) return false;
  // '"Ten years from now," she said, "nobody will remember …"': the second half of a split sentence.
  if (prev && prev.close >= 0) {
    const between = text.slice(prev.close + 1, span.open);
    if (/,\s*$/.test(between) && wordsIn(between) <= 8 && findVerbs(between).length > 0 && /[,]$/.test(inner(text, prev).trim())) return false;
  }
  if (/:$/.test(lead) && /^[\p{Lu}"'“‘]/u.test(words)) return false;
  if (/,$/.test(lead) && /^[\p{Lu}"'“‘]/u.test(words) && /[.!?,]$/.test(words)) return false;
  const lastWord = (/(\p{L}+)$/u.exec(lead)?.[1] ?? '').toLowerCase();
  if (VERB_FORMS.has(lastWord) && /^\p{Lu}/u.test(words) && /[.!?]$/.test(words)) return false;
  return true;
}

// ─── 4. Attribution ──────────────────────────────────────────────────────────

/** The people, organisations and speakers met so far, for resolving names, roles and pronouns. */
class Context {
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
  private readonly organisationCache = new Map<string, string>();
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
    paragraphs.forEach((text, p) => this.scan(text.replace(/(?<=\p{Lu}[\p{L}'’-]+ )["“‘'][\p{Lu}][^"”’']{0,24}["”’'](?= \p{Lu})/gu, (m) => ' '.repeat(m.length)), p));
    for (const list of this.mentions.values()) list.sort((a, b) => a.index - b.index);
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
      const org = organisationName(run.words.join(' ')) ?? (/\bthe\s$/i.test(preceded) || /^The$/.test(run.words[0]!) ? thingName(run.words) : null);
      if (org) {
        if (!quoted) this.mention({ person: this.person(org, true), paragraph, index: run.start, quoted });
        continue;
      }
      const name = personName(run.words);
      if (!name) {
        // "Trump", "Ushakov": a surname of someone already met is a mention of them.
        const single = run.words.filter((w) => !TITLES.has(w.toLowerCase().replace(/\.$/, '')));
        const known = single.length === 1 ? this.bySurname(single[0]!.replace(/['’]s$/, '')) : undefined;
        if (known) {
          known.evidence = true;
          this.mention({ person: known, paragraph, index: run.start, quoted });
          if (!quoted) this.learnGenderFromPronouns(known, text, run.end);
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
    // Subjects of speech verbs that aren't people ("Haven said …", "Prairie Plains Power said …") are organisations that speak.
    for (const verb of findVerbs(text)) {
      if (WEAK_VERBS.has(verb.form) || /ing$/.test(verb.form) || this.inQuote(paragraph, verb.index)) continue;
      const subject = subjectBefore(before(text, verb.index, 200)).replace(/^(?:the)\s+/i, '');
      const runs = capitalisedRuns(subject);
      const run = runs[runs.length - 1];
      if (!run || run.end < subject.replace(/[.,]+$/, '').length - 1) continue;
      // "Haven said", "The Blue Lagoon said", "HM Coastguard said": organisations that speak.
      const thing = /^The\s/.test(subject) || /^\p{Lu}{2,}\s/u.test(subject) ? subject.replace(/^The\s+/, '') : null;
      const name = organisationName(subject) ?? (run.words.length === 1 ? run.words[0]!.replace(/['’]s$/, '') : thing && run.start === 0 ? thing : null);
      if (!name || SENTENCE_START_WORDS.test(name) || PRONOUNS[name.toLowerCase()] || FIRST_NAMES[name.toLowerCase()] || this.bySurname(name) || this.isCommonNoun(name)) continue;
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
    const first = words[0]!;
    const created: Person = { name, roles: new Set(), role: null, gender: org ? 'unknown' : FIRST_NAMES[first] ?? 'unknown', org, evidence: !org && Boolean(FIRST_NAMES[first]) };
    this.people.push(created);
    this.byName.set(name, created);
    if (words.length > 1) {
      if (org) {
        if (!this.orgByFirst.has(name.split(' ')[0]!)) this.orgByFirst.set(name.split(' ')[0]!, created);
      } else {
        if (!this.bySurnameKey.has(words[words.length - 1]!)) this.bySurnameKey.set(words[words.length - 1]!, created);
        if (!this.byFirstKey.has(first)) this.byFirstKey.set(first, created);
      }
    }
    return created;
  }

  /** "Users said …": a capitalised word the article also writes in lower case is a common noun. */
  isCommonNoun(word: string): boolean {
    if (/\s/.test(word)) return false;
    this.lowerWords ??= new Set(this.paragraphs.flatMap((p) => p.match(/(?<![\p{L}])\p{Ll}[\p{L}'’-]*/gu) ?? []));
    return this.lowerWords.has(word.toLowerCase());
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
    np = np.replace(/^(?:and|but|so|then|yet|while|as|though|also|later|earlier|meanwhile|separately)\s+/i, '').replace(/\s*\([^)]*\)$/, '');
    // Drop trailing filler: "Ushakov also", "the ministry in a statement".
    const words = np.split(' ');
    while (words.length > 1 && FILLER.has(words[words.length - 1]!.toLowerCase().replace(/[^\p{L}]/gu, ''))) words.pop();
    np = words.join(' ').replace(/,?\s+\d{1,3}$/, ''); // "Denise Pryce, 54"
    if (!np) return undefined;
    const lower = np.toLowerCase();

    if (words.every((w) => FILLER.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')))) return undefined;
    // A phrase with a verb in it is a clause, not who spoke: "the ministry said in a statement".
    if (words.slice(1).some((w) => VERB_FORMS.has(w.toLowerCase()) && !WEAK_VERBS.has(w.toLowerCase()))) return undefined;
    const pronoun = PRONOUNS[lower];
    if (pronoun) return this.byPronoun(pronoun, at);
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
    const org = organisationName(np);
    if (org) {
      // "the Bank" is the Bank of England the story named before.
      const fuller = !org.includes(' ') ? this.orgByFirst.get(org) ?? this.people.find((p) => p.org && p.name !== org && p.name.split(/\s+/).includes(org)) : undefined;
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
      if (single.length === 1) {
        const word = single[0]!.replace(/['’]s$/, '');
        const known = this.bySurname(word) ?? this.orgByFirst.get(word) ?? this.byName.get(word);
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
      // A short "the <role>" we can't place is someone unnamed; anything longer isn't a subject at all.
      return words.length <= 4 ? null : undefined;
    }
    return undefined;
  }

  private byPronoun(kind: 'male' | 'female' | 'plural', at: number): string | null {
    if (kind === 'plural') {
      const last = this.lastQuoteSpeaker;
      if (last && (last.includes(' and ') || this.byName.get(last)?.org)) return last;
      return this.recent(this.paragraph, at, { orgs: true, quoted: false, sameParagraph: true })[0]?.name ?? null;
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
    const chosen = local.find(exact) ?? local.find(loose)
      ?? (this.previousSpeaker && exact(this.previousSpeaker) ? this.previousSpeaker : undefined)
      ?? previous.find(exact) ?? (this.previousSpeaker && loose(this.previousSpeaker) ? this.previousSpeaker : undefined)
      ?? previous.find(loose) ?? lastSpeakers.find(exact) ?? lastSpeakers.find(loose) ?? earlier.find(exact) ?? earlier.find(loose);
    if (chosen && chosen.gender === 'unknown') chosen.gender = kind;
    return chosen?.name ?? null;
  }

  /** People standing at the start of a sentence (its likely subject) in a paragraph, before a place. */
  private subjects(paragraph: number, index: number): Set<Person> {
    const text = this.paragraphs[paragraph]!;
    const out = new Set<Person>();
    for (const m of this.mentions.get(paragraph) ?? []) {
      if (m.index >= index || m.index < index - 2000 || m.quoted) continue;
      const lead = text.slice(Math.max(0, m.index - 60), m.index);
      if (/(?:^|[.!?]["”’]?\s+)(?:[\p{Lu}\p{Ll}'’.-]+\s+){0,4}$/u.test(lead) && !/\b(?:of|at|in|from|for|with|by|to|after|than|about)\s+(?:the\s+)?$/i.test(lead)) out.add(m.person);
    }
    return out;
  }

  /** "it said": the organisation last spoken of. */
  private byIt(at: number): string | undefined {
    const last = this.lastQuoteSpeaker;
    if (last && this.byName.get(last)?.org) return last;
    return this.recent(this.paragraph, at, { orgs: true, quoted: false })[0]?.name;
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
      if (!SENTENCE_START_WORDS.test(m[1]!.split(/\s+/)[0]!)) {
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
    const orgs = this.recent(this.paragraph, at, { orgs: true, quoted: false });
    const named = orgs.find((p) => p.name.toLowerCase().split(/\s+/).includes(head) || p.roles.has(head))
      ?? this.people.find((p) => p.org && p.name.toLowerCase().split(/\s+/).includes(head));
    if (named) return named.name;
    const spoke = orgs.find((p) => this.speakingOrgs.has(p));
    if (spoke) return spoke.name;
    const written = this.writtenOrganisation(head);
    if (written) return this.person(written, true).name;
    // "the club", "the company" with nothing else to go on: the organisation the story last named.
    const last = orgs.find((p) => p.name.includes(' ') || /^\p{Lu}{2,}$/u.test(p.name));
    return last && ORGANISATION_NOUNS.has(head) ? last.name : head;
  }
}

/** Runs of capitalised words: name candidates. */
function capitalisedRuns(text: string): { words: string[]; start: number; end: number }[] {
  const runs: { words: string[]; start: number; end: number }[] = [];
  const token = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*|&/gu;
  let current: { words: string[]; start: number; end: number } | null = null;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const raw = m[0];
    // A full stop ends the word unless it belongs to an initial or an abbreviated title.
    const word = raw.endsWith('.') && !KEEPS_DOT.test(raw.slice(0, -1)) && !INITIALS.test(raw) ? raw.slice(0, -1) : raw;
    const joins = current !== null && allSpace(text, current.end, m.index);
    const capital = UPPER_START.test(word) || (joins && JOINING.has(word));
    if (capital && current && joins) {
      current.words.push(word);
      current.end = m.index + word.length;
    } else if (capital) {
      current = { words: [word], start: m.index, end: m.index + word.length };
      runs.push(current);
    } else current = null;
  }
  // "of" joins only between capitals (Bank of England): drop it at the end of a run.
  for (const run of runs) {
    while (run.words.length > 1 && /^(?:of|for|&)$/.test(run.words[run.words.length - 1]!)) {
      const dropped = run.words.pop()!;
      run.end = run.start + text.slice(run.start).lastIndexOf(` ${dropped}`, run.end - run.start);
    }
  }
  return runs;
}

const KEEPS_DOT = /^(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Capt|Sgt|Lt|Col|Gen|Gov|Sen|Rep|Rev|Prof|Adm|Maj)$/u;
const INITIALS = /^(?:\p{L}\.)+$/u;
const UPPER_START = /^\p{Lu}/u;
/** Small words that join capitalised ones into one name: "Bank of England", "Ursula von der Leyen". */
const JOINING: ReadonlySet<string> = new Set(['de', 'da', 'del', 'der', 'van', 'von', 'bin', 'al', 'la', 'le', 'du', 'dos', 'das', 'el', 'ibn', 'of', 'for', '&']);

/** In a list sorted by `at`, the position of the last item with `at` below `index`, or -1: a binary search. */
function lastBefore<T>(list: readonly T[], at: (item: T) => number, index: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at(list[mid]!) < index) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Is `text` between `from` and `to` a non-empty run of white space (what `\s+` matches)? */
function allSpace(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** The characters `\s` matches. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The last word of `text` (white space after it allowed) and where it starts, as `/(\S+)\s*$/` finds it. */
function lastWord(text: string): { word: string; index: number } | null {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  if (end === 0) return null;
  let start = end;
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
  return { word: text.slice(start, end), index: start };
}

const SENTENCE_START_WORDS = /^(?:The|A|An|In|On|At|But|And|After|Before|When|While|If|As|For|Its|His|Her|Their|This|That|It|He|She|They|We|I|According|Meanwhile|However|Still|Yet|Also|Then|Now|So|Last|Next|Earlier|Later|Since|With|By|From|To|Of|Under|Over|Despite|During|Among|Between|Without|Within|Across|Around|About|Like|Unlike|Some|Many|Most|Both|Each|Every|All|Other|Such|Asked|Speaking|Writing|Appearing|Outside|Inside|Standing|Sitting|Hours|Days|Minutes|Moments|Weeks|Months|Years|Tonight|Today|Yesterday|Tomorrow|On|Even|Only|Just|Not|No|Yes|Dear|Thanks|Thank|Please|Oh|Well)$/;

/** A person's name from a capitalised run, titles and sentence-initial words removed; `null` if it isn't one. */
function personName(words: readonly string[]): string | null {
  let ws = words.filter((w) => w !== 'of' && w !== 'for' && w !== '&');
  if (ws.length !== words.length) return null; // "Bank of England"
  // Everything up to the last title goes: "Uzbek Energy Minister Jamshid Rakhimov", "Haven CEO Priya Raman".
  const lastTitle = ws.findLastIndex((w, i) => i < ws.length - 2 && (TITLES.has(w.toLowerCase().replace(/\.$/, '')) || /^\p{Lu}{2,}$/u.test(w)));
  if (lastTitle >= 0) ws = ws.slice(lastTitle + 1);
  while (ws.length && (TITLES.has(ws[0]!.toLowerCase().replace(/\.$/, '')) || SENTENCE_START_WORDS.test(ws[0]!) || /['’]s?$/.test(ws[0]!) || /^(?:\p{Lu}\.){2,}$/u.test(ws[0]!) || /^\p{Lu}{2,}$/u.test(ws[0]!))) ws = ws.slice(1);
  // Strip possessives and trailing punctuation at the end ("Ushakov's").
  const last = ws[ws.length - 1];
  if (last) ws[ws.length - 1] = last.replace(/['’]s?$/, '').replace(/[.,]$/, '');
  // "Democrat Lucia Ortega", "Guitarist Eli Voss": a capitalised role word before a known first name.
  if (ws.length === 3 && !FIRST_NAMES[ws[0]!.toLowerCase()] && (FIRST_NAMES[ws[1]!.toLowerCase()] || /(?:ist|er|or|ian|ant|ent|ess|man|woman|ee)s?$/.test(ws[0]!))) ws = ws.slice(1);
  // Long runs keep the name at their end: "Tajikistan Energy Minister…" was handled; "Iowa Governor Kim Reynolds".
  if (ws.length > 3) ws = /^(?:\p{Lu}\.|de|da|del|van|von|bin|al|la|le|el)$/u.test(ws[ws.length - 3]!) ? ws.slice(-3) : ws.slice(-2);
  if (ws.length < 2) return null;
  if (NOT_PERSON_START.has(ws[0]!.toLowerCase())) return null;
  if (ws.some((w) => ORGANISATION_WORDS.has(w.toLowerCase().replace(/['’]s$/, '')) || (/^\p{Lu}{2,}$/u.test(w) && w.length > 3))) return null;
  if (ws.some((w) => /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|War|II|III|IV|Day|Street|Avenue|Boulevard|Road|Lane|Drive|Square|Island|Islands|River|Sea|Ocean|Valley|Mountains?|Park|Bridge|Airport|Station|Prize|Award|Cup|Games|Olympics|League|County|City|State|Province|Region|District|Republic|Kingdom|Empire|Union|Coast|Bay|Beach|Lake|Hills?|Heights|Estate|Centre|Center|Hall|Arena|Stadium|Church|Cathedral|Mosque|Temple|Palace|Tower|Building|Court|Road|Way|Place|Gardens?|Forest|Desert|Canyon|Falls|Harbor|Harbour|Port|Sound|Strait|Channel|Gulf|Peninsula|Plains|Highway|Interstate|Route|Avenue|Boulevard)$/.test(w))) return null;
  return ws.join(' ');
}

/** A name for a thing introduced with "the": `the Portland Pioneers` → `Portland Pioneers`. */
function thingName(words: readonly string[]): string | null {
  const ws = words.filter((w, i) => !(i === 0 && /^(?:The)$/.test(w)));
  if (!ws.length || ws.some((w) => TITLES.has(w.toLowerCase()) && ws.length <= 2)) return null;
  return ws.join(' ').replace(/['’]s?$/, '');
}

/** "Department of Health", "Bank of England": capitalised words, an organisation word, "of", a name. */
const OF_FORM = /((?:\p{Lu}[\p{L}'’.&-]*\s+)*?(\p{Lu}[\p{L}]*)\s+(?:of|for)\s+(?:the\s+)?(?:(?:\p{Lu}[\p{L}'’.&-]*|&|and)\s*)+)$/u;

/** An organisation named in a phrase (`Russia's Defense Ministry` → `Defense Ministry`, `NASA`), or `null`. */
function organisationName(phrase: string): string | null {
  const np = phrase.trim().replace(/^(?:the)\s+/i, '').replace(/[.,]+$/, '');
  const words = np.split(/\s+/);
  const lastWord = words[words.length - 1] ?? '';
  // NASA, FBI, PAGASA: an acronym at the end of the phrase ("the state weather bureau PAGASA").
  if (/^\p{Lu}[\p{Lu}\d&-]{1,7}$/u.test(lastWord) && !/^(?:I|II|III|IV|OK|TV|US|UK|EU|UN)$/.test(lastWord) && (words.length === 1 || !/^\p{Lu}/u.test(words[words.length - 2] ?? ''))) return lastWord;
  // "HM Coastguard", "NHS England": an acronym leading capitalised words.
  if (/^\p{Lu}{2,5}(?:\s+\p{Lu}[\p{Ll}]+){1,3}$/u.test(np) && !TITLES.has(words[0]!.toLowerCase()) && !/^(?:US|UK|EU|UN)$/.test(words[0]!)) return np;
  // "Department of Health", "Ministry of Education", "Bank of England".
  const ofForm = / (?:of|for) /.test(np) ? OF_FORM.exec(np) : null;
  if (ofForm && ORGANISATION_WORDS.has(ofForm[2]!.toLowerCase())) return ofForm[1]!.trim().replace(/^\p{Lu}[\p{L}]*['’]s?\s+/u, '');
  const runs = capitalisedRuns(np);
  const run = runs[runs.length - 1];
  if (!run || run.end < np.length - 1) return null;
  const ws = run.words.filter((w, i) => !(i === 0 && (/['’]s?$/.test(w) || /^The$/.test(w))));
  const last = (ws[ws.length - 1] ?? '').toLowerCase().replace(/[.,]$/, '');
  if (ws.length && (ORGANISATION_WORDS.has(last) || (ws.length === 1 && ['kremlin', 'pentagon', 'vatican', 'parliament', 'congress', 'senate', 'police'].includes(last)))) {
    return ws.join(' ').replace(/[.,]$/, '');
  }
  return null;
}

/** Where a speech verb stands in a piece of text: every occurrence, left to right. */
function findVerbs(text: string): { index: number; length: number; form: string }[] {
  const found: { index: number; length: number; form: string }[] = [];
  const lower = text.toLowerCase();
  // Multi-word verbs ("quoted as saying") claim their words first; single words may not overlap them.
  let covered: Uint8Array | null = null;
  MULTIWORD.lastIndex = MULTIWORD_FIRST.some((w) => lower.includes(w)) ? 0 : lower.length;
  for (let m = MULTIWORD.exec(lower); m; m = MULTIWORD.exec(lower)) {
    covered ??= new Uint8Array(lower.length);
    covered.fill(1, m.index, m.index + m[0].length);
    found.push({ index: m.index, length: m[0].length, form: m[0] });
  }
  SINGLE_WORD.lastIndex = 0;
  for (let m = SINGLE_WORD.exec(lower); m; m = SINGLE_WORD.exec(lower)) {
    if (covered?.[m.index]) continue;
    const next = lower.slice(m.index + m[0].length, m.index + m[0].length + 8);
    // "added to the evidence", "called for talks", "told to leave": not speech.
    if (/^(?:add|adds|added|adding|call|calls|called|calling)$/.test(m[0]) && /^\s+(?:to|up|for|on|off|in)\b/.test(next)) continue;
    if (/^(?:told|tells|tell)$/.test(m[0]) && /^\s+to\b/.test(next)) continue;
    found.push({ index: m.index, length: m[0].length, form: m[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A comma-separated piece that describes rather than names: an appositive, a relative clause, an aside. */
const ASIDE = /^(?:(?:a|an|the|his|her|their|its)\s+\p{Ll}|who\b|which\b|whose\b|where\b|\p{Ll}|\p{Lu}[\p{L} ]*['’]s?\s+\p{Ll}|\d|in\s|on\s|at\s|speaking\b|writing\b|appearing\b|asked\b)/u;

/**
 * The subject before a verb: the end of its clause. When a comma stands right before the verb,
 * the piece before it is an aside (`Maria Lopez, a spokeswoman for the city, said`) and the name is further back.
 */
function subjectBefore(raw: string): string {
  // "Dr. Naomi Achterberg, later told": filler between the subject and the verb goes first.
  let text = raw;
  for (let m = lastWord(text); m && FILLER.has(m.word.toLowerCase()) && !m.word.endsWith(','); m = lastWord(text)) text = text.slice(0, m.index);
  const commaBeforeVerb = /,\s*$/.test(text);
  const pieces = text.replace(/[\s,]+$/, '').split(/,\s*/);
  let piece = pieces.pop() ?? '';
  if (commaBeforeVerb) {
    while (pieces.length && ASIDE.test(piece.trim())) piece = pieces.pop() ?? '';
  }
  // "and" joins two names ("Dana Whitfield and Roy Castellanos") but breaks clauses otherwise.
  const breaks = [...piece.matchAll(/(?:[;:—–(]|\b(?:that|after|because|when|while|but|since|as|if|before|though|although|whereas|so|where|until|once|whether|which|who)\b|\band\b(?!\s+\p{Lu}))/giu)];
  const lastBreak = breaks[breaks.length - 1];
  const clause = (lastBreak ? piece.slice(lastBreak.index + lastBreak[0].length) : piece).trim();
  // "Achterberg looked at the jars and asked": a second verb shares the first one's subject.
  if (!clause && lastBreak && /^(?:and|but)$/i.test(lastBreak[0])) {
    return SENTENCE_SUBJECT.exec(piece.slice(0, lastBreak.index))?.[1] ?? '';
  }
  // "a proposal she called …": the pronoun closing a relative clause is the subject.
  const pronoun = /\s(he|she|they)$/i.exec(clause);
  if (pronoun) return pronoun[1]!;
  // "Gary Thorne, 45, and his wife": a bare age is no subject.
  return /^\d+$/.test(clause) ? '' : clause;
}

/** The noun phrase after an inverted verb: `said Russian presidential aide Yury Ushakov, according to TASS`. */
function subjectAfter(text: string): string {
  const words: string[] = [];
  for (const m of text.matchAll(/[^\s]+/g)) {
    const w = m[0];
    const clean = w.replace(/[^\p{L}\p{N}'’.-]/gu, '').toLowerCase();
    if (words.length && NP_STOP.has(clean)) break;
    words.push(w);
    if (/[,;:!?"”)]$/.test(w) || (/\.$/.test(w) && !ABBREVIATION.test(w))) break;
    if (words.length >= 10) break;
  }
  const np = words.join(' ').replace(/[,.;:!?"”)]+$/, '');
  // "said the Kremlin's spokesman, Dmitry Peskov": a role, then the name after the comma.
  const rest = text.slice(text.indexOf(np) + np.length);
  const named = /^,\s+((?:\p{Lu}[\p{L}'’.-]*\s?){2,4})(?:[,.]|$)/u.exec(rest);
  if (/^(?:the|a|an|his|her|their|its)\s/i.test(np) && named) return `${np} ${named[1]!.trim()}`;
  return np;
}

/** Does a piece of text hold a sentence end (not an abbreviation's full stop)? */
function hasSentenceBreak(text: string): boolean {
  return [...text.matchAll(/[.;!?](?=\s|$)/g)].some((m) => text[m.index] !== '.' || !ABBREVIATION.test(text.slice(0, m.index + 1)));
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
  return !hasSentenceBreak(between) && !SENTENCE_END.test(inner(text, first).trim());
}

function isQuoteOnly(text: string, spans: readonly Span[]): boolean {
  let rest = text;
  for (const s of [...spans].reverse()) rest = rest.slice(0, s.open) + rest.slice(s.close === -1 ? text.length : s.close + 1);
  return !/\p{L}/u.test(rest);
}

/** The subject a sentence starts with, role words allowed before a name: `Pioneers coach Sharon Whitaker was blunt`. */
const SENTENCE_SUBJECT = /^\s*((?:(?:[\p{Lu}][\p{L}'’.-]*|(?:of|for|de|van|von)(?=\s+[\p{Lu}])|(?!(?:by|of|in|on|at|to|for|with|from|the|a|an|and|or|but|as|into|over|under|after|before)\b)[\p{Ll}][\p{L}-]*(?=(?:\s+(?!(?:by|of|in|on|at|to|for|with|from|the|a|an|and|or|but)\b)[\p{Ll}][\p{L}-]*){0,2}\s+[\p{Lu}]))\s+)*[\p{Lu}][\p{L}'’.-]*|[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he|[Tt]his)\s+(?:(?!(?:was|were|is|are|has|had|have|will|would|did|found|ruled|called)\b)[\p{Ll}-]+\s+){0,2}?(?!(?:was|were|is|are|has|had|have|will|would|did|found|ruled|called)\b)[\p{Ll}-]+(?=\s+(?:was|were|is|are|has|had|have|will|would|did|\p{Ll}+ed|\p{Ll}+s)\b))/u;

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
  if (according && according.index <= 2) return context.resolve(subjectAfter(throughDocument(afterTrim.slice(according.index + according[0].length))), span.close);
  // After a quote that ends its sentence ("…?"), what follows is only its attribution when short: `"Why?" Smith asked.`
  const endsSentence = SENTENCE_END.test(inner(text, span).trim()) && /^\s+\p{Lu}/u.test(after);
  const verbs = endsSentence && wordsIn(afterTrim) > 8 ? [] : findVerbs(afterTrim);
  const first = verbs[0];
  if (first) {
    const before = afterTrim.slice(0, first.index);
    const wordsBefore = wordsIn(before);
    if (wordsBefore === 0) {
      const who = context.resolve(subjectAfter(afterTrim.slice(first.index + first.length)), span.close);
      if (who !== undefined) return who;
    } else if (wordsBefore <= 10 && !hasSentenceBreak(before) && (!WEAK_VERBS.has(first.form) || wordsBefore <= 4)) {
      const who = context.resolve(subjectBefore(before), span.close);
      if (who !== undefined) return who;
    }
  }
  // 2. Before the quote, in its sentence: `Ushakov also said Trump was "…"`, `According to NASA, "…"`.
  const before = head(text, spans, i);
  const accordingBefore = [...before.matchAll(new RegExp(ACCORDING_TO.source, 'gi'))].pop();
  if (accordingBefore) {
    const who = context.resolve(subjectAfter(throughDocument(before.slice(accordingBefore.index + accordingBefore[0].length))), span.open);
    if (who !== undefined) return who;
  }
  const headVerbs = findVerbs(before).filter((v) => !/\b(?:been|be|being|was|were|is|are)\s+$/i.test(before.slice(0, v.index))
    && (!WEAK_VERBS.has(v.form) || (/\s$/.test(before.slice(0, v.index)) && !/\b(?:the|a|an|his|her|its|their|to)\s+$/i.test(before.slice(0, v.index)))));
  for (let k = headVerbs.length - 1; k >= 0; k--) {
    const verb = headVerbs[k]!;
    const lead = before.slice(0, verb.index);
    // ", calling that ruling "…"": a participle shares its subject with the clause before it.
    if (/ing$/.test(verb.form) && /,\s*$/.test(lead)) continue;
    const subject = subjectBefore(lead);
    let who: string | null | undefined;
    if (subject) who = context.resolve(subject, span.open);
    // `said X: "…"`: an inverted verb at the start of its sentence.
    else if (!lead.trim()) {
      const np = subjectAfter(before.slice(verb.index + verb.length));
      if (/^(?:(?:the|a|an)\s+)?\p{Lu}|^(?:the|a|an)\s+\p{L}/u.test(np)) who = context.resolve(np, span.open);
    }
    if (who !== undefined) return who;
  }
  // 3. Later in the sentence: `"a disaster" for the city, Smith said.`
  for (const verb of verbs.slice(1).concat(first && wordsIn(afterTrim.slice(0, first.index)) > 10 ? [first] : [])) {
    if (WEAK_VERBS.has(verb.form) || hasSentenceBreak(afterTrim.slice(0, verb.index))) continue;
    const who = context.resolve(subjectBefore(afterTrim.slice(0, verb.index)), span.close);
    if (who !== undefined) return who;
  }
  // 4. A fragment in the reporter's sentence, or a quote after a colon, belongs to the sentence's subject:
  //    `Putin rejected …, proposing a "memorandum"`, `Reeves was blunt: "…"`.
  if (partial || /:\s*$/.test(before)) {
    const pieces = before.split(/,\s+/);
    const lastPiece = pieces[pieces.length - 1] ?? '';
    for (const candidate of [/^\s*(?:\p{Lu}|he\b|she\b|they\b)/u.test(lastPiece) ? lastPiece : '', before]) {
      const subject = SENTENCE_SUBJECT.exec(candidate);
      const np = subject?.[1]?.replace(/^The\s+(?=\p{Lu})/u, '');
      if (!np || (SENTENCE_START_WORDS.test(np.split(/\s+/)[0]!) && !/^(?:the|this)\s/i.test(np))) continue;
      const who = context.resolve(np, span.open);
      if (who) return who;
    }
  }
  return undefined;
}

/** "according to a statement issued by his spokeswoman, Corinne Lange": past the document, to who issued it. */
function throughDocument(text: string): string {
  return text.replace(/^(?:a|an|the)?\s*(?:\p{Ll}+\s+)?(?:statement|report|filing|release|press\s+release|post|letter|transcript|memo|email|emails|documents?|records?|papers|court\s+papers|copy)\s+(?:(?:issued|released|posted|published|sent|filed|written|signed|seen|obtained|shared)\s+)?(?:\w+\s+)?(?:by|from)\s+/u, '');
}

function wordsIn(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}
