/**
 * Everything the templates show, computed once per build from the archive: rendered bodies,
 * paginated listings, indexes, feeds, sitemap and structured data. Templates only lay it out.
 */
import type { Archive, ArchiveEntry, NamedLink, SiteConfig, Speaker, SpeakerQuote, Term } from '../types.js';
import { renderBody } from './body.js';
import { DATA_COLUMNS } from './data-files.js';
import { nameIndex, type IndexName, type LetterPage, type NameIndex } from './letters.js';
import { sameListing, sameSpeaker, type SiteMemo } from './memo.js';
import { typesetLine } from './typeset.js';
import { absoluteUrl } from './urls.js';

const decoder = new TextDecoder();

/** Articles in feeds. */
const FEED_SIZE = 50;
/** URLs per sitemap file; past this the sitemap becomes an index. */
const SITEMAP_SIZE = 50_000;

/** An archive entry with what its page shows. */
export interface ArticlePage extends ArchiveEntry {
  readonly html: string;
  readonly dateLabel: string;
  readonly hasLostLinks: boolean;
  /** schema.org NewsArticle as JSON, safe to put inside `<script>`. */
  readonly jsonLd: string;
}

/** One page of a paginated list of articles: home, a year, a month, a topic, a publication. */
export interface ListingPage {
  readonly url: string;
  readonly kind: 'home' | 'year' | 'month' | 'topic' | 'source';
  readonly heading: string;
  readonly description: string;
  /**
   * Pages are counted from the oldest: 1 holds the list's oldest articles. The list's own address
   * (`number` 0) holds the newest, between one and two pages' worth, and knows how many pages
   * there are (`total`, the numbered ones and itself); a numbered page doesn't, so its bytes don't
   * change when the list grows.
   */
  readonly number: number;
  readonly total: number | null;
  /** Of a numbered page, the dates of its oldest and newest articles, as readers see them. */
  readonly span: string | null;
  readonly entries: readonly ArticlePage[];
  readonly newer: string | null;
  readonly older: string | null;
  /** Where this list sits: `Archive › 2025`. */
  readonly crumbs: readonly NamedLink[];
  /** The neighbouring year or month. */
  readonly previous: NamedLink | null;
  readonly next: NamedLink | null;
  /** Sub-pages to jump to: the months of a year. */
  readonly children: readonly (NamedLink & { readonly count: number })[];
}

/** A speaker with readable dates on their quotes. */
export interface SpeakerPage extends Speaker {
  readonly quotes: readonly (SpeakerQuote & { readonly dateLabel: string })[];
}

/** The data every template receives. */
export interface SiteData {
  readonly site: SiteConfig & { readonly url: string; readonly updated: string };
  readonly articles: readonly ArticlePage[];
  readonly lists: readonly ListingPage[];
  readonly people: readonly SpeakerPage[];
  /** The people, topic and source indexes, each whole or split by letter (see `letters.ts`). */
  readonly peopleIndex: NameIndex;
  readonly topicIndex: NameIndex;
  readonly sourceIndex: NameIndex;
  /** The pages of the indexes that are split by letter. */
  readonly letterPages: readonly LetterPage[];
  readonly archiveIndex: readonly (NamedLink & {
    readonly count: number;
    readonly months: readonly (NamedLink & { readonly count: number })[];
  })[];
  readonly feed: readonly ArticlePage[];
  readonly jsonFeed: string;
  readonly sitemaps: readonly { readonly url: string; readonly urls: readonly string[] }[];
  /** One entry when the sitemap is split into several files (past 50,000 URLs), none otherwise. */
  readonly sitemapIndex: readonly { readonly url: string }[];
  /** The search index's bundles, one per year, newest first (site paths). */
  readonly searchBundles: readonly string[];
  /** What the data export (`/data/`) holds: how many rows each file has, and what each column means. */
  readonly dataExport: {
    readonly articles: number;
    readonly quotes: number;
    readonly people: number;
    readonly columns: typeof DATA_COLUMNS;
  };
}

