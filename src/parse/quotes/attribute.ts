import type { Quote } from '../../types.js';
import { REPORTED, SENTENCE_SUBJECT, findVerbs, subjectAfter, subjectBefore, throughDocument } from './cues.js';
import { candidatesFor, maskedSentenceAround, sentenceAround, type Candidate } from './candidates.js';
import { SOMEONE_FROM_A_PLACE } from './mentions.js';
import { isNamedIn } from './named.js';
import { choose } from './choose.js';
import { speakerName } from './speaker-name.js';
import { speechFeatures, speechScore, unsaid } from './speech.js';
import { creditedBy, introducedBy, introducedBySubject, reportedBy, requoted } from './neighbours.js';
import { Context } from './people.js';
import { head, inner, isPartial, isQuoteOnly, isSpeech, quoteText, sameSentence, startsSentence, tail } from './spans.js';
import type { Span } from './spans.js';
import { ACCORDING_TO, SENTENCE_START_WORDS, WEAK_VERBS } from './tables.js';
import { SENTENCE_END, groupBy, hasSentenceBreak, wordsIn } from './text.js';

/** What a quote's speaker was chosen from: for training the weights (`src/evaluate/train/quotes.ts`). */
export interface Decision {
  readonly paragraph: number;
  readonly text: string;
  readonly candidates: readonly Candidate[];
  /** What tells whether the span is speech at all (see `speech.ts`). */
  readonly speech: readonly string[];
  /** Who a candidate would name as the speaker (for training on labels that give full names). */
  readonly resolve: (candidate: Candidate) => string | null | undefined;
}

/** The weights attribution uses: for choosing speakers, and for telling speech from other quoted words. */
export interface Weights {
  readonly speaker: Readonly<Record<string, number>>;
  readonly speech: Readonly<Record<string, number>>;
}

/**
 * Attributes every speech span. `observe` sees each quote's candidates before the choice, and
 * `weights` replaces the shipped ones (both for training).
 */
