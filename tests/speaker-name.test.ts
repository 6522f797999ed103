import { describe, expect, it } from 'vitest';
import { speakerName } from '../src/parse/quotes/speaker-name.js';

const never = (): boolean => false;
const always = (): boolean => true;

describe('a speaker name, checked last', () => {
  it('drops a sentence\'s first word glued to a name, but keeps a given name that is also a word', () => {
    expect(speakerName('Is Boris', never, always)).toBe('Boris');
    expect(speakerName('A National Audit Office', never, always)).toBe('National Audit Office');
    expect(speakerName('Will Harris', never, always)).toBe('Will Harris');
    expect(speakerName('May Chen', never, always)).toBe('May Chen');
  });
  it('drops a compound adjective and keeps what follows it whole', () => {
    expect(speakerName('Moscow-born Rybakina', never, always)).toBe('Rybakina');
    expect(speakerName('Houston-based Continental', always, never)).toBe('Continental');
    expect(speakerName('Clemence Ross-van Dorp', never, always)).toBe('Clemence Ross-van Dorp');
  });
  it('drops a role noun glued before a given name', () => {
    expect(speakerName('Boss Henk Addink', never, always)).toBe('Henk Addink');
    expect(speakerName('Fly-half Jonny Wilkinson', never, always)).toBe('Jonny Wilkinson');
  });
  it('keeps one organisation whose name holds "and", and checks each of two speakers', () => {
    expect(speakerName('Department of Trade and Industry', (w) => w === 'industry', never)).toBe('Department of Trade and Industry');
    expect(speakerName('Wal-Mart and Eli Lilly', never, always)).toBe('Wal-Mart and Eli Lilly');
  });
  it('names nobody for a month, a pronoun, a letter, a contraction or a lower-case word', () => {
    for (const name of ['January', 'He', 'B', "Won't", 'company']) expect(speakerName(name, never, always)).toBeNull();
  });
  it('names nobody for a word of the language seen capitalised only where sentences start, but keeps it when seen elsewhere', () => {
    expect(speakerName('Concrete', (w) => w === 'concrete', never)).toBeNull();
    expect(speakerName('Analysts', never, never)).toBeNull();
    expect(speakerName('Reducing', never, never)).toBeNull();
    expect(speakerName('Labour', (w) => w === 'labour', always)).toBe('Labour');
    expect(speakerName('Xinhua', never, never)).toBe('Xinhua');
  });
});

describe('letters and forms of address around a name', () => {
  it('come off, and a thing\'s owner speaks for it', () => {
    expect(speakerName('Andrew Tyrie MP', never, always)).toBe('Andrew Tyrie');
    expect(speakerName('Ian Brown QC', never, always)).toBe('Ian Brown');
    expect(speakerName('Rt Rev Scott-Joynt', never, always)).toBe('Scott-Joynt');
    expect(speakerName("Michelle Paver's Wolf Brother", never, always)).toBe('Michelle Paver');
  });
});

describe('the edges of a name', () => {
  it('end where a lower-case word that joins no name begins, lose a trailing possessive and an inverted verb before them', () => {
    expect(speakerName('Home Office said it was wholly wrong to', never, always)).toBe('Home Office');
    expect(speakerName("Bank of England's", never, always)).toBe('Bank of England');
    expect(speakerName('Ruud van Nistelrooy', never, always)).toBe('Ruud van Nistelrooy');
    expect(speakerName('Said Wales', never, always)).toBe('Wales');
    expect(speakerName('Limiting government', never, never)).toBeNull();
  });
});
