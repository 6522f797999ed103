/**
 * The yardstick: a plain Eleventy build of the same articles as Markdown with minimal templates
 * (home paginated by 50, article pages, tag pages, feed, sitemap). Run in its own process:
 * `node dist/evaluate/bench/eleventy-baseline.js PROJECT_DIR OUT_DIR` prints `{ ms, maxRssMiB }`.
 */
import Eleventy from '@11ty/eleventy';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The minimal templates the baseline renders. */
export const BASELINE_TEMPLATES: Readonly<Record<string, string>> = {
  '_includes/base.njk': '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>'
    + '<body><main>{{ content | safe }}</main></body></html>\n',
  'posts/posts.json': JSON.stringify({ layout: 'base.njk', tags: ['post'], permalink: '/articles/{{ page.fileSlug }}/' }),
  'index.njk': '---\nlayout: base.njk\npagination:\n  data: collections.post\n  size: 50\n  reverse: true\n'
    + 'permalink: "{% if pagination.pageNumber > 0 %}page/{{ pagination.pageNumber + 1 }}/{% endif %}index.html"\n---\n'
    + '<ol>{% for p in pagination.items %}<li><a href="{{ p.url }}">{{ p.data.title }}</a> {{ p.date.toISOString() }}</li>'
    + '{% endfor %}</ol>\n',
  'tags.njk': '---\nlayout: base.njk\npagination:\n  data: collections\n  size: 1\n  alias: tag\n  filter: [all, post]\n'
    + 'permalink: /tags/{{ tag | slugify }}/\n---\n'
    + '<h1>{{ tag }}</h1><ol>{% for p in collections[tag] | reverse %}<li><a href="{{ p.url }}">{{ p.data.title }}</a></li>'
    + '{% endfor %}</ol>\n',
  'feed.njk': '---\npermalink: feed.xml\neleventyExcludeFromCollections: true\n---\n'
    + '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Baseline</title>'
    + '{% for p in collections.post | reverse %}{% if loop.index0 < 50 %}'
    + '<entry><title>{{ p.data.title }}</title><link href="{{ p.url }}"/><content type="html">{{ p.content }}</content></entry>'
    + '{% endif %}{% endfor %}</feed>\n',
  'sitemap.njk': '---\npermalink: sitemap.xml\neleventyExcludeFromCollections: true\n---\n'
    + '<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    + '{% for p in collections.all %}<url><loc>https://example.org{{ p.url }}</loc></url>{% endfor %}</urlset>\n',
};

/** Writes the baseline project: templates, and the articles as Markdown posts. */
export async function writeBaselineProject(dir: string, posts: readonly { name: string; markdown: string }[]): Promise<void> {
  for (const [file, text] of Object.entries(BASELINE_TEMPLATES)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  await mkdir(path.join(dir, 'posts'), { recursive: true });
  for (const post of posts) await writeFile(path.join(dir, 'posts', post.name), post.markdown);
}

async function main(): Promise<void> {
  const [project, out] = process.argv.slice(2);
  if (!project || !out) throw new Error('usage: eleventy-baseline PROJECT_DIR OUT_DIR');
  const started = performance.now();
  process.chdir(project);
  const elev = new Eleventy('.', out, { quietMode: true });
  elev.disableLogger();
  await elev.write();
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

if (process.argv[1]?.endsWith('eleventy-baseline.js')) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
}
