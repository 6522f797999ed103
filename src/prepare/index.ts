/**
 * Prepare stage: the per-file work that depends on nothing but the file — parsing it, and rendering
 * its body to HTML — so it can be cached by content and shared between both cores. No I/O.
 */
import { parseFile } from '../parse/index.js';
import { renderBody } from '../site/body.js';
import type { ParseOutcome, SourceFile } from '../types.js';

/** A parsed file, with its article's body rendered when it parsed. */
export interface Prepared {
  readonly outcome: ParseOutcome;
  readonly html: string | null;
}

/** Parses a file and renders its body. */
export function prepareFile(file: SourceFile): Prepared {
  const outcome = parseFile(file);
  return { outcome, html: outcome.ok ? renderBody(outcome.article.body) : null };
}
