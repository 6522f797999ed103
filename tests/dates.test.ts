import { describe, expect, it } from 'vitest';
import { parseFieldsDateLine } from '../src/parse/dates.js';
import { dateFromUrl, parseDate, parseDateLine, parseYearlessDateLine, withYear } from '../src/parse/index.js';

describe('parseDateLine reads the date lines news sites print', () => {
  const table: [string, string][] = [
    ['May 20, 2025', '2025-05-20'],
    ['20 May 2025', '2025-05-20'],
    ['Tuesday, March 4, 2014', '2014-03-04'],
    ['2019-07-02', '2019-07-02'],
    ['JAN. 13, 2017', '2017-01-13'],
    ['Sept. 4, 2014', '2014-09-04'],
    ['Thu 3 Jan 2019 07.00 GMT', '2019-01-03'],
    ['Originally published January 7, 2025 | Updated January 9, 2025', '2025-01-07'],
    ['Updated January 9, 2025 | Originally published January 7, 2025', '2025-01-07'],
    ['Published: 12 October 2023', '2023-10-12'],
    ['By Jane Doe | May 20, 2025', '2025-05-20'],
    ['May 20th, 2025 4:31 PM EDT', '2025-05-20'],
    ['2024-02-29T10:15:00Z', '2024-02-29'],
    ['Updated 2:47 PM ET, Fri November 17, 2023', '2023-11-17'],
    ['Updated 2018-09-27 10:00 | Views: 310 | 2018-09-26', '2018-09-26'],
  ];
  for (const [line, iso] of table) {
    it(`reads "${line}" as ${iso}`, () => expect(parseDateLine(line)).toBe(iso));
  }

  const notDates = [
    'Tusday, Mai 45, 2025', 'February 30, 2025', 'Elbe Day, April 25, 1945. WikiMedia', 'The council met on May 20, 2025 to vote.',
    '2025-13-01', '',
  ];
  for (const line of notDates) {
    it(`does not take "${line}" for a date line`, () => expect(parseDateLine(line)).toBeNull());
  }
});

describe('parseFieldsDateLine reads a date that stands among other fields of a short line', () => {
  it('takes the date whatever fields surround it, tabs and bars alike', () => {
    expect(parseFieldsDateLine('Source: Harbour Wire| 2018-09-26 15:26:10|Editor: Mei Lin')).toEqual({ iso: '2018-09-26', doubt: null });
    expect(parseFieldsDateLine('Source: Northgate Herald 2019-03-14 Author: Ana Ruiz')?.iso).toBe('2019-03-14');
    expect(parseFieldsDateLine('Jane Doe, 26 September 2018, 5 min read')?.iso).toBe('2018-09-26');
  });
  it('takes the publication date over an update labelled as such, without a doubt', () => {
    expect(parseFieldsDateLine('Source: Alpine Ledger | Updated: Jul 9, 2019 | Jul 8, 2019')).toEqual({ iso: '2019-07-08', doubt: null });
  });
  it('doubts a date when the line holds others that nothing marks', () => {
    expect(parseFieldsDateLine('Views: 1,204 · 2018-09-26 · 2018-09-27')?.doubt?.expected).toBe('one publication date on the date line');
  });
  it('doubts a day and month in figures either way round, unless the address has the date', () => {
    expect(parseFieldsDateLine('Staff Reporter | Eastport | 03/04/2015', { dayFirst: true })?.doubt?.hint).toBe(
      "read as 2015-04-03, day first, as the original address's domain suggests");
    expect(parseFieldsDateLine('Staff Reporter | Eastport | 03/04/2015', { dayFirst: true, expected: '2015-03-04' })).toEqual(
      { iso: '2015-03-04', doubt: null });
    expect(parseFieldsDateLine('Staff Reporter | Eastport | 23/04/2015')?.doubt).toBeNull();
  });
  const notFields = [
    'The council met on May 20, 2025 to vote on the budget, officials said.',
    'Residents were told on 26 September 2018',
    'Elbe Day, April 25, 1945. WikiMedia',
    'https://www.example-gazette.com/2015/03/18/talks-resume/',
    '— A Reader (@areader) September 27, 2020',
    `Source: Harbour Wire | 2018-09-26 | ${'Editor: Mei Lin | '.repeat(6)}`,
  ];
  for (const line of notFields) {
    it(`does not take "${line.slice(0, 60)}" for a line of fields`, () => expect(parseFieldsDateLine(line)).toBeNull());
  }
});

describe('parseDate reads a date given on its own', () => {
  it('accepts a written date and a timestamp', () => {
    expect(parseDate('Saturday, December 7, 2024')).toBe('2024-12-07');
    expect(parseDate('2024-12-07 10:00')).toBe('2024-12-07');
  });
  it('refuses words after the date', () => expect(parseDate('May 20, 2025 or later')).toBeNull());
});

describe('dates an article’s address carries', () => {
  const table: [string, string | null, string | null][] = [
    ['https://www.example-gazette.com/world/2015/03/18/talks-resume/', '2015', '2015-03-18'],
    ['https://www.example-gazette.com/2015/3/8/talks-resume', '2015', '2015-03-08'],
    ['https://www.example-gazette.com/story/20150226_ferry-returns', '2015', '2015-02-26'],
    ['https://www.example-gazette.com/news/2019-05-12-budget-vote.html', '2019', '2019-05-12'],
    ['https://www.example-gazette.com/2016/07/budget-vote/', '2016', null],
    ['https://www.example-gazette.com/news/budget-vote-98765432', null, null],
    ['https://www.example-gazette.com/2015/02/30/no-such-day/', '2015', null],
  ];
  for (const [url, year, iso] of table) {
    it(`reads ${url} as ${iso ?? year ?? 'no date'}`, () => {
      const found = dateFromUrl(url);
      expect(found?.year ?? null).toBe(year);
      expect(found?.iso ?? null).toBe(iso);
    });
  }
});

describe('date lines without a year', () => {
  it('reads a month and day followed by nothing but a time', () => {
    expect(parseYearlessDateLine('March 18 at 12:22 PM')).toEqual({ month: 3, day: 18 });
    expect(parseYearlessDateLine('Mar. 27')).toEqual({ month: 3, day: 27 });
    expect(parseYearlessDateLine('18 March, 9:05 GMT')).toEqual({ month: 3, day: 18 });
  });
  it('refuses words after the day, and days that never exist', () => {
    expect(parseYearlessDateLine('March 18 protest turns violent')).toBeNull();
    expect(parseYearlessDateLine('February 30')).toBeNull();
  });
  it('completes the day with a year, leap days only in leap years', () => {
    expect(withYear({ month: 2, day: 29 }, '2016')).toBe('2016-02-29');
    expect(withYear({ month: 2, day: 29 }, '2015')).toBeNull();
  });
});
