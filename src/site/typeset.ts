/**
 * Typography for what the site prints: straight quotes and apostrophes become curly ones, `--` an
 * em dash, `...` an ellipsis, by retext-smartypants (the unified collective's SmartyPants). Records
 * keep the text as the source wrote it; only pages show it typeset.
 *
 * Bodies are typeset the way remark-smartypants does it (a test holds the two to the same output):
 * quotes are decided on the whole text of a block, so a mark next to a link is paired across it,
 * and dashes and ellipses text node by text node. Unlike remark-smartypants, retext only sees the
 * parts of a block with a mark to change (see `runQuotes`): that plugin parses every text node
 * twice and walks every word, which cost ten times the rest of rendering a body.
 */
import { retext } from 'retext';
import type { Sentence } from 'nlcst';
import retextSmartypants from 'retext-smartypants';
import type { BodyNode } from '../types.js';

/** Quotes only: changes no lengths, so the text of a block can be cut back into its nodes. */
const QUOTES = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false }).freeze();
/** Dashes, ellipses and backticks, which change lengths: one text node at a time. */
const REST = retext().use(retextSmartypants, { quotes: false }).freeze();

/** Text the quotes pass may change. */
const HAS_QUOTE = /["']/;
/** Text the second pass may change: `--`, three dots (spaced or not), backticks, two apostrophes. */
const HAS_REST = /--|\.\s*\.\s*\.|`|''/;

/**
 * Two apostrophes standing for a double mark, as the New York Times archive writes every quotation
 * (`''It's over,'' he said`). SmartyPants reads such a pair as a closing mark only, so it is read as
 * one straight double mark first.
 */
const TWO_APOSTROPHES = /''/g;
const asDoubleMarks = (text: string): string => (text.includes("''") ? text.replace(TWO_APOSTROPHES, '"') : text);

/** Blocks whose text starts afresh: a mark at their start opens a quote. */
const BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Where a sentence may end: after `.`, `!` or `?` (and closing marks) and a space, before a capital
 * (or an opening mark and one). SmartyPants decides each mark by its neighbours within its sentence,
 * so text can be cut here and only the pieces with a mark parsed: a cut where parse-latin would not
 * end a sentence (`U.S. "This`) leaves a mark beside it without a neighbour on that side, and every
 * branch of SmartyPants gives such a mark what it gives a mark after a space or before one.
 */
const SENTENCE_END = /(?<=[.!?]["'”’)\]]*\s+)(?=["'“‘(]?\p{Lu})/u;

/** How many nodes around a mark SmartyPants reads: the one before and the two after (and one to spare). */
const BEFORE = 2;
const AFTER = 3;

/**
 * Runs the quotes pass over `text` the way retext would over all of it, at a fraction of the cost:
 * only pieces of text with a mark are parsed, and of their sentences only the nodes around each
 * mark are walked (in runs of their own, neighbours kept), since walking a node is what costs.
 */
function runQuotes(text: string): string {
  let out = '';
  for (const piece of text.split(SENTENCE_END)) {
    if (!HAS_QUOTE.test(piece)) {
      out += piece;
      continue;
    }
    const tree = QUOTES.parse(piece);
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue;
      for (const sentence of paragraph.children) if (sentence.type === 'SentenceNode') quoteRuns(sentence);
    }
    out += QUOTES.stringify(tree);
  }
  return out;
}

/** Runs the quotes pass over each stretch of a sentence around its marks. */
function quoteRuns(sentence: Sentence): void {
  const nodes = sentence.children;
  const near = new Uint8Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    if (!hasMark(nodes[i]!)) continue;
    near.fill(1, Math.max(0, i - BEFORE), Math.min(nodes.length, i + AFTER + 1));
  }
  for (let start = 0; start < nodes.length;) {
    if (!near[start]) {
      start++;
      continue;
    }
    let end = start;
    while (end < nodes.length && near[end]) end++;
    // The same nodes, so what SmartyPants changes is changed in the sentence.
    QUOTES.runSync({ type: 'SentenceNode', children: nodes.slice(start, end) } as never);
    start = end;
  }
}

function hasMark(node: Sentence['children'][number]): boolean {
  if ('value' in node) return node.value === '"' || node.value === "'";
  return node.children.some((child) => 'value' in child && (child.value === '"' || child.value === "'"));
}

/** Runs the second pass (dashes, ellipses, backticks) over the sentences of `text` that have one. */
function runRest(text: string): string {
  const tree = REST.parse(text);
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type === 'SentenceNode' && HAS_REST.test(REST.stringify(sentence as never))) REST.runSync(sentence as never);
    }
  }
  return REST.stringify(tree);
}

