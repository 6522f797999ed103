import matter from 'gray-matter';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Article, BodyNode, Diagnostic, Image, Link, ParseOutcome, Related, Source, SourceFile } from '../types.js';
import { extractQuotes } from './quotes/index.js';
import { findTopics } from './topics.js';
import { parseDate } from './dates.js';
import { lostLink } from './inline.js';
import { cleanSlug, slugForHeadline } from './slug.js';
import { isWebAddress, sourceFor } from './source.js';
import { clip } from './text.js';

/** Front matter keys we read; anything else earns a warning (a typo like `tittle` would otherwise vanish). */
const KNOWN_KEYS: ReadonlySet<string> = new Set([
  'title', 'headline', 'date', 'tags', 'image', 'source', 'slug', 'byline', 'author', 'standfirst',
  'description', 'related', 'permalink', 'layout', 'draft',
]);

/** gray-matter would `eval` a `---js` front matter; content is never code. */
const REFUSE = (lang: string) => (): never => {
  throw Object.assign(new Error(`front matter in ${lang} is not allowed`), { refused: lang });
};
const MATTER_OPTIONS = {
  engines: {
    js: REFUSE('JavaScript'), javascript: REFUSE('JavaScript'), coffee: REFUSE('CoffeeScript'), coffeescript: REFUSE('CoffeeScript'),
  },
};

const parser = unified().use(remarkParse);

interface YamlError {
  readonly reason?: string;
  readonly mark?: { readonly line?: number };
  readonly refused?: string;
}

/** Parses a Markdown article with YAML front matter into an article record. */
export function parseMarkdown(file: SourceFile): ParseOutcome {
  const warnings: Diagnostic[] = [];
  const fail = (line: number, expected: string, found: string, hint?: string): ParseOutcome => ({
    ok: false, warnings, error: { file: file.path, line, expected, found, ...(hint ? { hint } : {}) },
  });
  const text = file.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, MATTER_OPTIONS);
  } catch (error) {
    const e = error as YamlError;
    if (e.refused) return fail(1, 'YAML front matter between "---" lines', `front matter in ${e.refused}`);
    // js-yaml counts from the opening "---" line; an error at the end of the stream points past the last key.
    const lines = text.split('\n');
    const closing = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(l));
    const line = Math.min((e.mark?.line ?? 0) + 1, closing > 0 ? closing : lines.length);
    return fail(
      Math.max(line, 1), 'valid YAML front matter', e.reason ?? String(error), 'check the indentation and quote values that contain ":"'
    );
  }
  const data: Record<string, unknown> = parsed.data ?? {};
  const lineOf = (key: string): number => {
    const i = text.split('\n').findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
    return i >= 0 ? i + 1 : 1;
  };
  for (const key of Object.keys(data).sort()) {
    if (!KNOWN_KEYS.has(key)) {
      const expected = `one of the keys ${[...KNOWN_KEYS].slice(0, 11).join(', ')}`;
      warnings.push({ file: file.path, line: lineOf(key), expected, found: `"${key}"`, hint: 'the key is ignored' });
    }
  }

  const tree = parser.parse(parsed.content) as Root;

  // Headline: front matter, else the first top-level heading of the body.
  const rawTitle = data['title'] ?? data['headline'];
  let headline: string | null = null;
  if (rawTitle !== undefined && rawTitle !== null) {
    if (typeof rawTitle !== 'string' && typeof rawTitle !== 'number') return fail(
      lineOf(data['title'] !== undefined ? 'title' : 'headline'), 'a text headline in "title"', describe(rawTitle)
    );
    headline = String(rawTitle).trim() || null;
  }
  if (!headline) {
    const h1 = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 1);
    if (h1 >= 0) {
      headline = toString(tree.children[h1]!).trim() || null;
      tree.children.splice(h1, 1);
    }
  }
  if (!headline) return fail(
    parsed.matter ? lineOf('title') : 1, 'a headline in front matter ("title: …")', 'none',
    'add "title: Your headline" between the "---" lines'
  );

  const rawDate = data['date'];
  let date: string | null = null;
  if (rawDate instanceof Date && !Number.isNaN(rawDate.getTime())) date = rawDate.toISOString().slice(0, 10);
  else if (typeof rawDate === 'string') date = parseDate(rawDate);
  if (!date) {
    return fail(
      lineOf('date'), 'a date like "2025-05-20" in "date"', rawDate === undefined ? 'none' : describe(rawDate),
      'dates are calendar dates: YYYY-MM-DD'
    );
  }

  const tags = readTags(data['tags']);
  if (tags === null) return fail(lineOf('tags'), 'a list of tags ("tags: [Russia, Ukraine]")', describe(data['tags']));

  const image = readImage(data['image']);
  if (image === undefined) return fail(lineOf('image'), 'an image with "caption" and "credit" texts', describe(data['image']));

  let source: Source | null = null;
  const rawSource = data['source'];
  if (rawSource !== undefined && rawSource !== null) {
    const url = typeof rawSource === 'string' ? rawSource : isRecord(rawSource) ? rawSource['url'] : undefined;
    const name = isRecord(rawSource) && typeof rawSource['name'] === 'string' ? rawSource['name'] : null;
    if (typeof url !== 'string' || !isWebAddress(url.trim())) {
      return fail(lineOf('source'), 'a source with a web address ("source: {url: https://…, name: …}")', describe(url ?? rawSource));
    }
    source = sourceFor(new URL(url.trim()).href, name);
  }

  const related: Related[] = [];
  const rawRelated = data['related'];
  if (rawRelated !== undefined && rawRelated !== null) {
    const list = Array.isArray(rawRelated) ? rawRelated : [rawRelated];
    if (!list.every((r) => typeof r === 'string')) return fail(lineOf('related'), 'a list of related headlines', describe(rawRelated));
    for (const r of list as string[]) if (r.trim()) related.push({ headline: r.trim(), slug: null });
  }

  const optionalText = (key: string): string | null => {
    const value = data[key];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  };
  const slugValue = optionalText('slug');
  if (slugValue && cleanSlug(slugValue) !== slugValue) {
    warnings.push({
      file: file.path, line: lineOf('slug'), expected: 'a slug of lower-case letters, digits and hyphens', found: `"${clip(slugValue)}"`,
      hint: `"${cleanSlug(slugValue)}" is used`,
    });
  }
  for (const key of ['permalink', 'layout']) {
    if (data[key] === undefined) continue;
    const hint = 'Broadsheet decides where pages go and how they look; the key is ignored';
    warnings.push({ file: file.path, line: lineOf(key), expected: 'no page placement in front matter', found: `"${key}"`, hint });
  }
  const body = numberBody(tree);

  const article: Article = {
    file: file.path,
    format: 'markdown',
    slug: slugValue ? cleanSlug(slugValue) : slugForHeadline(headline),
    headline,
    standfirst: optionalText('standfirst') ?? optionalText('description'),
    byline: optionalText('byline') ?? optionalText('author'),
    date,
    image,
    paragraphs: body.paragraphs,
    links: body.links,
    related,
    source,
    tags,
    topics: findTopics(headline, body.paragraphs, tags),
    quotes: extractQuotes(body.paragraphs).quotes,
    body: body.root,
  };
  return { ok: true, article, warnings };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}


