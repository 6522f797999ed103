import type { Browser, Page } from 'playwright-core';

/** Debian's Chromium, started the way this machine allows (no network, no sandbox as root). */
export const LAUNCH = {
  executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
  ],
};

/**
 * A new page that notes every script error, console error and request outside `site` (an origin, or
 * a folder's `file://` address): a test expects `problems` to stay empty.
 */
export async function watchedPage(browser: Browser, site: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(site)) problems.push(`request outside the site: ${r.url()}`);
  });
  return { page, problems };
}
