import { chromium } from 'playwright-core';
import { serveStatic } from './dist/bench/static-server.js';
const site = process.argv[2]; const word = process.argv[3] ?? 'harbour';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const server = await serveStatic(site, '/');
for (let r = 0; r < 3; r++) {
  const page = await browser.newPage();
  const reqs = [];
  const t0 = performance.now();
  page.on('requestfinished', (req) => reqs.push([Math.round(performance.now() - t0), req.url().replace(server.url, '')]));
  await page.goto(`${server.url}search/?q=${word}`);
  const tl = performance.now() - t0;
  await page.locator('.pagefind-ui__message').filter({ hasText: /result/ }).waitFor({ timeout: 120000 });
  console.log('run', r, 'load', tl.toFixed(0), 'result', (performance.now() - t0).toFixed(0), 'requests', reqs.length);
  if (r === 2) { const by = {}; for (const [t, u] of reqs) { const k = u.replace(/pagefind\/\d+\//, 'pagefind/Y/').replace(/_[0-9a-f]+\./, '_H.').replace(/\/[a-z]+_[^/]+$/, '/X'); by[k] = (by[k] ?? 0) + 1; } console.log(by); console.log(reqs.slice(-5)); }
  await page.close();
}
await browser.close(); await server.close();
