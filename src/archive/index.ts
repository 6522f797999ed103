/**
 * Archive stage: the whole collection, computed once per build — unique slugs, order,
 * neighbours, related articles resolved to slugs, excerpts. Pure: no I/O, no rendering; the
 * records themselves are never copied or changed (what the archive adds lives on the entry).
 */
import type { Archive, ArchiveEntry, ArchiveLink, Article, Diagnostic, Related, SiteConfig, Term } from '../types.js';
import { excerptOf } from '../parse/index.js';
import { gatherPeople, personKey, speakersOf } from './people.js';
import { gatherDates, gatherTerms, relatedByTopic } from './taxonomy.js';

export { INDEX_LETTERS, letterOf } from './taxonomy.js';

/** How many articles "More on this" lists. */
const MORE_ON_THIS = 4;

/**
 * Builds the archive from parsed articles. Two articles with one slug get distinct ones:
 * the earlier article (by date, then file) keeps the plain slug, later ones get `-2`, `-3`, ….
 */
export function buildArchive(all: readonly Article[], config: SiteConfig, memo?: ArchiveMemo): Archive {
  const { articles, warnings } = withoutDuplicates(all);
  const slugOf = uniqueSlugs(articles);
  const byHeadline = new Map<string, string>();
  for (const [article, slug] of slugOf) {
    const key = headlineKey(article.headline);
    if (!byHeadline.has(key)) byHeadline.set(key, slug);
  }
  const sorted = [...articles].sort(newestFirst);
  const links: ArchiveLink[] = sorted.map((a) => ({ url: articleUrl(slugOf.get(a)!), headline: a.headline, date: a.date }));
  const { people, urlOf } = gatherPeople(
    sorted.map((a, i) => ({ url: links[i]!.url, headline: a.headline, date: a.date, quotes: a.quotes })),
  );
  const topics = gatherTerms(sorted, (a) => a.topics, '/topics/');
  const sources = gatherTerms(sorted, (a) => (a.source ? [a.source.name] : []), '/sources/');
  const topicUrl = new Map(topics.map((t) => [t.name.toLowerCase(), t]));
  const sourceUrl = new Map(sources.map((t) => [t.name.toLowerCase(), t]));
  const more = relatedByTopic(sorted.map((a) => [
    ...a.topics.map((t) => `topic:${t.toLowerCase()}`),
    ...a.quotes.flatMap((q) => (q.speaker ? speakersOf(q.speaker).filter((name) => urlOf(name)) : []))
      .map((name) => `speaker:${personKey(name)}`),
  ].filter((key, k, all) => all.indexOf(key) === k)), MORE_ON_THIS);
  const relatedSlug = (headline: string, own: string): string | null => {
    const slug = byHeadline.get(headlineKey(headline)) ?? null;
    return slug === own ? null : slug;
  };
  const topicOf = (name: string): Term => topicUrl.get(name.toLowerCase())!;
  const sourceOf = (name: string): Term => sourceUrl.get(name.toLowerCase())!;
  // The same record with the same place in the archive keeps the entry it had (see `ArchiveMemo`):
  // checked against what the archive now says, before anything new is made.
  const holds = (before: ArchiveEntry, article: Article, i: number): boolean => {
    const own = slugOf.get(article)!;
    const source = article.source;
    return before.url === links[i]!.url && sameLink(before.newer, links[i - 1] ?? null) && sameLink(before.older, links[i + 1] ?? null)
      && before.moreOnThis.length === more[i]!.length && before.moreOnThis.every((l, k) => sameLink(l, links[more[i]![k]!]!))
      && before.related.every((r, k) => r.slug === relatedSlug(article.related[k]!.headline, own))
      && before.topics.every((t, k) => sameNamed(t, topicOf(article.topics[k]!)))
      && (source ? !!before.sourcePage && sameNamed(before.sourcePage, sourceOf(source.name)) : before.sourcePage === null)
      && before.quotes.every((q) => q.speakers.every((s) => s.url === urlOf(s.name)));
  };
  const entries = sorted.map((article, i): ArchiveEntry => {
    const before = memo?.get(article);
    if (before && holds(before, article, i)) return before;
    const own = slugOf.get(article)!;
    const entry: ArchiveEntry = {
      article,
      url: links[i]!.url,
      related: article.related.map((r): Related => ({ headline: r.headline, slug: relatedSlug(r.headline, own) })),
      excerpt: excerptOf(article),
      quotes: article.quotes.map((q) => ({
        ...q,
        speakers: q.speaker ? speakersOf(q.speaker).map((name) => ({ name, url: urlOf(name) })) : [],
      })),
      topics: article.topics.map((t) => ({ name: topicOf(t).name, url: topicOf(t).url })),
      sourcePage: article.source ? { name: article.source.name, url: sourceOf(article.source.name).url } : null,
      moreOnThis: more[i]!.map((j) => links[j]!),
      newer: links[i - 1] ?? null,
      older: links[i + 1] ?? null,
    };
    memo?.set(article, entry);
    return entry;
  });
  return { config, entries, people, topics, sources, years: gatherDates(sorted), warnings };
}

