/**
 * What one build's site data leaves the next in the same process (`broadsheet serve`): a page whose
 * data says the same as last time keeps its object, so its key is not computed again (see
 * `renderBulkPages`). Equal data only: every value is still computed, and compared here.
 */
import type { ArchiveEntry, Speaker } from '../types.js';
import type { ArticlePage, ListingPage, SpeakerPage } from './data.js';

export interface SiteMemo {
  /** The settings the pages below were made with; other settings start afresh. */
  settings?: string;
  articles: WeakMap<ArchiveEntry, { readonly bytes: Uint8Array | undefined; readonly page: ArticlePage }>;
  lists: Map<string, ListingPage>;
  people: Map<string, { readonly speaker: Speaker; readonly page: SpeakerPage }>;
}

export function siteMemo(): SiteMemo {
  return { articles: new WeakMap(), lists: new Map(), people: new Map() };
}

/** Two listing pages at one address that print the same: their articles the very same page objects. */
export function sameListing(a: ListingPage, b: ListingPage): boolean {
  return a.url === b.url && a.kind === b.kind && a.heading === b.heading && a.description === b.description
    && a.number === b.number && a.total === b.total && a.span === b.span && a.newer === b.newer && a.older === b.older
    && a.entries.length === b.entries.length && a.entries.every((e, i) => e === b.entries[i])
    && JSON.stringify([a.crumbs, a.previous, a.next, a.children]) === JSON.stringify([b.crumbs, b.previous, b.next, b.children]);
}

/** Two speakers that print the same. */
export function sameSpeaker(a: Speaker, b: Speaker): boolean {
  return a.slug === b.slug && a.name === b.name && a.url === b.url && a.articleCount === b.articleCount
    && a.roles.length === b.roles.length && a.roles.every((r, i) => r === b.roles[i])
    && a.quotes.length === b.quotes.length && a.quotes.every((q, i) => {
      const o = b.quotes[i]!;
      return q.text === o.text && q.partial === o.partial && q.role === o.role && q.date === o.date
        && q.headline === o.headline && q.articleUrl === o.articleUrl && q.paragraph === o.paragraph;
    });
}
