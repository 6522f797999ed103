import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../helpers/serve.js';
import { SEED, buildSite, contentFolder } from '../helpers/site.js';
import { LAUNCH } from './chromium.js';

describe('searching the archive in Chromium, on a site served under /news/', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const content = await contentFolder({
      'brewing.md': '---\ntitle: Monastery revives medieval brewing\ndate: 2024-03-02\n---\nThe monks describe their craft as zymurgy, the science of fermentation.\n',
      'harbour.md': '---\ntitle: Harbour wall repaired after storm\ndate: 2024-03-03\n---\nEngineers finished repairs to the harbour wall on Friday.\n',
    }, [SEED]);
    const { out } = await buildSite(content, { pathPrefix: '/news/' });
    server = await serveStatic(out, '/news/');
    browser = await chromium.launch(LAUNCH);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds the one article with a word typed into the home page search box, and opens it', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('zymurgy');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('/news/search/?q=zymurgy');
    const results = page.locator('.pagefind-ui__result-link');
    await results.first().waitFor({ timeout: 15_000 });
    expect(await results.count()).toBe(1);
    expect(await results.first().textContent()).toContain('Monastery revives medieval brewing');
    await results.first().click();
    await expect.poll(() => page.url()).toContain('/news/articles/monastery-revives-medieval-brewing/');
    expect(await page.locator('h1').textContent()).toBe('Monastery revives medieval brewing');
    await page.close();
  });

  it('tells readers without JavaScript how else to find articles', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}search/?q=harbour`);
    expect(await page.locator('#search').textContent()).toContain('Search runs in your browser and needs JavaScript');
    await context.close();
  });
});
