/**
 * The portable site's search index (`broadsheet build --portable`): what a reader looks for first —
 * headlines, the people quoted, topics, sources and dates — as a script that sets one global, since a
 * page opened from a folder (`file://`) may load a `<script>` but may not fetch. The search page
 * builds a MiniSearch index from it in the browser (see `public/assets/search-disk.js`). Names are
 * listed once and articles point at them by number, which keeps the file about a third smaller.
 */
import type { SiteData } from './data.js';
import { typesetLine } from './typeset.js';

/** Where the index, the search library and the page's disk search are in the site. */
export const DISK_INDEX = 'search/disk-index.js';
export const MINISEARCH = 'assets/minisearch.js';

/** The index as the script's global holds it. */
export interface DiskIndex {
  /** Names of people, topics and sources, each list once. */
  readonly people: readonly string[];
  readonly topics: readonly string[];
  readonly sources: readonly string[];
  /** `[path from the site's root, headline, ISO date, date as printed, source (-1: none), people, topics]`, newest first. */
  readonly articles: readonly (readonly [string, string, string, string, number, readonly number[], readonly number[]])[];
}

/** The index of the site's articles. */
export function diskIndex(data: SiteData): DiskIndex {
  const lists = { people: new Map<string, number>(), topics: new Map<string, number>(), sources: new Map<string, number>() };
  const number = (list: Map<string, number>, name: string): number => {
    let n = list.get(name);
    if (n === undefined) list.set(name, (n = list.size));
    return n;
  };
  const articles = data.articles.map((a) => {
    const people = new Set<number>();
    for (const q of a.quotes) for (const s of q.speakers) if (s.url) people.add(number(lists.people, s.name));
    const source = a.sourcePage?.name ?? a.article.source?.name ?? null;
    return [
      a.url.replace(/^\//, ''), typesetLine(a.article.headline), a.article.date, a.dateLabel, source ? number(lists.sources, source) : -1,
      [...people], a.topics.map((t) => number(lists.topics, t.name)),
    ] as const;
  });
  return { people: [...lists.people.keys()], topics: [...lists.topics.keys()], sources: [...lists.sources.keys()], articles };
}

/** The script that carries the index: `<` is escaped so no name can close the script or open a tag. */
export function diskIndexScript(index: DiskIndex): string {
  const json = JSON.stringify(index).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `/* Broadsheet: the archive's headlines, people, topics, sources and dates, for search from a folder. */\n`
    + `window.BROADSHEET_DISK_INDEX = ${json};\n`;
}
