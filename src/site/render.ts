/**
 * The bulk pages — one per article, listing page and speaker — rendered straight through Nunjucks
 * with the same templates and layouts Eleventy uses, compiled once. Eleventy's per-page cost grows
 * faster than the archive; these pages are most of the site, so Eleventy is left the few others.
 */
import matter from 'gray-matter';
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { ArticlePage, SiteData } from './data.js';

/** Pagination data that makes a template a bulk one. */
export const BULK_DATA: ReadonlySet<string> = new Set(['articles', 'lists', 'people', 'letterPages']);

/** A page template, compiled. */
interface BulkTemplate {
  readonly file: string;
  /** The template file as written, for the keys of its pages. */
  readonly source: string;
  readonly data: string;
  readonly alias: string;
  readonly permalink: nunjucks.Template;
  readonly body: nunjucks.Template;
  readonly layout: nunjucks.Template | null;
  readonly plain: Record<string, unknown>;
  readonly computed: readonly (readonly [string, nunjucks.Template])[];
}

/** The filters templates use, shared with the Eleventy configuration. */
export type Filters = Readonly<Record<
  string,
  (this: { page?: { url?: string }; ctx?: Record<string, unknown> }, ...args: never[]) => unknown
>>;

/** Finds the templates in `templatesDir` that paginate one page per article, listing page or speaker. */
export async function bulkTemplateFiles(templatesDir: string, names: readonly string[]): Promise<string[]> {
  const bulk: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.njk'))) {
    const front = matter(await readFile(path.join(templatesDir, name), 'utf8'), {}).data as {
      pagination?: { data?: string; size?: number };
    };
    if (front.pagination && BULK_DATA.has(front.pagination.data ?? '') && front.pagination.size === 1) bulk.push(name);
  }
  return bulk;
}

/** A Nunjucks environment like Eleventy's: `_includes` for layouts, autoescape on, the same filters. */
function environment(templatesDir: string, filters: Filters): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(path.join(templatesDir, '_includes')),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true }
  );
  for (const [name, fn] of Object.entries(filters)) {
    env.addFilter(name, function (this: { ctx: Record<string, unknown> }, ...args: unknown[]) {
      return (fn as (...a: unknown[]) => unknown).call({ page: this.ctx['page'] as { url?: string }, ctx: this.ctx }, ...args);
    });
  }
  return env;
}

async function compileTemplate(env: nunjucks.Environment, templatesDir: string, file: string): Promise<BulkTemplate> {
  const source = await readFile(path.join(templatesDir, file), 'utf8');
  const parsed = matter(source, {});
  const { pagination, permalink, layout, eleventyComputed, ...plain } = parsed.data as {
    pagination: { data: string; alias?: string };
    permalink: string;
    layout?: string;
    eleventyComputed?: Record<string, string>;
  } & Record<string, unknown>;
  const compile = (source: string): nunjucks.Template => nunjucks.compile(source, env);
  return {
    file,
    source,
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
  readonly html: string | Uint8Array;
}

/**
 * What an article page's item depends on, hashed. With a digest (its file and content), the record
 * and what is made from it alone (the body) are left out: the digest stands for them. What the
 * archive adds (links, neighbours, related articles resolved) is always spelled out.
 */
/** Fields of an article page made from its record and the settings alone: the digest and the site key cover them. */
const FROM_RECORD: ReadonlySet<string> = new Set(['article', 'html', 'excerpt', 'dateLabel', 'hasLostLinks']);

function articleKey(page: ArticlePage, digest: string | undefined): string {
  const json = digest === undefined
    ? JSON.stringify(page, (key, value: unknown) => (key === 'body' ? undefined : value))
    : JSON.stringify(Object.keys(page).flatMap((key): unknown[] => {
        if (FROM_RECORD.has(key)) return [];
        const value = page[key as keyof ArticlePage];
        // Of a quote, the speakers' pages it links to.
        if (key === 'quotes') return [key, page.quotes.map((q) => q.speakers)];
        return [key, value];
      }));
  return createHash('sha1').update(digest ?? '').update('\0').update(json).digest('base64url');
}

/**
 * Keys computed by earlier builds in this process (`broadsheet serve`), by page data object and what
 * else the key hashed: articles' own keys, and pages' keys.
 */
export interface KeyMemo {
  readonly articles: Remembered;
  readonly pages: Remembered;
}
type Remembered = WeakMap<object, { readonly context: string; readonly key: string }>;

export function keyMemo(): KeyMemo {
  return { articles: new WeakMap(), pages: new WeakMap() };
}

/** A key from `memo` when the same object was keyed in the same context, else `make()`'s, remembered. */
function remembered(memo: Remembered | undefined, item: object, context: string, make: () => string): string {
  const before = memo?.get(item);
  if (before && before.context === context) return before.key;
  const key = make();
  memo?.set(item, { context, key });
  return key;
}

/**
 * What a page's bytes depend on, hashed: its template and layouts, the site settings, and its own
 * item. Articles inside an item (a listing's entries) count by their own key, computed once.
 */
function pageKey(templateHash: string, site: string, item: unknown, articleKeys: ReadonlyMap<unknown, string>): string {
  const own = articleKeys.get(item);
  const json = own ?? JSON.stringify(item, function (key, value: unknown) {
    if (key === 'body') return undefined;
    return typeof value === 'object' && value !== null && articleKeys.has(value) ? articleKeys.get(value) : value;
  });
  return createHash('sha1').update(templateHash).update(site).update(json).digest('base64url');
}

/**
 * The code that renders pages, hashed: this folder (filters, typesetting, site data) and the
 * versions of the libraries it renders with. A page rendered by other code is rendered again.
 */
function rendererVersion(): Promise<string> {
  return (renderer ??= (async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const hash = createHash('sha1');
    for (const name of (await readdir(here)).filter((n) => /\.[jt]s$/.test(n)).sort()) {
      hash.update(name).update(await readFile(path.join(here, name)));
    }
    for (const lib of RENDER_LIBRARIES) {
      hash.update(await readFile(path.join(here, '..', '..', 'node_modules', lib, 'package.json')).catch(() => Buffer.from(lib)));
    }
    return hash.digest('hex');
  })());
}
let renderer: Promise<string> | undefined;

