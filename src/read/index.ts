/**
 * Read stage: content files from disk, decoded to text; the site configuration. The only
 * place (with the site writer) that touches the disk.
 */
import { readFileSync, readlinkSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, SiteConfig, SourceFile } from '../types.js';

/** What reading a content folder gives: decoded files, and files that could not be decoded. */
export interface ContentRead {
  readonly files: readonly SourceFile[];
  /** Each file's content key, in the order of `files`: remembered for a trusted file, made for one read. */
  readonly keys: readonly string[];
  readonly errors: readonly Diagnostic[];
  /** Files read in another encoding than UTF-8. */
  readonly warnings: readonly Diagnostic[];
  /** How many files were read so far, a trusted file's text read when asked for included. */
  readonly read: number;
}

/** How a file is decoded and keyed: what the read stage remembers, or is told, about a file. */
export interface FileFacts extends FileStamp {
  readonly key: string;
  readonly encoding: string;
}

/** The file-system facts a file is trusted by: its size, inode, modification and change times. */
export interface FileStamp {
  readonly size: number;
  readonly ino: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

export interface ReadOptions {
  /** The key and encoding of a file whose stamp says it is unchanged since the last build, if any. */
  readonly trusted?: (file: string, stamp: FileStamp) => { readonly key: string; readonly encoding: string } | undefined;
  /** Told what was read, to remember it. */
  readonly seen?: (file: string, facts: FileFacts) => void;
  /** The content key of a text (the parse cache's); without it, keys are empty. */
  readonly keyOf?: (file: SourceFile) => string;
  /**
   * Stamps of the files, by path as found under `dir`, taken moments before (by the nothing-changed
   * check): a file listed is not stat'ed again. A file changed since is caught by the next build,
   * whose stamp differs from the one remembered, as a file changed during a build always is.
   */
  readonly stamps?: ReadonlyMap<string, FileStamp>;
}

/**
 * Reads every article file (`.txt`, `.md`, …) under `dir`, in a stable order.
 * Files and folders whose names start with `.` or `_` are skipped, as are other extensions.
 * A file `trusted` by its stamp is not read: its text is read only if something asks for it.
 */
export async function readContent(dir: string, extensions: readonly string[], options: ReadOptions = {}): Promise<ContentRead> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const shown = (e: Dirent): boolean =>
    !path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).some((part) => part.startsWith('.') || part.startsWith('_'));
  const isArticle = (name: string): boolean => extensions.includes(path.extname(name).toLowerCase());
  const paths = entries
    .filter((e) => e.isFile() && isArticle(e.name) && shown(e))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const files: SourceFile[] = [];
  const keys: string[] = [];
  const errors: Diagnostic[] = [];
  // Links are never followed (one could lead anywhere on the disk), but never passed over in silence.
  const warnings: Diagnostic[] = entries
    .filter((e) => e.isSymbolicLink() && shown(e))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .flatMap((p) => linkWarning(dir, p, isArticle));
  // Nor is any other file: a `.docx`, a `.pdf`, an image. The files folder a browser saves beside a
  // page (`Page.html` and `Page_files/`) belongs to that page, and is passed over.
  const pages = new Set(paths.filter((p) => /\.html?$/i.test(p)).map((p) => p.replace(/\.html?$/i, '_files')));
  const ofPage = (p: string): boolean => {
    for (let folder = path.dirname(p); folder.length > dir.length; folder = path.dirname(folder)) if (pages.has(folder)) return true;
    return false;
  };
  for (const e of entries) {
    const p = path.join(e.parentPath, e.name);
    if (!e.isFile() || isArticle(e.name) || !shown(e) || ofPage(p)) continue;
    const extension = path.extname(e.name).toLowerCase();
    warnings.push({
      file: p.split(path.sep).join('/'), line: 1, expected: `an article file (${extensions.join(', ')})`,
      found: extension ? `a ${extension} file` : 'a file without an extension', hint: 'it is left out of the archive',
    });
  }
  let read = 0;
  // One file after another, synchronously: for many small files that is several times faster than
  // promise-based reads, which pay for a file handle and a round trip through the thread pool each.
  for (const p of paths) {
    const display = p.split(path.sep).join('/');
    const stamp = options.trusted || options.seen ? (options.stamps?.get(p) ?? stampOf(p)) : null;
    const known = stamp ? options.trusted?.(display, stamp) : undefined;
    if (known && stamp) {
      files.push(lazyFile(display, p, () => read++, known.key, options.keyOf));
      keys.push(known.key);
      options.seen?.(display, { ...stamp, ...known });
      const warning = encodingWarning(display, known.encoding);
      if (warning) warnings.push(warning);
      continue;
    }
    read++;
    const decoded = decodePage(readFileSync(p), p);
    if (decoded.ok) {
      const file = { path: display, text: decoded.text };
      const key = options.keyOf?.(file) ?? '';
      files.push(file);
      keys.push(key);
      if (stamp) options.seen?.(display, { ...stamp, key, encoding: decoded.encoding });
      const warning = encodingWarning(display, decoded.encoding);
      if (warning) warnings.push(warning);
    } else errors.push(undecoded(display, decoded));
  }
  return { files, keys, errors, warnings, get read() { return read; } };
}

