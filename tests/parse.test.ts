import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, loadReaders, parseArticle, publicRecord } from '../src/parse/index.js';
import { decode } from '../src/read/index.js';
import type { Article } from '../src/types.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

// The saved-page reader loads only when asked (see `loadReaders`).
beforeAll(() => loadReaders(['page.html']));

/** Parses a fixture's input file as the build would read it. */
function parseFixture(dir: string) {
  const input = readdirSync(dir).find((name) => name.startsWith('input.'));
  if (!input) throw new Error(`${dir}: expected an input.txt, input.md or input.html`);
  const text = decode(readFileSync(path.join(dir, input)));
  if (!text.ok) throw new Error(`${dir}: could not decode ${input}`);
  return parseArticle({ path: input, text: text.text });
}

function cases(kind: string): string[] {
  return readdirSync(path.join(FIXTURES, kind)).sort();
}

describe('fixture folders: every input parses to its expected record', () => {
  for (const kind of ['text', 'markdown', 'html']) {
    for (const name of cases(kind)) {
      it(`${kind}: ${name.replace(/-/g, ' ')}`, async () => {
        const dir = path.join(FIXTURES, kind, name);
        const outcome = parseFixture(dir);
        if (!outcome.ok) throw new Error(formatDiagnostic(outcome.error));
        expect(outcome.warnings).toEqual([]);
        await expect(`${JSON.stringify(publicRecord(outcome.article), null, 2)}\n`).toMatchFileSnapshot(path.join(dir, 'expected.json'));
      });
    }
  }
});

describe('error fixtures: a bad file gives FILE:LINE: expected …, found …', () => {
  for (const name of cases('errors')) {
    it(name.replace(/-/g, ' '), async () => {
      const dir = path.join(FIXTURES, 'errors', name);
      const outcome = parseFixture(dir);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(formatDiagnostic(outcome.error)).toMatch(/^input\.(txt|md|html):\d+: expected .+, found .+/);
      await expect(`${formatDiagnostic(outcome.error)}\n`).toMatchFileSnapshot(path.join(dir, 'expected.txt'));
    });
  }
});

describe('the seed article', () => {
  const file = 'content/000_3f4361cf1256edcb.txt';
  const outcome = parseArticle({ path: file, text: readFileSync(path.join(import.meta.dirname, '..', file), 'utf8') });
  const article = (outcome.ok ? outcome.article : null) as Article;

  it('parses without errors or warnings', () => {
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings).toEqual([]);
  });

  it('reads the headline, the date and the slug the outlet used', () => {
    expect(article.headline).toBe("Trump and Putin Shared 'Warm' Memories of Russia-U.S. Alliance in WWII, Kremlin Official Says");
    expect(article.date).toBe('2025-05-20');
    expect(article.slug).toBe('trump-and-putin-shared-warm-memories-of-russia-us-alliance-in-wwii-kremlin-official-says');
  });

  it('splits the caption line into caption and credit', () => {
    expect(article.image).toEqual({ caption: 'Elbe Day, April 25, 1945', credit: 'WikiMedia' });
  });

  it('has seven body paragraphs, the split one rejoined and the Related line not among them', () => {
    expect(article.paragraphs).toHaveLength(7);
    expect(article.paragraphs[3]).toContain('from Russian officials after Trump claimed the U.S. "did more');
    expect(article.paragraphs.some((p) => p.startsWith('Related article'))).toBe(false);
    expect(article.paragraphs.some((p) => p.includes('<u>'))).toBe(false);
  });

  it('keeps the three links whose targets were lost', () => {
    expect(article.links).toEqual([
      { text: 'said', href: null, paragraph: 0 },
      { text: 'criticism', href: null, paragraph: 3 },
      { text: 'quoted', href: null, paragraph: 4 },
    ]);
  });

  it('lists the related headline and repairs the original address', () => {
    expect(article.related).toEqual([{ headline: "Senior Russian Lawmaker Calls Trump 'Weak' Over WWII Comments", slug: null }]);
    expect(article.source).toEqual({
      url: 'https://www.themoscowtimes.com/2025/05/20/'
        + 'trump-and-putin-shared-warm-memories-of-russia-us-alliance-in-wwii-kremlin-official-says-a89146',
      name: 'The Moscow Times',
    });
  });
});

