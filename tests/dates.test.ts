import { describe, expect, it } from 'vitest';
import { parseDate, parseDateLine } from '../src/parse/index.js';

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
  ];
  for (const [line, iso] of table) {
    it(`reads "${line}" as ${iso}`, () => expect(parseDateLine(line)).toBe(iso));
  }

  const notDates = ['Tusday, Mai 45, 2025', 'February 30, 2025', 'Elbe Day, April 25, 1945. WikiMedia', 'The council met on May 20, 2025 to vote.', '2025-13-01', ''];
  for (const line of notDates) {
    it(`does not take "${line}" for a date line`, () => expect(parseDateLine(line)).toBeNull());
  }
});

describe('parseDate reads a date given on its own', () => {
  it('accepts a written date and a timestamp', () => {
    expect(parseDate('Saturday, December 7, 2024')).toBe('2024-12-07');
    expect(parseDate('2024-12-07 10:00')).toBe('2024-12-07');
  });
  it('refuses words after the date', () => expect(parseDate('May 20, 2025 or later')).toBeNull());
});
