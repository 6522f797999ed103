/**
 * What a saved page says of itself: JSON-LD (`NewsArticle` and kin), Open Graph and `article:` meta
 * tags, `<time>`, `<link rel="canonical">`, and the lead figure's caption. Each field takes the first
 * source that has it, in the order below; none is required here (the reader decides what is missing).
 */
import { CREDIT, readCaption, stripLabel, trimCaption } from './caption.js';
import { dateFromUrl, findDates, parseDate, parseDateLine } from './dates.js';

/** The few DOM members read here (linkedom's nodes have them all). */
interface Node {
  readonly textContent: string | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
}
interface Element extends Node {
  getAttribute(name: string): string | null;
  readonly parentElement: Element | null;
  readonly nextElementSibling: Element | null;
  readonly childNodes: ArrayLike<ChildNode>;
}
interface ChildNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<ChildNode>;
}

export interface PageMetadata {
  readonly headline: string | null;
  /** `YYYY-MM-DD`. */
  readonly date: string | null;
  /** The first date an element named for one prints (`<time>`, "date", "published"): after the article's own date line. */
  readonly shownDate: string | null;
  /** A date found only in the page's address (`/2020/01/02/`): a last resort, with a warning. */
  readonly urlDate: string | null;
  readonly byline: string | null;
  /** The article's own address: canonical link, og:url or JSON-LD url. */
  readonly url: string | null;
  readonly outlet: string | null;
  readonly caption: string | null;
  readonly credit: string | null;
  /** The lead figure's caption as the page prints it, caption and credit together. */
  readonly figure: string | null;
  /** The software that made the page, when it is a wiki's or a forum's (`<meta name="generator">`): no news article. */
  readonly forum: string | null;
  /** Does the page call itself an article (og:type, JSON-LD, `article:` tags, an `<article>` element)? */
  readonly saysArticle: boolean;
}

/** Entities a page escaped twice (`&amp;#8217;` in a meta tag reads as `&#8217;`): decoded once more. */
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

const clean = (text: string | null | undefined): string | null => {
  const t = (text ?? '')
    .replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|quot|apos|lt|gt|nbsp));/gi, (whole, dec?: string, hex?: string, name?: string) => {
      const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : null;
      if (code !== null) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      return ENTITIES[name!.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

/** The JSON-LD objects of the page, flattened (`@graph`, arrays). */
function jsonLd(document: Node): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const add = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      out.push(record);
      if (record['@graph']) add(record['@graph']);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      add(JSON.parse(script.textContent ?? ''));
    } catch {
      // A page's broken JSON-LD says nothing.
    }
  }
  return out;
}

const ARTICLE_TYPES = new RegExp(`(?:^|\\b)(?:${['NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'BlogPosting',
  'OpinionNewsArticle', 'Report', 'LiveBlogPosting'].join('|')})$`);

const typeOf = (record: Record<string, unknown>): string => [record['@type']].flat().map(String).join(' ');

const nameOf = (value: unknown): string | null => {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return clean(value.map(nameOf).filter(Boolean).join(', '));
  if (value && typeof value === 'object') return clean(String((value as Record<string, unknown>)['name'] ?? ''));
  return null;
};

/**
 * The date of a dateline: a short line that opens with a date ("Published May 20, 2025") or is a date
 * and a few words around it ("Harbour Desk, 5 March 2024, 10:30"), not a sentence that names one.
 */
export function datelineDate(text: string): string | null {
  if (text.length > 100) return null;
  const opening = parseDateLine(text);
  if (opening) return opening;
  const date = findDates(text)[0];
  return date && !/[.!?]$/.test(text) && text.length - (date.end - date.start) <= 30 ? date.iso : null;
}

/**
 * How many elements after the headline's heading (its later siblings, and its ancestors' later siblings, with what they
 * hold) are looked at.
 */
const NEAR_HEADLINE = 40;

/** Letters and digits only, lower case: how two printings of a headline are compared. */
export const sameWords = (text: string): string => text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();

/**
 * The heading that prints the article's headline: the first `<h1>` or `<h2>` whose words are the
 * headline's (a page's first `<h1>` is sometimes its logo), else the first `<h1>`.
 */
