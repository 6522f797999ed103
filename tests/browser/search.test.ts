import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, serveStatic } from '../helpers/serve.js';
import { ROOT, SEED, age, buildSite, contentFolder, tempDir } from '../helpers/site.js';
import { LAUNCH, watchedPage } from './chromium.js';

/** Three articles over three years; only one has the word "zymurgy". */
const ARCHIVE = {
  'brewing.md': '---\ntitle: Monastery revives medieval brewing\ndate: 2024-03-02\n---\nThe monks describe their craft as zymurgy, the'
    + ' science of fermentation.\n',
  'harbour.md': '---\ntitle: Harbour wall repaired after storm\ndate: 2023-03-03\n---\nEngineers finished repairs to the harbour wall on'
    + ' Friday.\n',
};

/** Waits until `url` answers 200. */
async function answering(url: string, child: ChildProcess, timeout = 90_000): Promise<void> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`expected npm start to keep serving, found it exited with ${child.exitCode}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`expected ${url} to answer within ${timeout} ms`);
}

/**
 * Opens `home`, types `word` into the header's search box, and follows the one result to its article.
 * Fails on any script error or request to another host.
 */
async function searchFromHome(browser: Browser, home: string, word: string, headline: string, article: string): Promise<void> {
  const { page, problems } = await watchedPage(browser, new URL(home).origin);
  await page.goto(home);
  await page.getByRole('searchbox', { name: 'Search the archive' }).fill(word);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.url()).toBe(`${home}search/?q=${word}`);
  const results = page.locator('.search-result-link');
  await results.first().waitFor({ timeout: 15_000 }).catch(() => undefined);
  expect(problems).toEqual([]);
  expect(await results.count()).toBe(1);
  expect(await results.first().textContent()).toContain(headline);
  await results.first().click();
  await expect.poll(() => page.url()).toBe(`${home}${article}`);
  expect(await page.locator('h1').textContent()).toBe(headline);
  expect(problems).toEqual([]);
  await page.close();
}

describe('searching from the header box, in every placement the README promises', () => {
  let browser: Browser;
  let content: string;
  const servers: { close: () => Promise<void> }[] = [];
  let npmStart: ChildProcess | undefined;

  beforeAll(async () => {
    // Markdown, a raw dump (the seed) and a saved web page: the three formats in one archive.
    const saved = await readFile(path.join(ROOT, 'tests', 'fixtures', 'html', 'json-ld-news-article', 'input.html'), 'utf8');
    content = await contentFolder({ ...ARCHIVE, 'harbour-barrier.html': saved }, [SEED]);
    browser = await chromium.launch(LAUNCH);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
    if (npmStart?.pid) process.kill(-npmStart.pid, 'SIGTERM');
  });

  it('finds an article on a root build served at /', async () => {
    const { out } = await buildSite(content);
    const server = await serveStatic(out, '/');
    servers.push(server);
    await searchFromHome(
      browser, server.url, 'zymurgy', 'Monastery revives medieval brewing', 'articles/monastery-revives-medieval-brewing/'
    );
    // A word only the saved web page has.
    await searchFromHome(
      browser, server.url, 'sandbag', 'Harbour council approves flood barrier plan',
      'articles/harbour-council-approves-flood-barrier-plan/'
    );
  }, 60_000);

  it('finds an article on a --path-prefix /news/ build served under /news/', async () => {
    const { out } = await buildSite(content, { pathPrefix: '/news/' });
    const server = await serveStatic(out, '/news/');
    servers.push(server);
    await searchFromHome(
      browser, server.url, 'zymurgy', 'Monastery revives medieval brewing', 'articles/monastery-revives-medieval-brewing/'
    );
  }, 60_000);

  it('finds an article on a root build copied into a sub-folder of a static server', async () => {
    const { out } = await buildSite(content);
    const host = await tempDir('broadsheet-host-');
    await mkdir(path.join(host, 'mirrors', '2025'), { recursive: true });
    await cp(out, path.join(host, 'mirrors', '2025', 'old site'), { recursive: true });
    const server = await serveStatic(host, '/');
    servers.push(server);
    await searchFromHome(
      browser, `${server.url}mirrors/2025/old%20site/`, 'zymurgy', 'Monastery revives medieval brewing',
      'articles/monastery-revives-medieval-brewing/'
    );
  }, 60_000);

  it('finds an article right after it is added, in a rebuild over the last site and build state', async () => {
    const archive = await contentFolder(ARCHIVE);
    const out = path.join(await tempDir('broadsheet-added-'), '_site');
    const cache = await tempDir('broadsheet-cache-');
    await age(archive);
    await buildSite(archive, {}, out, false, cache);
    const server = await serveStatic(out, '/');
    servers.push(server);
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=quokkas`);
    await page.locator('.search-status').filter({ hasText: /result/ }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.search-result-link').count()).toBe(0);
    await page.close();
    // Added to a year the index already has, and dated newest: the rebuild re-indexes that year only.
    const quokkas = '---\ntitle: Island counts its quokkas\ndate: 2024-06-01\n---\nRangers counted the quokkas on Rottnest this week.\n';
    await writeFile(path.join(archive, 'quokkas.md'), quokkas);
    await age(archive, ['quokkas.md']);
    const { report } = await buildSite(archive, {}, out, false, cache);
    expect(report.unchanged).toBeGreaterThan(0);
    await searchFromHome(browser, server.url, 'quokkas', 'Island counts its quokkas', 'articles/island-counts-its-quokkas/');
  }, 90_000);

  it('finds an article on the site npm start serves, and an article added or a template changed while it serves', async () => {
    const port = await freePort();
    const out = path.join(await tempDir('broadsheet-serve-'), '_site');
    const cache = await tempDir('broadsheet-cache-');
    // Its own content and templates: this test changes them.
    const served = await contentFolder(ARCHIVE, [SEED]);
    const templates = path.join(await tempDir('broadsheet-templates-'), 'templates');
    await cp(path.join(ROOT, 'templates'), templates, { recursive: true });
    const args = ['start', '--', '--content', served, '--templates', templates, '--out', out, '--cache-dir', cache, '--port', String(port)];
    npmStart = spawn('npm', args, {
      cwd: ROOT, detached: true, stdio: 'ignore',
    });
    const home = `http://localhost:${port}/`;
    await answering(`${home}search/`, npmStart);
    await searchFromHome(browser, home, 'zymurgy', 'Monastery revives medieval brewing', 'articles/monastery-revives-medieval-brewing/');
    // A content change is built in the server's own process.
    const quokkas = '---\ntitle: Island counts its quokkas\ndate: 2024-06-01\n---\nRangers counted the quokkas on Rottnest this week.\n';
    await writeFile(path.join(served, 'quokkas.md'), quokkas);
    await answering(`${home}articles/island-counts-its-quokkas/`, npmStart);
    await searchFromHome(browser, home, 'quokkas', 'Island counts its quokkas', 'articles/island-counts-its-quokkas/');
    // A template change is built in a fresh process; content changes after it are built here again.
    const base = path.join(templates, '_includes', 'base.njk');
    const layout = await readFile(base, 'utf8');
    await writeFile(base, layout.replace('</body>', '<!-- served after a template change --></body>'));
    const changed = async (): Promise<boolean> =>
      (await fetch(home).then((r) => r.text(), () => '')).includes('served after a template change');
    await expect.poll(changed, { timeout: 60_000 }).toBe(true);
    const walrus = '---\ntitle: Walrus naps on the slipway\ndate: 2024-07-01\n---\nA walrus slept on the lifeboat slipway all afternoon.\n';
    await writeFile(path.join(served, 'walrus.md'), walrus);
    await answering(`${home}articles/walrus-naps-on-the-slipway/`, npmStart);
    await searchFromHome(browser, home, 'walrus', 'Walrus naps on the slipway', 'articles/walrus-naps-on-the-slipway/');
    expect(await fetch(`${home}articles/walrus-naps-on-the-slipway/`).then((r) => r.text())).toContain('served after a template change');
  }, 240_000);
});

