import { describe, expect, it } from 'vitest';
import { readCaption } from '../src/parse/text.js';

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
