/**
 * Synthetic saved web pages for the bench: each generated article printed as a news site would serve
 * it — metadata in the head (JSON-LD, Open Graph), navigation, a lead figure, the story in an
 * `<article>`, a sidebar of other headlines, scripts and a footer — so the parse time per saved page
 * counts what a real page makes the reader do (the DOM, Readability, the Markdown round trip).
 */
import { parseArticle } from '../../parse/index.js';
import type { GeneratedArticle } from './generate.js';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The generated articles that parse, each as a saved page (`.html`) of the same story. */
export function savedPages(articles: readonly GeneratedArticle[]): GeneratedArticle[] {
  return articles.flatMap((generated): GeneratedArticle[] => {
    const outcome = parseArticle({ path: generated.name, text: generated.text });
    if (!outcome.ok) return [];
    const a = outcome.article;
    const ld = JSON.stringify({
      '@context': 'https://schema.org', '@type': 'NewsArticle', headline: a.headline, datePublished: a.date,
      author: { name: a.byline ?? 'Staff' },
    });
    const canonical = a.source ? `<link rel="canonical" href="${escape(a.source.url)}">` : '';
    const credit = `<span class="credit">${escape(a.image?.credit ?? '')}</span>`;
    const figure = a.image ? `<figure><figcaption>${escape(a.image.caption ?? '')} ${credit}</figcaption></figure>` : '';
    const chrome = Array.from({ length: 30 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('');
    const html = [
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
      `<title>${escape(a.headline)} | The Bench Gazette</title>`,
      `<meta property="og:title" content="${escape(a.headline)}"><meta property="og:type" content="article">`,
      `<meta property="og:site_name" content="The Bench Gazette">${canonical}`,
      `<script type="application/ld+json">${ld.replace(/</g, '\\u003c')}</script>`,
      '<script>window.dataLayer = []; function track() {}</script><style>body { margin: 0 }</style></head>',
      `<body><header><nav><ul>${chrome}</ul></nav></header><main><article><h1>${escape(a.headline)}</h1>`,
      figure,
      ...a.paragraphs.map((p) => `<p>${escape(p)}</p>`),
      `</article></main><aside><h2>Most read</h2><ul>${chrome}</ul></aside><footer><p>© The Bench Gazette</p></footer>`,
      '<script src="/assets/app.js"></script></body></html>',
    ].join('\n');
    return [{ name: generated.name.replace(/\.[^.]+$/, '.html'), text: html }];
  });
}
