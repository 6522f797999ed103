/**
 * The bulk pages — one per article, listing page and speaker — rendered straight through Nunjucks
 * with the same templates and layouts Eleventy uses, compiled once. Eleventy's per-page cost grows
 * faster than the archive; these pages are most of the site, so Eleventy is left the few others.
 */
import matter from 'gray-matter';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import nunjucks from 'nunjucks';
import type { SiteData } from './data.js';

/** Pagination data that makes a template a bulk one. */
export const BULK_DATA: ReadonlySet<string> = new Set(['articles', 'lists', 'people']);

/** A page template, compiled. */
interface BulkTemplate {
  readonly file: string;
  readonly data: string;
  readonly alias: string;
  readonly permalink: nunjucks.Template;
  readonly body: nunjucks.Template;
  readonly layout: nunjucks.Template | null;
  readonly plain: Record<string, unknown>;
  readonly computed: readonly (readonly [string, nunjucks.Template])[];
}

/** The filters templates use, shared with the Eleventy configuration. */
export type Filters = Readonly<Record<string, (this: { page?: { url?: string }; ctx?: Record<string, unknown> }, ...args: never[]) => unknown>>;

/** Finds the templates in `templatesDir` that paginate one page per article, listing page or speaker. */
export async function bulkTemplateFiles(templatesDir: string, names: readonly string[]): Promise<string[]> {
  const bulk: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.njk'))) {
    const front = matter(await readFile(path.join(templatesDir, name), 'utf8'), {}).data as { pagination?: { data?: string; size?: number } };
    if (front.pagination && BULK_DATA.has(front.pagination.data ?? '') && front.pagination.size === 1) bulk.push(name);
  }
  return bulk;
}

/** A Nunjucks environment like Eleventy's: `_includes` for layouts, autoescape on, the same filters. */
function environment(templatesDir: string, filters: Filters): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(templatesDir, '_includes')), { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  for (const [name, fn] of Object.entries(filters)) {
    env.addFilter(name, function (this: { ctx: Record<string, unknown> }, ...args: unknown[]) {
      return (fn as (...a: unknown[]) => unknown).call({ page: this.ctx['page'] as { url?: string }, ctx: this.ctx }, ...args);
    });
  }
  return env;
}

async function compileTemplate(env: nunjucks.Environment, templatesDir: string, file: string): Promise<BulkTemplate> {
  const parsed = matter(await readFile(path.join(templatesDir, file), 'utf8'), {});
  const { pagination, permalink, layout, eleventyComputed, ...plain } = parsed.data as {
    pagination: { data: string; alias?: string };
    permalink: string;
    layout?: string;
    eleventyComputed?: Record<string, string>;
  } & Record<string, unknown>;
  const compile = (source: string): nunjucks.Template => nunjucks.compile(source, env);
  return {
    file,
    data: pagination.data,
    alias: pagination.alias ?? 'pagination',
    permalink: compile(permalink),
    body: compile(parsed.content),
    layout: layout ? env.getTemplate(layout) : null,
    plain,
    computed: Object.entries(eleventyComputed ?? {}).map(([key, source]) => [key, compile(source)] as const),
  };
}

/** A rendered page: where it goes and what it says. */
export interface RenderedPage {
  /** Output path relative to the site folder, e.g. `articles/x/index.html`. */
  readonly file: string;
  readonly html: string;
}

/**
 * Renders every page of the bulk templates, handing each to `emit` as soon as it is done, so pages
 * are written while later ones render and the whole site is never held in memory.
 */
export async function renderBulkPages(templatesDir: string, files: readonly string[], data: SiteData, filters: Filters, emit: (page: RenderedPage) => Promise<void>): Promise<number> {
  const env = environment(templatesDir, filters);
  const globals = data as unknown as Record<string, unknown>;
  let count = 0;
  for (const file of files) {
    const template = await compileTemplate(env, templatesDir, file);
    const items = globals[template.data] as readonly unknown[];
    for (let i = 0; i < items.length; i++) {
      const context: Record<string, unknown> = { ...globals, ...template.plain, [template.alias]: items[i], pagination: { pageNumber: i, items: [items[i]] } };
      const permalink = template.permalink.render({ ...context, page: { url: '/' } }).trim();
      const url = `/${permalink.replace(/^\//, '').replace(/index\.html$/, '')}`;
      context['page'] = { url, outputPath: permalink };
      for (const [key, computed] of template.computed) context[key] = computed.render(context);
      const body = template.body.render(context);
      const html = template.layout ? template.layout.render({ ...context, content: body }) : body;
      await emit({ file: permalink.replace(/^\//, ''), html });
      count++;
    }
  }
  return count;
}
