/**
 * How long a reader waits for search on a built site: the site served by a plain static server,
 * Chromium opening `/search/?q=WORD` on a fresh page each time, timed until the result count shows
 * (Pagefind loads and merges the year bundles first). Needs Chromium (`/usr/bin/chromium`, or
 * `CHROME_PATH`) and playwright-core (a development dependency); without them, `null`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from './static-server.js';

/** Milliseconds to each word's result count, `runs` times each; `null` without Chromium. */
export async function timeSearch(site: string, words: readonly string[], runs = 3): Promise<Record<string, number[]> | null> {
  const executablePath = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return null;
  const { chromium } = await import('playwright-core').catch(() => ({ chromium: null }));
  if (!chromium) return null;
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];
  const browser = await chromium.launch({ executablePath, args });
  const server = await serveStatic(path.resolve(site), '/');
  try {
    const times: Record<string, number[]> = {};
    for (const word of words) {
      times[word] = [];
      for (let r = 0; r < runs; r++) {
        const page = await browser.newPage();
        const started = performance.now();
        await page.goto(`${server.url}search/?q=${encodeURIComponent(word)}`);
        await page.locator('.search-status').filter({ hasText: /result/ }).waitFor({ timeout: 120_000 });
        times[word].push(performance.now() - started);
        await page.close();
      }
    }
    return times;
  } finally {
    await browser.close();
    await server.close();
  }
}
