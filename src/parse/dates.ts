/**
 * Dates as news sites print them, turned into calendar dates (`YYYY-MM-DD`).
 * The formats are a table: add a row to accept a new one.
 */
import { DATE_LABELS, FIELD_WORDS, LABEL_LINKS, MONTH_NAMES, UPDATE_LABELS, WEEKDAY_NAMES } from './date-words.js';
import { lookup } from './lookup.js';

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map((w) => escape(w).replace(/ /g, '\\s+')).join('|');

const MONTHS: Readonly<Record<string, number>> = lookup(Object.fromEntries(
  Object.entries(MONTH_NAMES).flatMap(([month, names]) => names.map((name) => [name, Number(month)] as const)),
));

const MONTH = `(${alternatives(Object.values(MONTH_NAMES).flat())})\\.?(?!\\p{L})`;
/** A day of the month: `18`, `18th`, `1er`, and the full stop of `18. März`. */
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|\\.)?';
const YEAR = '(\\d{4})';

/** How to read a date whose order the line does not tell (`03/04/2015`): from the original address. */
export interface DateHint {
  /** Day before month, as outside the United States (from the address's country domain). */
  readonly dayFirst?: boolean;
  /** The date the original address carries: of two readings, the one that agrees. */
  readonly expected?: string | null;
}

interface DateFormat {
  readonly name: string;
  readonly pattern: RegExp;
  /** Picks year, month (number or name) and day out of the match. */
  readonly pick: (m: RegExpExecArray, hint: DateHint) => readonly [string, string, string];
}

/** A two-digit year: `17` is 2017, `98` is 1998. */
const fullYear = (year: string): string =>
  (year.length === 2 ? String(Number(year) < 50 ? 2000 + Number(year) : 1900 + Number(year)) : year);

/** `11.03.17`, `2/26/2015`, `18-03-2015`: month first unless the numbers, the address's date or its country say otherwise. */
function numericOrder(m: RegExpExecArray, hint: DateHint): readonly [string, string, string] {
  const year = fullYear(m[4]!);
  const [a, b] = [m[1]!, m[3]!];
  if (Number(a) > 12) return [year, b, a];
  if (Number(b) > 12) return [year, a, b];
  if (hint.expected) {
    if (toIso(year, b, a) === hint.expected) return [year, b, a];
    if (toIso(year, a, b) === hint.expected) return [year, a, b];
  }
  return hint.dayFirst ? [year, b, a] : [year, a, b];
}