/**
 * Prepares the template data. Everything archive-wide happens here, once. With `memo` (the last
 * build's, in one process), a page whose data is the same keeps the object it had.
 */
export function siteData(archive: Archive, bodies?: ReadonlyMap<string, Uint8Array>, memo?: SiteMemo): SiteData {
  const { config } = archive;
  if (memo && memo.settings !== JSON.stringify(config)) {
    Object.assign(memo, { settings: JSON.stringify(config), articles: new WeakMap(), lists: new Map(), people: new Map() });
  }
  const formatDate = new Intl.DateTimeFormat(config.language, { dateStyle: 'long', timeZone: 'UTC' });
  const monthName = new Intl.DateTimeFormat(config.language, { month: 'long', timeZone: 'UTC' });
  // Thousands of articles share a few thousand dates: each is formatted once.
  const labels = new Map<string, string>();
  const label = (date: string): string => {
    let text = labels.get(date);
    if (text === undefined) labels.set(date, (text = formatDate.format(new Date(`${date}T00:00:00Z`))));
    return text;
  };
  const monthLabel = (year: string, month: string): string => `${monthName.format(new Date(`${year}-${month}-01T00:00:00Z`))} ${year}`;

  const articles = archive.entries.map((entry): ArticlePage => {
    // The body is kept in UTF-8 (see `Prepared.html`) and made a string each time a page asks.
    const bytes = bodies?.get(entry.article.file);
    const kept = memo?.articles.get(entry);
    if (kept && kept.bytes === bytes) return kept.page;
    const page = {
      ...entry,
      ...(bytes ? {} : { html: renderBody(entry.article.body) }),
      dateLabel: label(entry.article.date),
      hasLostLinks: entry.article.links.some((l) => l.href === null),
    };
    if (bytes) Object.defineProperty(page, 'html', { enumerable: true, get: () => decoder.decode(bytes) });
    // Made from the record and the settings alone, and only wanted by a page that renders: computed
    // then, and left out of copies and of the page's key (it isn't enumerable).
    let jsonLd: string | undefined;
    const jsonLdOf = (): string => (jsonLd ??= newsArticle(entry, config));
    const made = Object.defineProperty(page, 'jsonLd', { enumerable: false, get: jsonLdOf }) as ArticlePage;
    memo?.articles.set(entry, { bytes, page: made });
    return made;
  });
  const pick = (indexes: readonly number[]): ArticlePage[] => indexes.map((i) => articles[i]!);

  const lists: ListingPage[] = [];
  // A listing page that prints the same as last build's keeps its object (see `SiteMemo`).
  const listed = new Map<string, ListingPage>();
  const list = (page: ListingPage): void => {
    const before = memo?.lists.get(page.url);
    const kept = before && sameListing(before, page) ? before : page;
    listed.set(page.url, kept);
    lists.push(kept);
  };
  // Pages are counted from the oldest, so an address keeps its articles as the archive grows: the
  // list's own address holds the newest (between one and two pages' worth), and a new article
  // changes it, and at most two numbered pages when a page fills. Only the first page shows the
  // list's sub-pages (a year's months, with counts that every new article changes).
  type Counted = 'url' | 'number' | 'total' | 'span' | 'entries' | 'newer' | 'older';
  type ListBase = Omit<ListingPage, Counted> & { readonly root: string };
  const paginate = (base: ListBase, entries: readonly ArticlePage[]): void => {
    const { root, children, ...rest } = base;
    const size = config.perPage;
    const numbered = Math.max(0, Math.floor(entries.length / size) - 1);
    const url = (n: number): string => (n === 0 ? root : `${root}page/${n}/`);
    const newest = entries.length - numbered * size;
    const older = numbered ? url(numbered) : null;
    const first = entries.slice(0, newest);
    list({ ...rest, children, url: root, number: 0, total: numbered + 1, span: null, entries: first, newer: null, older });
    for (let n = numbered; n >= 1; n--) {
      const end = entries.length - (n - 1) * size;
      const page = entries.slice(end - size, end);
      const [from, to] = [page.at(-1)!.dateLabel, page[0]!.dateLabel];
      const span = from === to ? from : `${from} – ${to}`;
      const [newer, older] = [n === numbered ? root : url(n + 1), n > 1 ? url(n - 1) : null];
      list({ ...rest, children: [], url: url(n), number: n, total: null, span, entries: page, newer, older });
    }
  };
  const none = { crumbs: [], previous: null, next: null, children: [] } as const;

  paginate({ ...none, root: '/', kind: 'home', heading: 'Latest articles', description: config.description }, articles);

  const years = archive.years;
  const archiveCrumb = { name: 'Archive', url: '/archive/' };
  years.forEach((year, y) => {
    const newerYear = years[y - 1];
    const olderYear = years[y + 1];
    paginate({
      root: year.url, kind: 'year', heading: year.year, description: `Articles from ${year.year}.`,
      crumbs: [archiveCrumb],
      previous: olderYear ? { name: olderYear.year, url: olderYear.url } : null,
      next: newerYear ? { name: newerYear.year, url: newerYear.url } : null,
      children: [...year.months].reverse().map((m) => ({ name: monthLabel(m.year, m.month), url: m.url, count: m.entries.length })),
    }, pick(year.entries));
  });
  const months = years.flatMap((y) => y.months);
  months.forEach((month, m) => {
    const newer = months[m - 1];
    const older = months[m + 1];
    const heading = monthLabel(month.year, month.month);
    paginate({
      root: month.url, kind: 'month', heading, description: `Articles from ${heading}.`,
      crumbs: [archiveCrumb, { name: month.year, url: `/archive/${month.year}/` }],
      previous: older ? { name: monthLabel(older.year, older.month), url: older.url } : null,
      next: newer ? { name: monthLabel(newer.year, newer.month), url: newer.url } : null,
      children: [],
    }, pick(month.entries));
  });
  for (const topic of archive.topics) {
    paginate({
      ...none, root: topic.url, kind: 'topic', heading: topic.name, description: `Articles about ${topic.name}.`,
      crumbs: [{ name: 'Topics', url: '/topics/' }],
    }, pick(topic.entries));
  }
  for (const source of archive.sources) {
    paginate({
      ...none, root: source.url, kind: 'source', heading: source.name, description: `Articles first published by ${source.name}.`,
      crumbs: [{ name: 'Sources', url: '/sources/' }],
    }, pick(source.entries));
  }

  const spoke = new Map<string, { speaker: Speaker; page: SpeakerPage }>();
  const people = archive.people.map((p): SpeakerPage => {
    const before = memo?.people.get(p.url);
    const made = (): SpeakerPage => ({ ...p, quotes: p.quotes.map((q) => ({ ...q, dateLabel: label(q.date) })) });
    const kept = before && sameSpeaker(before.speaker, p) ? before : { speaker: p, page: made() };
    spoke.set(p.url, kept);
    return kept.page;
  });
  if (memo) Object.assign(memo, { lists: listed, people: spoke });
  const summary = (terms: readonly Term[]): IndexName[] => terms.map((t) => ({ name: t.name, url: t.url, count: t.entries.length }));
  const peopleIndex = nameIndex('people', people.map((p) => ({
    name: p.name, url: p.url, role: p.roles[0] ?? null, count: p.quotes.length, articles: p.articleCount,
  })));
  const topicIndex = nameIndex('topics', summary(archive.topics));
  const sourceIndex = nameIndex('sources', summary(archive.sources));
  const letterPages = [...peopleIndex.pages, ...topicIndex.pages, ...sourceIndex.pages];
  const feed = articles.slice(0, FEED_SIZE);
  const updated = articles[0]?.article.date ?? '1970-01-01';

  const pages = [
    ...lists.map((l) => l.url), ...articles.map((a) => a.url), ...people.map((p) => p.url), ...letterPages.map((l) => l.url),
    '/people/', '/topics/', '/sources/', '/archive/', '/search/', '/data/',
  ].sort();
  const sitemaps = [];
  for (let i = 0; i < pages.length; i += SITEMAP_SIZE) {
    sitemaps.push({
      url: pages.length > SITEMAP_SIZE ? `/sitemap-${i / SITEMAP_SIZE + 1}.xml` : '/sitemap.xml',
      urls: pages.slice(i, i + SITEMAP_SIZE).map((u) => absoluteUrl(u, config)),
    });
  }

  return {
    site: { ...config, url: absoluteUrl('/', config), updated },
    articles,
    lists,
    people,
    peopleIndex: peopleIndex.index,
    topicIndex: topicIndex.index,
    sourceIndex: sourceIndex.index,
    letterPages,
    archiveIndex: years.map((y) => ({
      name: y.year, url: y.url, count: y.entries.length,
      months: [...y.months].reverse().map((m) => ({ name: monthLabel(m.year, m.month), url: m.url, count: m.entries.length })),
    })),
    feed,
    jsonFeed: jsonFeed(feed, config),
    sitemaps,
    sitemapIndex: sitemaps.length > 1 ? [{ url: '/sitemap.xml' }] : [],
    searchBundles: years.map((y) => `/pagefind/${y.year}/`),
    dataExport: {
      articles: articles.length, quotes: articles.reduce((n, a) => n + a.article.quotes.length, 0), people: people.length,
      columns: DATA_COLUMNS,
    },
  };
}