/** Four storm stories over three years, quoting two people; one has a source. */
const STORMS = {
  'harbour.md': '---\ntitle: Harbour wall repaired after storm\ndate: 2023-03-03\n---\nEngineers finished repairs after the storm. "It'
    + ' held," said Ruth Mendel, the harbour engineer.\n',
  'flood.md': '---\ntitle: Flood barriers tested before winter\ndate: 2024-10-01\n---\nThe barriers held in the storm. "We were lucky this'
    + ' time," said Ahmed Karimi, the mayor.\n',
  'ferry.md': '---\ntitle: Ferry service resumes\ndate: 2024-11-12\n---\nFerries sailed again after the storm. "The quay is safe," said'
    + ' Ruth Mendel, the harbour engineer.\n',
  'tariffs.md': '---\ntitle: Tariffs rise for AT&T\ndate: 2024-03-02\n---\nThe ratio was 3 < 4 & rising, '
    + 'the analyst said of <b>zebrafish</b> <img src=x onerror="window.hacked=1"> exports.\n',
  'levy.md': '---\ntitle: Council approves storm levy\ndate: 2025-02-07\n'
    + 'source: {url: "https://www.reuters.com/world/council-approves-storm-levy-2025-02-07/"}\n---\nThe levy pays for storm repairs.'
    + ' "It is fair," said Ahmed Karimi, the mayor.\n',
};

