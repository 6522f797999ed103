import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, normaliseConfig, readConfig } from '../src/read/index.js';
import type { DiskArticle, DiskNames } from '../src/site/disk-search.js';
import { relativeUrl } from '../src/site/urls.js';
import { buildSite, contentFolder, readSite, tempDir } from './helpers/site.js';

const PORTABLE = normaliseConfig({ ...DEFAULT_CONFIG, portable: true });

/** Every link, image and form target of a page that stays in the site, with the page's path. */
function localLinks(pages: ReadonlyMap<string, string>): { page: string; target: string }[] {
  return [...pages].filter(([file]) => file.endsWith('.html')).flatMap(([file, html]) =>
    [...html.matchAll(/\s(?:href|src|action)="([^"#]*)(?:#[^"]*)?"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))
      .filter((target) => target !== '' && !/^(?:[a-z]+:|\/\/)/i.test(target)).map((target) => ({ page: file, target })));
}

const ARCHIVE = {
  'levy.md': '---\ntitle: Council approves storm levy\ndate: 2025-02-07\ntags: [Storms]\n---\n'
    + 'The levy pays for storm repairs. "It is fair," said Ahmed Karimi, the mayor.\n',
  'script.md': '---\ntitle: "Mayor says </script><script>alert(1)</script> is no headline"\ndate: 2024-10-01\n---\n'
    + 'A strange headline. "It is not," said Ruth Mendel, the harbour engineer.\n',
};

describe('a portable build (--portable, or "portable": true in package.json)', () => {
  it('links a page by its file, whatever the prefix (root-relative from the 404 page, which a server shows at any depth)', () => {
    expect(relativeUrl('/articles/x/', '/', PORTABLE)).toBe('../../index.html');
    expect(relativeUrl('/articles/x/', '/articles/y/', PORTABLE)).toBe('../y/index.html');
    expect(relativeUrl('/', '/', PORTABLE)).toBe('index.html');
    expect(relativeUrl('/', '/assets/site.css', PORTABLE)).toBe('assets/site.css');
    // The 404 page is shown by a server at any depth.
    expect(relativeUrl('/404.html', '/archive/', PORTABLE)).toBe('/archive/index.html');
    expect(relativeUrl('/search/', '/pagefind/2024/', PORTABLE, 'folder')).toBe('../pagefind/2024/');
    expect(relativeUrl('/people/a/', '/topics/b/', { ...PORTABLE, pathPrefix: '/news/' })).toBe('../../topics/b/index.html');
    // The default build keeps its clean addresses.
    expect(relativeUrl('/articles/x/', '/articles/y/', normaliseConfig(DEFAULT_CONFIG))).toBe('../y/');
  });

  it('is read from package.json', async () => {
    const project = await tempDir();
    await writeFile(path.join(project, 'package.json'), JSON.stringify({ broadsheet: { portable: true } }));
    expect((await readConfig(project)).portable).toBe(true);
    await mkdir(path.join(project, 'other'));
    expect((await readConfig(path.join(project, 'other'))).portable).toBe(false);
  });

  it('links every page by a file that is there, and carries its search index as a script that escapes what it holds', async () => {
    const { out } = await buildSite(await contentFolder(ARCHIVE), { portable: true });
    const pages = await readSite(out);
    const links = localLinks(pages);
    expect(links.length).toBeGreaterThan(100);
    const broken = links.filter(({ page, target }) => {
      const file = path.join(out, path.dirname(page), decodeURIComponent(target.split('?')[0]!));
      return !existsSync(file) || statSync(file).isDirectory();
    });
    expect(broken).toEqual([]);
    // The index: names once, then a file a year, newest first, each a script that only sets its global.
    const window: Record<string, unknown> = {};
    for (const file of ['names', '2025', '2024']) {
      const script = pages.get(`search/disk/${file}.js`)!;
      expect(script).not.toContain('</script>');
      runInNewContext(script, { window });
    }
    const names = window['BROADSHEET_DISK_NAMES'] as DiskNames;
    expect(names.years).toEqual(['2025', '2024']);
    const [levy] = window['BROADSHEET_DISK_2025'] as DiskArticle[];
    const [odd] = window['BROADSHEET_DISK_2024'] as DiskArticle[];
    expect([levy![0], levy![1], levy![2]]).toEqual(['articles/council-approves-storm-levy/', 'Council approves storm levy', '2025-02-07']);
    expect(levy![5].map((n) => names.people[n])).toEqual(['Ahmed Karimi']);
    expect(levy![6].map((n) => names.topics[n])).toContain('Storms');
    expect(odd![1]).toBe('Mayor says </script><script>alert(1)</script> is no headline');
    expect(pages.get('assets/minisearch.js')).toMatch(/^\/\*! MiniSearch \d+\.\d+\.\d+ \| MIT License/);
  });

  it('is not what a default build makes: clean addresses, and no script-loaded index', async () => {
    const { out } = await buildSite(await contentFolder(ARCHIVE));
    const pages = await readSite(out);
    expect([...pages.keys()].filter((file) => file.startsWith('search/disk/'))).toEqual([]);
    expect(pages.has('assets/minisearch.js')).toBe(false);
    expect(pages.get('index.html')).toContain('href="articles/council-approves-storm-levy/"');
  });
});
