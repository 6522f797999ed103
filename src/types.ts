/**
 * The records of Broadsheet: what an article is once parsed, and what the archive knows about it.
 * This file imports nothing; every stage and every template sees only these shapes.
 */

/** Which of the three content formats an article came from: a raw text dump, Markdown, or a saved web page. */
export type ArticleFormat = 'text' | 'markdown' | 'html';

/** A photo caption and its credit, as printed under a picture the dump no longer has. */
export interface Image {
  readonly caption: string | null;
  readonly credit: string | null;
}

/** A hyperlink in the body; `href` is `null` when the dump kept the words but lost the target. */
export interface Link {
  readonly text: string;
  readonly href: string | null;
  /** Index into `Article.paragraphs` of the block the link stands in. */
  readonly paragraph: number;
}

/** A `Related article:` line; `slug` is filled by the archive when that article is in it. */
export interface Related {
  readonly headline: string;
  readonly slug: string | null;
}

/** Where the article was first published. */
export interface Source {
  readonly url: string;
  readonly name: string;
}

/** A quotation in the body and who said it. */
export interface Quote {
  /** The words inside the quotation marks, without a trailing comma or period. */
  readonly text: string;
  /** The speaker's full name as the article first gives it, or `null` when the text names nobody. */
  readonly speaker: string | null;
  /** The speaker's role as the article gives it ("Russian presidential aide"), or `null`. */
  readonly role: string | null;
  /** `true` when the quote is a fragment inside the reporter's own sentence. */
  readonly partial: boolean;
  /**
   * `true` when the speaker's name stands in the quote's own sentence, outside the quotation marks
   * (`"…," Mr Kok said`); `false` when the speaker was worked out from a pronoun, a description or a
   * sentence nearby (`he added`, `the club said`), and when nobody is named.
   */
  readonly named: boolean;
  /** Index into `Article.paragraphs`. */
  readonly paragraph: number;
}

/**
 * A node of the body tree. The shape is mdast's (the Markdown syntax tree of unified),
 * so raw articles and Markdown articles render through the same remark-html compiler.
 */
export interface BodyNode {
  readonly type: string;
  readonly value?: string;
  readonly url?: string;
  readonly title?: string | null;
  readonly alt?: string | null;
  readonly depth?: number;
  readonly ordered?: boolean | null;
  readonly lang?: string | null;
  readonly children?: readonly BodyNode[];
  readonly data?: { readonly [key: string]: unknown };
}

/** One parsed article: everything templates, feeds and indexes need. */
export interface Article {
  /** The content file, as the path it was read from. */
  readonly file: string;
  readonly format: ArticleFormat;
  /** URL slug derived from the headline (or set in front matter); unique once in an archive. */
  readonly slug: string;
  readonly headline: string;
  /** A line between the headline and the body that summarises the story, when the dump has one. */
  readonly standfirst: string | null;
  readonly byline: string | null;
  /** Calendar date of first publication, `YYYY-MM-DD`. */
  readonly date: string;
  readonly image: Image | null;
  /** Plain text of every body block in reading order: paragraphs, subheadings, list items. */
  readonly paragraphs: readonly string[];
  readonly links: readonly Link[];
  readonly related: readonly Related[];
  readonly source: Source | null;
  readonly tags: readonly string[];
  /** Tags, then the people, places and organisations the headline and lead name. */
  readonly topics: readonly string[];
  readonly quotes: readonly Quote[];
  /** The body as an mdast tree; block `i` of `paragraphs` carries `data.paragraph = i`. */
  readonly body: BodyNode;
}

/** Something wrong with a content file, located to the line. */
export interface Diagnostic {
  readonly file: string;
  /** 1-based line in the file. */
  readonly line: number;
  readonly expected: string;
  readonly found: string;
  /** What to do about it, when that isn't obvious. */
  readonly hint?: string;
}

/** What parsing one file gives: a record (perhaps with warnings), or the reason there is none. */
export type ParseOutcome =
  | { readonly ok: true; readonly article: Article; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly error: Diagnostic; readonly warnings: readonly Diagnostic[] };

