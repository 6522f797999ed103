/**
 * A photo caption line, split into caption and credit by what credits look like — a label
 * (`Photo:`, `Credit:`), brackets (`(Thomas Coex/AFP/Getty Images)`), a `/`-joined chain
 * (`Chang W. Lee/The New York Times`), an agency, a trailing dash segment — and not by the last
 * full stop: a middle initial's full stop is not the caption's end.
 */
import type { Image } from '../types.js';
import { KEEPS_DOT } from './quotes/tables.js';
import { CAPTION_LABELS, CREDIT_LABELS, CREDIT_LOWERCASE_WORDS, CREDIT_MARKERS, NON_FINAL_WORDS } from './tables.js';

export const labelPattern = (labels: readonly string[]): RegExp =>
  new RegExp(`^(?:${[...labels].sort((a, b) => b.length - a.length).map((l) => l.replace(/ /g, '\\s+')).join('|')})\\s*:\\s*`, 'i');
export const CREDIT = labelPattern(CREDIT_LABELS);
const CAPTION = labelPattern(CAPTION_LABELS);
/** A credit label after the caption: `… Photo: AFP`, `… (Credit: Reuters)`, `… | Image: TASS`. */
const TRAILING_CREDIT = new RegExp(
  `(?:^|[\\s.|(\\[–—-])\\(?\\[?((?:${CREDIT_LABELS.join('|').replace(/ /g, '\\s+')})\\s*:\\s*[^()[\\]]+?)[)\\]]?\\s*$`, 'i');
/** A credit in brackets closing the line: `… election. (Thomas Coex/AFP/Getty Images)`, `… [Mohammed Salem/Reuters]`. */
const BRACKETED = /^(.*?)\s*[([]([^()[\]]{2,90})[)\]]$/u;
/** A dash or bar before the last segment: `… in Tbilisi — AP`, `… at dawn | Getty Images`. */
const SEPARATED = /^(.*\S)\s+[—–|]\s+([^—–|]+)$/u;
/** Does a full stop after this word end no sentence: an initial (`Chang W. Lee`), a title (the table names use), `U.S.`? */
const keepsDot = (word: string): boolean => KEEPS_DOT.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);

