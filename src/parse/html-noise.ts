/**
 * What a page prints around its story that Readability keeps with the body: above it, the headline
 * again, the byline, a date line, the lead picture's caption, a section's name, "4 min read", a
 * breadcrumb trail; below it, the site's chrome ("Comments", "Most popular", "Subscribe", "© 2020 …").
 * The record has fields of its own for the first, and the second is no part of the article. Rules
 * are on the shape of a line (short, no sentence in it), not on one site's words. No I/O.
 */
import { toString } from 'mdast-util-to-string';
import type { Image } from '../types.js';
import { readCaption } from './caption.js';
import { datelineDate, sameWords } from './html-meta.js';

/** A node of an mdast tree, as far as the saved-page reader looks. */
export interface MdastNode {
  readonly type: string;
  readonly value?: string;
  readonly children?: MdastNode[];
}

/** What the page's metadata says that the lead lines repeat. */
export interface LeadFields {
  readonly headline: string;
  readonly byline: string | null;
  /** The lead figure's caption as the page prints it. */
  readonly figure: string | null;
}

/** How many blocks at the top of the body may be the page's lead lines. */
const LEAD_BLOCKS = 10;

/** A paragraph this long is the story's, and no lead line comes after it. */
const STORY_WORDS = 12;

/** How many blocks at the end may be the page's chrome; a longer run of short lines is a list, not chrome. */
const TAIL_BLOCKS = 6;

/** The words of a node, spaces folded. */
export const words = (node: MdastNode): string => toString(node as Parameters<typeof toString>[0]).replace(/\s+/g, ' ').trim();

const wordCount = (text: string): number => text.split(' ').filter(Boolean).length;

/** Does the line hold a sentence: does it end as one does (`.`, `!`, `?`, `:`, `…`, or one of them in a closing quote)? */
const sentence = (text: string): boolean => /[.!?:…;]["'”’»)\]]*$/.test(text);

/** A line of the site's furniture: a few words and no sentence ("Bond Report", "Menu", "Trending Stories", "+58PHOTOS"). */
const fragment = (text: string, most: number): boolean => wordCount(text) <= most && !sentence(text);

const WEEKDAY_OR_TIME = /^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)\.?$/i;
const READING_TIME = /\b\d+\s*min(?:ute)?s?\.?\s+read\b/i;
const BREADCRUMB = /^(?:you are here\s*:|home\s*[/›»>|])/i;
/** A picture's caption line: "FILE PHOTO: …", or one that ends with its credit in brackets ("… (Photo: PTI)"). */
const CAPTION_LINE = /^(?:file )?photo\s*:|\((?:photos?|credits?|images?|pictures?|file photo)\s*:[^)]*\)$/i;

const isCaptionLine = (text: string): boolean => CAPTION_LINE.test(text) && wordCount(text) <= 60;

/** The site's own lines at the foot of a page: its copyright, its newsletter. */
const FOOTER = /©|\bcopyright\b|\ball rights reserved\b|\bsubscribe\b|\bnewsletter\b|\bsign up\b|\binbox\b/i;

/** The body without its lead lines and its closing chrome, and what the lead lines say: a date line, a caption. */
export interface ReadBody {
  readonly body: MdastNode;
  /** A date line among the lead lines ("News24 13 Jan 2020, 22:11"), before any the page prints elsewhere. */
  readonly date: string | null;
  /** The lead picture's caption and credit from a caption line above the story, for a page with no `<figcaption>`. */
  readonly caption: Image | null;
}

/** The body read once: its lead lines found, its closing chrome dropped. */
export function readBody(tree: MdastNode, fields: LeadFields): ReadBody {
  const children = tree.children ?? [];
  let end = children.length;
  // The chrome at the foot: copyright and newsletter lines, and a short run of fragments (a longer one is a list).
  let fragments = 0;
  while (end > 0 && children.length - end < TAIL_BLOCKS) {
    const node = children[end - 1]!;
    const text = words(node);
    const isFragment = node.type === 'paragraph' && fragment(text, 4);
    if (!isFragment && !(node.type === 'paragraph' && wordCount(text) <= 40 && FOOTER.test(text))) break;
    if (isFragment) fragments++;
    end--;
  }
  if (fragments > 0 && fragments + fragmentsBefore(children, end) > TAIL_BLOCKS) end = children.length;
  const lead = children.slice(0, leadLength(children, fields)).map((node) => (node.type === 'paragraph' ? words(node) : ''));
  const date = lead.map((text) => (text ? datelineDate(text) : null)).find((d) => d !== null) ?? null;
  const captionLine = lead.find(isCaptionLine);
  return {
    body: { ...tree, children: children.slice(0, end).filter((node, i) => i >= lead.length || !leadNoise(node, fields)) },
    date,
    caption: captionLine === undefined ? null : readCaption(captionLine.replace(/^(?:file )?photo\s*:\s*/i, '')),
  };
}

/** How many blocks open the body before the story does: the lead lines stand above its first paragraph. */
function leadLength(children: readonly MdastNode[], fields: LeadFields): number {
  const story = children.findIndex((node) => node.type === 'paragraph' && wordCount(words(node)) >= STORY_WORDS
    && !leadNoise(node, fields));
  return Math.min(LEAD_BLOCKS, story < 0 ? LEAD_BLOCKS : story);
}

/** How many short lines run on before `end`: with those dropped after it, a longer run is a list (winners, names), content. */
function fragmentsBefore(children: readonly MdastNode[], end: number): number {
  let before = end;
  while (before > 0 && children[before - 1]!.type === 'paragraph' && fragment(words(children[before - 1]!), 4)) before--;
  return end - before;
}

/** Is the block one of the lead lines the record has elsewhere, or the site's furniture above the story? */
function leadNoise(node: MdastNode, { headline, byline, figure }: LeadFields): boolean {
  if (node.type === 'heading') return sameWords(words(node)) === sameWords(headline);
  if (node.type !== 'paragraph') return false;
  const text = words(node);
  if (isCaptionLine(text)) return true;
  if (text.length > 100) return false;
  return /^(?:by|published|updated|posted)\b/i.test(text) || datelineDate(text) !== null || (figure !== null && text === figure)
    || (byline !== null && byline.length > 2 && text.startsWith(byline))
    || WEEKDAY_OR_TIME.test(text) || READING_TIME.test(text) || BREADCRUMB.test(text) || fragment(text, 3);
}
