import slugify from '@sindresorhus/slugify';
import type { Article, MonthArchive, Term, YearArchive } from '../types.js';

/**
 * The letters an index is split by, past a few hundred names (`/people/a/`, …, `/people/other/` for
 * names that begin with no letter A–Z). No person, topic or publication gets one of them as its slug.
 */
export const INDEX_LETTERS: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz', 'other'];

/** The index letter a name files under: its first letter without accents, or `other`. */
export function letterOf(name: string): string {
  const initial = name.normalize('NFKD').charAt(0).toLowerCase();
  return /[a-z]/.test(initial) ? initial : 'other';
}

/**
 * Groups articles (newest first) under names: topics, publications. One term per name whatever its
 * case; slugs unique; terms sorted by name.
 */
export function gatherTerms(articles: readonly Article[], namesOf: (a: Article) => readonly string[], base: string): Term[] {
  const byKey = new Map<string, { names: Map<string, number>; entries: number[] }>();
  articles.forEach((article, i) => {
    for (const name of new Set(namesOf(article))) {
      const key = name.toLowerCase();
      let term = byKey.get(key);
      if (!term) byKey.set(key, (term = { names: new Map(), entries: [] }));
      term.names.set(name, (term.names.get(name) ?? 0) + 1);
      if (term.entries[term.entries.length - 1] !== i) term.entries.push(i);
    }
  });
  const taken = new Set<string>(INDEX_LETTERS);
  return [...byKey]
    .map(([key, t]) => ({ key, name: [...t.names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0], entries: t.entries }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ name, entries }): Term => {
      const root = slugify(name, { decamelize: false }) || 'term';
      let slug = root;
      for (let n = 2; taken.has(slug); n++) slug = `${root}-${n}`;
      taken.add(slug);
      return { slug, name, url: `${base}${slug}/`, entries };
    });
}

/** The date archive: years and months, newest first, from articles sorted newest first. */
export function gatherDates(articles: readonly Article[]): YearArchive[] {
  const years: { year: string; entries: number[]; months: Map<string, number[]> }[] = [];
  articles.forEach((article, i) => {
    const year = article.date.slice(0, 4);
    const month = article.date.slice(5, 7);
    let y = years[years.length - 1];
    if (!y || y.year !== year) years.push((y = { year, entries: [], months: new Map() }));
    y.entries.push(i);
    const list = y.months.get(month);
    if (list) list.push(i);
    else y.months.set(month, [i]);
  });
  return years.map((y): YearArchive => ({
    year: y.year,
    url: `/archive/${y.year}/`,
    entries: y.entries,
    months: [...y.months].map(([month, entries]): MonthArchive => ({ year: y.year, month, url: `/archive/${y.year}/${month}/`, entries })),
  }));
}

/** How many neighbours on each side a shared topic offers as "More on this"; keeps the work linear. */
const WINDOW = 40;

/**
 * For every article, the others that share the most topics and speakers, nearest in time first.
 * Each topic's list is only searched near the article's own place in it, so the cost grows with the
 * archive, not with its square.
 */
export function relatedByTopic(keysOf: readonly (readonly string[])[], count: number): number[][] {
  const lists = new Map<string, number[]>();
  keysOf.forEach((keys, i) => {
    for (const key of keys) {
      const list = lists.get(key);
      if (list) list.push(i);
      else lists.set(key, [i]);
    }
  });
  const position = new Map<string, Map<number, number>>();
  // Scores of the articles one article's topics reach, kept in one array reused for every article.
  const scores = new Float64Array(keysOf.length);
  const touched: number[] = [];
  return keysOf.map((keys, i) => {
    touched.length = 0;
    for (const key of keys) {
      const list = lists.get(key)!;
      if (list.length < 2) continue;
      let at = position.get(key);
      if (!at) position.set(key, (at = new Map(list.map((entry, p) => [entry, p]))));
      const p = at.get(i)!;
      // Rarer topics say more than common ones.
      const weight = 1 / Math.log2(list.length + 1);
      for (let j = Math.max(0, p - WINDOW); j <= Math.min(list.length - 1, p + WINDOW); j++) {
        const other = list[j]!;
        if (other === i) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = scores[other]! + weight;
      }
    }
    // The best `count`: highest score, then nearest in time, then first in order.
    const better = (a: number, b: number): boolean => scores[a]! > scores[b]!
      || (scores[a] === scores[b]
        && (Math.abs(a - i) < Math.abs(b - i) || (Math.abs(a - i) === Math.abs(b - i) && a < b)));
    const best: number[] = [];
    for (const other of touched) {
      if (best.length === count && !better(other, best[count - 1]!)) continue;
      let k = Math.min(best.length, count - 1);
      best[k] = other;
      for (; k > 0 && better(best[k]!, best[k - 1]!); k--) [best[k], best[k - 1]] = [best[k - 1]!, best[k]!];
    }
    for (const other of touched) scores[other] = 0;
    return best;
  });
}