function stampOf(p: string): FileStamp {
  const stat = statSync(p);
  return { size: stat.size, ino: stat.ino, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs };
}

/**
 * Why a symbolic link in the content folder is left out, when it leads to an article file or a
 * folder (a link to an image or a note is no article, as for any file): only where it points is
 * looked at, never what it holds.
 */
function linkWarning(dir: string, p: string, isArticle: (name: string) => boolean): Diagnostic[] {
  const display = p.split(path.sep).join('/');
  let target: string;
  let folder: boolean;
  try {
    target = realpathSync(p);
    folder = statSync(p).isDirectory();
  } catch {
    if (!isArticle(p)) return [];
    const found = `a symbolic link that leads nowhere (to ${readlinkSync(p)})`;
    return [{ file: display, line: 1, expected: 'an article file, not a link to one', found, hint: 'it is left out' }];
  }
  if (!folder && !isArticle(p)) return [];
  const root = realpathSync(dir);
  const inside = target === root || target.startsWith(`${root}${path.sep}`);
  const what = folder ? 'a folder' : 'a file';
  const where = inside
    ? `${what} inside the content folder (${path.relative(root, target).split(path.sep).join('/') || '.'})`
    : `${what} outside the content folder (${target})`;
  const hint = inside
    ? 'links are not followed: what it points to is built from its own path'
    : 'links are not followed, and nothing outside the content folder is read: copy the article into it';
  const expected = folder ? 'a folder of articles, not a link to one' : 'an article file, not a link to one';
  return [{ file: display, line: 1, expected, found: `a symbolic link to ${where}`, hint: `it is left out; ${hint}` }];
}

/**
 * A trusted file: its text is read, once, the first time something asks (a cache miss, a body
 * tree). Text that is not what the last build keyed (bytes changed behind an unchanged stamp, on a
 * clock too coarse to show it) stops the build with a message rather than going into the cache
 * under the old key.
 */
function lazyFile(display: string, p: string, counted: () => void, key: string, keyOf?: (file: SourceFile) => string): SourceFile {
  let text: string | undefined;
  const file = { path: display } as SourceFile;
  Object.defineProperty(file, 'text', {
    enumerable: true,
    get: () => {
      if (text === undefined) {
        counted();
        const decoded = decodePage(readFileSync(p), p);
        if (!decoded.ok || (keyOf && keyOf({ path: display, text: decoded.text }) !== key)) {
          const found = decoded.ok ? 'other text' : decoded.found;
          const expected = 'expected the text the last build read (same size and times)';
          throw new Error(`${display}: ${expected}, found ${found}; build again with --verify`);
        }
        text = decoded.text;
      }
      return text;
    },
  });
  return file;
}

/** Reads one file given on the command line: its text and any encoding warning, or why it can't be read. */
export async function readSourceFile(file: string): Promise<{ source: SourceFile; warning: Diagnostic | null } | { error: Diagnostic }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const found = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    return { error: { file, line: 1, expected: 'a readable file', found } };
  }
  const decoded = decodePage(bytes, file);
  if (!decoded.ok) return { error: undecoded(file, decoded) };
  return { source: { path: file, text: decoded.text }, warning: encodingWarning(file, decoded.encoding) };
}

/** A decoded file, or why it could not be decoded. */
/** The located error of a file that could not be decoded. */
function undecoded(file: string, decoded: Extract<Decoded, { ok: false }>): Diagnostic {
  return { file, line: 1, expected: decoded.expected, found: decoded.found, ...(decoded.hint ? { hint: decoded.hint } : {}) };
}

export type Decoded =
  | {
    readonly ok: true;
    readonly text: string;
    readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | `declared ${string}`;
  }
  | { readonly ok: false; readonly expected: string; readonly found: string; readonly hint?: string };

/**
 * Decodes a saved web page as its `<meta charset>` (or `http-equiv` content type) says, when that is
 * an encoding other than UTF-8 that the platform knows; anything else as `decode` does.
 */