/** JSON that can stand inside a `<script>` element: `<` is escaped so `</script>` can't end it. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** schema.org NewsArticle for an article page. */
function newsArticle(entry: ArchiveEntry, config: SiteConfig): string {
  const a = entry.article;
  const url = absoluteUrl(entry.url, config);
  const publisher = {
    '@type': 'Organization', name: a.source?.name ?? config.title, ...(a.source ? { url: new URL(a.source.url).origin } : {}),
  };
  const speakers = [...new Set(entry.quotes.flatMap((q) => q.speakers.filter((s) => s.url).map((s) => s.name)))];
  return scriptSafeJson({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline.length > 110 ? `${a.headline.slice(0, 109)}…` : a.headline,
    datePublished: a.date,
    dateModified: a.date,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    description: entry.excerpt,
    inLanguage: config.language,
    author: a.byline ? { '@type': 'Person', name: a.byline } : publisher,
    publisher,
    ...(a.source ? { isBasedOn: a.source.url } : {}),
    ...(a.image ? {
      image: {
        '@type': 'ImageObject', ...(a.image.caption ? { caption: a.image.caption } : {}),
        ...(a.image.credit ? { creditText: a.image.credit } : {}),
      },
    } : {}),
    ...(a.topics.length ? { keywords: a.topics.join(', '), about: a.topics.map((name) => ({ '@type': 'Thing', name })) } : {}),
    ...(speakers.length ? { mentions: speakers.map((name) => ({ '@type': 'Person', name })) } : {}),
    isAccessibleForFree: true,
  });
}

/** JSON Feed 1.1 of the latest articles, with their full text. */
function jsonFeed(feed: readonly ArticlePage[], config: SiteConfig): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: config.title,
    description: config.description,
    home_page_url: absoluteUrl('/', config),
    feed_url: absoluteUrl('/feed.json', config),
    language: config.language,
    items: feed.map((a) => ({
      id: absoluteUrl(a.url, config),
      url: absoluteUrl(a.url, config),
      title: typesetLine(a.article.headline),
      content_html: a.html,
      summary: typesetLine(a.excerpt),
      date_published: `${a.article.date}T00:00:00Z`,
      ...(a.article.byline ? { authors: [{ name: a.article.byline }] }
        : a.article.source ? { authors: [{ name: a.article.source.name }] } : {}),
      ...(a.article.topics.length ? { tags: a.article.topics } : {}),
      ...(a.article.source ? { external_url: a.article.source.url } : {}),
    })),
  }, null, 2);
}
