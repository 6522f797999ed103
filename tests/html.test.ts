import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, loadReaders, parseArticle } from '../src/parse/index.js';
import { decode } from '../src/read/index.js';
import { renderBody } from '../src/site/body.js';
import type { ParseOutcome } from '../src/types.js';
import { buildSite, contentFolder } from './helpers/site.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

// The saved-page reader loads only when asked (see `loadReaders`).
beforeAll(() => loadReaders(['page.html']));

/** Parses a file of the fixtures as the build would read it. */
function parse(relative: string): ParseOutcome {
  const text = decode(readFileSync(path.join(FIXTURES, relative)));
  if (!text.ok) throw new Error(`${relative}: could not decode`);
  return parseArticle({ path: path.basename(relative), text: text.text });
}

function article(outcome: ParseOutcome) {
  if (!outcome.ok) throw new Error(formatDiagnostic(outcome.error));
  return outcome.article;
}

const page = (head: string, body: string): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const STORY = '<p>The harbour council on Tuesday approved a plan to build a flood barrier across the mouth of the old port, after two '
  + 'winters of '
  + 'storms that flooded the lower town.</p><p>"We cannot ask people to sandbag their homes every January," said Ana Ruiz, the council\'s '
  + 'leader, after the vote.</p><p>Work is due to start in the autumn and to take three years, the council said in a statement.</p>';

