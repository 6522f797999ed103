import path from 'node:path';
import type { SiteConfig } from '../types.js';

/**
 * A link from the page at `from` to the site path `to`. With the default path prefix `/` links are
 * relative (`../../articles/x/`), so the built site works wherever it is uploaded; a site built for
 * a prefix (`--path-prefix /news/`) links root-relative under it (`/news/articles/x/`), as hosts and
 * crawlers of that address expect. Pages that are files rather than folders (`/404.html`) are served
 * at any depth, so they always get root-relative links.
 *
 * A portable site (`portable`, opened from a folder with no server) links relatively whatever its
 * prefix, and a link to a page names its file (`../articles/x/index.html`): only a server turns a
 * folder into its `index.html`. Its 404 page, which only a server shows, links root-relative too.
 * `kind: 'folder'` links a folder as a folder (a search bundle).
 */
export function relativeUrl(from: string, to: string, config: SiteConfig, kind: 'page' | 'folder' = 'page'): string {
  if (config.portable) {
    // A page that is a file (the 404 page) is served at any depth, and only by a server: root-relative.
    const link = from.endsWith('/') ? relativeLink(from, to) : absolutePath(to, config);
    return kind === 'page' && link.endsWith('/') ? `${link === './' ? '' : link}index.html` : link;
  }
  if (!from.endsWith('/') || config.pathPrefix !== '/') return absolutePath(to, config);
  return relativeLink(from, to);
}

/** The relative link from the folder page `from` to the site path `to`. */
function relativeLink(from: string, to: string): string {
  const folder = to.endsWith('/');
  // Called for every link of a page, from the same page: its folders are split (and checked) once.
  if (from !== last.from) last = { from, folders: CLEAN.test(from) ? from.split('/').slice(1, -1) : null };
  const { folders } = last;
  // Site paths as templates write them: absolute, without `.`, `..` or empty segments. Anything else
  // takes the general way.
  if (!folders || !CLEAN.test(to)) {
    const rel = path.posix.relative(from, folder ? to : path.posix.dirname(to));
    const joined = [rel, folder ? '' : path.posix.basename(to)].filter(Boolean).join('/');
    return !joined ? './' : folder ? `${joined}/` : joined;
  }
  const end = to.lastIndexOf('/');
  const target = end === 0 ? [] : to.slice(1, end).split('/');
  let common = 0;
  while (common < folders.length && common < target.length && folders[common] === target[common]) common++;
  const parts: string[] = [];
  for (let i = common; i < folders.length; i++) parts.push('..');
  for (let i = common; i < target.length; i++) parts.push(target[i]!);
  const file = to.slice(end + 1);
  if (file) parts.push(file);
  if (parts.length === 0) return './';
  return folder ? `${parts.join('/')}/` : parts.join('/');
}

/** An absolute site path without empty, `.` or `..` segments. */
const CLEAN = /^(?:\/(?!\.\.?(?:\/|$))[^/]+)*\/$|^(?:\/(?!\.\.?(?:\/|$))[^/]+)+$/;

/** The page whose folders were split last (`null`: not a plain site path). */
let last: { from: string; folders: string[] | null } = { from: '', folders: null };

/** The site path under the path prefix: `/articles/x/` → `/news/articles/x/`. */
export function absolutePath(to: string, config: SiteConfig): string {
  return `${config.pathPrefix}${to.replace(/^\//, '')}`;
}

/** The full public address of a site path, for canonical links, feeds and sitemaps. */
export function absoluteUrl(to: string, config: SiteConfig): string {
  return `${config.baseUrl}${absolutePath(to, config)}`;
}
