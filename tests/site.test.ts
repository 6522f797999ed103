import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SEED, buildSite, contentFolder, readSite, tempDir } from './helpers/site.js';

/** Every element of an HTML document, as a browser's parser would see them. */
function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        out.push(node);
        walk(node.children);
      }
    }
  };
  walk(parseDocument(html).children);
  return out;
}

const SEED_URL = 'articles/trump-and-putin-shared-warm-memories-of-russia-us-alliance-in-wwii-kremlin-official-says/';
const RELATED_MD = `---
title: "Senior Russian Lawmaker Calls Trump ‘Weak’ Over WWII Comments"
date: 2025-05-09
tags: [Russia]
source: {url: "https://www.themoscowtimes.com/2025/05/09/senior-lawmaker-a89000"}
---
A senior Russian lawmaker called U.S. President Donald Trump "weak" on Friday.
`;

describe('a site built from the seed and a Markdown article', () => {
  let site: Map<string, string>;
  let home: string;
  let page: string;

  beforeAll(async () => {
    const content = await contentFolder({ '2025/lawmaker.md': RELATED_MD }, [SEED]);
    const { out, report } = await buildSite(content);
    expect(report.errors).toEqual([]);
    site = await readSite(out);
    home = site.get('index.html') ?? '';
    page = site.get(`${SEED_URL}index.html`) ?? '';
  });

  it('links the home page to the seed article page, newest first', () => {
    expect(home).toContain(`href="${SEED_URL}"`);
    expect(home.indexOf('Trump and Putin Shared')).toBeLessThan(home.indexOf('Senior Russian Lawmaker'));
  });

  it('shows headline, date, source and excerpt on the home page', () => {
    expect(home).toContain('<time datetime="2025-05-20">May 20, 2025</time>');
    expect(home).toContain('The Moscow Times');
    expect(home).toMatch(/<p class="excerpt">U\.S\. President Donald Trump and Russia’s Vladimir Putin/);
  });

  it('renders the article with its headline as the only h1 and a machine-readable date', () => {
    expect(page.match(/<h1/g)).toHaveLength(1);
    expect(page).toContain('<h1>Trump and Putin Shared ‘Warm’ Memories of Russia-U.S. Alliance in WWII, Kremlin Official Says</h1>');
    expect(page).toContain('<time datetime="2025-05-20">');
  });

  it('prints the body, headline, excerpt and quotes with curly marks, the record keeping the marks as written', async () => {
    const body = /<div class="story-body">([\s\S]*?)<\/div>/.exec(page)![1]!.replace(/<[^>]*>/g, '');
    expect(body).toContain('Russia’s Vladimir Putin');
    expect(body).toContain('“The leaders spoke at length and warmly');
    expect(body).toContain('Soviet Union’s wartime losses — an estimated 27 million deaths');
    expect(body).not.toMatch(/["']|&#39;|&quot;/);
    const quotes = /<section class="quotes"[\s\S]*?<\/section>/.exec(page)![0];
    expect(quotes).toContain('simply don’t believe him');
    expect(quotes).not.toMatch(/&#39;|&quot;/);
    expect(page).toContain('<title>Trump and Putin Shared ‘Warm’ Memories');
    const { parseArticle } = await import('../src/parse/index.js');
    const outcome = parseArticle({ path: SEED, text: await readFile(SEED, 'utf8') });
    if (!outcome.ok) throw new Error('the seed should parse');
    expect(outcome.article.headline).toBe("Trump and Putin Shared 'Warm' Memories of Russia-U.S. Alliance in WWII, Kremlin Official Says");
    expect(outcome.article.paragraphs[1]).toMatch(/^"The leaders spoke at length/);
    expect(outcome.article.quotes.map((q) => q.text).join(' ')).toContain("simply don't believe him");
  });

  it('shows the caption and credit', () => {
    expect(page).toContain('Elbe Day, April 25, 1945');
    expect(page).toContain('<span class="credit">Photo: WikiMedia</span>');
  });

  it('marks lost links visibly without making them broken anchors', () => {
    expect(page).toContain('<span class="lost-link">said</span>');
    expect(page).toContain('<span class="lost-link">criticism</span>');
    expect(page).not.toMatch(/<a\b(?![^>]*href)[^>]*>/);
  });

  it('numbers paragraphs so they can be linked to', () => {
    for (let i = 1; i <= 7; i++) expect(page).toContain(`<p id="p${i}">`);
  });

  it('links the related article when it is in the archive, matching across quote styles', () => {
    expect(page).toMatch(/<a href="\.\.\/senior-russian-lawmaker-calls-trump-weak-over-wwii-comments\/">Senior Russian Lawmaker/);
  });

  it('links the repaired original address with the outlet name', () => {
    expect(page).toContain(
      '<a href="https://www.themoscowtimes.com/2025/05/20/'
      + 'trump-and-putin-shared-warm-memories-of-russia-us-alliance-in-wwii-kremlin-official-says-a89146"'
      + ' rel="external noopener">The Moscow Times</a>'
    );
  });

  it('links to the previous article', () => {
    expect(page).toMatch(/rel="prev" href="\.\.\/senior-russian-lawmaker-calls-trump-weak-over-wwii-comments\/"/);
  });

  it('uses only relative links and loads nothing from another host', () => {
    for (const [file, html] of site) {
      if (!file.endsWith('.html')) continue;
      const refs = [...html.matchAll(/<(?:link|script|img|iframe|source)\b[^>]*(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
      for (const ref of refs) {
        if (ref.startsWith('https://example.org/')) continue; // canonical link
        expect(ref, `${file} loads ${ref}`).not.toMatch(/^(?:[a-z]+:)?\/\//i);
      }
    }
  });

  it('copies public/ as-is', async () => {
    expect(site.get('assets/site.css')).toBe(await readFile(path.join(ROOT, 'public/assets/site.css'), 'utf8'));
  });
});

describe('hostile content never reaches the output as markup', () => {
  it('escapes or strips <script>, event handlers and javascript: URLs from every field', async () => {
    const content = await contentFolder({
      'evil.md': `---
title: '<script>alert("t")</script><img src=x onerror=alert(1)>'
date: 2025-01-01
byline: '<b onmouseover="alert(2)">Mallory</b>'
tags: ['<script>alert(3)</script>']
image: {caption: '<svg onload=alert(4)>', credit: '"><script>alert(5)</script>'}
source: {url: 'https://example.com/"><script>alert(6)</script>', name: '<script>alert(7)</script>'}
related: ['<iframe src=javascript:alert(8)>']
---
Text <script>alert(9)</script> <img src=x onerror="alert(10)"> <a href="javascript:alert(11)" onclick="alert(12)">x</a>

[click](javascript:alert(13)) <iframe src="https://evil.example"></iframe> <svg onload="alert(14)"></svg>
`,
      'evil.txt': `<script>alert(15)</script> Headline <img src=x onerror=alert(16)>

May 1, 2025

Caption <script>alert(17)</script>. Photo: <b onclick=alert(18)>X</b>

Body <a href="javascript:alert(19)">link</a> and <u onclick="x">u</u> <script>alert(20)</script>.

Related article: <script>alert(21)</script>

Original url: https://example.com/a"onmouseover="alert(22)
`,
    });
    const { out, report } = await buildSite(content);
    expect(report.errors).toEqual([]);
    const site = await readSite(out);
    const pages = [...site].filter(([f]) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const [file, html] of pages) {
      for (const element of elements(html)) {
        if (element.name === 'script') {
          // Only the site's own scripts: structured data that parses as JSON with no markup in it, or its search code.
          const src = element.attribs['src'];
          if (src) expect(src, file).toMatch(/^(?:\.\.\/)*assets\/search\.js$/);
          else {
            expect(element.attribs['type'], file).toBe('application/ld+json');
            const json = element.children.map((c) => ('data' in c ? c.data : '')).join('');
            expect(json, file).not.toMatch(/</);
            expect(() => JSON.parse(json), file).not.toThrow();
          }
          continue;
        }
        expect(['iframe', 'svg', 'img', 'object', 'embed'], `${file}: <${element.name}>`).not.toContain(element.name);
        for (const [name, value] of Object.entries(element.attribs)) {
          expect(name, `${file}: <${element.name} ${name}>`).not.toMatch(/^on/i);
          expect(value, `${file}: <${element.name} ${name}="${value}">`).not.toMatch(/^\s*javascript:/i);
        }
      }
    }
  });
});

describe('building', () => {
  it('builds for a path prefix with canonical addresses under it', async () => {
    const content = await contentFolder({}, [SEED]);
    const { out } = await buildSite(content, { pathPrefix: '/news/', baseUrl: 'https://archive.example' });
    const page = await readFile(path.join(out, SEED_URL, 'index.html'), 'utf8');
    expect(page).toContain(`<link rel="canonical" href="https://archive.example/news/${SEED_URL}">`);
    expect(page).toContain('href="/news/assets/site.css"');
    expect(page).toContain('href="/news/people/yury-ushakov/"');
    const notFound = await readFile(path.join(out, '404.html'), 'utf8');
    expect(notFound).toContain('href="/news/assets/site.css"');
  });

  it('gives the same bytes for the same content', async () => {
    const content = await contentFolder({ 'a.md': RELATED_MD }, [SEED]);
    const first = await readSite((await buildSite(content)).out);
    const second = await readSite((await buildSite(content)).out);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, text] of first) expect(second.get(file), file).toBe(text);
  });

  it('renders the bulk pages byte for byte as Eleventy would', async () => {
    const content = await contentFolder({ 'a.md': RELATED_MD, 'b.md': '---\ntitle: "Budget & <vote>"\ndate: 2024-02-02\ntags:'
      + ' [Budget]\n---\n"It passed," said Mayor Jane Roe.\n' }, [SEED]);
    for (const prefix of ['/', '/news/']) {
      const fast = await readSite((await buildSite(content, { pathPrefix: prefix, perPage: 1 })).out);
      const eleventy = await readSite((await buildSite(content, { pathPrefix: prefix, perPage: 1 }, undefined, true)).out);
      expect([...fast.keys()]).toEqual([...eleventy.keys()]);
      for (const [file, text] of eleventy) expect(fast.get(file), `${prefix} ${file}`).toBe(text);
    }
  }, 30_000);

  it('counts listing pages from the oldest, so an address keeps its articles as the archive grows', async () => {
    const files: Record<string, string> = {};
    const story = (i: number): string => `---\ntitle: Story number ${i}\ndate: 2025-01-0${i}\n---\nBody of story ${i}.\n`;
    for (let i = 1; i <= 5; i++) files[`a${i}.md`] = story(i);
    const content = await contentFolder(files);
    const { out } = await buildSite(content, { perPage: 2 });
    const before = await readSite(out);
    // The home page holds the newest, between one and two pages' worth; page 1 the oldest.
    expect(before.get('index.html')).toMatch(/Story number 5[\s\S]*Story number 4[\s\S]*Story number 3/);
    expect(before.get('index.html')).toContain('href="page/1/"');
    expect(before.get('page/1/index.html')).toMatch(/Story number 2[\s\S]*Story number 1/);
    expect(before.get('page/1/index.html')).toContain('page 1, January 1, 2025 – January 2, 2025');
    expect(before.has('page/2/index.html')).toBe(false);
    await writeFile(path.join(content, 'a6.md'), story(6));
    const after = await readSite((await buildSite(content, { perPage: 2 })).out);
    const relinked = before.get('page/1/index.html')!.replace('rel="prev" href="../../"', 'rel="prev" href="../2/"');
    expect(after.get('page/1/index.html')).toBe(relinked);
    expect(after.get('page/2/index.html')).toMatch(/Story number 4[\s\S]*Story number 3/);
    expect(after.get('page/2/index.html')).toMatch(/rel="prev" href="\.\.\/\.\.\/">← Newer/);
    expect(after.get('index.html')).toMatch(/Story number 6[\s\S]*Story number 5/);
    expect(after.get('index.html')).not.toContain('Story number 4');
  });

  it('gives two articles with one headline two pages, the earlier keeping the plain slug', async () => {
    const same = (date: string) => `---\ntitle: Same headline\ndate: ${date}\n---\nBody ${date}.\n`;
    const { out } = await buildSite(await contentFolder({ 'b.md': same('2025-02-01'), 'a.md': same('2025-03-01') }));
    const site = await readSite(out);
    expect(site.get('articles/same-headline/index.html')).toContain('Body 2025-02-01.');
    expect(site.get('articles/same-headline-2/index.html')).toContain('Body 2025-03-01.');
  });

  it('leaves the previous site untouched when an article is bad', async () => {
    const content = await contentFolder({}, [SEED]);
    const { out } = await buildSite(content);
    const before = await readSite(out);
    await writeFile(path.join(content, 'bad.txt'), 'Headline only\n\nno date here\n');
    const { report } = await buildSite(content, {}, out);
    expect(report.ok).toBe(false);
    expect(report.files).toBeNull();
    expect(report.errors.map((e) => e.file)).toEqual([path.join(content, 'bad.txt').split(path.sep).join('/')]);
    expect(await readSite(out)).toEqual(before);
  });

  it('never writes into the content folder', async () => {
    const content = await contentFolder({ 'a.md': RELATED_MD }, [SEED]);
    await mkdir(path.join(content, 'sub'));
    const before = await readSite(content);
    await buildSite(content);
    expect(await readSite(content)).toEqual(before);
  });
});

describe('the templates Eleventy renders', () => {
  it('get the per-page collections only when one of their tags uses them, prose and quoted paths aside', async () => {
    const { needsCollections } = await import('../src/site/eleventy-data.js');
    const dir = await tempDir('broadsheet-templates-');
    await writeFile(
      path.join(dir, 'prose.njk'),
      "---\ndescription: The archive's articles and lists.\n---\n<p>All the articles.</p><a href=\"{{ '/articles/' | href }}\">x</a>\n"
    );
    await writeFile(path.join(dir, 'loop.njk'), '<ul>{% for a in articles %}<li>{{ a.url }}</li>{% endfor %}</ul>\n');
    await writeFile(path.join(dir, 'count.njk'), '---\ntitle: "{{ lists.length }} pages"\n---\n');
    expect(await needsCollections(dir, ['prose.njk'])).toBe(false);
    expect(await needsCollections(dir, ['prose.njk', 'loop.njk'])).toBe(true);
    expect(await needsCollections(dir, ['count.njk'])).toBe(true);
    expect(await needsCollections(dir, ['missing.njk'])).toBe(true);
    // A field of that name on something else is not the collection (the data page shows `dataExport.articles`).
    await writeFile(path.join(dir, 'field.njk'), '<p>{{ dataExport.articles }}, {{ p.people }}, {{ x.letterPages }}</p>\n');
    expect(await needsCollections(dir, ['field.njk'])).toBe(false);
    expect(await needsCollections(dir, ['field.njk', 'count.njk'])).toBe(true);
  });

  it('get neither articles nor people from the project\'s own templates (posting them made the worker reparse every body)', async () => {
    const { needsCollections } = await import('../src/site/eleventy-data.js');
    const { readdir } = await import('node:fs/promises');
    const templates = path.join(ROOT, 'templates');
    const includes = (await readdir(path.join(templates, '_includes'))).map((n) => `_includes/${n}`);
    const names = [...(await readdir(templates)).filter((n) => n.endsWith('.njk')), ...includes];
    const bulk = ['article.njk', 'list.njk', 'person.njk', 'letter.njk'];
    expect(await needsCollections(templates, names.filter((n) => !bulk.includes(n)))).toBe(false);
  });

  it('get the feed\'s articles without their body trees, and a cached article is not parsed again to leave its tree out', async () => {
    const { dataForEleventy } = await import('../src/site/eleventy-data.js');
    const { siteData } = await import('../src/site/data.js');
    const { buildArchive } = await import('../src/archive/index.js');
    const { parseArticle } = await import('../src/parse/index.js');
    const { DEFAULT_CONFIG } = await import('../src/read/index.js');
    const outcome = parseArticle({ path: 'a.md', text: RELATED_MD });
    if (!outcome.ok) throw new Error('expected the article to parse');
    // As a cached article holds its tree: made by parsing again, the first time something asks.
    let asked = 0;
    const { body: tree, ...rest } = outcome.article;
    const article = Object.defineProperty({ ...rest }, 'body', { enumerable: true, get: () => (asked++, tree) }) as typeof outcome.article;
    const data = siteData(buildArchive([article], DEFAULT_CONFIG), new Map([['a.md', new TextEncoder().encode('<p>Body</p>')]]));
    const sent = dataForEleventy(data, false);
    expect(sent.data.feed.map((page) => page.article.headline)).toEqual([article.headline]);
    expect(Object.keys(sent.data.feed[0]!.article)).not.toContain('body');
    expect(asked).toBe(0);
  });
});
