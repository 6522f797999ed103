/**
 * The body of a raw text dump: each block of lines becomes paragraphs, a list or a heading; paragraphs
 * a stray blank line split mid-sentence are joined again; short unpunctuated lines become subheadings;
 * then the body tree, every block numbered so quotes and anchors can point at it.
 */
import type { BodyNode, Diagnostic, Link } from '../types.js';
import { endsSentence, lastWord } from './caption.js';
import { parseInline } from './inline.js';
import { LIST_ITEM, NON_FINAL_WORDS } from './tables.js';

/** A line of the file with its 1-based number. */
export interface Line {
  readonly text: string;
  readonly line: number;
}

/** A body block before inline parsing. */
export type Item =
  | { readonly kind: 'paragraph'; readonly text: string; readonly line: number }
  | { readonly kind: 'heading'; readonly text: string; readonly line: number }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly Line[]; readonly line: number };

/** Turns the lines of one block into paragraphs, a list, or a heading. */
export function paragraphsOf(lines: readonly Line[]): Item[] {
  const out: Item[] = [];
  let para: Line[] = [];
  let list: { ordered: boolean; items: Line[]; line: number } | null = null;
  const flushPara = (): void => {
    if (!para.length) return;
    // Lines that each end a sentence are paragraphs of their own; otherwise the block was hard-wrapped.
    if (para.length > 1 && para.every((l) => endsSentence(l.text))) {
      para.forEach((l) => out.push({ kind: 'paragraph', text: l.text, line: l.line }));
    }
    else out.push({ kind: 'paragraph', text: para.map((l) => l.text).join(' '), line: para[0]!.line });
    para = [];
  };
  const flushList = (): void => {
    if (list) out.push({ kind: 'list', ...list });
    list = null;
  };
  for (const l of lines) {
    const heading = /^#{1,6}\s+(.+)$/.exec(l.text);
    const item = LIST_ITEM.exec(l.text);
    if (heading) {
      flushPara();
      flushList();
      out.push({ kind: 'heading', text: heading[1]!, line: l.line });
    } else if (item) {
      flushPara();
      const ordered = item[1] !== undefined;
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [], line: l.line };
      list.items.push({ text: l.text.slice(item[0].length), line: l.line });
    } else if (list && para.length === 0 && !endsSentence(list.items[list.items.length - 1]!.text) && /^\p{Ll}/u.test(l.text)) {
      // A list item wrapped onto the next line.
      const lastItem = list.items.pop()!;
      list.items.push({ text: `${lastItem.text} ${l.text}`, line: lastItem.line });
    } else {
      flushList();
      para.push(l);
    }
  }
  flushPara();
  flushList();
  return out;
}

/**
 * Rejoins paragraphs split by a stray blank line mid-sentence, and tells short unpunctuated
 * lines (subheadings) from split sentences.
 */
export function rejoin(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (item.kind === 'list' && prev?.kind === 'list' && prev.ordered === item.ordered) {
      out[out.length - 1] = { ...prev, items: [...prev.items, ...item.items] };
      continue;
    }
    if (item.kind === 'paragraph' && prev?.kind === 'paragraph' && isSplit(prev.text, item.text)) {
      out[out.length - 1] = { kind: 'paragraph', text: `${prev.text} ${item.text}`, line: prev.line };
      continue;
    }
    out.push(item);
  }
  // A short line that ends no sentence and is followed by more text is a subheading; a run of such
  // lines (a ranking, a list without bullets) stays a run of paragraphs.
  const short = out.map((item) => item.kind === 'paragraph' && isHeadingLike(item.text));
  return out.map((item, i) => item.kind === 'paragraph' && short[i] && i < out.length - 1 && !short[i - 1] && !short[i + 1]
    ? { kind: 'heading', text: item.text, line: item.line } : item);
}

/** A line's words without the `<u>…</u>` marks of lost links, for judging its shape. */
function unmarked(text: string): string {
  return text.includes('<') ? text.replace(/<\/?u>/gi, '') : text;
}

function isSplit(rawBefore: string, rawAfter: string): boolean {
  const before = unmarked(rawBefore);
  const after = unmarked(rawAfter);
  if (endsSentence(before)) return false;
  // A line wholly in brackets is a block of its own: `(Reporting by Reuters with AFP)`.
  if (/^[([].*[)\]]$/.test(before)) return false;
  if (/^[\p{Ll},;)]/u.test(after)) return true;
  if (/[,–—-]$/.test(before)) return true;
  if (NON_FINAL_WORDS.has(lastWord(before))) return true;
  return !isHeadingLike(before);
}

function isHeadingLike(raw: string): boolean {
  const text = unmarked(raw);
  return !endsSentence(text) && text.length <= 100 && text.split(/\s+/).length <= 14 && /^[\p{Lu}\p{N}"“'‘]/u.test(text)
    && !NON_FINAL_WORDS.has(lastWord(text)) && !/,$/.test(text);
}

/** Builds the mdast body, numbering every block so quotes and anchors can point at it. */
export function buildBody(items: readonly Item[], file: string, warnings: Diagnostic[])
  : { root: BodyNode; paragraphs: string[]; links: Link[]; lines: number[] } {
  const paragraphs: string[] = [];
  const lines: number[] = [];
  const links: Link[] = [];
  const numbered = (text: string, line: number): { children: readonly BodyNode[]; data: Record<string, unknown> } => {
    const inline = parseInline(text, file, line, warnings);
    const index = paragraphs.length;
    paragraphs.push(inline.text);
    lines.push(line);
    for (const link of inline.links) links.push({ ...link, paragraph: index });
    return { children: inline.children, data: { paragraph: index, hProperties: { id: `p${index + 1}` } } };
  };
  const children: BodyNode[] = items.map((item): BodyNode => {
    if (item.kind === 'paragraph') return { type: 'paragraph', ...numbered(item.text, item.line) };
    if (item.kind === 'heading') return { type: 'heading', depth: 2, ...numbered(item.text, item.line) };
    return {
      type: 'list',
      ordered: item.ordered,
      children: item.items.map((li): BodyNode => {
        const { children: inline, data } = numbered(li.text, li.line);
        return { type: 'listItem', data, children: [{ type: 'paragraph', children: inline }] };
      }),
    };
  });
  return { root: { type: 'root', children }, paragraphs, links, lines };
}
