/**
 * The portable site's search index (`broadsheet build --portable`): what a reader looks for first —
 * headlines, the people quoted, topics, sources and dates — as scripts that each set a global, since a
 * page opened from a folder (`file://`) may load a `<script>` but may not fetch. The search page
 * builds a MiniSearch index from them in the browser (see `public/assets/search-disk.js`).
 *
 * Split by year: `search/disk/names.js` lists the names once and the years, newest first; each
 * `search/disk/<year>.js` holds that year's articles, pointing at the names by number. The page reads
 * the newest year first and answers from what it has read so far, so a reader sees results in about a
 * second at 100,000 articles while the older years are still being read.
 */
import type { SiteData } from './data.js';
import { articlesByYear, peopleQuoted } from './search.js';
import { typesetLine } from './typeset.js';

/** Where the index and the search library are in the site. */
export const DISK_FOLDER = 'search/disk/';
export const DISK_NAMES = `${DISK_FOLDER}names.js`;
export const MINISEARCH = 'assets/minisearch.js';

/** The names every year's file points at, and the years, newest first. */
export interface DiskNames {
  readonly people: readonly string[];
  readonly topics: readonly string[];
  readonly sources: readonly string[];
  readonly years: readonly string[];
}

/** `[path from the site's root, headline, ISO date, date as printed, source (-1: none), people, topics]`. */
export type DiskArticle = readonly [string, string, string, string, number, readonly number[], readonly number[]];

/** The files of the index, by path in the site, as script text. */
export function diskIndexFiles(data: SiteData): Map<string, string> {
  const lists = { people: new Map<string, number>(), topics: new Map<string, number>(), sources: new Map<string, number>() };
  const number = (list: Map<string, number>, name: string): number => {
    let n = list.get(name);
    if (n === undefined) list.set(name, (n = list.size));
    return n;
  };
  const byYear = new Map([...articlesByYear(data.articles)].map(([year, entries]) => [year, entries.map((a): DiskArticle => {
    const source = a.sourcePage?.name ?? a.article.source?.name ?? null;
    return [
      a.url.replace(/^\//, ''), typesetLine(a.article.headline), a.article.date, a.dateLabel, source ? number(lists.sources, source) : -1,
      peopleQuoted(a).map((name) => number(lists.people, name)), a.topics.map((t) => number(lists.topics, t.name)),
    ];
  })]));
  const years = [...byYear.keys()].sort().reverse();
  const names: DiskNames = {
    people: [...lists.people.keys()], topics: [...lists.topics.keys()], sources: [...lists.sources.keys()], years,
  };
  const files = new Map<string, string>([[DISK_NAMES, script('BROADSHEET_DISK_NAMES', names, 'names and years')]]);
  for (const year of years) {
    files.set(`${DISK_FOLDER}${year}.js`, script(`BROADSHEET_DISK_${year}`, byYear.get(year), `articles of ${year}`));
  }
  return files;
}

/** A script that sets `window[name]`: `<` is escaped so no name can close the script or open a tag. */
function script(name: string, value: unknown, what: string): string {
  const json = JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `/* Broadsheet: search from a folder, the ${what}. */\nwindow.${name} = ${json};\n`;
}