describe('parseArticle', () => {
  const text = (body: string) => parseArticle({ path: 'a.txt', text: body });

  it('rejoins a paragraph split mid-sentence by a stray blank line', () => {
    const outcome = text('Headline\n\nMay 1, 2025\n\nThe mayor said the plan would go ahead despite objections from\n\nresidents who live'
      + ' near the site.\n');
    expect(outcome.ok && outcome.article.paragraphs).toEqual(['The mayor said the plan would go ahead despite objections from residents'
      + ' who live near the site.']);
  });

  it('keeps two finished paragraphs apart', () => {
    const outcome = text('Headline\n\nMay 1, 2025\n\nFirst paragraph ends here.\n\nSecond paragraph starts here.\n');
    expect(outcome.ok && outcome.article.paragraphs).toHaveLength(2);
  });

  it('joins a hard-wrapped paragraph back into one', () => {
    const outcome = text('Headline\n\nMay 1, 2025\n\nThe council voted on Monday to\napprove the new budget.\n');
    expect(outcome.ok && outcome.article.paragraphs).toEqual(['The council voted on Monday to approve the new budget.']);
  });

  it('does not take a first paragraph that ends with a full stop for a caption', () => {
    const outcome = text('Headline\n\nMay 1, 2025\n\nThe council voted on Monday. It was close.\n');
    expect(outcome.ok && outcome.article.image).toBeNull();
  });

  it('reports an unknown extension with the extensions it reads', () => {
    const outcome = parseArticle({ path: 'notes.docx', text: 'x' });
    expect(!outcome.ok && formatDiagnostic(outcome.error)).toBe('notes.docx:1: expected a content file ending in .txt, .text, .md,'
      + ' .markdown, .html, .htm, found ".docx"');
  });

  it('warns about an unclosed <u> and keeps its words', () => {
    const outcome = text('Headline\n\nMay 1, 2025\n\nOfficials <u>said the plan was final.\n');
    expect(outcome.ok && outcome.article.paragraphs).toEqual(['Officials said the plan was final.']);
    expect(outcome.warnings.map(formatDiagnostic)).toEqual(['a.txt:5: expected a closing </u> for the link opened in this paragraph, found'
      + ' the end of the paragraph (the words are kept as plain text)']);
  });

  it('warns about unknown front matter keys', () => {
    const outcome = parseArticle({ path: 'a.md', text: '---\ntitle: T\ndate: 2025-01-01\ntittle: typo\n---\nBody.\n' });
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings.map((w) => `${w.line} ${w.found}`)).toEqual(['4 "tittle"']);
  });

  it('keeps the words on either side of a Markdown hard line break apart, in the text and in the quote', () => {
    const outcome = parseArticle({ path: 'a.md', text: '---\ntitle: T\ndate: 2025-01-01\n---\n"First line of it,  \nsecond line of it,"'
      + ' said Mayor Jane Roe.\n' });
    if (!outcome.ok) throw new Error('expected the article to parse');
    expect(outcome.article.paragraphs).toEqual(['"First line of it, second line of it," said Mayor Jane Roe.']);
    expect(outcome.article.quotes.map((q) => q.text)).toEqual(['First line of it, second line of it']);
  });
});

describe('words that every JavaScript object knows', () => {
  it('are words like any other in headlines, dates, names and hosts', () => {
    const text = 'The constructor of a new bridge says toString is valueOf\n\nMay 20, 2025\n\n"It will hold," said hasOwnProperty expert'
      + ' Anna Constructor on Constructor 20.\n\nOriginal url:\nhttps://constructor.com/2025/05/20/bridge\n';
    const outcome = parseArticle({ path: 'bridge.txt', text });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.article.topics.every((t) => typeof t === 'string')).toBe(true);
    expect(outcome.article.date).toBe('2025-05-20');
    expect(outcome.article.quotes).toHaveLength(1);
    expect(outcome.article.quotes[0]!.speaker).toBe('Anna Constructor');
    // And a date line that names no month is an error, not a crash.
    const bad = parseArticle({ path: 'bad.txt', text: 'A headline\n\nConstructor 20, 2025\n\nBody.\n' });
    expect(bad.ok).toBe(false);
  });
});

describe('the structure of a raw dump, as the outlet printed it', () => {
  it('keeps subheadings, a ranking of short lines and closing lines as blocks of their own, and still rejoins a split sentence', () => {
    const outcome = parseFixture(path.join(FIXTURES, 'text', 'subheadings-rankings-and-closing-lines'));
    if (!outcome.ok) throw new Error(formatDiagnostic(outcome.error));
    const blocks = (outcome.article.body.children ?? []).map((node) => node.type);
    // A subheading marked as a lost link is a heading; three short lines in a row are a ranking, not headings.
    expect(blocks).toEqual(['paragraph', 'heading', 'paragraph', 'heading', 'paragraph', 'paragraph',
      'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(outcome.article.paragraphs).toContain('The final standings after the last round were recorded by the league on Sunday.');
    expect(outcome.article.paragraphs.slice(-2)).toEqual(['(Reporting by Example News with agencies)', 'Jane Rowe is a games critic for'
      + ' the Example Daily.']);
  });
});

describe('the header of a raw dump', () => {
  it('keeps a headline that names a date as the headline, and reads the date line under it', () => {
    const outcome = parseArticle({ path: 'storm.txt', text: '\n\nStorm Hits Texas March 16, 2017\n\nMarch 17, 2017\n\nBody text here.\n' });
    if (!outcome.ok) throw new Error(formatDiagnostic(outcome.error));
    expect([outcome.article.headline, outcome.article.date]).toEqual(['Storm Hits Texas March 16, 2017', '2017-03-17']);
  });
});

describe('a caption with no credit', () => {
  const dump = (line: string): string =>
    `\n\nA new phone arrives\n\nOctober 13, 2016\n\n\n\n${line}\n\nThe phone arrives in shops on Friday,`
    + ' and the first reviews say it is fast, light and reasonably priced.\n';
  it('is a short line naming what the photo shows, closed by a full stop, before a longer paragraph', () => {
    const outcome = parseArticle({ path: 'phone.txt', text: dump('The Example Phone Ten.') });
    if (!outcome.ok) throw new Error(formatDiagnostic(outcome.error));
    expect(outcome.article.image).toEqual({ caption: 'The Example Phone Ten', credit: null });
    expect(outcome.article.paragraphs).toHaveLength(1);
  });
  it('is not a section label in capitals nor a byline', () => {
    for (const line of ['ABSTRACT.', 'TOP STORIES.', 'Co-authored by Jane Rowe.']) {
      const outcome = parseArticle({ path: 'phone.txt', text: dump(line) });
      if (!outcome.ok) throw new Error(formatDiagnostic(outcome.error));
      expect(outcome.article.image).toBeNull();
    }
  });
});

describe('a first line with no words', () => {
  it('is not a headline: a lone heading mark is an error at its line', () => {
    const outcome = parseArticle({ path: 'x.txt', text: '#\nMay 1, 2020' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(formatDiagnostic(outcome.error)).toBe('x.txt:1: expected a headline on the first non-blank line, found "#", a'
      + ' heading mark with no words');
  });
});