export function attributeAll(
  paragraphs: readonly string[],
  found: readonly Span[],
  observe?: (decision: Decision) => void,
  weights?: Weights,
): Quote[] {
  const spans = found.filter((span) => isSpeech(paragraphs[span.paragraph]!, span));
  const context = new Context(paragraphs, spans);
  const byParagraph = groupBy(spans, (s) => s.paragraph);
  // Training sees every choice; parsing takes the short way where the attribution is next to the quote.
  const fast = !observe && !weights;
  const quotes: (Omit<Quote, 'named'> & { span: Span; spoken: boolean; namedIn: string })[] = [];

  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p]!;
    const inParagraph = byParagraph.get(p) ?? [];
    context.enterParagraph(p);
    const speakers: (string | null)[] = [];
    const unknown: boolean[] = [];
    inParagraph.forEach((span, i) => {
      const continued = span.reopens === true || (span.open === 0 && quotes.length > 0 && quotes[quotes.length - 1]!.span.close === -1);
      const partial = !continued && isPartial(text, span, inParagraph[i - 1]);
      const how = { adjacent: false };
      const rule = attribute(text, inParagraph, i, partial, context, how);
      if (how.adjacent && fast && !partial) {
        // `"…," Smith said`: the attribution next to the quote names its speaker; the model agrees, unasked.
        const speech = speechFeatures(text, span, partial, 0, sentenceAround(text, inParagraph, i));
        speakers.push(rule!);
        unknown.push(false);
        const spoken = !unsaid(speech);
        // Named when the attribution names them; after a pronoun (`he said`), when the sentence before does as it speaks.
        const own = maskedSentenceAround(text, inParagraph, i);
        const namedIn = isNamedIn(rule!, own) ? own : cueSubjects(candidatesFor(text, inParagraph, i));
        quotes.push({ text: quoteText(text, span), speaker: rule!, role: null, partial, paragraph: p, span, spoken, namedIn });
        context.spoke(rule!, false);
        return;
      }
      const candidates = candidatesFor(text, inParagraph, i);
      if (rule !== undefined) {
        const kind = rule === null ? 'rule:nobody' : rule.includes(' and ') ? 'rule:several' : 'rule:someone';
        candidates.push({ kind: 'rule', text: rule ?? '', start: span.open, end: span.open, features: ['kind:rule', kind] });
      }
      describe(candidates, { text, span, partial, continued, rule, context, starts: startsSentence(text, span, inParagraph[i - 1]) });
      const { chosen, score: best } = choose(candidates, weights?.speaker);
      const speech = speechFeatures(text, span, partial, best, sentenceAround(text, inParagraph, i), chosen);
      observe?.({
        paragraph: p, text: quoteText(text, span), candidates, speech,
        resolve: (c) => (c.kind === 'rule' ? c.text || null : c.features.includes('rule:agrees') ? rule : context.resolve(c.text, c.start)),
      });
      const spoken = !unsaid(speech) && speechScore(speech, weights?.speech) >= 0;
      const ruled = !chosen || chosen.kind === 'rule' || chosen.features.includes('rule:agrees');
      let speaker = ruled ? rule : withinUnnamed(chosen, candidates, text) ? null : context.resolve(chosen.text, chosen.start) ?? rule;
      if (speaker === undefined) {
        // A split quote ("…," he said. "…") or a follow-up sentence: the previous quote's speaker.
        const prev = speakers[i - 1];
        if (prev !== undefined && startsSentence(text, span, inParagraph[i - 1])) speaker = prev;
      }
      if (speaker === undefined && continued) speaker = quotes[quotes.length - 1]!.speaker;
      // Words quoted again from a quotation the article already gave are that quotation's speaker's.
      if (speaker === undefined) speaker = requoted(quoteText(text, span), quotes);
      // A paragraph that opens with a quotation: the paragraph before may have introduced it, or a credit line follow it.
      const opens = i === 0 && span.open <= 1 && !continued;
      if (speaker === undefined && opens && p > 0) speaker = introducedBy(paragraphs[p - 1]!, context, span.open);
      if (speaker === undefined && i === 0 && span.open <= 1 && p + 1 < paragraphs.length) speaker = creditedBy(
        paragraphs[p + 1]!, context, span.open
      );
      if (speaker === undefined && opens && p > 0 && isQuoteOnly(text, inParagraph)) speaker = reportedBy(
        paragraphs[p - 1]!, context, span.open
      );
      if (speaker === undefined && opens && p > 0 && isQuoteOnly(text, inParagraph)) speaker = introducedBySubject(
        paragraphs[p - 1]!, context, span.open
      );
      if (speaker === undefined && i === inParagraph.length - 1 && isQuoteOnly(text, inParagraph)) {
        speaker = context.lastQuoteSpeaker ?? undefined;
      }
      // A paragraph that opens with a whole quotation naming nobody goes on with the speaker of the paragraph before.
      if (speaker === undefined && i === 0 && span.open === 0 && !partial) speaker = context.continuing() ?? undefined;
      speakers.push(speaker ?? null);
      unknown.push(speaker === undefined);
      quotes.push({
        text: quoteText(text, span), speaker: speaker ?? null, role: null, partial, paragraph: p, span, spoken,
        namedIn: cueSubjects(candidates),
      });
      // A scare quote or a title with nobody behind it does not interrupt who has been speaking.
      if (spoken || speaker) context.spoke(speaker ?? null, speaker === null);
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
    while (j + 1 < quotes.length && goesOn(quotes[j]!, quotes[j + 1]!)) j++;
    if (j > i) {
      const speaker = quotes.slice(i, j + 1).find((q) => q.speaker !== null)?.speaker ?? null;
      for (let k = i; k <= j; k++) quotes[k] = { ...quotes[k]!, speaker, partial: quotes[i]!.partial };
      i = j;
    }
  }
  // Quoted words nobody is said to have said or written (scare quotes, terms, titles) are left out,
  // a quote over several paragraphs only whole.
  for (let i = 0; i < quotes.length; i++) {
    let j = i;
    while (j + 1 < quotes.length && goesOn(quotes[j]!, quotes[j + 1]!)) j++;
    const spoken = quotes.slice(i, j + 1).some((q) => q.spoken);
    for (let k = i; k <= j; k++) quotes[k]!.spoken = spoken;
    i = j;
  }
  const common = (word: string): boolean => context.isCommonNoun(word);
  return quotes.filter((q) => q.spoken).map(({ span: _span, spoken: _spoken, namedIn, ...q }) => {
    const speaker = speakerName(q.speaker, common, (word) => context.isNameElsewhere(word));
    const named = speaker !== null && isNamedIn(speaker, namedIn);
    return { ...q, speaker, role: speaker === q.speaker ? context.roleOf(q.speaker) : null, named };
  });
}

