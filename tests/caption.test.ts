import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCaption } from '../src/parse/caption.js';

describe('readCaption splits caption lines into caption and credit', () => {
  const table: [string, { caption: string | null; credit: string | null } | null][] = [
    ['Elbe Day, April 25, 1945. WikiMedia', { caption: 'Elbe Day, April 25, 1945', credit: 'WikiMedia' }],
    ['Vladimir Putin in the Kremlin. Mikhail Metzel / TASS', { caption: 'Vladimir Putin in the Kremlin', credit: 'Mikhail Metzel / TASS' }],
    ['Soldiers on parade in Red Square. Photo: Reuters', { caption: 'Soldiers on parade in Red Square', credit: 'Reuters' }],
    ['Soldiers on parade in Red Square (Credit: AFP)', { caption: 'Soldiers on parade in Red Square', credit: 'AFP' }],
    ['Credit: AFP', { caption: null, credit: 'AFP' }],
    ['Image: Getty Images', { caption: null, credit: 'Getty Images' }],
    ['Protesters in Tbilisi. AP Photo/Zurab Tsertsvadze', { caption: 'Protesters in Tbilisi', credit: 'AP Photo/Zurab Tsertsvadze' }],
    ['Caption: The new bridge at dawn', { caption: 'The new bridge at dawn', credit: null }],
    ['The council voted 7-2 on Monday night to approve the plan.', null],
    ['The council voted on Monday. It was close', null],
  ];
  for (const [line, expected] of table) {
    it(`reads "${line}"`, () => expect(readCaption(line)).toEqual(expected));
  }
});

interface CaptionCase {
  readonly outlet: string;
  readonly line: string;
  readonly caption: string | null;
  readonly credit: string | null;
}

// tests/fixtures/caption-lines/: one file per form of credit, each line in the form an outlet prints
// (the captions and names are made up; the form of the credit is the outlet's).
const FOLDER = path.join(import.meta.dirname, 'fixtures', 'caption-lines');
for (const file of readdirSync(FOLDER).sort()) {
  const cases = JSON.parse(readFileSync(path.join(FOLDER, file), 'utf8')) as CaptionCase[];
  describe(`credits as outlets print them: ${file.replace(/\.json$/, '').replace(/-/g, ' ')}`, () => {
    for (const c of cases) {
      const expected = c.caption === null && c.credit === null ? null : { caption: c.caption, credit: c.credit };
      it(`splits "${c.line}" (${c.outlet})`, () => expect(readCaption(c.line)).toEqual(expected));
    }
  });
}
