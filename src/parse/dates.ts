/**
 * Dates as news sites print them, turned into calendar dates (`YYYY-MM-DD`).
 * The formats are a table: add a row to accept a new one.
 */
import { lookup } from './lookup.js';

const MONTHS: Readonly<Record<string, number>> = lookup({
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
});

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

interface DateFormat {
  readonly name: string;
  readonly pattern: RegExp;
  /** Picks year, month (number or name) and day out of the match. */
  readonly pick: (m: RegExpExecArray) => readonly [string, string, string];
}

/** Every format we read, most specific first. */
const FORMATS: readonly DateFormat[] = [
  // 2019-07-02, 2019-07-02T10:00:00Z, 2019/07/02
  { name: 'iso', pattern: /(?<![\d-])(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])/y, pick: (m) => [m[1]!, m[2]!, m[3]!] },
  // May 20, 2025 · JAN. 13, 2017 · Sept. 4 2014 · May 20th, 2025
  { name: 'month-day-year', pattern: new RegExp(`${MONTH}\\s+${DAY},?\\s+${YEAR}(?!\\d)`, 'iy'), pick: (m) => [m[3]!, m[1]!, m[2]!] },
  // 20 May 2025 · 3 Jan 2019 · 20th of May, 2025
  { name: 'day-month-year', pattern: new RegExp(`${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}(?!\\d)`, 'iy'), pick: (m) => [m[3]!, m[2]!, m[1]!] },
];

/** Words that may stand before the date on a date line: weekdays and labels. */
const LEAD_IN = /^(?:(?:originally\s+)?(?:first\s+)?(?:published|posted|updated|modified|last\s+updated|date(?:d)?)(?:\s+on)?\s*:?\s*|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?,?\s+|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{1,4}\b)?,?\s*)*/i;

/** A date found in a line: where it starts and ends, and its calendar value. */
export interface FoundDate {
  readonly start: number;
  readonly end: number;
  readonly iso: string;
}

function toIso(year: string, month: string, day: string): string | null {
  const y = Number(year);
  const mo = /^\d+$/.test(month) ? Number(month) : MONTHS[month.toLowerCase().replace(/\.$/, '')];
  const d = Number(day);
  if (mo === undefined || mo < 1 || mo > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date that starts exactly at `index` in `text`, if any. */
function dateAt(text: string, index: number): FoundDate | null {
  for (const format of FORMATS) {
    format.pattern.lastIndex = index;
    const m = format.pattern.exec(text);
    if (!m) continue;
    const [y, mo, d] = format.pick(m);
    const iso = toIso(y, mo, d);
    if (iso) return { start: index, end: index + m[0].length, iso };
  }
  return null;
}

/** Every date in `text`, left to right. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (let i = 0; i < text.length; i++) {
    // A date starts at a word boundary.
    if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) continue;
    const date = dateAt(text, i);
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
export function parseDateLine(line: string): string | null {
  const text = line.trim();
  if (text.length > 160) return null;
  const lead = LEAD_IN.exec(text)?.[0].length ?? 0;
  const atStart = dateAt(text, lead);
  const byline = /^by\s/i.test(text);
  if (!atStart && !byline) return null;
  const dates = findDates(text);
  if (dates.length === 0) return null;
  // "Updated … | Originally published …": prefer the date that follows "published" or "posted".
  const published = dates.find((d) => /(?:published|posted)(?:\s+on)?\s*:?\s*$/i.test(text.slice(Math.max(0, d.start - 30), d.start).replace(/(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*$/i, '')));
  return (published ?? dates[0]!).iso;
}

/** A month and a day with no year, as some outlets print a recent article's date line: `March 18 at 12:22 PM`. */
export interface YearlessDate {
  readonly month: number;
  readonly day: number;
}

/** `March 18`, `Mar. 27`, `18 March`, then nothing but a time (`at 12:22 PM`, `, 7:11 a.m. EST`). */
const YEARLESS: readonly { readonly pattern: RegExp; readonly pick: (m: RegExpExecArray) => readonly [string, string] }[] = [
  { pattern: new RegExp(`^${MONTH}\\s+${DAY}(?!\\d)`, 'i'), pick: (m) => [m[1]!, m[2]!] },
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