/**
 * Is a chosen name part of the description of someone unnamed from a place who speaks: `Bombay` in
 * `one Bombay trader said`, `Woodhill Prison` in `detainee 'A' in Woodhill Prison said`? Then
 * nobody is named. (Not `a Carrier executive` or `a top Trump adviser`: who they speak for.)
 */
function withinUnnamed(chosen: Candidate, candidates: readonly Candidate[], text: string): boolean {
  if (chosen.kind !== 'name') return false;
  // In the sentence before too: `"…," one Lagos trader said. "But business goes on."`
  const article = /\b(?:a|an|one|another)\s+$/.exec(text.slice(Math.max(0, chosen.start - 10), chosen.start))?.[0];
  const head = /^\s+\p{Ll}[\p{L}-]*(?=\s+(?:said|says|told|added|explained|warned))/u.exec(text.slice(chosen.end, chosen.end + 40))?.[0];
  if (article && head && SOMEONE_FROM_A_PLACE.test(`${article}${chosen.text}${head}`)) return true;
  return candidates.some((c) => c.kind === 'nominal' && c.start <= chosen.start && c.end >= chosen.end
    && c.features.some((f) => f.startsWith('cue:')) && SOMEONE_FROM_A_PLACE.test(c.text));
}

/**
 * The names in a quote's sentence or the one before that a speech verb has for its subject (`Smith
 * said`, `said Smith`, `according to Smith`), or that the hand-written rules found speaking in its
 * own sentence (`Smith has said his agency is "…"`), one per line: where a speaker must stand to
 * count as named.
 */
function cueSubjects(candidates: readonly Candidate[]): string {
  return candidates.filter((c) => c.kind === 'name'
    && (c.features.some((f) => f.startsWith('cue:subject:') || f.startsWith('cue:inverted:') || f === 'after-according-to')
      || (c.features.includes('rule:agrees') && c.features.includes('sentence:same'))))
    .map((c) => c.text).join('\n');
}

/** Does quote `b` go on with quote `a`: the next paragraph reopening it, or a reopening mark inside the same one? */
const goesOn = (a: { span: Span; paragraph: number }, b: { span: Span; paragraph: number }): boolean =>
  b.span.reopens === true || (a.span.close === -1 && b.span.open === 0 && b.paragraph === a.paragraph + 1);

/**
 * Finds the speaker of `spans[i]`: `undefined` when the text says nothing about who spoke (a caller may
 * then borrow a neighbour's), `null` when it says someone the story does not name spoke.
 */
