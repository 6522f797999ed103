/**
 * Body trees left out of prepared files, and made again on demand. Kept apart from `index.ts`: the
 * parse cache uses it, and the command loads the cache's module on every build, even one that
 * changes nothing; `index.ts` would load the whole parser with it (0.25 s).
 */
import type { Prepared } from './index.js';
import type { Article, ParseOutcome } from '../types.js';

/**
 * The same prepared file without its article's body tree, which is made again — by parsing the same
 * text, `reparse` — the first time something asks for it. Pages print the rendered body (`html`);
 * the trees were a third of a cold build's memory at 100,000 articles, and the worker's share of
 * them was copied between threads for nothing.
 */
export function withLazyBody(prepared: Prepared, file: string, reparse: () => ParseOutcome): Prepared {
  const { outcome } = prepared;
  if (!outcome.ok) return prepared;
  let tree: Article['body'] | undefined;
  // Enumerable like any field; nothing later copies records (what the archive adds lives on its
  // entry), so a tree no one asks for is never made.
  Object.defineProperty(outcome.article, 'body', {
    enumerable: true,
    configurable: true,
    get: () => (tree ??= bodyOf(reparse(), file)),
  });
  return prepared;
}

function bodyOf(outcome: ParseOutcome, file: string): Article['body'] {
  if (!outcome.ok) throw new Error(`${file}: expected the article to parse again, found ${outcome.error.expected}`);
  return outcome.article.body;
}

/** A prepared file as a worker sends it: its article without the body tree (see `withLazyBody`). */
export function withoutBody(prepared: Prepared): Prepared {
  if (!prepared.outcome.ok) return prepared;
  return { ...prepared, outcome: { ...prepared.outcome, article: articleWithoutBody(prepared.outcome.article) } };
}

/**
 * A copy of an article without its body tree, made without asking for the tree: destructuring
 * (`{ body, ...rest }`) would read it, and a cached article would parse its text again to make it.
 * Typed as an article, as the records that leave the tree out are.
 */
export function articleWithoutBody(article: Article): Article {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(article)) if (key !== 'body') copy[key] = article[key as keyof Article];
  return copy as unknown as Article;
}