describe('a saved web page', () => {
  it('gives the same quotations and speakers as a raw dump of the same article', () => {
    const saved = article(parse('html/json-ld-news-article/input.html'));
    const dump = article(parse('html-and-dump/harbour/dump.txt'));
    const quotes = (a: typeof saved) => a.quotes.map(({ text, speaker, role, named, partial }) => ({
      text, speaker, role, named, partial,
    }));
    expect(quotes(saved)).toEqual(quotes(dump));
    expect(quotes(saved).map((q) => q.speaker)).toEqual(['Ana Ruiz', 'Peter Lindqvist', 'Peter Lindqvist']);
    expect(saved.paragraphs).toEqual(dump.paragraphs.filter((p) => p !== 'The harbour wall at high tide on Monday. Photo: Tom Reyes'));
    for (const field of ['headline', 'date', 'slug', 'image'] as const) expect(saved[field]).toEqual(dump[field]);
    expect(saved.source?.url).toBe(dump.source?.url);
    expect(saved.format).toBe('html');
  });

  it('takes a date found only in the page\'s address, and warns that it did', () => {
    const html = page('<title>Barrier approved</title><link rel="canonical" href="https://news.example/2024/03/05/barrier-approved/">',
      `<article><h1>Barrier approved</h1>${STORY}</article>`);
    const outcome = parseArticle({ path: 'barrier.html', text: html });
    expect(article(outcome).date).toBe('2024-03-05');
    expect(outcome.warnings.map(formatDiagnostic)).toEqual([
      'barrier.html:1: expected a publication date in the page, found only the address\'s 2024-03-05 '
        + '(the date is taken from the address; check it)',
    ]);
  });

  it('takes og:title\'s printing of the headline when the JSON-LD one lost its punctuation, and an <h1> with an ellipsis', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Spains barrier plan approved",'
      + '"datePublished":"2024-03-05"}</script>';
    const lost = page(`${ld}<meta property="og:title" content="Spain's barrier plan approved">`, `<article>${STORY}</article>`);
    expect(article(parseArticle({ path: 'lost.html', text: lost })).headline).toBe('Spain\'s barrier plan approved');
    const cut = page('<meta property="og:title" content="Barrier plan approved for the old ... - Harbour Times">'
      + '<meta property="article:published_time" content="2024-03-05">',
    `<article><h1>Barrier plan approved for the old …</h1>${STORY}</article>`);
    expect(article(parseArticle({ path: 'cut.html', text: cut })).headline).toBe('Barrier plan approved for the old …');
  });

  it('keeps a list of short lines that ends the story (winners, names), where a short run of them would be the site\'s chrome', () => {
    const names = ['Dann Huff', 'Michael Knox', 'Joey Moi', 'Jay Joyce', 'Dave Cobb', 'Luke Laird', 'Shane McAnally'];
    const html = page('<meta property="og:title" content="Award winners"><meta property="article:published_time" content="2024-03-05">',
      `<article><h1>Award winners</h1>${STORY}<p>Producer of the year:</p>${names.map((n) => `<p>${n}</p>`).join('')}</article>`);
    expect(article(parseArticle({ path: 'winners.html', text: html })).paragraphs.slice(-7)).toEqual(names);
  });

  it('is a located error when it has no date anywhere, and when it is no page at all', () => {
    const text = page('<title>Barrier approved</title>', `<article><h1>Barrier approved</h1>${STORY}</article>`);
    const undated = parseArticle({ path: 'undated.html', text });
    expect(!undated.ok && formatDiagnostic(undated.error)).toMatch(/^undated\.html:1: expected a publication date .*, found none$/);
    const plain = parseArticle({ path: 'notes.html', text: 'Just some words, no markup at all.' });
    expect(!plain.ok && formatDiagnostic(plain.error)).toBe('notes.html:1: expected a saved web page (HTML), found no HTML elements');
  });

  it('is a located error when a wiki\'s or a forum\'s software made it', () => {
    const html = page('<meta name="generator" content="MediaWiki 1.31.0"><meta property="article:published_time" content="2024-03-05">'
      + '<title>Harbour - Town Wiki</title>', `<div id="content"><h1>Harbour</h1>${STORY}</div>`);
    const outcome = parseArticle({ path: 'wiki.html', text: html });
    const message = !outcome.ok && formatDiagnostic(outcome.error);
    expect(message).toMatch(/^wiki\.html:1: expected an article page, found a page made by MediaWiki/);
  });

  it('takes the article\'s own date line before a date the rest of the page prints', () => {
    const html = page('<title>Barrier approved</title>', '<div class="top"><span class="date">Tue, 6 Mar 2024</span></div>'
      + `<article><h1>Barrier approved</h1><p>Harbour Desk, 5 March 2024, 10:30</p>${STORY}</article>`);
    const outcome = parseArticle({ path: 'dated.html', text: html });
    expect(article(outcome).date).toBe('2024-03-05');
    expect(article(outcome).paragraphs[0]).toMatch(/^The harbour council/);
  });

  it('takes a dateline printed just under the headline, in an element named for nothing', () => {
    const head = '<title>Barrier approved</title><meta property="og:type" content="article">';
    const html = page(head, '<div class="masthead"><h1>Barrier approved</h1><ul><li><div>March 05, 2024</div></li>'
      + `<li><a href="#comments">Comments (3)</a></li></ul></div><div class="story">${STORY}</div>`);
    expect(article(parseArticle({ path: 'bare.html', text: html })).date).toBe('2024-03-05');
  });

  it('brings no script, style, frame, form, event attribute, tracking pixel or image into the body the site prints', () => {
    const saved = article(parse('html/scripts-and-event-attributes/input.html'));
    const html = renderBody(saved.body);
    expect(html).not.toMatch(/<(?:script|style|iframe|form|input|img|noscript)\b/i);
    expect(html).not.toMatch(/\son[a-z]+=|javascript:|tracker\.example|ads\.example/i);
    expect(html).toContain('<a href="https://court.example/rulings/2024/17">the court’s notice</a>');
    const figure = article(parse('html/json-ld-news-article/input.html'));
    expect(renderBody(figure.body)).not.toContain('<img');
  });

  it('keeps its saved files folder out of the archive in silence, and warns about every other file that is no article', async () => {
    const saved = readFileSync(path.join(FIXTURES, 'html', 'json-ld-news-article', 'input.html'), 'utf8')
      .replace('https://cdn.coastal-courier.example/barrier.jpg', 'Harbour_files/barrier.jpg');
    const content = await contentFolder({
      'Harbour.html': saved, 'Harbour_files/barrier.jpg': 'JPEG', 'Harbour_files/style.css': 'body {}', 'Harbour_files/app.js': 'alert(1)',
      'notes.docx': 'PK', 'scans/report.pdf': '%PDF', 'README': 'what this folder is',
    });
    const { out, report } = await buildSite(content);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => `${path.relative(content, w.file)}: ${w.found}`).sort()).toEqual([
      'README: a file without an extension', 'notes.docx: a .docx file', 'scans/report.pdf: a .pdf file',
    ]);
    const page = readFileSync(path.join(out, 'articles', 'harbour-council-approves-flood-barrier-plan', 'index.html'), 'utf8');
    expect(page).toContain('We cannot ask people to sandbag their homes every January');
    expect(page).not.toMatch(/Harbour_files|barrier\.jpg|<img/);
  }, 60_000);

  it('reads a page in the encoding its <meta charset> declares, without a warning', async () => {
    const content = await contentFolder({});
    const { copyFile } = await import('node:fs/promises');
    await copyFile(path.join(FIXTURES, 'html', 'windows-1252', 'input.html'), path.join(content, 'cafe.html'));
    const { readContent } = await import('../src/read/index.js');
    const read = await readContent(content, ['.html']);
    expect(read.warnings).toEqual([]);
    expect(read.files[0]!.text).toContain('Café owners protest new “terrace tax”');
  });

  it('reads a Windows-1252 page as its bytes say', () => {
    const saved = article(parse('html/windows-1252/input.html'));
    expect(saved.headline).toBe('Café owners protest new “terrace tax”');
    expect(saved.quotes[0]?.speaker).toBe('José Ortega');
  });

  it('parses a 10 MB page, its text in one long article, without stalling', () => {
    const sentence = 'The council met again on Tuesday and the meeting went on late into the night, officials said. ';
    const paragraph = `<p>${sentence.repeat(3)}</p>`;
    const big = page('<meta property="og:type" content="article"><meta property="article:published_time" content="2024-03-05">'
      + '<title>A very long record of the council</title>',
    `<article><h1>A very long record of the council</h1>${paragraph.repeat(35_000)}</article>`);
    expect(big.length).toBeGreaterThan(10_000_000);
    const saved = article(parseArticle({ path: 'long.html', text: big }));
    expect(saved.paragraphs.length).toBeGreaterThan(30_000);
  }, 120_000);
});
