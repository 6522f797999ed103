import path from 'node:path';
import type { SiteConfig } from '../types.js';

/**
 * A link from the page at `from` to the site path `to`. With the default path prefix `/` links are
 * relative (`../../articles/x/`), so the built site works wherever it is uploaded; a site built for
 * a prefix (`--path-prefix /news/`) links root-relative under it (`/news/articles/x/`), as hosts and
 * crawlers of that address expect. Pages that are files rather than folders (`/404.html`) are served
 * at any depth, so they always get root-relative links.
 */
export function relativeUrl(from: string, to: string, config: SiteConfig): string {
  if (!from.endsWith('/') || config.pathPrefix !== '/') return absolutePath(to, config);
  const rel = path.posix.relative(from, to.endsWith('/') ? to : path.posix.dirname(to));
  const file = to.endsWith('/') ? '' : path.posix.basename(to);
  const joined = [rel, file].filter(Boolean).join('/');
  if (!joined) return './';
  return to.endsWith('/') ? `${joined}/` : joined;
}

/** The site path under the path prefix: `/articles/x/` → `/news/articles/x/`. */
export function absolutePath(to: string, config: SiteConfig): string {
  return `${config.pathPrefix}${to.replace(/^\//, '')}`;
}

/** The full public address of a site path, for canonical links, feeds and sitemaps. */
export function absoluteUrl(to: string, config: SiteConfig): string {
  return `${config.baseUrl}${absolutePath(to, config)}`;
}