/** Does the text end a sentence (ignoring closing quotes and brackets)? */
export function endsSentence(text: string): boolean {
  return /[.!?…:;]$/.test(text.replace(/["'”’»)\]*_]+$/, ''));
}

export function lastWord(text: string): string {
  return (/(\p{L}+)\W*$/u.exec(text)?.[1] ?? '').toLowerCase();
}

/**
 * A credit without a label: a few capitalised words, no sentence punctuation (`WikiMedia`,
 * `Sergei Bobylev / TASS`, `Jeon Heon-Kyun/EPA, via Shutterstock`, `Brendan Smialowski—AFP/Getty Images`).
 */
function looksLikeCredit(text: string, colon = false): boolean {
  const words = text.split(/\s+/).filter((w) => !/^[/|–—-]$/.test(w));
  const bare = text.replace(/,\s+via\s/gi, ' via ');
  return text.length <= 80 && words.length <= 8 && /^[\p{Lu}\p{N}©]/u.test(text) && /\p{L}{2}/u.test(text) && !endsSentence(text)
    && !NON_FINAL_WORDS.has(lastWord(text)) && !(colon ? /[,;"“”]/ : /[,;:"“”]/).test(bare)
    // Names, agencies and domains: every word capitalised, but for "via", "de", "/" and the like.
    && words.every((w) => /^[\p{Lu}\p{N}©/(&|–—-]/u.test(w) || w.includes('.')
      || CREDIT_LOWERCASE_WORDS.has(w.toLowerCase().replace(/,$/, '')));
}

export function trimCaption(text: string): string | null {
  const t = text.replace(/[\s|/(\[–—-]+$/, '').replace(/(?<!\b\p{Lu})\.$/u, '').trim();
  return t || null;
}

export function stripLabel(text: string, label: RegExp): string {
  return text.replace(label, '').trim();
}

/**
 * Where the line's last sentence ends (the index after its full stop), skipping initials and titles; -1 if nowhere.
 * The credit may follow with no space, as pages glue a caption to the credit printed apart from it.
 */
function lastSentenceEnd(line: string): number {
  for (let i = line.length - 2; i > 0; i--) {
    if (line[i + 1] !== ' ' ? !gluedEnd(line, i) : !/[.!?]/.test(line[i]!)) continue;
    if (line[i] === '.' && keepsDot(/[^\s/(]*$/.exec(line.slice(Math.max(0, i - 12), i))![0])) continue;
    return i + 1;
  }
  return -1;
}

/** Top-level domains, whose full stop in `News.Com.Au` is part of an address, not a sentence's end. */
const DOMAIN_ENDING = /^(?:com|org|net|gov|edu|co|uk|au|in|io|info|news|tv)$/i;

/**
 * A full stop with the credit glued after it: `… November 7, 2016.Ravi Menon`, `… court.REUTERS/Ravi Menon`. Not
 * a decimal (`3.5`), an address (`bbc.co.uk`, `News.Com.Au`), initials (`U.S.Army`) or a short title (`St.Petersburg`).
 */
function gluedEnd(line: string, i: number): boolean {
  if (line[i] !== '.' || !/\p{Lu}/u.test(line[i + 1] ?? '')) return false;
  const before = /[^\s/(]*$/.exec(line.slice(0, i))![0];
  const after = /^[^\s/]*/.exec(line.slice(i + 1))![0];
  return /^[\p{L}\p{N}'’-]{2,}$/u.test(before) && /[\p{Ll}\p{N}]$/u.test(before) && (/\p{N}$/u.test(before) || before.length >= 3)
    && !after.includes('.') && !DOMAIN_ENDING.test(after);
}

/** The credit the line ends with, found by its form rather than by a label. */
function unlabelledCredit(line: string): Image | null {
  const bracketed = BRACKETED.exec(line);
  if (bracketed?.[1] && looksLikeCredit(bracketed[2]!.trim(), true)) {
    return { caption: trimCaption(bracketed[1]), credit: bracketed[2]!.trim() };
  }
  if (endsSentence(line)) return null;
  const end = lastSentenceEnd(line);
  if (end > 0) {
    const credit = line.slice(end).trim();
    if (looksLikeCredit(credit)) return { caption: trimCaption(line.slice(0, end)), credit };
  }
  const separated = SEPARATED.exec(line);
  if (separated && looksLikeCredit(separated[2]!.trim())) return { caption: trimCaption(separated[1]!), credit: separated[2]!.trim() };
  return null;
}

/**
 * Reads a photo caption line: `Elbe Day, April 25, 1945. WikiMedia`, `Soldiers meet (Photo: AFP)`,
 * `Credit: Reuters`, `Caption: …`. Returns `null` when the line reads as body text.
 */
export function readCaption(line: string): Image | null {
  if (line.length > 400) return null;
  if (CAPTION.test(line)) {
    const rest = stripLabel(line, CAPTION);
    return readCaption(rest) ?? { caption: trimCaption(rest), credit: null };
  }
  if (CREDIT.test(line)) {
    const rest = stripLabel(line, CREDIT);
    // "Photo: Reuters" is a credit; "Photo: Soldiers meet on the Elbe, 1945. Reuters" a caption.
    const inner = readCaption(rest);
    if (inner?.caption && inner.credit) return inner;
    return looksLikeCredit(rest) || rest.length <= 40 ? { caption: null, credit: rest } : { caption: trimCaption(rest), credit: null };
  }
  const labelled = TRAILING_CREDIT.exec(line);
  if (labelled) {
    const credit = stripLabel(labelled[1]!, CREDIT);
    return { caption: trimCaption(line.slice(0, labelled.index)), credit: credit || null };
  }
  const unlabelled = unlabelledCredit(line);
  if (unlabelled) return unlabelled;
  // An agency or "via …" at the end, after punctuation: `… in Moscow, Reuters`, `… on Monday/AFP via Getty Images`.
  for (const marker of CREDIT_MARKERS) {
    const m = marker.exec(line);
    const credit = m?.[0].replace(/[)\]]$/, '').trim() ?? '';
    // A credit is short and says no more: `AP) — The Latest on …` is an agency's dateline, not a credit.
    const afterPunctuation = m !== null && m.index > 0 && /[.,|/(–—-]\s*$/.test(line.slice(0, m.index));
    if (m && afterPunctuation && !endsSentence(line) && credit.length <= 60 && !/[()?:;—–]/.test(credit)) {
      return { caption: trimCaption(line.slice(0, m.index)), credit };
    }
  }
  return null;
}
