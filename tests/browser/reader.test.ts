import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../helpers/serve.js';
import { ROOT, SEED, buildSite, contentFolder } from '../helpers/site.js';
import { LAUNCH } from './chromium.js';

const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

describe('a reader in Chromium, on a site served under /news/', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  const requests: string[] = [];

  beforeAll(async () => {
    const content = await contentFolder({
      'older.md': '---\ntitle: "Senior Russian Lawmaker Calls Trump \'Weak\' Over WWII Comments"\ndate: 2025-05-09\n---\nA senior Russian'
        + ' lawmaker called Trump "weak".\n',
    }, [SEED]);
    const { out } = await buildSite(content, { pathPrefix: '/news/' });
    server = await serveStatic(out, '/news/');
    browser = await chromium.launch(LAUNCH);
    await mkdir(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of [390, 1280]) {
    it(`reads the home page and an article at ${width} px without sideways scrolling`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, isMobile: width < 500 });
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(server.url, { waitUntil: 'load' });
      expect(await page.locator('h1').first().textContent()).toBe('Latest articles');
      await page.screenshot({ path: path.join(SHOTS, `home-${width}.png`), fullPage: true });
      await page.getByRole('link', { name: /Trump and Putin Shared/ }).click();
      await expect.poll(() => page.url()).toContain('/news/articles/trump-and-putin-shared');
      await page.waitForLoadState('load');
      expect(await page.locator('h1').textContent()).toContain('Trump and Putin Shared');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/serif/);
      await page.screenshot({ path: path.join(SHOTS, `article-${width}.png`), fullPage: true });
      await page.getByRole('link', { name: /Senior Russian Lawmaker/ }).first().click();
      await expect.poll(() => page.url()).toContain('/news/articles/senior-russian-lawmaker');
      await page.close();
    });
  }

  it('reaches the main content with the skip link from the keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.close();
  });

  it('follows the footer to the data page and fetches quotes.csv from it, under the sub-path', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Data' }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}data/`);
    expect(await page.locator('h1').textContent()).toBe('Data');
    await page.screenshot({ path: path.join(SHOTS, 'data-1280.png'), fullPage: true });
    const href = await page.getByRole('link', { name: 'quotes.csv' }).getAttribute('href');
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href!);
    expect(csv.split('\r\n')[0]).toBe('quote,speaker,role,partial,named,headline,date,outlet,url');
    expect(csv).toContain(',Yury Ushakov,Russian presidential aide,false,');
    await page.close();
  });

  it('loads nothing from another host', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);
  });
});
