/**
 * How long a reader waits for search on a built site: the site served by a plain static server,
 * Chromium opening `/search/?q=WORD` on a fresh page each time, timed until the result count shows
 * (Pagefind loads and merges the year bundles first). Needs Chromium (`/usr/bin/chromium`, or
 * `CHROME_PATH`) and playwright-core (a development dependency); without them, `null`.
 */
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml',
};

/** Serves `dir` at the root as a static host does (`dir/x/` → `dir/x/index.html`). */
async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = path.join(dir, url.endsWith('/') ? `${url}index.html` : url);
      const found = file.startsWith(dir) && (await stat(file).then((s) => s.isFile(), () => false));
      res.writeHead(found ? 200 : 404, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      if (found) createReadStream(file).pipe(res);
      else res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Milliseconds to each word's result count, `runs` times each; `null` without Chromium. */
export async function timeSearch(site: string, words: readonly string[], runs = 3): Promise<Record<string, number[]> | null> {
  const executablePath = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return null;
  const { chromium } = await import('playwright-core').catch(() => ({ chromium: null }));
  if (!chromium) return null;
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];
  const browser = await chromium.launch({ executablePath, args });
  const server = await serve(path.resolve(site));
  try {
    const times: Record<string, number[]> = {};
    for (const word of words) {
      times[word] = [];
      for (let r = 0; r < runs; r++) {
        const page = await browser.newPage();
        const started = performance.now();
        await page.goto(`${server.url}search/?q=${encodeURIComponent(word)}`);
        await page.locator('.pagefind-ui__message').filter({ hasText: /result/ }).waitFor({ timeout: 120_000 });
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