/** Every format we read, most specific first. Each is tried where a date may start. */
const FORMATS: readonly DateFormat[] = [
  // 2019-07-02, 2019-07-02T10:00:00Z, 2019/07/02, 2019.07.02
  { name: 'iso', pattern: /(?<![\d-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/y, pick: (m) => [m[1]!, m[3]!, m[4]!] },
  // 11.03.17 · 2/26/2015 · 18-03-2015 · 26.02.2015
  { name: 'numeric', pattern: /(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[./-]\d)/y, pick: numericOrder },
  // May 20, 2025 · JAN. 13, 2017 · Sept. 4 2014 · May 20th, 2025 · März 18, 2015
  {
    name: 'month-day-year',
    pattern: new RegExp(`${MONTH}\\s+${DAY},?\\s+(?:de\\s+)?${YEAR}(?!\\d)`, 'iuy'),
    pick: (m) => [m[3]!, m[1]!, m[2]!],
  },
  // 20 May 2025 · 3 Jan 2019 · 20th of May, 2025 · 18. März 2015 · 18 de marzo de 2015 · 18-Mar-2015
  {
    name: 'day-month-year',
    pattern: new RegExp(`${DAY}(?:\\s+|-)(?:of\\s+|de\\s+)?${MONTH},?(?:\\s+|-)(?:de\\s+|del\\s+)?${YEAR}(?!\\d)`, 'iuy'),
    pick: (m) => [m[3]!, m[2]!, m[1]!],
  },
];

const LABEL = `(?:${alternatives(DATE_LABELS)})(?:\\s+(?:${alternatives(LABEL_LINKS)}))?\\s*:?\\s*`;
const WEEKDAY = `(?:${alternatives(WEEKDAY_NAMES)})\\.?,?\\s+`;
const TIME = '\\d{1,2}[:.]\\d{2}(?![\\d./-])(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\s*(?:[A-Z]{1,4}\\b)?(?:\\s+time\\b)?,?\\s*';
/** Words that may stand before the date on a date line: labels, weekdays, a time, a separator. */
const LEAD_IN = new RegExp(`^(?:${LABEL}|${WEEKDAY}|${TIME}|[|•·–—-]\\s*)*`, 'iu');
/** The label of the first publication, whose date wins over an update's. */
const PUBLISHED =
  /(?:published|posted|publié|veröffentlicht|publicado|pubblicato|gepubliceerd|aired)(?:\s+(?:on|at|am|le|el|op|il|em))?\s*:?\s*$/iu;

/** The label of a later change, whose date gives way to an unlabelled one on the same line. */
const UPDATED = new RegExp(
  `(?<!\\p{L})(?:${alternatives(UPDATE_LABELS)})(?:\\s+(?:${alternatives(LABEL_LINKS)}))?\\s*:?\\s*(?:${TIME})?$`, 'iu');

/** A date found in a line: where it starts and ends, and its calendar value. */
export interface FoundDate {
  readonly start: number;
  readonly end: number;
  readonly iso: string;
}

function toIso(year: string, month: string, day: string): string | null {
  const y = Number(year);
  const mo = /^\d+$/.test(month) ? Number(month) : MONTHS[month.toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ')];
  const d = Number(day);
  if (mo === undefined || mo < 1 || mo > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date that starts exactly at `index` in `text`, if any. */
function dateAt(text: string, index: number, hint: DateHint = {}): FoundDate | null {
  for (const format of FORMATS) {
    format.pattern.lastIndex = index;
    const m = format.pattern.exec(text);
    if (!m) continue;
    const [y, mo, d] = format.pick(m, hint);
    const iso = toIso(y, mo, d);
    if (iso) return { start: index, end: index + m[0].length, iso };
  }
  return null;
}

/** Every date in `text`, left to right. */
export function findDates(text: string, hint: DateHint = {}): FoundDate[] {
  const found: FoundDate[] = [];
  for (let i = 0; i < text.length; i++) {
    // A date starts at a word boundary.
    if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) continue;
    const date = dateAt(text, i, hint);
    if (date) {
      found.push(date);
      i = date.end - 1;
    }
  }
  return found;
}

/**
 * Reads a date line such as `May 20, 2025`, `Tuesday, March 4, 2014`, `Thu 3 Jan 2019 07.00 GMT`
 * or `Originally published May 1, 2020 | Updated May 3, 2020` (the first publication date wins).
 * The line must begin with the date (after a weekday or a label like "Published") or with a byline.
 * @returns the calendar date, or `null` when the line is not a date line.
 */
export function parseDateLine(line: string, hint: DateHint = {}): string | null {
  const text = line.trim();
  if (text.length > 160) return null;
  const dates = findDates(text, hint);
  if (dates.length === 0) return null;
  // "Updated … | Originally published …": prefer the date that follows "published" or "posted".
  const published = dates.find((d) => PUBLISHED.test(before(text, d.start)));
  const lead = LEAD_IN.exec(text)?.[0].length ?? 0;
  if (dateAt(text, lead, hint) || /^by\s/i.test(text) || afterName(text, hint)) return publicationDate(text, dates).iso;
  // A short line that says when, in words: `This page was originally published on Monday 16 March, 2015.`,
  // `In Uncategorized on March 16, 2017 at 5:59 am`.
  if (published && text.length <= 120) return published.iso;
  // `on` after nothing but capitalised words (a section, a byline), and nothing after the date but a time.
  const on = dates.find((d) => /^(?:(?:\p{Lu}[\p{L}'’.-]*|in|by|posted|filed)\s+)+on\s*$/u.test(text.slice(0, d.start))
    && /^\s*(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?\s*$/i.test(text.slice(d.end)));
  return on && text.length <= 80 ? on.iso : null;
}

/** Of the dates on a line, the publication's: the one after "published", else the first not after "updated", else the first. */
function publicationDate(text: string, dates: readonly FoundDate[]): FoundDate {
  return dates.find((d) => PUBLISHED.test(before(text, d.start))) ?? dates.find((d) => !UPDATED.test(before(text, d.start))) ?? dates[0]!;
}

/** Why a date read from a line of fields is uncertain, as a diagnostic's `expected` and `hint`. */
export interface DateDoubt {
  readonly expected: string;
  readonly hint: string;
}

/** The longest line read as a line of fields: a date line, not a paragraph. */
const FIELDS_MAX = 120;
const FIELD_WORD: ReadonlySet<string> = new Set(FIELD_WORDS);
/** What sets fields apart on a line: a bar, a dot, a slash, a dash, a label's colon. */
const FIELD_MARK = /[|·•»/:–—]|\s-\s/u;
/** No line of fields, whatever dates it carries: an address, markup (`<tweet datetime="…">`), an embedded post's signature. */
const NOT_FIELDS = /:\/\/|^www\.|<(?!\/?u>)[\p{L}/]|^[—–]\s.*\(@\w+\)/iu;
/** A full stop, `!` or `?` inside the line with words after it, and the word it closes. */
const SENTENCE_END = /(?<!\S)(\S+?)[.!?]["”’)]*\s+\S/gu;
/** Words whose full stop ends no sentence: `Dr.`, `St.`, `Ltd.`, `No.`, initials, `U.S.`, `p.m.`. */
const ABBREVIATION = /^(?:\p{Lu}\p{Ll}{0,2}|(?:\p{L}\.)+\p{L}|\p{L})$/u;

/**
 * Reads the date of a short line that holds it among other fields, whatever they are: `Source: Harbour Wire| 2018-09-26
 * 15:26:10|Editor: Mei Lin`, `Staff Reporter · Sep 26, 2018 · 5 min read`. For a line `parseDateLine` does not take:
 * not a sentence of prose (`The council met on May 20, 2025 to vote.`), nor a caption whose sentence ends after the
 * date (`Elbe Day, April 25, 1945. WikiMedia`).
 * @returns the publication date and, when it is uncertain, why; `null` when the line is no line of fields with a date.
 */
export function parseFieldsDateLine(line: string, hint: DateHint = {}): { readonly iso: string; readonly doubt: DateDoubt | null } | null {
  const text = line.trim();
  if (text.length > FIELDS_MAX || NOT_FIELDS.test(text)) return null;
  const dates = findDates(text, hint);
  if (dates.length === 0 || readsAsProse(withoutDates(text, dates))) return null;
  const date = publicationDate(text, dates);
  return { iso: date.iso, doubt: doubtAbout(text, dates, date, hint) };
}

const TIMES = new RegExp(`(?<![\\p{L}\\p{N}])${TIME}`, 'giu');

/** The line with each date and time replaced by `#`, so that only the words around them are judged. */
function withoutDates(text: string, dates: readonly FoundDate[]): string {
  let out = '';
  let at = 0;
  for (const d of dates) {
    out += `${text.slice(at, d.start)}#`;
    at = d.end;
  }
  return `${out}${text.slice(at)}`.replace(TIMES, ' # ');
}

/**
 * Does what surrounds the dates read as prose rather than fields: a sentence that ends inside the line, three
 * lower-case words in a row (`the council met`), or two with nothing that sets fields apart?
 */
function readsAsProse(rest: string): boolean {
  for (const m of rest.matchAll(SENTENCE_END)) if (!ABBREVIATION.test(m[1]!)) return true;
  let run = 0;
  let lower = 0;
  for (const [token] of rest.matchAll(/[|·•»/–—]|[^\s|·•»/–—]+/gu)) {
    const word = token.replace(/^["“‘'(]+|["”’'),;:.]+$/gu, '');
    if (FIELD_WORD.has(word)) continue;
    if (!/^\p{Ll}[\p{L}'’-]*$/u.test(word)) {
      run = 0;
      continue;
    }
    lower++;
    if (++run >= 3) return true;
  }
  return lower >= 2 && !FIELD_MARK.test(rest);
}

/** Why the date taken from a line of fields is uncertain: other dates none marks, or a day and month either way round. */
function doubtAbout(text: string, dates: readonly FoundDate[], date: FoundDate, hint: DateHint): DateDoubt | null {
  const unmarked = new Set(dates.filter((d) => !UPDATED.test(before(text, d.start))).map((d) => d.iso));
  if (!PUBLISHED.test(before(text, date.start)) && unmarked.size > 1) {
    return {
      expected: 'one publication date on the date line',
      hint: `the first, ${date.iso}, is taken; label the publication date "Published:"`,
    };
  }
  const [dayFirst, monthFirst] = [dateAt(text, date.start, { dayFirst: true }), dateAt(text, date.start, { dayFirst: false })];
  if (dayFirst?.iso !== monthFirst?.iso && hint.expected !== date.iso) {
    return {
      expected: 'a date whose day and month the line or the original address tell apart',
      hint: `read as ${date.iso}, ${date.iso === dayFirst?.iso ? 'day' : 'month'} first, ${hint.dayFirst === undefined
        ? 'with no original address to tell' : "as the original address's domain suggests"}`,
    };
  }
  return null;
}

/**
 * Does the line open with a date (after labels, a weekday or a time)? Stricter than `parseDateLine`:
 * for telling a headline from a date line.
 */
export function opensWithDate(line: string): boolean {
  const text = line.trim();
  return dateAt(text, LEAD_IN.exec(text)?.[0].length ?? 0) !== null;
}

/** The words before a date in its line, without a weekday just before it. */
function before(text: string, start: number): string {
  return text.slice(Math.max(0, start - 40), start).replace(WEEKDAY_BEFORE, '');
}
const WEEKDAY_BEFORE = new RegExp(`(?:${alternatives(WEEKDAY_NAMES)})\\.?,?\\s*$`, 'iu');

/**
 * A byline's name, then the date: `Jesse Adams Stein March 01, 2013`, `Peter Barron | 15:15 UK time,
 * Friday, 22 February 2008`. Up to four capitalised words, a separator, and the date (after a label,
 * weekday or time).
 */
function afterName(text: string, hint: DateHint): boolean {
  const words = [...text.slice(0, 60).matchAll(/\S+/g)];
  for (let n = 1; n <= 4 && n < words.length; n++) {
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(words[n - 1]![0])) return false;
    const rest = text.slice(words[n - 1]!.index + words[n - 1]![0].length).replace(/^\s*[|·•,–—-]?\s*/, '');
    const lead = LEAD_IN.exec(rest)?.[0].length ?? 0;
    if (dateAt(rest, lead, hint)) return true;
  }
  return false;
}

/** A month and a day with no year, as some outlets print a recent article's date line: `March 18 at 12:22 PM`. */
export interface YearlessDate {
  readonly month: number;
  readonly day: number;
}

/** `March 18`, `Mar. 27`, `18 March`, then nothing but a time (`at 12:22 PM`, `, 7:11 a.m. EST`). */
const YEARLESS: readonly { readonly pattern: RegExp; readonly pick: (m: RegExpExecArray) => readonly [string, string] }[] = [
  { pattern: new RegExp(`^${MONTH}\\s+${DAY}(?!\\d)`, 'iu'), pick: (m) => [m[1]!, m[2]!] },
  { pattern: new RegExp(`^${DAY}\\s+(?:of\\s+)?${MONTH}(?![\\p{L}])`, 'iu'), pick: (m) => [m[2]!, m[1]!] },
];
const TIME_ONLY = /^\s*(?:,|\bat\b|·|\|)?\s*(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{1,4}\b)?)?\s*$/i;

/**
 * Reads a date line that gives a month and day but no year (`March 18 at 12:22 PM`): the year
 * must come from elsewhere, such as the original address.
 */
export function parseYearlessDateLine(line: string): YearlessDate | null {
  const text = line.trim();
  const lead = LEAD_IN.exec(text)?.[0].length ?? 0;
  for (const format of YEARLESS) {
    const m = format.pattern.exec(text.slice(lead));
    if (!m || !TIME_ONLY.test(text.slice(lead + m[0].length))) continue;
    const [month, day] = format.pick(m);
    const iso = toIso('2000', month, day);
    if (iso) return { month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
  }
  return null;
}

/** Where an article's address carries its date: `/2015/03/18/`, `/20150318`, `2015-03-18`, or only `/2015/03/`. */
const URL_DATES: readonly RegExp[] = [
  /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?=[/?#]|$)/,
  /(?<![\d])((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)/,
  /(?<![\d])((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/,
];
const URL_YEAR = /\/((?:19|20)\d{2})\/(?:\d{1,2}\/)?/;

/**
 * The date an article's address carries, if any: a whole date (`iso`), or only its year.
 * @example dateFromUrl('https://example.com/world/2015/03/18/story/') → { year: '2015', iso: '2015-03-18' }
 */
export function dateFromUrl(url: string): { readonly year: string; readonly iso: string | null } | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  for (const pattern of URL_DATES) {
    const m = pattern.exec(path);
    const iso = m ? toIso(m[1]!, m[2]!, m[3]!) : null;
    if (iso) return { year: iso.slice(0, 4), iso };
  }
  const year = URL_YEAR.exec(path)?.[1];
  return year ? { year, iso: null } : null;
}

/** A yearless date completed with a year: `null` when that day does not exist in it. */
export function withYear(date: YearlessDate, year: string): string | null {
  return toIso(year, String(date.month), String(date.day));
}

/**
 * Reads a date given on its own, as in Markdown front matter: any format of the table,
 * with an optional weekday, and nothing else.
 */
export function parseDate(value: string): string | null {
  const text = value.trim();
  const lead = LEAD_IN.exec(text)?.[0].length ?? 0;
  const date = dateAt(text, lead);
  if (!date) return null;
  // Allow a trailing time ("2019-07-02T10:00:00Z", "3 Jan 2019 07.00 GMT") but no other words.
  const rest = text.slice(date.end);
  return /^(?:[T\s,]+[\d:.]+\s*(?:Z|[AP]\.?M\.?|[A-Z]{2,4}|[+-]\d{2}:?\d{2})?\s*)?$/i.test(rest) ? date.iso : null;
}
