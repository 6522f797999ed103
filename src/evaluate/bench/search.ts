/**
 * How long a reader waits for search on a built site: the site served by a plain static server,
 * Chromium opening `/search/?q=WORD` on a fresh page each time, timed until the result count shows
 * (Pagefind loads and merges the year bundles first). Needs Chromium (`/usr/bin/chromium`, or
 * `CHROME_PATH`) and playwright-core (a development dependency); without them, `null`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveStatic } from './static-server.js';

/** Notes in `window.answers` the time of each result count the search page shows, from the navigation's start. */
const WATCH_ANSWERS = `window.answers = [];
new MutationObserver(function () {
  var status = document.querySelector('.search-status');
  if (status && /result/.test(status.textContent)) window.answers.push(performance.now());
}).observe(document, { childList: true, subtree: true, characterData: true });`;

/**
 * Milliseconds to each word's result count, `runs` times each; `null` without Chromium. With `fromDisk`
 * the site is opened from its folder (`file://…/search/index.html?q=WORD`), as a portable site is: the
 * time then includes loading the script-loaded index and MiniSearch indexing it.
 */
export async function timeSearch(site: string, words: readonly string[], runs = 3, fromDisk = false)
  : Promise<Record<string, number[]> | null> {
  const executablePath = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return null;
  const { chromium } = await import('playwright-core').catch(() => ({ chromium: null }));
  if (!chromium) return null;
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];
  const browser = await chromium.launch({ executablePath, args });
  const server = fromDisk
    ? { url: `${pathToFileURL(path.resolve(site)).href}/`, close: async () => undefined }
    : await serveStatic(path.resolve(site), '/');
  const page = fromDisk ? 'search/index.html' : 'search/';
  try {
    const times: Record<string, number[]> = {};
    for (const word of words) {
      // From the folder, the page answers from the newest year first: the first answer and the whole archive's are timed apart.
      const keys = fromDisk ? [`${word}, first answer`, `${word}, every year read`] : [word];
      for (const key of keys) times[key] = [];
      for (let r = 0; r < runs; r++) {
        const tab = await browser.newPage();
        // The page's own clock of its answers (from the navigation's start): Playwright's polling can't
        // get in while the page indexes a year after another, so it would see only the last.
        if (fromDisk) await tab.addInitScript(WATCH_ANSWERS);
        const started = performance.now();
        await tab.goto(`${server.url}${page}?q=${encodeURIComponent(word)}`);
        const status = tab.locator('.search-status');
        await status.filter({ hasText: /result/ }).waitFor({ timeout: 120_000 });
        if (fromDisk) {
          await status.filter({ hasText: /result/ }).filter({ hasNotText: /still reading/ }).waitFor({ timeout: 300_000 });
          const answers = await tab.evaluate('window.answers') as number[];
          times[keys[0]!]!.push(answers[0]!);
          times[keys[1]!]!.push(answers.at(-1)!);
        } else times[keys[0]!]!.push(performance.now() - started);
        await tab.close();
      }
    }
    return times;
  } finally {
    await browser.close();
    await server.close();
  }
}