/** The headlines the search page lists, in order. */
async function headlines(page: Page): Promise<string[]> {
  return (await page.locator('.search-result-link').allTextContents()).map((t) => t.trim());
}

describe('search results and filters, on a multi-year archive', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const { out } = await buildSite(await contentFolder(STORMS), { pathPrefix: '/news/' });
    server = await serveStatic(out, '/news/');
    browser = await chromium.launch(LAUNCH);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows each result with its date and its source', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=levy`);
    const result = page.locator('.search-result');
    await result.first().waitFor({ timeout: 15_000 });
    expect(await result.count()).toBe(1);
    const byline = result.first().locator('.search-byline');
    expect(await byline.textContent()).toBe('February 7, 2025 · Reuters');
    expect(await byline.locator('time').getAttribute('datetime')).toBe('2025-02-07');
    await page.close();
  }, 30_000);

  it('prints an excerpt as the article\'s text, with only the words found marked', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=zebrafish`);
    const excerpt = page.locator('.search-result .search-excerpt');
    await excerpt.first().waitFor({ timeout: 15_000 });
    expect(await excerpt.first().textContent()).toContain('3 < 4 & rising');
    expect(await excerpt.first().evaluate((p) => Array.from(p.children, (c) => c.tagName))).toEqual(['MARK']);
    expect(await excerpt.first().locator('mark').textContent()).toMatch(/^zebrafish/);
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    await page.close();
  }, 30_000);

  it('narrows results by year, by person quoted, by both, and by source', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}search/?q=storm`);
    await expect.poll(() => headlines(page), { timeout: 15_000 }).toHaveLength(4);
    const filter = async (group: string, value: string): Promise<void> => {
      const block = page.locator('.search-filter', { has: page.locator('summary', { hasText: group }) });
      if ((await block.getAttribute('open')) === null) await block.locator('summary').click();
      await block.getByRole('checkbox', { name: new RegExp(`^${value} \\(`) }).click();
    };
    await filter('Year', '2024');
    await expect.poll(async () => (await headlines(page)).sort()).toEqual(['Ferry service resumes', 'Flood barriers tested before winter']);
    await filter('Person quoted', 'Ruth Mendel');
    await expect.poll(() => headlines(page)).toEqual(['Ferry service resumes']);
    await filter('Year', '2024');
    await expect.poll(async () => (await headlines(page)).sort()).toEqual(['Ferry service resumes', 'Harbour wall repaired after storm']);
    await filter('Person quoted', 'Ruth Mendel');
    await filter('Source', 'Reuters');
    await expect.poll(() => headlines(page)).toEqual(['Council approves storm levy']);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'screenshots', 'search-filters.png'), fullPage: true });
    await page.close();
  }, 30_000);
});

describe('searching the archive in Chromium, on a site served under /news/', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const { out } = await buildSite(await contentFolder(ARCHIVE, [SEED]), { pathPrefix: '/news/' });
    server = await serveStatic(out, '/news/');
    browser = await chromium.launch(LAUNCH);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('tells readers without JavaScript how else to find articles', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page: Page = await context.newPage();
    await page.goto(`${server.url}search/?q=harbour`);
    expect(await page.locator('#search').textContent()).toContain('Search runs in your browser and needs JavaScript');
    await context.close();
  }, 30_000);
});
