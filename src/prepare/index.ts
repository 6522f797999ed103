/**
 * Prepare stage: the per-file work that depends on nothing but the file — parsing it, and rendering
 * its body to HTML — so it can be cached by content and shared between both cores. No I/O.
 */
import { excerptOf, formatOf, parseFile } from '../parse/index.js';
import { renderBody } from '../site/body.js';
import { needsTypesetting, typesetText } from '../site/typeset.js';
import type { Article, ParseOutcome, SourceFile } from '../types.js';

export { withLazyBody, withoutBody } from './body-tree.js';

/** A parsed file, with its article's body rendered and its other lines typeset when it parsed. */
export interface Prepared {
  readonly outcome: ParseOutcome;
  /**
   * The body as HTML, in UTF-8: typeset text (curly quotes, dashes) makes a JavaScript string two
   * bytes a character, and 100,000 bodies held as strings were about 700 MB of a cold build's memory.
   */
  readonly html: Uint8Array | null;
  /** Each line the site prints that typesetting changes (headline, excerpt, quotes, …), with how it prints. */
  readonly typeset: readonly (readonly [string, string])[];
}

/** Parses a file, renders its body and typesets the lines pages show. */
export function prepareFile(file: SourceFile): Prepared {
  const outcome = parseFile(file);
  if (!outcome.ok) return { outcome, html: null, typeset: [] };
  return { outcome, html: Buffer.from(renderBody(outcome.article.body)), typeset: typesetLines(outcome.article) };
}

/**
 * The lines of an article that pages print apart from its body, typeset here rather than while
 * the pages render: this stage runs on both cores, and the parse cache keeps what it made.
 */
function typesetLines(article: Article): [string, string][] {
  const lines = new Set([
    article.headline, article.standfirst, article.byline, article.image?.caption, article.image?.credit, excerptOf(article),
    ...article.quotes.flatMap((q) => [q.text, q.role, q.speaker]), ...article.related.map((r) => r.headline), ...article.topics,
  ]);
  const pairs: [string, string][] = [];
  for (const line of lines) if (line && needsTypesetting(line)) pairs.push([line, typesetText(line)]);
  return pairs;
}

/** A Markdown file costs about twice a raw text file of the same length to prepare (measured: 0.63 against 0.30 ms). */
const MARKDOWN_COST = 2;

/**
 * Splits the files at `which` (indexes into `files`) into two shares of about equal work, for this
 * thread and a worker. Each thread compiles the code it runs for itself, so the worker takes raw
 * text files first: only this thread then warms up the Markdown parser, which saves the worker
 * about a second of compiling on a busy core. Both keep their files' order.
 */
export function splitWork(files: readonly SourceFile[], which: readonly number[]): { here: number[]; worker: number[] } {
  const markdown = new Set(which.filter((i) => formatOf(files[i]!.path) === 'markdown'));
  const cost = (i: number): number => files[i]!.text.length * (markdown.has(i) ? MARKDOWN_COST : 1);
  let half = which.reduce((sum, i) => sum + cost(i), 0) / 2;
  const worker = new Set<number>();
  for (const i of [...which.filter((i) => !markdown.has(i)), ...markdown]) {
    if (half <= 0) break;
    worker.add(i);
    half -= cost(i);
  }
  return { here: which.filter((i) => !worker.has(i)), worker: which.filter((i) => worker.has(i)) };
}