/** Curly quotes for the quotes of a block's text, which begins after a space as remark-smartypants has it. */
function quotesOf(text: string): string {
  return HAS_QUOTE.test(text) ? runQuotes(` ${text}`).slice(1) : text;
}

/**
 * A line of plain text (a headline, an excerpt, a quotation) as the site prints it.
 * @example typesetText(`"It's over," he said -- for now...`) === '“It’s over,” he said — for now…'
 */
export function typesetText(text: string): string {
  const quoted = quotesOf(asDoubleMarks(text));
  return HAS_REST.test(quoted) ? runRest(quoted) : quoted;
}

/** An article body (mdast) typeset; the tree it is given is not changed, untouched nodes are shared. */
export function typesetBody(body: BodyNode): BodyNode {
  if (BLOCKS.has(body.type)) return typesetBlock(body);
  if (!body.children) return body;
  let changed = false;
  const children = body.children.map((child) => {
    const next = typesetBody(child);
    changed ||= next !== child;
    return next;
  });
  return changed ? { ...body, children } : body;
}

/** Text and inline code of a block, in reading order (remark-smartypants reads the same nodes). */
function literalsOf(node: BodyNode, into: BodyNode[]): BodyNode[] {
  if ((node.type === 'text' || node.type === 'inlineCode') && typeof node.value === 'string') into.push(node);
  for (const child of node.children ?? []) literalsOf(child, into);
  return into;
}

function typesetBlock(block: BodyNode): BodyNode {
  const literals = literalsOf(block, []);
  // Inline code is never typeset, but stands in the text as letters, so marks around it pair up.
  const pieces = literals.map((n) => (n.type === 'text' ? asDoubleMarks(n.value!) : 'A'.repeat(n.value!.length)));
  const text = pieces.join('');
  if (!needsTypesetting(text)) return block;
  const quoted = quotesOf(text);
  const values = new Map<BodyNode, string>();
  let at = 0;
  for (const [i, node] of literals.entries()) {
    const end = at + pieces[i]!.length;
    if (node.type === 'text') {
      const piece = quoted.slice(at, end);
      const value = HAS_REST.test(piece) ? runRest(piece) : piece;
      if (value !== node.value) values.set(node, value);
    }
    at = end;
  }
  return values.size ? withValues(block, values) : block;
}

/** A copy of `node` with the given literals' new values; subtrees with none of them are shared. */
function withValues(node: BodyNode, values: ReadonlyMap<BodyNode, string>): BodyNode {
  const value = values.get(node);
  if (value !== undefined) return { ...node, value };
  if (!node.children) return node;
  let changed = false;
  const children = node.children.map((child) => {
    const next = withValues(child, values);
    changed ||= next !== child;
    return next;
  });
  return changed ? { ...node, children } : node;
}

/** Lines typeset already in this process: handed over by the prepare stage, or typeset here once. */
const known = new Map<string, string>();

/** Does `text` have a mark the typesetter would change? Most names and many headlines don't. */
export function needsTypesetting(text: string): boolean {
  return HAS_QUOTE.test(text) || HAS_REST.test(text);
}

/** Remembers lines typeset elsewhere (by the prepare stage, on another thread or an earlier build). */
export function learnTypeset(lines: Iterable<readonly [string, string]>): void {
  for (const [text, typeset] of lines) known.set(text, typeset);
}

/** `typesetText` for templates: each distinct line is typeset once a process, not once a page. */
export function typesetLine(text: string): string {
  if (!needsTypesetting(text)) return text;
  let typeset = known.get(text);
  if (typeset === undefined) known.set(text, (typeset = typesetText(text)));
  return typeset;
}