export function attribute(
  text: string, spans: readonly Span[], i: number, partial: boolean, context: Context, how?: { adjacent: boolean },
): string | null | undefined {
  const span = spans[i]!;
  const after = tail(text, spans, i);
  const afterTrim = after.replace(/^[\s,;:—–-]+/, '');
  // 1. Right after the quote: `, said X` / `, X said` / `, the aide was quoted as saying` / `, according to X`.
  const according = ACCORDING_TO.exec(afterTrim);
  if (according && according.index <= 2) {
    const who = context.resolve(subjectAfter(throughDocument(afterTrim.slice(according.index + according[0].length))), span.close);
    if (how && who && /,$/.test(inner(text, span).trim())) how.adjacent = true;
    return who;
  }
  // After a quote that ends its sentence ("…?"), what follows is only its attribution when short: `"Why?" Smith asked.`
  const endsSentence = SENTENCE_END.test(inner(text, span).trim()) && /^\s+\p{Lu}/u.test(after);
  // `"…." However, Christie countered: "…"`: a clause closed by a colon introduces the next quote, not this one.
  const introducesNext = endsSentence && /:\s*$/.test(after) && i + 1 < spans.length;
  // A long clause after the quote is its attribution when it opens with a name or pronoun and a speech verb.
  // After `…?` or `…!`, a cue among the next four words still counts: `"Why?" Trump asked reporters during …`.
  const verbs = introducesNext ? [] : !endsSentence || wordsIn(afterTrim) <= 8 || ATTRIBUTION_OPENING.test(afterTrim) ? findVerbs(afterTrim)
    : /[?!]$/.test(inner(text, span).trim())
      ? findVerbs(afterTrim)
        .filter((v) => wordsIn(afterTrim.slice(0, v.index)) <= 4 && !hasSentenceBreak(afterTrim.slice(0, v.index)))
        .slice(0, 1)
      : [];
  // `Malaysia said damage will be "significant", Agence France Presse reported`: an outlet credited for
  // reporting words the sentence already gives to someone is not who said them.
  const first = verbs[0] && REPORTED.test(verbs[0].form) && findVerbs(head(text, spans, i)).length ? undefined : verbs[0];
  // `"…," Smith said` and `"…," said Smith`: a quote closed by a comma, its attribution right after it.
  const closesOnComma = how !== undefined && /,$/.test(inner(text, span).trim());
  if (first) {
    const before = afterTrim.slice(0, first.index);
    const wordsBefore = wordsIn(before);
    if (wordsBefore === 0) {
      const who = context.resolve(subjectAfter(afterTrim.slice(first.index + first.length)), span.close);
      if (closesOnComma && who) how.adjacent = true;
      if (who !== undefined) return who;
    } else if (wordsBefore <= 10 && !hasSentenceBreak(before) && (!WEAK_VERBS.has(first.form) || wordsBefore <= 4)) {
      const who = context.resolve(subjectBefore(before), span.close);
      if (closesOnComma && who && wordsBefore <= 4) how.adjacent = true;
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
    && (
      !WEAK_VERBS.has(v.form)
      || (/\s$/.test(before.slice(0, v.index)) && !/\b(?:the|a|an|his|her|its|their|to)\s+$/i.test(before.slice(0, v.index)))
    ));
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
    // "ZeniMax Media, which accuses Facebook of …": a relative clause's verb speaks for what it follows.
    if (who === undefined && k === headVerbs.length - 1) {
      const relative = RELATIVE_SUBJECT.exec(lead);
      if (relative && !/^(?:he|she|they|we|I|it|\p{Lu})/u.test(relative[2]!)) who = context.resolve(relative[1]!, span.open);
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

/** An attribution clause however long: `Caudevilla told me when I visited …`, `he said after the vote …`. */
const ATTRIBUTION_OPENING = new RegExp(String.raw`^(?:(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}|(?:he|she|they)\s+)(?:\p{Ll}+ly\s+)?`
  + String.raw`(?:said|says|told|tells|asked|asks|added|adds|wrote|writes|explained|explains|recalled|recalls)\b`, 'u');

/** The name a relative clause follows, and the start of the clause: `ZeniMax Media, which ` → `ZeniMax Media`. */
const RELATIVE_SUBJECT = /((?:\p{Lu}[\p{L}'’.-]*\s+)*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Ll}+)?),\s+(?:which|who)\s+((?:[^,.;:"“”]*\s)?)$/u;

/** Features of a candidate that need the quote and the article: what the rules chose, who spoke before. */
function describe(candidates: readonly Candidate[], q: {
  text: string; span: Span; partial: boolean; continued: boolean; rule: string | null | undefined; context: Context; starts: boolean;
}): void {
  const ruleWords = q.rule ? q.rule.toLowerCase().split(/\s+/) : [];
  const last = q.context.lastQuoteSpeaker?.toLowerCase().split(/\s+/).pop();
  for (const c of candidates) {
    const f = c.features;
    f.push(q.partial ? 'quote:partial' : 'quote:full');
    if (q.starts) f.push('quote:starts-sentence');
    if (/,\s*$/.test(inner(q.text, q.span))) f.push('quote:ends-comma');
    const word = c.text.toLowerCase().replace(/['’]s$/, '').split(/\s+/).pop() ?? '';
    if (c.kind === 'rule') {
      continue;
    }
    if (q.rule === undefined) f.push('rule:none');
    else if (q.rule === null) f.push('rule:unnamed');
    else if (c.kind === 'name' && ruleWords.includes(word)) f.push('rule:agrees');
    else f.push('rule:other');
    if (c.kind === 'name') {
      if (q.context.bySurname(word)) f.push('name:known');
      if (last && word === last) f.push('name:last-speaker');
    }
  }
}
