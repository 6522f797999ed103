import { cp } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../helpers/serve.js';
import { buildSite, contentFolder, tempDir } from '../helpers/site.js';
import { LAUNCH, watchedPage } from './chromium.js';

/** Storm stories over three years, quoting two people, each with a topic. */
const ARCHIVE = {
  'harbour.md': '---\ntitle: Harbour wall repaired after storm\ndate: 2023-03-03\ntags: [Storms]\n---\n'
    + 'Engineers finished repairs after the storm. "It held," said Ruth Mendel, the harbour engineer.\n',
  'flood.md': '---\ntitle: Flood barriers tested before winter\ndate: 2024-10-01\ntags: [Storms]\n---\n'
    + 'The barriers held in the storm. "We were lucky this time," said Ahmed Karimi, the mayor.\n',
  'ferry.md': '---\ntitle: Ferry service resumes\ndate: 2024-11-12\ntags: [Ferries]\n---\n'
    + 'Ferries sailed again after the storm. "The quay is safe," said Ruth Mendel, the harbour engineer.\n',
  'levy.md': '---\ntitle: Council approves storm levy\ndate: 2025-02-07\ntags: [Storms]\n---\n'
    + 'The levy pays for storm repairs. "It is fair," said Ahmed Karimi, the mayor.\n',
};

/** Follows the first link matching `selector`, and checks the page it opens is a page of the site, not a folder's listing. */
async function follow(page: Page, selector: string, heading: RegExp): Promise<void> {
  await page.locator(selector).first().click();
  await page.waitForLoadState();
  expect(page.url()).toMatch(/\.html(?:[?#].*)?$/);
  expect(await page.title()).not.toMatch(/^Index of/);
  expect(await page.locator('h1').first().textContent()).toMatch(heading);
}

describe('a portable build, opened from its folder (file://) with no server', () => {
  let browser: Browser;
  let site: string;

  beforeAll(async () => {
    const { out } = await buildSite(await contentFolder(ARCHIVE), { portable: true });
    // Copied where an archivist would keep it: a folder with a space in its name.
    const folder = path.join(await tempDir('broadsheet-usb-'), 'Storm archive');
    await cp(out, folder, { recursive: true });
    site = pathToFileURL(folder).href + '/';
    browser = await chromium.launch(LAUNCH);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('clicks from the home page to an article, a person, a topic, a year of the archive and back home: every page is a page', async () => {
    const { page, problems } = await watchedPage(browser, site);
    await page.goto(`${site}index.html`);
    await follow(page, 'main a[href*="articles/council-approves-storm-levy/"]', /Council approves storm levy/);
    await follow(page, 'main a[href*="people/ahmed-karimi/"]', /Ahmed Karimi/);
    await follow(page, 'main a[href*="articles/flood-barriers-tested-before-winter/"]', /Flood barriers tested before winter/);
    await follow(page, 'main a[href*="topics/storms/"]', /Storms/);
    await follow(page, 'nav a[href$="archive/index.html"]', /Archive/);
    await follow(page, 'main a[href$="2023/index.html"]', /2023/);
    await follow(page, 'main a[href*="articles/harbour-wall-repaired-after-storm/"]', /Harbour wall repaired after storm/);
    await page.locator('header a[href$="index.html"]').first().click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${site}index.html`);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('searches a headline word and a person\'s name from the header box, and follows a result to its article', async () => {
    const { page, problems } = await watchedPage(browser, site);
    await page.goto(`${site}articles/ferry-service-resumes/index.html`);
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('levy');
    await page.keyboard.press('Enter');
    await page.locator('.search-result-link').first().waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(`${site}search/index.html?q=levy`);
    const note = await page.locator('.search-disk-note').textContent();
    expect(note).toContain('searches headlines, the people quoted, topics, sources and dates');
    expect(await page.locator('.search-result-link').allTextContents()).toEqual(['Council approves storm levy']);

    await page.getByRole('searchbox', { name: 'Words to search for' }).fill('Ruth Mendel');
    await page.getByRole('button', { name: 'Search', exact: true }).last().click();
    await expect.poll(() => page.locator('.search-status').textContent()).toMatch(/^2 results for “Ruth Mendel”/);
    await expect.poll(() => page.locator('.search-status').textContent()).not.toContain('still reading');
    const found = await page.locator('.search-result-link').allTextContents();
    expect(found).toEqual(['Ferry service resumes', 'Harbour wall repaired after storm']);
    await follow(page, '.search-result-link >> text=Harbour wall repaired after storm', /Harbour wall repaired after storm/);
    expect(page.url()).toBe(`${site}articles/harbour-wall-repaired-after-storm/index.html`);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('a portable build served over HTTP', () => {
  it('searches the full text with Pagefind, and its results name their files as the pages\' links do', async () => {
    const { out } = await buildSite(await contentFolder(ARCHIVE), { portable: true });
    const server = await serveStatic(out, '/');
    const browser = await chromium.launch(LAUNCH);
    try {
      const { page, problems } = await watchedPage(browser, server.url);
      // "pays" is in an article's body, not in any headline, name or topic: only the full-text index has it.
      await page.goto(`${server.url}search/index.html?q=pays`);
      await page.locator('.search-result-link').first().waitFor({ timeout: 15_000 });
      expect(await page.locator('.search-disk-note').count()).toBe(0);
      expect(await page.locator('.search-result-link').allTextContents()).toEqual(['Council approves storm levy']);
      await follow(page, '.search-result-link', /Council approves storm levy/);
      expect(page.url()).toBe(`${server.url}articles/council-approves-storm-levy/index.html`);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});

