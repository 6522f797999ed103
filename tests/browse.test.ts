import { beforeAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../src/archive/index.js';
import { parseArticle } from '../src/parse/index.js';
import { DEFAULT_CONFIG } from '../src/read/index.js';
import type { Article } from '../src/types.js';
import { SEED, buildSite, contentFolder, readSite } from './helpers/site.js';

const md = (title: string, date: string, extra = '', body = 'Body text of the story, long enough to be a lead paragraph for the'
  + ' excerpt.'): string =>
  `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\n${extra}---\n${body}\n`;

describe('browsing a built archive', () => {
  let site: Map<string, string>;

  beforeAll(async () => {
    const content = await contentFolder({
      'a.md': md('Senior Russian Lawmaker Calls Trump ‘Weak’ Over WWII Comments', '2025-05-09', 'tags: [Russia, Kremlin]\nsource: {url:'
        + ' "https://www.themoscowtimes.com/2025/05/09/x-a1"}\n'),
      'b.md': md('Harbour & "Quay" <Works> begin', '2024-12-30', 'tags: [Harbour]\n'),
      'c.md': md('Budget vote delayed', '2025-04-02', 'tags: [Russia]\n'),
    }, [SEED]);
    const { out, report } = await buildSite(content, { perPage: 2 });
    expect(report.errors).toEqual([]);
    site = await readSite(out);
  });

  it('has a date archive of years and months with counts and neighbours', () => {
    const archive = site.get('archive/index.html')!;
    expect(archive).toMatch(/<a href="2025\/">2025<\/a> <span class="count">3 articles<\/span>/);
    expect(archive).toContain('href="2024/12/"');
    const may = site.get('archive/2025/05/index.html')!;
    expect(may).toContain('<h1 class="listing-title">May 2025</h1>');
    expect(may).toMatch(/rel="prev" href="\.\.\/04\/">← April 2025/);
    expect(site.get('archive/2025/index.html')).toMatch(/rel="prev" href="\.\.\/2024\/">← 2024/);
    // Three articles, two a page: the year's own page holds them all (up to two pages' worth).
    expect(site.has('archive/2025/page/1/index.html')).toBe(false);
  });

  it('gives every topic a page and an index, raw articles included', () => {
    expect(site.get('topics/index.html')).toMatch(/<a href="russia\/">Russia<\/a> <span class="count">3 articles<\/span>/);
    expect(site.get('topics/world-war-ii/index.html')).toContain('Trump and Putin Shared');
    expect(site.get('topics/kremlin/index.html')).toContain('Senior Russian Lawmaker');
  });

  it('gives every publication a page', () => {
    expect(site.get('sources/index.html'))
      .toMatch(/<a href="the-moscow-times\/">The Moscow Times<\/a> <span class="count">2 articles<\/span>/);
    expect(site.get('sources/the-moscow-times/index.html')).toContain('Trump and Putin Shared');
  });

  it('shows topics, more on this, and previous and next on an article', () => {
    const page = site.get('articles/trump-and-putin-shared-warm-memories-of-russia-us-alliance-in-wwii-kremlin-official-says/index.html')!;
    expect(page).toContain('<a href="../../topics/russia/">Russia</a>');
    expect(page).toMatch(/<h2 id="more-title">More on this<\/h2>\s*<ul><li><a href="\.\.\/senior-russian-lawmaker/);
    expect(page).toMatch(/<a href="\.\.\/senior-russian-lawmaker-calls-trump-weak-over-wwii-comments\/">Senior Russian Lawmaker/);
  });

  it('describes articles for sharing and for search engines', () => {
    const page = site.get('articles/trump-and-putin-shared-warm-memories-of-russia-us-alliance-in-wwii-kremlin-official-says/index.html')!;
    expect(page).toContain('<meta property="og:type" content="article">');
    expect(page).toContain('<meta name="twitter:card" content="summary">');
    expect(page).toContain('<meta name="description" content="U.S. President Donald Trump and Russia’s Vladimir Putin');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!) as Record<string, unknown>;
    expect(ld).toMatchObject({
      '@type': 'NewsArticle', datePublished: '2025-05-20', publisher: { name: 'The Moscow Times' },
      image: { caption: 'Elbe Day, April 25, 1945' },
    });
    expect(ld['mentions']).toContainEqual({ '@type': 'Person', name: 'Yury Ushakov' });
  });

  it('publishes Atom and JSON feeds, advertised on every page, with titles escaped once', () => {
    const atom = site.get('feed.xml')!;
    expect(atom.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(atom).toContain('<title type="text">Harbour &amp; “Quay” &lt;Works&gt; begin</title>');
    expect(atom).not.toContain('&amp;amp;');
    expect(atom).toContain('<content type="html">&lt;p id=&quot;p1&quot;&gt;');
    const json = JSON.parse(site.get('feed.json')!) as { items: { title: string }[] };
    expect(json.items.map((i) => i.title)).toContain('Harbour & “Quay” <Works> begin');
    expect(site.get('index.html')).toContain('<link rel="alternate" type="application/atom+xml"');
  });

  it('lists every page in the sitemap, which robots.txt points to', () => {
    const sitemap = site.get('sitemap.xml')!;
    const pages = [...site.keys()].filter((f) => f.endsWith('index.html'));
    for (const page of pages) expect(sitemap, page).toContain(`<loc>https://example.org/${page.replace(/index\.html$/, '')}</loc>`);
    expect(site.get('robots.txt')).toContain('Sitemap: https://example.org/sitemap.xml');
  });

  it('never escapes text twice', () => {
    for (const [file, text] of site) if (/\.(html|xml)$/.test(file)) expect(text, file).not.toMatch(/&amp;(?:#\d+|quot|lt|gt|amp);/);
  });

  it('has a search page with a form in every header', () => {
    expect(site.get('index.html')).toContain('<form class="site-search" role="search" action="search/" method="get">');
    expect(site.get('search/index.html')).toContain('data-bundles="../pagefind/2025/ ../pagefind/2024/"');
    // The search page's own script searches through Pagefind's API: Pagefind's ready-made UI is not shipped.
    expect(site.has('pagefind/2025/pagefind.js')).toBe(true);
    expect([...site.keys()].filter((f) => /pagefind-(?:component-|modular-)?ui/.test(f))).toEqual([]);
  });
});

describe('related articles', () => {
  it('are found once per build whatever the quote style, case and punctuation', () => {
    const parse = (path: string, text: string): Article => {
      const outcome = parseArticle({ path, text });
      if (!outcome.ok) throw new Error('parse');
      return outcome.article;
    };
    const a = parse('a.md', md('Senior Russian Lawmaker Calls Trump “Weak” Over WWII Comments!', '2025-05-01'));
    const b = parse('b.md', md('Other', '2025-05-02', 'related: ["senior russian lawmaker calls trump \'weak\' over wwii comments"]\n'));
    const archive = buildArchive([a, b], DEFAULT_CONFIG);
    expect(archive.entries[0]!.related).toEqual([
      {
        headline: "senior russian lawmaker calls trump 'weak' over wwii comments",
        slug: 'senior-russian-lawmaker-calls-trump-weak-over-wwii-comments',
      },
    ]);
  });
});

void SEED;
