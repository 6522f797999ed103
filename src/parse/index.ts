/**
 * Parse stage: one content file in, one article record (or a located error) out. No I/O.
 */
import type { Article, ArticleFormat, ParseOutcome, SourceFile } from '../types.js';
import { lookup } from './lookup.js';
import { parseMarkdown } from './markdown.js';
import { parseText } from './text.js';

/** Content file extensions and the format of each. */
const FORMATS: Readonly<Record<string, ArticleFormat>> = lookup({
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
});

/** The saved-page reader, once `loadReaders` has loaded it. */
let htmlReader: ((file: SourceFile) => ParseOutcome) | null = null;

const PARSERS: Readonly<Record<ArticleFormat, (file: SourceFile) => ParseOutcome>> = {
  text: parseText,
  markdown: parseMarkdown,
  html: (file) => {
    if (!htmlReader) throw new Error(`${file.path}: expected the saved-page reader to be loaded first (loadReaders)`);
    return htmlReader(file);
  },
};

/**
 * Loads the readers `paths` need that are not loaded with this module: the saved-page reader
 * (linkedom, Readability and the hast tools take about 0.35 s to load) only when a `.html` or `.htm`
 * file is among them, so a build of dumps and Markdown never pays for it.
 */
export async function loadReaders(paths: Iterable<string>): Promise<void> {
  if (htmlReader) return;
  for (const p of paths) {
    if (formatOf(p) !== 'html') continue;
    htmlReader = (await import('./html.js')).parseHtml;
    return;
  }
}

/** File extensions the parse stage reads. */
export const CONTENT_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

const extensionOf = (file: string): string => /\.[^./\\]+$/.exec(file)?.[0].toLowerCase() ?? '';

/** The format a content file is parsed as, by its extension; `null` when it isn't a content file. */
export function formatOf(file: string): ArticleFormat | null {
  return FORMATS[extensionOf(file)] ?? null;
}

/** What parsing may check against the world outside the file. */
export interface ParseOptions {
  /** Today, `YYYY-MM-DD`: later dates earn a warning. Defaults to the clock's date (UTC). */
  readonly today?: string;
}

/** Earliest date that isn't suspicious in a news archive. */
const EARLIEST = '1800-01-01';

/** Parses one content file by its extension: raw text dumps (`.txt`) or Markdown with front matter (`.md`). */
export function parseArticle(file: SourceFile, options: ParseOptions = {}): ParseOutcome {
  return checkDate(parseFile(file), file, options);
}

/** Parsing proper: depends on nothing but the file, so its outcome can be cached by content. */
export function parseFile(file: SourceFile): ParseOutcome {
  const format = formatOf(file.path);
  if (!format) {
    const ext = extensionOf(file.path);
    return {
      ok: false,
      warnings: [],
      error: {
        file: file.path,
        line: 1,
        expected: `a content file ending in ${CONTENT_EXTENSIONS.join(', ')}`,
        found: `"${ext || 'no extension'}"`,
      },
    };
  }
  return PARSERS[format](file);
}

/** Warns about a date after today or before 1800: the article is kept. */
export function checkDate(outcome: ParseOutcome, file: SourceFile, options: ParseOptions = {}): ParseOutcome {
  if (!outcome.ok) return outcome;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const { date } = outcome.article;
  if (date > today || date < EARLIEST) {
    const line = file.text.split(/\r\n?|\n/).findIndex((l) => l.includes(date.slice(0, 4))) + 1 || 1;
    const warning = {
      file: file.path, line, expected: date > today ? `a date no later than today (${today})` : `a date after ${EARLIEST.slice(0, 4)}`,
      found: date, hint: 'the article is kept; check the date',
    };
    return { ...outcome, warnings: [...outcome.warnings, warning] };
  }
  return outcome;
}

/** Formats a diagnostic the way compilers do: `FILE:LINE: expected …, found …`. */
export { formatDiagnostic } from '../diagnostics.js';

/** The record as `broadsheet parse --json` prints it: everything but the body tree (see README, "The record"). */
export function publicRecord(article: Article): Omit<Article, 'body'> {
  const { body: _body, ...record } = article;
  void _body;
  return record;
}

export { dateFromUrl, parseDate, parseDateLine, parseYearlessDateLine, withYear } from './dates.js';
export { excerptOf } from './excerpt.js';
export { exportMarkdown } from './export.js';
export { slugForHeadline } from './slug.js';