/** A link target the site may point at: web and mail addresses, and relative paths; never `javascript:`. */
function safeLinkTarget(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) return trimmed;
  return ['http', 'https', 'mailto'].includes(scheme) ? trimmed : null;
}

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${clip(value)}"`;
  return `${typeof value} ${String(value)}`;
}

function readTags(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
  if (!list || !list.every((t) => typeof t === 'string' || typeof t === 'number')) return null;
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const t of list) {
    const tag = String(t).trim();
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

/** `null` for no image, `undefined` for a malformed one. */
function readImage(value: unknown): Image | null | undefined {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) return undefined;
  const caption = value['caption'];
  const credit = value['credit'];
  if ((caption != null && typeof caption !== 'string') || (credit != null && typeof credit !== 'string')) return undefined;
  const c = typeof caption === 'string' && caption.trim() ? caption.trim() : null;
  const r = typeof credit === 'string' && credit.trim() ? credit.trim() : null;
  return c || r ? { caption: c, credit: r } : null;
}

/**
 * A block's plain text, as `toString` gives it, but with a space where a hard line break or a table
 * cell's edge stands (`toString` gives nothing there, and "it,  ⏎second" became "it,second").
 */
function blockText(node: Nodes): string {
  if (node.type === 'break') return ' ';
  if (!('children' in node)) return toString(node, { includeHtml: false });
  const text = node.children.map(blockText).join('');
  return node.type === 'tableCell' ? ` ${text} ` : text;
}

/** Block types whose text is one entry of `paragraphs`. */
const TEXT_BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'code', 'tableRow']);

/**
 * Numbers the text blocks of a Markdown body in reading order, collects its links,
 * drops source positions, and turns links without a target into lost links.
 */
function numberBody(tree: Root): { root: BodyNode; paragraphs: string[]; links: Link[] } {
  const paragraphs: string[] = [];
  const links: Link[] = [];
  const visit = (node: Nodes, block: number | null, inListItem: boolean): BodyNode => {
    let current = block;
    let data: Record<string, unknown> | undefined;
    const text = TEXT_BLOCKS.has(node.type) && block === null ? blockText(node).replace(/\s+/g, ' ').trim() : '';
    // Blocks with no text (a paragraph of raw HTML only) get no number.
    if (text) {
      current = paragraphs.length;
      paragraphs.push(text);
      // In a tight list the <p> disappears, so the anchor goes on the item instead.
      data = inListItem ? { paragraph: current } : { paragraph: current, hProperties: { id: `p${current + 1}` } };
    }
    if (node.type === 'image') {
      // The site loads nothing from elsewhere and copies no images: a picture becomes a link to it.
      const url = safeLinkTarget(node.url);
      const text = node.alt?.trim() || 'Image';
      if (current !== null) links.push({ text, href: url, paragraph: current });
      return url ? { type: 'link', url, children: [{ type: 'text', value: text }] } : lostLink(text);
    }
    if (node.type === 'link') {
      const text = toString(node).trim();
      const href = safeLinkTarget(node.url);
      if (current !== null && text) links.push({ text, href, paragraph: current });
      if (!href) return lostLink(toString(node));
    }
    const { position: _position, data: _data, children, ...rest } = node as Nodes & { children?: Nodes[] };
    void _position;
    void _data;
    const out: Record<string, unknown> = { ...rest };
    if (children) {
      out['children'] = children.map((child, i) => visit(child, current, node.type === 'listItem' && i === 0));
      if (node.type === 'listItem') {
        const firstData = (out['children'] as BodyNode[])[0]?.data;
        if (firstData && typeof firstData['paragraph'] === 'number') {
          out['data'] = { hProperties: { id: `p${firstData['paragraph'] + 1}` } };
        }
      }
    }
    if (data) out['data'] = data;
    return out as unknown as BodyNode;
  };
  return { root: visit(tree, null, false), paragraphs, links };
}
