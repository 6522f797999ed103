import type { BodyNode, Diagnostic } from '../types.js';

/** The inline content of one body block of a text dump. */
export interface Inline {
  /** Plain text, tags removed. */
  readonly text: string;
  readonly children: readonly BodyNode[];
  readonly links: readonly { readonly text: string; readonly href: string | null }[];
}

/** Tags a dump uses for links: `<u>` keeps the words of a link whose target was lost. */
const TAG = /<u>|<\/u>|<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>|<\/a>/gi;

/** Only web addresses become links; anything else (javascript:, data:) is a lost link. */
function safeHref(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** An mdast node for link text whose target is gone: rendered as a marked `<span>`, never an `<a>`. */
export function lostLink(text: string): BodyNode {
  return {
    type: 'lostLink',
    children: [{ type: 'text', value: text }],
    data: { hName: 'span', hProperties: { className: ['lost-link'] } },
  };
}

/**
 * Splits a block of dump text into text and link nodes.
 * An unclosed `<u>` or `<a>` keeps its words as plain text and is reported as a warning.
 */
export function parseInline(source: string, file: string, line: number, warnings: Diagnostic[]): Inline {
  const children: BodyNode[] = [];
  const links: { text: string; href: string | null }[] = [];
  let text = '';
  let open: { href: string | null; start: number; tag: string } | null = null;
  let last = 0;
  let plain = '';

  const flushText = (value: string): void => {
    if (!value) return;
    plain += value;
  };

  for (const m of source.matchAll(TAG)) {
    flushText(source.slice(last, m.index));
    last = m.index + m[0].length;
    const tag = m[0].toLowerCase();
    if (tag === '<u>' || tag.startsWith('<a')) {
      if (open) continue; // nested link tags: keep the outer one
      if (plain) children.push({ type: 'text', value: plain });
      text += plain;
      plain = '';
      open = { href: tag === '<u>' ? null : safeHref(m[1] ?? m[2]), start: text.length, tag: tag === '<u>' ? 'u' : 'a' };
    } else {
      if (!open) continue; // a stray closing tag says nothing
      const words = plain;
      plain = '';
      if (words.trim()) {
        links.push({ text: words.trim(), href: open.href });
        children.push(open.href ? { type: 'link', url: open.href, children: [{ type: 'text', value: words }] } : lostLink(words));
      } else if (words) {
        children.push({ type: 'text', value: words });
      }
      text += words;
      open = null;
    }
  }
  flushText(source.slice(last));
  if (open) {
    warnings.push({
      file, line, expected: `a closing </${open.tag}> for the link opened in this paragraph`,
      found: 'the end of the paragraph', hint: 'the words are kept as plain text',
    });
  }
  if (plain) children.push({ type: 'text', value: plain });
  text += plain;
  return { text, children: mergeText(children), links };
}

function mergeText(nodes: BodyNode[]): BodyNode[] {
  const out: BodyNode[] = [];
  for (const node of nodes) {
    const prev = out[out.length - 1];
    if (node.type === 'text' && prev?.type === 'text') out[out.length - 1] = {
      type: 'text', value: (prev.value ?? '') + (node.value ?? ''),
    };
    else out.push(node);
  }
  return out;
}