/** Libraries whose output is in the pages Broadsheet renders itself. */
const RENDER_LIBRARIES = ['nunjucks', 'retext', 'retext-smartypants', 'parse-latin'];

/** Hashes everything in `_includes` (layouts and partials every template can reach), once per build. */
async function includesHash(templatesDir: string): Promise<{ hash: string; sources: string }> {
  const hash = createHash('sha1').update(await rendererVersion());
  let sources = '';
  const includes = path.join(templatesDir, '_includes');
  const names = await readdir(includes, { recursive: true }).catch(() => [] as string[]);
  for (const name of names.map(String).sort()) {
    const full = path.join(includes, name);
    if (!(await stat(full)).isFile()) continue;
    const text = await readFile(full, 'utf8');
    hash.update(name).update(text);
    sources += text;
  }
  return { hash: hash.digest('hex'), sources };
}

/**
 * Renders every page of the bulk templates, handing each to `emit` as soon as it is done, so pages
 * are written while later ones render and the whole site is never held in memory. A page whose key
 * (template, settings, its own data) is unchanged since the last build is offered to `previous` first,
 * and not rendered at all when the previous site still has it.
 */
export async function renderBulkPages(
  templatesDir: string,
  files: readonly string[],
  data: SiteData,
  filters: Filters,
  emit: (page: RenderedPage, key: string) => void,
  previous: { reuse: (file: string, key: string) => boolean; pathOf: (key: string) => string | undefined },
  digests?: ReadonlyMap<string, string>,
  progress?: (done: number, total: number) => void,
  memo?: KeyMemo,
): Promise<{ rendered: number; reused: number }> {
  const env = environment(templatesDir, filters);
  const globals = data as unknown as Record<string, unknown>;
  let rendered = 0;
  let reused = 0;
  const includes = await includesHash(templatesDir);
  const templates = await Promise.all(files.map((file) => compileTemplate(env, templatesDir, file)));
  // The date of the newest article is in the settings the templates see, for the feeds; a page that
  // doesn't print it needn't render again for every newer article.
  const printsUpdated = [includes.sources, ...templates.map((t) => t.source)].some((text) => text.includes('updated'));
  const site = JSON.stringify(printsUpdated ? data.site : { ...data.site, updated: null });
  const articleKeys = new Map<unknown, string>(data.articles.map((a) => {
    const digest = digests?.get(a.article.file);
    return [a, remembered(memo?.articles, a, digest ?? '\0', () => articleKey(a, digest))];
  }));
  const total = templates.reduce((n, t) => n + (globals[t.data] as readonly unknown[]).length, 0);
  let done = 0;
  progress?.(done, total);
  for (const template of templates) {
    const hash = createHash('sha1').update(includes.hash).update(template.source).digest('hex');
    const context = createHash('sha1').update(hash).update(site).digest('hex');
    const items = globals[template.data] as readonly unknown[];
    const contextOf = (i: number): Record<string, unknown> => ({
      ...globals,
      ...template.plain,
      [template.alias]: items[i],
      pagination: { pageNumber: i, items: [items[i]] },
    });
    const render = (i: number, out: string, permalink: string, key: string): void => {
      const context = contextOf(i);
      context['page'] = { url: `/${out.replace(/index\.html$/, '')}`, outputPath: permalink };
      for (const [name, computed] of template.computed) context[name] = computed.render(context);
      const body = template.body.render(context);
      const html = template.layout ? template.layout.render({ ...context, content: body }) : body;
      emit({ file: out, html }, key);
      rendered++;
    };
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const key = typeof item === 'object' && item !== null
        ? remembered(memo?.pages, item, context, () => pageKey(hash, site, item, articleKeys)) : pageKey(hash, site, item, articleKeys);
      // A key seen last build names its page already: the permalink needn't be rendered to find it.
      const known = previous.pathOf(key);
      if (known !== undefined && previous.reuse(known, key)) reused++;
      else {
        const permalink = template.permalink.render({ ...contextOf(i), page: { url: '/' } }).trim();
        const out = permalink.replace(/^\//, '');
        if (known !== out && previous.reuse(out, key)) reused++;
        else render(i, out, permalink, key);
      }
      // Let the search indexer's messages through now and then.
      if (++done % 256 === 0) {
        progress?.(done, total);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }
  progress?.(total, total);
  return { rendered, reused };
}
