import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gatherPeople, personKey, speakersOf } from '../src/archive/people.js';
import { isNamedIn } from '../src/parse/quotes/named.js';
import type { Quote } from '../src/types.js';
import { SEED, buildSite, contentFolder, readSite } from './helpers/site.js';

const SEED_PAGE = 'articles/trump-and-putin-shared-warm-memories-of-russia-us-alliance-in-wwii-kremlin-official-says/index.html';

describe('personKey', () => {
  it('makes one person of names with and without a middle initial or title', () => {
    expect(personKey('Donald J. Trump')).toBe(personKey('Donald Trump'));
    expect(personKey('President Donald Trump')).toBe(personKey('Donald Trump'));
    expect(personKey('Dr. Carmela Reyes-Tan')).toBe(personKey('Carmela Reyes-Tan'));
    expect(personKey('José Álvarez')).toBe(personKey('Jose Alvarez'));
  });
  it('keeps different people apart', () => {
    expect(personKey('Donald Trump')).not.toBe(personKey('Melania Trump'));
  });
});

describe('speakersOf', () => {
  it('splits a collective speaker into its people, but not a name with "and" in it', () => {
    expect(speakersOf('Donald Trump and Vladimir Putin')).toEqual(['Donald Trump', 'Vladimir Putin']);
    expect(speakersOf('Procter and Gamble')).toEqual(['Procter and Gamble']);
  });
});

describe('isNamedIn: is the speaker named in the quote\'s own sentence (quotations blanked)', () => {
  it('finds a surname, a name in a possessive, an organisation\'s last word or its initials', () => {
    expect(isNamedIn('Wim Kok', 'His report was published. Mr Kok said:')).toBe(true);
    expect(isNamedIn('Tony Blair', ', Blair\'s spokesman said.')).toBe(true);
    expect(isNamedIn('Department for Work and Pensions', 'A Department for Work and Pensions spokeswoman said.')).toBe(true);
    expect(isNamedIn('Football Association', ', the FA said.')).toBe(true);
  });
  it('does not count a pronoun, a description, a given name shared with someone else, or part of a word', () => {
    expect(isNamedIn('Manchester United', 'In a statement, the club said it would allow')).toBe(false);
    expect(isNamedIn('Tony Lloyd', ', he said, adding that Tony Blair would')).toBe(false);
    expect(isNamedIn('Ann Kok', 'Kokkinos said')).toBe(false);
  });
  it('takes any of several speakers', () => {
    expect(isNamedIn('Donald Trump and Vladimir Putin', 'Putin and he said')).toBe(true);
  });
});

describe('gatherPeople', () => {
  const quote = (speaker: string, named: boolean): Quote => ({ text: 'Words', speaker, role: null, partial: false, named, paragraph: 0 });
  it('gives a page only to someone named beside one of their quotes; the others keep their quotes but get no address', () => {
    const { people, urlOf } = gatherPeople([
      { url: '/articles/b/', headline: 'B', date: '2025-02-01', quotes: [quote('Ellen Brandt', false), quote('Omar Haddad', false)] },
      { url: '/articles/a/', headline: 'A', date: '2025-01-01', quotes: [quote('Omar Haddad', true)] },
    ]);
    expect(people.map((p) => [p.name, p.quotes.length])).toEqual([['Omar Haddad', 2]]);
    expect(urlOf('Omar Haddad')).toBe('/people/omar-haddad/');
    expect(urlOf('Ellen Brandt')).toBeNull();
  });
});

describe('people pages', () => {
  let site: Map<string, string>;

  beforeAll(async () => {
    const content = await contentFolder({
      'later.md': '---\ntitle: Trump says talks will start soon\ndate: 2025-06-01\n---\n"Talks will begin very soon," said President'
        + ' Donald J. Trump.\n',
      'bridge.md': '---\ntitle: Bridge opens\ndate: 2025-05-01\n---\nMayor Ellen Brandt cut the ribbon on Tuesday.\n\n'
        + 'The crossing took four years to build. "It is a good day for the town," she said.\n',
    }, [SEED]);
    const { out, report } = await buildSite(content);
    expect(report.errors).toEqual([]);
    site = await readSite(out);
  });

  it('link the people index from the home page and from article pages', () => {
    expect(site.get('index.html')).toContain('href="people/"');
    expect(site.get(SEED_PAGE)).toContain('href="../../people/"');
  });

  it('show who said what on the article, each quote linked to its paragraph and its speaker', () => {
    const page = site.get(SEED_PAGE)!;
    expect(page).toContain('<h2 id="quotes-title">Who said what</h2>');
    expect(page).toMatch(new RegExp(
      String.raw`<blockquote cite="#p2"><p>The leaders spoke at length[^<]*<\/p><\/blockquote>\s*`
      + String.raw`<p class="attribution">— <cite><a href="\.\.\/\.\.\/people\/yury-ushakov\/">Yury Ushakov<\/a><\/cite>, `
      + String.raw`<span class="role">Russian presidential aide<\/span> · <a href="#p2"`
    ));
    expect(page).toMatch(/<q cite="#p4">deeply impressed<\/q>/);
    expect(page).toMatch(new RegExp(
      String.raw`<cite><a href="\.\.\/\.\.\/people\/donald-trump\/">Donald Trump<\/a><\/cite>`
      + String.raw` and <cite><a href="\.\.\/\.\.\/people\/vladimir-putin\/">Vladimir Putin<\/a><\/cite>`
    ));
  });

  it('give one page to a person however the name is written, with all their quotes newest first', () => {
    expect([...site.keys()].filter((f) => f.startsWith('people/donald'))).toEqual(['people/donald-trump/index.html']);
    const page = site.get('people/donald-trump/index.html')!;
    expect(page).toContain('<h1>Donald Trump</h1>');
    expect(page).toContain('5 quotes in 2 articles');
    expect(page.indexOf('Talks will begin very soon')).toBeLessThan(page.indexOf('did more than any other country'));
    expect(page).toContain('href="../../articles/trump-says-talks-will-start-soon/#p1"');
  });

  it('name a speaker worked out from a pronoun on the article, unlinked, and give them no page', () => {
    const page = site.get('articles/bridge-opens/index.html')!;
    expect(page).toMatch(/<p class="attribution">— <cite>Ellen Brandt<\/cite>/);
    expect([...site.keys()].filter((f) => f.startsWith('people/ellen'))).toEqual([]);
    expect(site.get('people/index.html')).not.toContain('Ellen Brandt');
  });

  it('list everyone on the index with counts, most quoted first', () => {
    const index = site.get('people/index.html')!;
    expect(index).toMatch(new RegExp(
      String.raw`<ol class="most-quoted">\s*`
      + String.raw`<li><a href="donald-trump\/">Donald Trump<\/a> <span class="count">5 quotes in 2 articles<\/span><\/li>\s*`
      + String.raw`<li><a href="yury-ushakov\/">Yury Ushakov<\/a> <span class="count">4 quotes in 1 article<\/span>`
    ));
    expect(index).toContain('<h2 id="letter-v" class="letter">V</h2>');
  });

  it('say so when nobody is quoted', async () => {
    const { out } = await buildSite(await contentFolder({ 'a.md': '---\ntitle: Quiet day\ndate: 2025-01-01\n---\nNothing was said.\n' }));
    expect(await readFile(path.join(out, 'people/index.html'), 'utf8')).toContain('No one is quoted in the archive yet.');
  });
});
