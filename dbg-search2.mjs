import { chromium } from 'playwright-core';
import { serveStatic } from './dist/bench/static-server.js';
const site = process.argv[2]; const years = process.argv[3].split(',');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const server = await serveStatic(site, '/');
for (const withFilters of [true, "par", true, "par", true, "par"]) {
  const page = await browser.newPage();
  await page.goto(`${server.url}404.html`);
  const r = await page.evaluate(async ({ years, withFilters }) => {
    const t0 = performance.now();
    const lap = {};
    const pf = await import(`/pagefind/${years[0]}/pagefind.js`);
    await pf.options({ bundlePath: `/pagefind/${years[0]}/` });
    if (withFilters === "par") await Promise.all(years.slice(1).map((y) => pf.mergeIndex(`/pagefind/${y}/`))); else for (const y of years.slice(1)) await pf.mergeIndex(`/pagefind/${y}/`);
    await pf.init();
    lap.init = performance.now() - t0;
    if (withFilters === true || withFilters === "par") { const f = await pf.filters(); lap.filters = performance.now() - t0; lap.values = Object.values(f).reduce((n, v) => n + Object.keys(v).length, 0); }
    const s = await pf.search('harbour');
    lap.search = performance.now() - t0;
    await Promise.all(s.results.slice(0, 5).map((x) => x.data()));
    lap.data = performance.now() - t0;
    lap.n = s.results.length;
    return lap;
  }, { years, withFilters });
  console.log(withFilters, JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v)]))));
  await page.close();
}
await browser.close(); await server.close();
