import { defaultSchema, type Schema } from 'hast-util-sanitize';
import type { Root } from 'mdast';
import remarkHtml from 'remark-html';
import { unified } from 'unified';
import type { BodyNode } from '../types.js';
import { typesetBody } from './typeset.js';

/**
 * What body HTML may contain: GitHub's schema, plus our paragraph anchors (`id="p3"`) and
 * lost-link marks, minus images from other hosts (the site never loads from elsewhere).
 */
const SCHEMA: Schema = {
  ...defaultSchema,
  clobber: ['name', 'ariaDescribedBy', 'ariaLabelledBy'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []).filter((a) => a !== 'id'), ['id', /^p\d+$/]],
    span: [...(defaultSchema.attributes?.['span'] ?? []), ['className', 'lost-link']],
  },
  protocols: { ...defaultSchema.protocols, src: [] },
};

const processor = unified().use(remarkHtml, { sanitize: SCHEMA });

/** Renders an article body (mdast) to sanitized HTML with remark-html, typeset (curly quotes, dashes, ellipses). */
export function renderBody(body: BodyNode): string {
  const tree = processor.runSync(typesetBody(body) as unknown as Root);
  return String(processor.stringify(tree as Root)).trim();
}
