/**
 * The filters templates use — in the pages Broadsheet renders and in the ones Eleventy renders.
 */
import type { FilterContext } from '@11ty/eleventy';
import type { SiteConfig } from '../types.js';
import type { SiteData } from './data.js';
import type { Filters } from './render.js';
import { typesetLine } from './typeset.js';
import { absolutePath, absoluteUrl, relativeUrl } from './urls.js';

/**
 * The filters, by name. They read the site settings from the render context, not from this
 * closure: Eleventy keeps compiled layouts in a process-wide cache, so a filter of an earlier build
 * can serve a later one.
 */
export function templateFilters(site: SiteData['site']): Filters {
  const siteOf = (context: FilterContext): SiteConfig => (context.ctx?.['site'] as SiteConfig | undefined) ?? site;
  return {
    /** A link from this page to a site path; `href('folder')` for a folder that is no page (a search bundle). */
    href(this: FilterContext, to: string, kind?: 'folder') {
      const from = typeof this.page?.url === 'string' ? this.page.url : '/';
      return relativeUrl(from, to, siteOf(this), kind === 'folder' ? 'folder' : 'page');
    },
    documentTitle(this: FilterContext, title: unknown) {
      return documentTitle(typeof title === 'string' ? title : '', siteOf(this).title);
    },
    absolutePath(this: FilterContext, to: string) {
      return absolutePath(to, siteOf(this));
    },
    absoluteUrl(this: FilterContext, to: string) {
      return absoluteUrl(to, siteOf(this));
    },
    /** Curly quotes and apostrophes, dashes and ellipses for a line of text (see `typeset.ts`). */
    typeset(text: unknown) {
      return typeof text === 'string' ? typesetLine(text) : text;
    },
  } as Filters;
}

/** Longest `<title>` search engines show in full. */
const TITLE_LENGTH = 70;

/**
 * The `<title>` of a page: `Headline · Site`, dropping the site name and then cutting the
 * headline at a word when that is longer than search results show.
 */
function documentTitle(title: string, siteTitle: string): string {
  if (!title) return siteTitle;
  const full = `${title} · ${siteTitle}`;
  if (escapedLength(full) <= TITLE_LENGTH) return full;
  if (escapedLength(title) <= TITLE_LENGTH) return title;
  let cut = title.length;
  while (cut > 20 && escapedLength(`${title.slice(0, cut)}…`) > TITLE_LENGTH) cut = title.lastIndexOf(' ', cut - 1);
  return `${title.slice(0, cut > 20 ? cut : TITLE_LENGTH - 1).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** Length of text once the templates have escaped it (`'` becomes `&#39;`): validators count the source. */
function escapedLength(text: string): number {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').length;
}