export function decodePage(bytes: Uint8Array, file: string): Decoded {
  if (!/\.html?$/i.test(file)) return decode(bytes);
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (!label || label === 'utf-8' || label === 'utf8') return decode(bytes);
  // The labels the web reads as Windows-1252 (Node's decoder takes some of them for Latin-1 proper).
  if (/^(?:windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|latin1|l1|us-ascii|ascii|iso_8859-1)$/.test(label)) {
    return { ok: true, text: decodeWindows1252(bytes), encoding: `declared ${label}` };
  }
  try {
    return { ok: true, text: new TextDecoder(label).decode(bytes), encoding: `declared ${label}` };
  } catch {
    return decode(bytes);
  }
}

/**
 * Decodes a content file: UTF-8 (with or without a byte-order mark); UTF-16 with a byte-order mark or
 * recognisable by its zero bytes; or, when the bytes are not valid UTF-8, Windows-1252 (what "Latin-1"
 * text usually really is, curly quotes included). Other binary data is refused.
 */
export function decode(bytes: Uint8Array): Decoded {
  const utf16 = (encoding: 'utf-16le' | 'utf-16be', from: number): Decoded => ({
    ok: true, text: new TextDecoder(encoding).decode(bytes.subarray(from)), encoding,
  });
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16('utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16('utf-16be', 2);
  if (bytes.includes(0)) {
    // UTF-16 without a byte-order mark: ASCII text leaves every other byte zero.
    const sample = bytes.subarray(0, 4096);
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? evenZero++ : oddZero++);
    const half = sample.length / 2;
    if (oddZero > half * 0.6 && evenZero < half * 0.05) return utf16('utf-16le', 0);
    if (evenZero > half * 0.6 && oddZero < half * 0.05) return utf16('utf-16be', 0);
    const hint = 'only .txt dumps, .md articles and saved .html pages belong in content/';
    return { ok: false, expected: 'a text file', found: 'binary data (a zero byte)', hint };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Windows-1252's characters for bytes 0x80–0x9F (where Latin-1 has control codes): curly quotes, dashes, €. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Decodes Windows-1252 by hand: Node's decoder for that label gives Latin-1's control codes for 0x80–0x9F. */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return text;
}

/** The warning for a file that wasn't UTF-8, so an editor can convert it. */
function encodingWarning(file: string, encoding: string): Diagnostic | null {
  if (encoding === 'utf-8' || encoding.startsWith('declared ')) return null;
  const found = encoding === 'windows-1252' ? 'bytes that are not UTF-8, read as Windows-1252' : `${encoding.toUpperCase()} text`;
  return { file, line: 1, expected: 'UTF-8 text', found, hint: 'it was decoded; save it as UTF-8 to be sure' };
}

/** Defaults for every site setting; `package.json`'s `broadsheet` key overrides them. */
export const DEFAULT_CONFIG = {
  title: 'Broadsheet',
  description: 'An archive of news articles.',
  baseUrl: 'https://example.org',
  pathPrefix: '/',
  language: 'en',
  perPage: 20,
  portable: false,
} as const satisfies Required<SiteConfig>;

/** Reads the `broadsheet` key of `package.json` in `projectDir`, then applies `overrides`. */
export async function readConfig(projectDir: string, overrides: Partial<SiteConfig> = {}): Promise<SiteConfig> {
  let fromFile: Record<string, unknown> = {};
  try {
    const pkg = JSON.parse(await readFile(path.join(projectDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    const section = pkg['broadsheet'];
    if (section && typeof section === 'object') fromFile = section as Record<string, unknown>;
  } catch {
    // No package.json: the defaults serve.
  }
  const pick = <K extends keyof SiteConfig>(key: K): Required<SiteConfig>[K] => {
    const value = overrides[key] ?? fromFile[key];
    return (typeof value === typeof DEFAULT_CONFIG[key] ? value : DEFAULT_CONFIG[key]) as Required<SiteConfig>[K];
  };
  return normaliseConfig({
    title: pick('title'),
    description: pick('description'),
    baseUrl: pick('baseUrl'),
    pathPrefix: pick('pathPrefix'),
    language: pick('language'),
    perPage: pick('perPage'),
    portable: pick('portable'),
  });
}

/** `news` → `/news/`; `https://x.org/` → `https://x.org`. */
export function normaliseConfig(config: SiteConfig): SiteConfig {
  const prefix = `/${config.pathPrefix.split('/').filter(Boolean).join('/')}/`.replace(/^\/\/$/, '/');
  return { ...config, baseUrl: config.baseUrl.replace(/\/+$/, ''), pathPrefix: prefix, perPage: Math.max(1, Math.floor(config.perPage)) };
}