function headlineHeading(document: Node, headline: string | null): Element | null {
  const wanted = headline ? sameWords(headline) : '';
  const heading = wanted ? Array.from(document.querySelectorAll('h1, h2')).slice(0, 100)
    .find((h) => sameWords(h.textContent ?? '') === wanted) : undefined;
  return heading ?? document.querySelector('h1');
}

/** An element's text with a line break read as a space ("News24<br>13 Jan 2020" is two words). */
function spacedText(element: Element): string {
  if (!element.querySelector('br')) return element.textContent ?? '';
  const text = (node: ChildNode): string => node.nodeName === 'BR' ? ' '
    : node.nodeType === 1 ? Array.from(node.childNodes).map(text).join('') : node.textContent ?? '';
  return Array.from(element.childNodes).map(text).join('');
}

/**
 * A dateline just after the headline's heading, where outlets print one even in an element named for
 * nothing ("August 06, 2019" in a bare `<div>`). Walks siblings outward, a bounded number of elements.
 */
function dateNearHeadline(heading: Element | null): string | null {
  let budget = NEAR_HEADLINE;
  for (let node = heading, level = 0; node && level < 4; node = node.parentElement, level++) {
    for (let sibling = node.nextElementSibling; sibling && budget > 0; sibling = sibling.nextElementSibling) {
      for (const element of [sibling, ...Array.from(sibling.querySelectorAll('*')).slice(0, 20)]) {
        if (--budget < 0) return null;
        const text = element.textContent ?? '';
        const date = text.length <= 200 ? datelineDate(clean(spacedText(element)) ?? '') : null;
        if (date) return date;
      }
    }
  }
  return null;
}

/** The calendar date of a date attribute or tag: its ISO day as written (the page's own zone), or a date in words. */
function dateOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return iso ? iso[1]! : parseDate(value);
}

/** Elements that print a date in a page's own words, by their name: `<time>`, "date", "published", "posted". */
const DATE_ELEMENTS = 'time, [itemprop="datePublished"], [class*="date" i], [class*="publish" i], [class*="posted" i], [id*="date" i], '
  + '[class*="byline" i], [class*="dateline" i]';

/** The first date an element named for one prints (its `datetime` or `content`, or its short text). */
function visibleDate(document: Node): string | null {
  for (const element of Array.from(document.querySelectorAll(DATE_ELEMENTS)).slice(0, 300)) {
    const attribute = dateOf(element.getAttribute('datetime') ?? element.getAttribute('content'));
    if (attribute) return attribute;
    const text = clean(element.textContent);
    const found = text && text.length <= 120 ? parseDateLine(text) : null;
    if (found) return found;
  }
  return null;
}

/** Wiki and forum software, as `<meta name="generator">` names it. */
const FORUMS = /\b(?:MediaWiki|DokuWiki|phpBB|vBulletin|XenForo|Discourse|MyBB|Invision|Simple Machines)\b/i;

/** The marks forum software leaves on a page that carries no generator tag, and schema.org's types for posts and answers. */
const FORUM_MARKS: readonly (readonly [selector: string, software: string])[] = [
  ['html#XF', 'XenForo'], ['body#phpbb', 'phpBB'], ['body.ipsApp', 'Invision Community'], ['#vbulletin_html', 'vBulletin'],
  ['[itemtype*="DiscussionForumPosting"], [itemtype*="schema.org/QAPage"]', 'forum software (a schema.org forum post)'],
];

/** JSON-LD types of a forum's or a question site's page. */
const FORUM_TYPES = /\b(?:DiscussionForumPosting|QAPage)\b/;

/** An ellipsis as one character or three dots. */
const dots = (text: string): string => text.replace(/…/g, '...');

/** Does the `whole` headline open with `part` (an `<h1>`), however each writes an ellipsis? */
const opens = (whole: string, part: string): boolean => dots(whole).startsWith(dots(part));

/**
 * The headline the page's metadata gives: JSON-LD's, unless it is og:title's words with punctuation lost
 * ("Germanys" for "Germany's"), when og:title's fuller printing is taken.
 */