/**
 * Each record's entry in the last archive built (`broadsheet serve` builds again and again in one
 * process): an entry that still holds (same address, neighbours, links resolved the same) is kept, so
 * what is made from it later in the build (its page's data and key) can be kept too, by identity.
 */
export type ArchiveMemo = WeakMap<Article, ArchiveEntry>;

function sameLink(a: ArchiveLink | null, b: ArchiveLink | null): boolean {
  return a === b || (!!a && !!b && a.url === b.url && a.headline === b.headline && a.date === b.date);
}

function sameNamed(a: { name: string; url: string }, b: { name: string; url: string }): boolean {
  return a.name === b.name && a.url === b.url;
}

/** An address as it identifies an article: scheme and host in lower case, no fragment, no trailing slash. */
function sourceKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host.toLowerCase().replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url;
  }
}

/**
 * The same article dropped in twice (the same original address) makes one page: the first file by
 * path is kept, and a warning names both.
 */
function withoutDuplicates(articles: readonly Article[]): { articles: Article[]; warnings: Diagnostic[] } {
  const seen = new Map<string, Article>();
  const kept: Article[] = [];
  const warnings: Diagnostic[] = [];
  for (const article of [...articles].sort((a, b) => compare(a.file, b.file))) {
    const key = article.source ? sourceKey(article.source.url) : null;
    const first = key ? seen.get(key) : undefined;
    if (first) {
      warnings.push({
        file: article.file,
        line: 1,
        expected: 'each article once',
        found: `the same original address as ${first.file}`,
        hint: `only ${first.file} is published`,
      });
      continue;
    }
    if (key) seen.set(key, article);
    kept.push(article);
  }
  return { articles: kept, warnings };
}

/** Site path of an article page. */
export function articleUrl(slug: string): string {
  return `/articles/${slug}/`;
}

/** Newest first; the same date falls back to headline, then file, so order never depends on reading order. */
function newestFirst(a: Article, b: Article): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : compare(a.headline, b.headline) || compare(a.file, b.file);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each article's slug in the archive, oldest first: a later article with a slug taken gets `-2`, `-3`, …. */
function uniqueSlugs(articles: readonly Article[]): Map<Article, string> {
  const oldestFirst = [...articles].sort((a, b) => compare(a.date, b.date) || compare(a.file, b.file));
  const taken = new Set<string>();
  const slugs = new Map<Article, string>();
  for (const article of oldestFirst) {
    let slug = article.slug;
    for (let n = 2; taken.has(slug); n++) slug = `${article.slug}-${n}`;
    taken.add(slug);
    slugs.set(article, slug);
  }
  return slugs;
}

/**
 * A headline reduced to what survives retyping: case, accents, quote style and punctuation go.
 * @example headlineKey("Calls Trump ‘Weak’") === headlineKey('calls trump "weak"')
 */
function headlineKey(headline: string): string {
  return headline.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
