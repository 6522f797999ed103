import matter from 'gray-matter';
import type { Root } from 'mdast';
import { toMarkdown, type Handle } from 'mdast-util-to-markdown';
import type { Article } from '../types.js';

/** A lost link is written back as a link with no address, which the Markdown reader reads as lost again. */
const lostLink: Handle = (node, _parent, state, info) =>
  `[${state.containerPhrasing(node as never, { ...info, before: '[', after: ']' })}]()`;

/**
 * An article as a Markdown file with YAML front matter — what an editor gets to correct by hand.
 * Reading it back gives the same record (but for `file` and `format`).
 */
export function exportMarkdown(article: Article): string {
  const data: Record<string, unknown> = { title: article.headline, date: article.date };
  if (article.standfirst) data['standfirst'] = article.standfirst;
  if (article.byline) data['byline'] = article.byline;
  if (article.tags.length) data['tags'] = [...article.tags];
  if (article.image) {
    data['image'] = {
      ...(article.image.caption ? { caption: article.image.caption } : {}),
      ...(article.image.credit ? { credit: article.image.credit } : {}),
    };
  }
  if (article.source) data['source'] = { url: article.source.url, name: article.source.name };
  if (article.related.length) data['related'] = article.related.map((r) => r.headline);
  const body = toMarkdown(article.body as unknown as Root, {
    bullet: '-',
    emphasis: '_',
    rule: '-',
    handlers: { lostLink } as never,
    unsafe: [{ character: '<', inConstruct: 'phrasing' }],
  });
  return matter.stringify(`\n${body}`, data, {});
}