function headlineGiven(ld: string | null, og: string | null): string | null {
  const letters = (text: string): string => text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
  if (ld && og && og.length > ld.length && letters(og) === letters(ld)) return og;
  return ld ?? og;
}

/** Which forum or wiki software made the page, if any. */
function forumOf(document: Node, generator: string | null, records: readonly Record<string, unknown>[]): string | null {
  const named = FORUMS.exec(generator ?? '')?.[0];
  if (named) return named;
  const marked = FORUM_MARKS.find(([selector]) => document.querySelector(selector) !== null)?.[1];
  if (marked) return marked;
  return records.some((r) => FORUM_TYPES.test(typeOf(r))) ? 'forum software (a schema.org forum post)' : null;
}

/** The page's metadata, read before anything takes the document apart. */
export function pageMetadata(document: Node): PageMetadata {
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const found = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
      const value = clean(found?.getAttribute('content'));
      if (value) return value;
    }
    return null;
  };
  const records = jsonLd(document);
  const article = records.find((r) => ARTICLE_TYPES.test(typeOf(r))) ?? null;
  const ld = (key: string): unknown => article?.[key];
  const given = headlineGiven(clean(typeof ld('headline') === 'string' ? String(ld('headline')) : null), meta('og:title', 'twitter:title'));
  // The page's own <h1>: the one the given headline opens with (a page's first is sometimes its logo).
  const h1s = Array.from(document.querySelectorAll('h1')).slice(0, 20).map((h) => clean(h.textContent)).filter((h) => h !== null);
  const h1 = (given ? h1s.find((h) => opens(given, h)) : undefined) ?? h1s[0] ?? null;
  // "Headline - Outlet" in og:title, when the page's own <h1> is the headline alone.
  const suffixed = given && h1 && given !== h1 && opens(given, h1) && /^\s*[-|–—:]\s*\S/.test(dots(given).slice(dots(h1).length));
  const headline = suffixed ? h1 : given ?? h1;

  // The page's own tags first: JSON-LD is sometimes another time zone's clock labelled UTC.
  const date = dateOf(meta('article:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date',
    'DC.date.issued', 'sailthru.date', 'parsely-pub-date', 'article.published'))
    ?? dateOf(typeof ld('datePublished') === 'string' ? String(ld('datePublished')) : null);
  const shown = dateNearHeadline(headlineHeading(document, headline)) ?? visibleDate(document);
  const url = [
    document.querySelector('link[rel="canonical"]')?.getAttribute('href'), meta('og:url'),
    typeof ld('url') === 'string' ? String(ld('url')) : null,
  ].map((u) => clean(u)).find((u) => !!u && /^https?:\/\//i.test(u)) ?? null;
  const urlDate = url ? dateFromUrl(url)?.iso ?? null : null;
  const publisher = ld('publisher');
  const outlet = meta('og:site_name', 'application-name') ?? nameOf(publisher);
  const byline = nameOf(ld('author')) ?? meta('author', 'article:author', 'byl', 'dc.creator');
  const figure = document.querySelector('article figure figcaption, figure figcaption');
  // Read as a dump's caption line is: "… on Monday. Photo: Tom Reyes" is a caption and a credit.
  const apart = clean(figure?.querySelector('.credit, [class*="credit" i], small')?.textContent);
  const captionText = clean(figure?.textContent);
  const read = captionText ? readCaption(captionText) : null;
  const caption = apart && captionText ? trimCaption(captionText.replace(apart, ''))
    : read ? read.caption : captionText ? trimCaption(captionText) : null;
  const credit = apart ? stripLabel(apart, CREDIT) || null : read?.credit ?? null;
  return {
    headline, date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null, shownDate: shown, urlDate,
    byline: byline && /^https?:/.test(byline) ? null : byline,
    url, outlet, caption, credit, figure: captionText,
    forum: forumOf(document, meta('generator'), records),
    saysArticle: article !== null || /article/i.test(meta('og:type') ?? '') || meta('article:published_time') !== null
      || document.querySelector('article, [itemtype*="Article"]') !== null,
  };
}