/** A content file as read from disk, decoded to text. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** Site-wide settings, from the `broadsheet` key of package.json and command-line flags. */
export interface SiteConfig {
  readonly title: string;
  readonly description: string;
  /** Origin the site is deployed at, without a trailing slash, e.g. `https://example.org`. */
  readonly baseUrl: string;
  /** Path the site lives under, with leading and trailing slash, e.g. `/` or `/news/`. */
  readonly pathPrefix: string;
  readonly language: string;
  /** Articles per page on paginated listings. */
  readonly perPage: number;
  /**
   * A site that opens from a folder with no server (`file://`): every link between pages names its
   * file (`articles/x/index.html`), and search falls back to an index a `<script>` loads. Absent: false.
   */
  readonly portable?: boolean;
}

/** An article as the site sees it: the record plus what only the whole archive can tell. */
export interface ArchiveEntry {
  /** The record as parsed. Its `slug` is the one it asked for; `url` has the one it got. */
  readonly article: Article;
  /** Site path of the article page, e.g. `/articles/some-slug/`: two articles asking for one slug get distinct ones. */
  readonly url: string;
  /** The record's related articles, each with the slug of its page when it is in the archive. */
  readonly related: readonly Related[];
  /** A short plain-text teaser from the lead. */
  readonly excerpt: string;
  /** The article's quotes, each linked to its speakers' pages. */
  readonly quotes: readonly QuoteEntry[];
  /** The article's topics, linked to their pages. */
  readonly topics: readonly NamedLink[];
  /** The page of the publication it came from. */
  readonly sourcePage: NamedLink | null;
  /** Other articles sharing topics and speakers, best first. */
  readonly moreOnThis: readonly ArchiveLink[];
  /** The next older and next newer article, by date. */
  readonly older: ArchiveLink | null;
  readonly newer: ArchiveLink | null;
}

/** A quotation as a speaker's page lists it: where it stands in the archive. */
export interface SpeakerQuote {
  readonly text: string;
  readonly partial: boolean;
  readonly role: string | null;
  readonly date: string;
  readonly headline: string;
  /** Site path of the article, e.g. `/articles/some-slug/`. */
  readonly articleUrl: string;
  /** Index into the article's paragraphs. */
  readonly paragraph: number;
}

/** Someone (or some organisation) quoted in the archive, gathered across every article. */
export interface Speaker {
  readonly slug: string;
  readonly name: string;
  /** Site path of the speaker's page, e.g. `/people/yury-ushakov/`. */
  readonly url: string;
  /** Roles the articles give them, most frequent first. */
  readonly roles: readonly string[];
  readonly articleCount: number;
  /** Newest first. */
  readonly quotes: readonly SpeakerQuote[];
}

/** A topic or a publication: a name with a page listing its articles. */
export interface Term {
  readonly slug: string;
  readonly name: string;
  /** Site path of its page, e.g. `/topics/russia/`. */
  readonly url: string;
  /** Indexes into `Archive.entries`, newest first. */
  readonly entries: readonly number[];
}

/** One month of the date archive. */
export interface MonthArchive {
  readonly year: string;
  /** `01` to `12`. */
  readonly month: string;
  readonly url: string;
  readonly entries: readonly number[];
}

/** One year of the date archive, with its months newest first. */
export interface YearArchive {
  readonly year: string;
  readonly url: string;
  readonly entries: readonly number[];
  readonly months: readonly MonthArchive[];
}

/** A named link to a page of the site. */
export interface NamedLink {
  readonly name: string;
  readonly url: string;
}

/** A quote on its article's page, with links to each of its speakers. */
export interface QuoteEntry extends Quote {
  /** Each speaker, with their page; `url` is `null` for a speaker the index gives no page (see `gatherPeople`). */
  readonly speakers: readonly { readonly name: string; readonly url: string | null }[];
}

/** A link to another article of the archive. */
export interface ArchiveLink {
  readonly url: string;
  readonly headline: string;
  readonly date: string;
}

/** The whole collection, computed once per build. */
export interface Archive {
  readonly config: SiteConfig;
  /** Newest first; ties broken by headline, then file, so the order is stable. */
  readonly entries: readonly ArchiveEntry[];
  /** Everyone quoted, by name. */
  readonly people: readonly Speaker[];
  /** Topics by name. */
  readonly topics: readonly Term[];
  /** Publications by name. */
  readonly sources: readonly Term[];
  /** The date archive, newest year first. */
  readonly years: readonly YearArchive[];
  /** What the archive noticed across articles: the same article twice, and which copy it kept. */
  readonly warnings: readonly Diagnostic[];
}
