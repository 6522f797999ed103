import type { Article, Diagnostic, Image, ParseOutcome, Related, Source, SourceFile } from '../types.js';
import {
  dateFromUrl, opensWithDate, parseDateLine, parseFieldsDateLine, parseYearlessDateLine, withYear, type DateHint, type YearlessDate,
} from './dates.js';
import { extractQuotes } from './quotes/index.js';
import { buildBody, paragraphsOf, rejoin, type Item, type Line } from './text-body.js';
import { findTopics } from './topics.js';
import { isWebAddress, sourceFor } from './source.js';
import { slugForHeadline } from './slug.js';
import { CREDIT, labelPattern, readCaption, stripLabel, trimCaption } from './caption.js';
import { RELATED_LABELS, SOURCE_LABELS } from './tables.js';

export { readCaption } from './caption.js';

/** Lines between blank lines. */
type Block = readonly Line[];

/** How far after the headline we look for the date line. */
const HEADER_LINES = 6;

const RELATED = labelPattern(RELATED_LABELS);
const SOURCE = labelPattern(SOURCE_LABELS);
const ORIGINAL_URL = /^original\s+(?:url|link|article)\s*:\s*/i;

/** Normalises line endings and removes a byte-order mark. */
function normalise(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function toBlocks(text: string): Block[] {
  const blocks: Line[][] = [];
  let current: Line[] | null = null;
  normalise(text).split('\n').forEach((raw, i) => {
    const t = raw.replace(/[\s\u00A0]+/g, ' ').trim();
    if (!t) {
      current = null;
      return;
    }
    if (!current) blocks.push((current = []));
    current.push({ text: t, line: i + 1 });
  });
  return blocks;
}

/** A caption block is one line, or a caption line and a credit line. */
function captionOf(block: Block): Image | null {
  const [first, second] = block;
  if (!first || block.length > 2) return null;
  if (second) {
    if (!CREDIT.test(second.text)) return null;
    const caption = readCaption(first.text);
    const credit = stripLabel(second.text, CREDIT);
    return { caption: caption?.caption ?? trimCaption(first.text), credit: caption?.credit ?? credit };
  }
  return readCaption(first.text);
}

/**
 * A caption with no credit that only names what the photo shows, `Sony's PlayStation VR.`: one short
 * line of mostly capitalised words closed by a full stop, before a paragraph at least twice as long.
 */
function nameCaption(block: Block, next: Block | undefined): Image | null {
  const line = block.length === 1 ? block[0]!.text : '';
  const words = line.split(/\s+/);
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (!line || line.length > 60 || words.length < 2 || words.length > 8 || !/\p{L}\.$/u.test(line) || /["“”<]/.test(line)) return null;
  // Not a label in capitals (`ABSTRACT.`, `TOP STORIES.`) nor a byline (`Co-authored by …`).
  if (line === line.toUpperCase() || /\bby\b/i.test(line) || capitalised * 2 < words.length + 1) return null;
  const following = next?.map((l) => l.text).join(' ') ?? '';
  return following.length >= 2 * line.length ? { caption: trimCaption(line), credit: null } : null;
}

/**
 * Does the line read as a photo caption and its credit, `Crowds on the Elbe, April 25, 1945 (WikiMedia)`, rather
 * than as fields around a date? Fields are set apart by bars, dots, slashes, dashes or labels; a caption is not.
 */
function readsAsCaption(text: string): boolean {
  const image = readCaption(text);
  return Boolean(image?.caption && image.credit && !/[|·•»/:–—]/.test(image.caption));
}

/** Repairs an address broken by stray spaces or line breaks. */
function repairUrl(parts: readonly string[]): string {
  let url = parts.join('').replace(/\s+/g, '');
  if (/^www\./i.test(url)) url = `https://${url}`;
  return url;
}


const looksLikeUrlStart = (text: string): boolean => /^(?:https?:\/\/|www\.)/i.test(text);

/** Country domains where dates are written month first; elsewhere (`.uk`, `.au`, `.de`, …) day first. */
const MONTH_FIRST_DOMAINS = /\.(?:com|org|net|edu|gov|mil|us|io|co|news|info|biz|ph|ca)$/i;

/**
 * What the original address tells about the date line's numbers (`03/04/2015`): the date in the
 * address, and whether the outlet's country writes the day first. Read ahead of the body.
 */
function dateHint(lines: readonly Line[]): DateHint {
  const at = lines.findLastIndex((l) => ORIGINAL_URL.test(l.text) || (SOURCE.test(l.text) && /:\s*(?:https?:\/\/|www\.|$)/i.test(l.text)));
  if (at < 0) return {};
  const label = lines[at]!.text.replace(ORIGINAL_URL, '').replace(SOURCE, '').trim();
  const url = repairUrl(label ? [label] : lines.slice(at + 1, at + 4).map((l) => l.text).filter((t) => !/\s/.test(t)));
  const host = /^[a-z]+:\/\/([^/]+)/i.exec(url)?.[1];
  if (!host) return {};
  return { dayFirst: !MONTH_FIRST_DOMAINS.test(host), expected: dateFromUrl(url)?.iso ?? null };
}

/** Parses a raw text dump (the seed's format) into an article record. */
export function parseText(file: SourceFile): ParseOutcome {
  const warnings: Diagnostic[] = [];
  const fail = (line: number, expected: string, found: string, hint?: string): ParseOutcome => ({
    ok: false, warnings, error: { file: file.path, line, expected, found, ...(hint ? { hint } : {}) },
  });

  const blocks = toBlocks(file.text);
  const lines = blocks.flat();
  const first = lines[0];
  if (!first) return fail(1, 'a headline on the first non-blank line', 'an empty file');

  // Header: headline, then within a few lines a date line; bylines and a standfirst may stand between.
  if (opensWithDate(first.text) && !/\p{Ll}{4,}.*\p{Ll}{4,}.*\p{Ll}{4,}/u.test(first.text)) {
    return fail(
      first.line, 'a headline on the first non-blank line', `the date line "${clip(first.text)}"`, 'put the headline above the date'
    );
  }
  const headline = first.text.replace(/^#+\s*/, '');
  if (!headline) return fail(first.line, 'a headline on the first non-blank line', `"${clip(first.text)}", a heading mark with no words`);
  let date: string | null = null;
  let yearless: YearlessDate | null = null;
  let dateIndex = -1;
  const hint = dateHint(lines);
  for (let i = 1; i <= HEADER_LINES && i < lines.length && dateIndex < 0; i++) {
    date = parseDateLine(lines[i]!.text, hint);
    yearless = date ? null : parseYearlessDateLine(lines[i]!.text);
    if (date || yearless) dateIndex = i;
  }
  // None in a known form: a short line holding a full date among other fields (`Source: … | 2018-09-26 | Editor: …`)
  // is the date line, with a warning only when the date is uncertain. Tried after the forms above, so that a
  // standfirst naming a date gives way to a date line below it.
  for (let i = 1; i <= HEADER_LINES && i < lines.length && dateIndex < 0; i++) {
    const found = parseFieldsDateLine(lines[i]!.text, hint);
    if (!found || readsAsCaption(lines[i]!.text)) continue;
    date = found.iso;
    dateIndex = i;
    if (found.doubt) warnings.push({ file: file.path, line: lines[i]!.line, found: `"${clip(lines[i]!.text)}"`, ...found.doubt });
  }
  // No date line: the original address may still carry the date (decided once it is read below). A
  // short line with figures and no sentence under the headline is a date line in a form not yet known.
  const datedLine = dateIndex >= 0 ? lines[dateIndex]! : null;
  if (dateIndex < 0) dateIndex = lines[1] && looksLikeDateLine(lines[1].text) ? 1 : 0;
  let byline: string | null = null;
  const standfirst: string[] = [];
  for (const l of lines.slice(1, dateIndex)) {
    if (/^by\s/i.test(l.text) && l.text.length <= 120) byline = l.text.replace(/^by\s+/i, '');
    else standfirst.push(l.text);
  }
  const dateLine = lines[dateIndex]!;
  const inlineBy = datedLine && /^by\s+(.+?)\s*(?:[|,•·–—-]|\bon\b|\bpublished\b|\bupdated\b)/i.exec(dateLine.text);
  if (inlineBy) byline = inlineBy[1]!;

  // Everything after the date line, as blocks.
  let rest: Block[] = [];
  for (const block of blocks) {
    const after = block.filter((l) => l.line > dateLine.line);
    if (after.length) rest.push(after);
  }
  // A byline right after the date.
  const maybeBy = rest[0];
  if (!byline && maybeBy?.length === 1 && /^by\s/i.test(maybeBy[0]!.text) && maybeBy[0]!.text.length <= 120) {
    byline = maybeBy[0]!.text.replace(/^by\s+/i, '');
    rest = rest.slice(1);
  }

  // Caption: the first block after the header, when it reads as one.
  let image: Image | null = null;
  const captionBlock = rest[0];
  if (captionBlock) {
    image = captionOf(captionBlock) ?? nameCaption(captionBlock, rest[1]);
    if (image) {
      rest = rest.slice(1);
      const creditBlock = rest[0];
      if (!image.credit && creditBlock?.length === 1 && CREDIT.test(creditBlock[0]!.text)) {
        image = { caption: image.caption, credit: stripLabel(creditBlock[0]!.text, CREDIT) };
        rest = rest.slice(1);
      }
    }
  }

  // Body: related lines and the source address come out; the rest are paragraphs, headings and lists.
  const related: Related[] = [];
  const items: Item[] = [];
  let source: Source | null = null;
  let urlParts: string[] | null = null;
  let urlLine = 0;
  let urlLabel = '';

  const finishUrl = (): ParseOutcome | null => {
    if (!urlParts) return null;
    const url = repairUrl(urlParts);
    const written = urlParts.join(' ');
    urlParts = null;
    if (!isWebAddress(url)) {
      const found = written ? `"${clip(written)}"` : 'nothing';
      return fail(urlLine, `a web address after "${urlLabel}"`, found, 'write the full address, starting with https://');
    }
    source = sourceFor(url);
    return null;
  };

  for (const block of rest) {
    let pending: Line[] = [];
    const flushPending = (): void => {
      if (pending.length) items.push(...paragraphsOf(pending));
      pending = [];
    };
    for (const l of block) {
      if (urlParts) {
        // Inside the source address: fragments without spaces continue it.
        if (urlParts.length === 0 || (!/\s/.test(l.text) && !looksLikeUrlStart(l.text) && !RELATED.test(l.text))) {
          if (urlParts.length === 0) urlLine = l.line;
          urlParts.push(l.text);
          continue;
        }
        const failed = finishUrl();
        if (failed) return failed;
      }
      const related1 = RELATED.exec(l.text);
      if (related1) {
        flushPending();
        const title = l.text.slice(related1[0].length).trim();
        if (title) related.push({ headline: title, slug: null });
        continue;
      }
      const src = SOURCE.exec(l.text);
      if (src && !source) {
        const value = l.text.slice(src[0].length).trim();
        // "Source: Reuters" is body text; "Source: https://…" and "Original url:" are not.
        if (ORIGINAL_URL.test(l.text) || looksLikeUrlStart(value) || (!value && block.length === 1)) {
          flushPending();
          urlLabel = src[0].replace(/\s*:\s*$/, ':');
          urlParts = value ? [value] : [];
          urlLine = l.line;
          continue;
        }
      }
      pending.push(l);
    }
    flushPending();
  }
  if (urlParts !== null) {
    const parts: string[] = urlParts;
    if (parts.length === 0) return fail(
      urlLine, `a web address after "${urlLabel}"`, 'the end of the file',
      'write the address on the line after the label, or remove the label'
    );
    const failed = finishUrl();
    if (failed) return failed;
  }

  if (!date) {
    const dated = datedFromUrl(file.path, datedLine, yearless, (source as Source | null)?.url ?? null, lines[1] ?? null, first.line);
    if (!dated.ok) return fail(dated.error.line, dated.error.expected, dated.error.found, dated.error.hint);
    date = dated.date;
    warnings.push(dated.warning);
  }

  const body = buildBody(rejoin(items), file.path, warnings);
  const { quotes, unclosed } = extractQuotes(body.paragraphs);
  for (const p of unclosed) {
    warnings.push({
      file: file.path, line: body.lines[p] ?? 1, expected: 'a closing quotation mark in this paragraph', found: 'the end of the paragraph',
      hint: 'the quote is kept to the end of the paragraph',
    });
  }
  const article: Article = {
    file: file.path,
    format: 'text',
    slug: slugForHeadline(headline),
    headline,
    standfirst: standfirst.length ? standfirst.join(' ') : null,
    byline,
    date,
    image,
    paragraphs: body.paragraphs,
    links: body.links,
    related,
    source,
    tags: [],
    topics: findTopics(headline, body.paragraphs, []),
    quotes,
    body: body.root,
  };
  return { ok: true, article, warnings };
}

/** A short line of figures, not a sentence: `11.03.17`, `2/26/2015 7:11 AM PST`, `Posted 3 hrs ago`. */
function looksLikeDateLine(text: string): boolean {
  return text.length <= 60 && /\d/.test(text) && text.split(/\s+/).length <= 8 && !/[.!?:]["”’]?$/.test(text)
    && !/\p{Ll}{3,}\s+\p{Ll}{3,}\s+\p{Ll}{3,}/u.test(text);
}

/**
 * The date of an article whose date line gives no year (or which has none), from its original
 * address: a warning says so. Without a date there either, the error a missing date line gives.
 */
function datedFromUrl(
  file: string, dateLine: Line | null, yearless: YearlessDate | null, url: string | null, next: Line | null, last: number,
):
  | { ok: true; date: string; warning: Diagnostic }
  | { ok: false; error: Omit<Diagnostic, 'file'> & { hint?: string } } {
  const fromUrl = url ? dateFromUrl(url) : null;
  if (dateLine && yearless) {
    const date = fromUrl ? withYear(yearless, fromUrl.year) : null;
    if (date) {
      return { ok: true, date, warning: { file, line: dateLine.line, expected: 'a year in the date line', found: `"${clip(dateLine.text)}"`,
        hint: `the year ${fromUrl!.year} is taken from the original address` } };
    }
    return { ok: false, error: { line: dateLine.line, expected: 'a year in the date line, or an original address with the date in it',
      found: `"${clip(dateLine.text)}"`, hint: 'write the date in full, e.g. "March 18, 2015"' } };
  }
  if (fromUrl?.iso) {
    const warning = {
      file, line: next?.line ?? last, expected: 'a date like "May 20, 2025" after the headline',
      found: next ? `"${clip(next.text)}"` : 'the end of the file', hint: `the date ${fromUrl.iso} is taken from the original address`,
    };
    return { ok: true, date: fromUrl.iso, warning };
  }
  return { ok: false, error: { line: next?.line ?? last, expected: 'a date like "May 20, 2025" after the headline',
    found: next ? `"${clip(next.text)}"` : 'the end of the file', hint: 'put the publication date on its own line under the headline' } };
}

/** Shortens a quoted line for an error message. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
