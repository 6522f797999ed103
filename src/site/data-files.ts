/**
 * The archive as data, for researchers: every quotation (`data/quotes.csv`), every speaker
 * (`data/people.csv`) and every article record (`data/articles.jsonl`), written into the site by each
 * build. CSV as RFC 4180 (CRLF between records; a field holding a comma, a quote or a line break is
 * quoted, its quotes doubled), UTF-8 without a byte-order mark; addresses absolute, from the settings.
 */
import { stringify } from 'csv-stringify/sync';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Article } from '../types.js';
import { articleWithoutBody } from '../prepare/body-tree.js';
import type { SiteData } from './data.js';
import type { Part } from './output.js';
import { absoluteUrl } from './urls.js';

/** The columns of each file, in order, with what they hold: the `/data/` page documents them from here. */
export const DATA_COLUMNS = {
  quotes: [
    ['quote', 'The words quoted, as the article gives them.'],
    ['speaker', 'Who said them, as the article names them; empty when the article does not say.'],
    ['role', 'The speaker’s role or title where the article gives one.'],
    ['partial', '“true” for a phrase quoted inside the reporter’s own sentence, “false” for a whole quotation.'],
    ['named', '“true” when the speaker is named in the quotation’s own sentence, “false” when worked out from a pronoun, '
      + 'a description or a sentence nearby (only people named so get a page).'],
    ['headline', 'The article’s headline.'],
    ['date', 'The article’s date, YYYY-MM-DD.'],
    ['outlet', 'The publication the article first appeared in; empty when unknown.'],
    ['url', 'The article’s page on this site, with the paragraph the quotation stands in (#p1, #p2, …).'],
  ],
  people: [
    ['name', 'The speaker, as the archive names them (one page per person).'],
    ['roles', 'Every role the articles give them, most frequent first, separated by a semicolon and a space.'],
    ['quotes', 'How many quotations the archive holds from them.'],
    ['articles', 'How many articles quote them.'],
    ['first_date', 'The date of the earliest article quoting them, YYYY-MM-DD.'],
    ['last_date', 'The date of the latest article quoting them, YYYY-MM-DD.'],
    ['url', 'Their page on this site.'],
  ],
} as const;

/** A file of the data export: its path in the site and its bytes, in parts (never held whole). */
export interface DataFile {
  readonly file: string;
  readonly parts: () => Iterable<Part>;
}

/** Rows a part of a CSV file holds, where rows are not made an article at a time. */
const ROWS_PER_PART = 2000;

/** An article's record as `broadsheet parse --json` prints it, without touching its body tree (a cached record makes it on demand). */
function recordOf(article: Article): Record<string, unknown> {
  return articleWithoutBody(article) as unknown as Record<string, unknown>;
}

/** CSV rows, as RFC 4180 has them: the file's settings, in one place. */
function csv(rows: (readonly string[])[], columns: readonly (readonly [string, string])[] | null): string {
  const header = columns ? { header: true, columns: columns.map(([name]) => name) } : { header: false };
  return stringify(rows, { ...header, record_delimiter: 'windows' });
}

/** A CSV file with a header, made a few thousand rows at a time. */
function* csvParts(columns: readonly (readonly [string, string])[], rows: () => Iterable<readonly string[]>): Iterable<string> {
  let part: (readonly string[])[] = [];
  let header = true;
  const flush = (): string => {
    const text = csv(part, header ? columns : null);
    header = false;
    part = [];
    return text;
  };
  for (const row of rows()) {
    part.push(row);
    if (part.length === ROWS_PER_PART) yield flush();
  }
  if (part.length > 0 || header) yield flush();
}

/**
 * The three files, from the site data. `contentDir`, when given, makes each record's `file` relative
 * to it, so the export says nothing of where the archive was built. With `digests` (what each
 * article was made from, see `SiteOptions.digests`), an article's lines are a keyed part: a build
 * copies them from the file in place when the article, its address and the settings are the same.
 */
export function archiveAsData(data: SiteData, contentDir?: string, digests?: ReadonlyMap<string, string>): DataFile[] {
  const { site } = data;
  const url = (to: string): string => absoluteUrl(to, site);
  const settings = JSON.stringify([site.baseUrl, site.pathPrefix, contentDir ?? null]);
  /** An article's lines of a file, keyed by what they are made from when that is known. */
  const part = (entry: SiteData['articles'][number], make: () => string): Part => {
    const digest = digests?.get(entry.article.file);
    if (digest === undefined) return make();
    const key = createHash('sha1').update(digest).update('\0').update(entry.url).update('\0').update(settings).digest('base64url');
    return { key, make };
  };
  function* quotes(): Iterable<Part> {
    yield csv([], DATA_COLUMNS.quotes);
    for (const entry of data.articles) {
      if (entry.article.quotes.length === 0) continue;
      yield part(entry, () => {
        const a = entry.article;
        const outlet = a.source?.name ?? '';
        const page = url(entry.url);
        const rows = a.quotes.map((q) => [
          q.text, q.speaker ?? '', q.role ?? '', String(q.partial), String(q.named),
          a.headline, a.date, outlet, `${page}#p${q.paragraph + 1}`,
        ]);
        return csv(rows, null);
      });
    }
  }
  function* records(): Iterable<Part> {
    for (const entry of data.articles) {
      yield part(entry, () => {
        const record = recordOf(entry.article);
        if (contentDir !== undefined) record['file'] = path.relative(contentDir, entry.article.file).split(path.sep).join('/');
        record['url'] = url(entry.url);
        return `${JSON.stringify(record)}\n`;
      });
    }
  }
  function* people(): Iterable<readonly string[]> {
    for (const p of data.people) {
      // Quotes are newest first.
      const [first, last] = [p.quotes.at(-1)?.date ?? '', p.quotes[0]?.date ?? ''];
      yield [p.name, p.roles.join('; '), String(p.quotes.length), String(p.articleCount), first, last, url(p.url)];
    }
  }
  return [
    { file: 'data/quotes.csv', parts: quotes },
    { file: 'data/people.csv', parts: () => csvParts(DATA_COLUMNS.people, people) },
    { file: 'data/articles.jsonl', parts: records },
  ];
}
