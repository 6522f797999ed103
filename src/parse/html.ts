/**
 * Saved web pages (`.html`, `.htm`): a browser's "Save page as", `wget`, a CMS export. The page's own
 * metadata gives the headline, date, byline, address and outlet; Mozilla's Readability (Firefox's
 * Reader View) over a linkedom DOM finds the article's body, which the unified ecosystem turns into
 * Markdown (hast → mdast → Markdown) for the Markdown reader, so a saved page gets the same record,
 * the same sanitized body and the same quotation stage as the other formats. No I/O.
 */
import { Readability } from '@mozilla/readability';
import matter from 'gray-matter';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { parseHTML } from 'linkedom';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Diagnostic, ParseOutcome, SourceFile } from '../types.js';
import { pageMetadata } from './html-meta.js';
import { type LeadFields, type MdastNode, type ReadBody, readBody } from './html-noise.js';
import { parseMarkdown } from './markdown.js';

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

/** Running text below this, once Readability has found the article, is no article (a front page, a login wall). */
const MIN_TEXT = 200;

/** A page that doesn't call itself an article (og:type, JSON-LD, an `<article>`) needs this much running text to be one. */
const UNSAID_TEXT = 400;

/** Parses a saved web page into an article record, or says why the page is no article. */
export function parseHtml(file: SourceFile): ParseOutcome {
  const fail = (expected: string, found: string, hint?: string): ParseOutcome => ({
    ok: false, warnings: [], error: { file: file.path, line: 1, expected, found, ...(hint ? { hint } : {}) },
  });
  if (!/<(?:html|body|head|p|div|article)[\s>]/i.test(file.text)) return fail('a saved web page (HTML)', 'no HTML elements');
  const { document } = parseHTML(file.text);
  // Read before Readability, which takes the document apart.
  const meta = pageMetadata(document);
  if (meta.forum) {
    return fail('an article page', `a page made by ${meta.forum}, a wiki's or a forum's software`, 'save the article\'s own page');
  }
  // linkedom's document stands in for the browser's, which Readability's types name.
  const page = document as unknown as ReadabilityDocument;
  const found = new Readability(page, { charThreshold: MIN_TEXT, keepClasses: false }).parse();
  const text = (found?.textContent ?? '').replace(/\s+/g, ' ').trim();
  // Short running text counts only on a page that calls itself an article.
  if (!found?.content || text.length < MIN_TEXT || (!meta.saysArticle && text.length < UNSAID_TEXT)) {
    return fail('an article page: a headline and paragraphs of running text', 'a page with little running text',
      'a home page, a section front, a search page or a login wall is not an article; save the article\'s own page');
  }
  const headline = meta.headline ?? (found.title || null);
  if (!headline) return fail('a headline (og:title, the JSON-LD headline or an <h1>)', 'none');
  // One conversion, its failure located like any other: `plain` leaves only what Markdown has syntax for.
  const byline = bylineOf(meta.byline ?? found.byline);
  const lead: LeadFields = { headline, byline, figure: meta.figure };
  let read: ReadBody;
  let body: string;
  try {
    read = readBody(plain(toMdast(fromHtml(found.content, { fragment: true })) as MdastNode), lead);
    const tree = read.body as Parameters<typeof toMarkdown>[0];
    body = toMarkdown(tree, { bullet: '-', emphasis: '_' });
  } catch (error) {
    return fail('an article body in HTML that reads as paragraphs', error instanceof Error ? error.message : String(error));
  }
  const warnings: Diagnostic[] = [];
  let date = meta.date ?? read.date ?? meta.shownDate;
  if (!date && meta.urlDate) {
    date = meta.urlDate;
    const hint = 'the date is taken from the address; check it';
    warnings.push({ file: file.path, line: 1, expected: 'a publication date in the page', found: `only the address's ${date}`, hint });
  }
  if (!date) return fail('a publication date (JSON-LD datePublished, article:published_time, a <time> element)', 'none');
  const image = meta.caption || meta.credit ? { caption: meta.caption ?? null, credit: meta.credit ?? null } : read.caption;
  const data: Record<string, unknown> = {
    title: headline,
    date,
    ...(byline ? { byline } : {}),
    ...(meta.url ? { source: { url: meta.url, ...(meta.outlet ? { name: meta.outlet } : {}) } } : {}),
    ...(image ? { image } : {}),
  };
  const outcome = parseMarkdown({ path: file.path, text: matter.stringify(body, data) });
  if (!outcome.ok) return { ...outcome, warnings: [...warnings, ...outcome.warnings] };
  return { ok: true, warnings: [...warnings, ...outcome.warnings], article: { ...outcome.article, format: 'html' } };
}

/**
 * A byline as a name or names: what follows a web address in it is dropped ("Jane Doe https://…"), and
 * one that holds a year is a date line Readability took for a byline ("March 16, 2020 7:22 AM"), not one.
 */
function bylineOf(given: string | null | undefined): string | null {
  const text = (given ?? '').split(/\s*https?:\/\//)[0]!.trim();
  return text && !/(?:19|20)\d\d/.test(text) ? text : null;
}

/**
 * The tree without what plain Markdown has no syntax for — struck-through text keeps its words, and a
 * table becomes a paragraph per row, its cells joined by " · " — and without images.
 */
function plain(tree: MdastNode): MdastNode {
  const children = tree.children?.flatMap((child): MdastNode[] => {
    if (child.type === 'delete') return plain(child).children ?? [];
    // A page's images are on its host, and the site loads nothing from another: they are dropped.
    if (child.type === 'image' || child.type === 'imageReference') return [];
    if (child.type === 'table') {
      return (child.children ?? []).map((row) => ({
        type: 'paragraph',
        children: (row.children ?? []).flatMap((cell, i) => [
          ...(i ? [{ type: 'text', value: ' · ' }] : []), ...(plain(cell).children ?? []),
        ]),
      }));
    }
    return [plain(child)];
  });
  return children ? { ...tree, children } : tree;
}
