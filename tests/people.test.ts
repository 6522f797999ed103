import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { personKey, speakersOf } from '../src/archive/people.js';
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

describe('people pages', () => {
  let site: Map<string, string>;

  beforeAll(async () => {
    const content = await contentFolder({
      'later.md': '---\ntitle: Trump says talks will start soon\ndate: 2025-06-01\n---\n"Talks will begin very soon," said President Donald J. Trump.\n',
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
    expect(page).toMatch(/<blockquote cite="#p2"><p>The leaders spoke at length[^<]*<\/p><\/blockquote>\s*<p class="attribution">— <cite><a href="\.\.\/\.\.\/people\/yury-ushakov\/">Yury Ushakov<\/a><\/cite>, <span class="role">Russian presidential aide<\/span> · <a href="#p2"/);
    expect(page).toMatch(/<q cite="#p4">deeply impressed<\/q>/);
    expect(page).toMatch(/<cite><a href="\.\.\/\.\.\/people\/donald-trump\/">Donald Trump<\/a><\/cite> and <cite><a href="\.\.\/\.\.\/people\/vladimir-putin\/">Vladimir Putin<\/a><\/cite>/);
  });

  it('give one page to a person however the name is written, with all their quotes newest first', () => {
    expect([...site.keys()].filter((f) => f.startsWith('people/donald'))).toEqual(['people/donald-trump/index.html']);
    const page = site.get('people/donald-trump/index.html')!;
    expect(page).toContain('<h1>Donald Trump</h1>');
    expect(page).toContain('5 quotes in 2 articles');
    expect(page.indexOf('Talks will begin very soon')).toBeLessThan(page.indexOf('did more than any other country'));
    expect(page).toContain('href="../../articles/trump-says-talks-will-start-soon/#p1"');
  });

  it('list everyone on the index with counts, most quoted first', () => {
    const index = site.get('people/index.html')!;
    expect(index).toMatch(/<ol class="most-quoted">\s*<li><a href="donald-trump\/">Donald Trump<\/a> <span class="count">5 quotes in 2 articles<\/span><\/li>\s*<li><a href="yury-ushakov\/">Yury Ushakov<\/a> <span class="count">4 quotes in 1 article<\/span>/);
    expect(index).toContain('<h2 id="letter-v" class="letter">V</h2>');
  });

  it('say so when nobody is quoted', async () => {
    const { out } = await buildSite(await contentFolder({ 'a.md': '---\ntitle: Quiet day\ndate: 2025-01-01\n---\nNothing was said.\n' }));
    expect(await readFile(path.join(out, 'people/index.html'), 'utf8')).toContain('No one is quoted in the archive yet.');
  });
});
