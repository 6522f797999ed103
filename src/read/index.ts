/**
 * Read stage: content files from disk, decoded to text; the site configuration. The only
 * place (with the site writer) that touches the disk.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, SiteConfig, SourceFile } from '../types.js';

/** What reading a content folder gives: decoded files, and files that could not be decoded. */
export interface ContentRead {
  readonly files: readonly SourceFile[];
  readonly errors: readonly Diagnostic[];
}

/**
 * Reads every article file (`.txt`, `.md`, …) under `dir`, in a stable order.
 * Files and folders whose names start with `.` or `_` are skipped, as are other extensions.
 */
export async function readContent(dir: string, extensions: readonly string[]): Promise<ContentRead> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile() && extensions.includes(path.extname(e.name).toLowerCase()))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((p) => !path.relative(dir, p).split(path.sep).some((part) => part.startsWith('.') || part.startsWith('_')))
    .sort();
  const files: SourceFile[] = [];
  const errors: Diagnostic[] = [];
  for (const p of paths) {
    const display = p.split(path.sep).join('/');
    const decoded = decode(await readFile(p));
    if (typeof decoded === 'string') files.push({ path: display, text: decoded });
    else errors.push({ file: display, line: 1, ...decoded });
  }
  return { files, errors };
}

/** Reads one file given on the command line. */
export async function readSourceFile(file: string): Promise<SourceFile | Diagnostic> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { file, line: 1, expected: 'a readable file', found: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error) };
  }
  const decoded = decode(bytes);
  return typeof decoded === 'string' ? { path: file, text: decoded } : { file, line: 1, ...decoded };
}

/**
 * Decodes a content file: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark,
 * or, when the bytes are not valid UTF-8, Windows-1252 (what Latin-1 text usually really is).
 */
export function decode(bytes: Uint8Array): string | { expected: string; found: string; hint?: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) return { expected: 'a text file', found: 'binary data (a NUL byte)', hint: 'only .txt dumps and .md articles belong in content/' };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Defaults for every site setting; `package.json`'s `broadsheet` key overrides them. */
export const DEFAULT_CONFIG = {
  title: 'Broadsheet',
  description: 'An archive of news articles.',
  baseUrl: 'https://example.org',
  pathPrefix: '/',
  language: 'en',
  perPage: 20,
} as const satisfies SiteConfig;

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
  const pick = <K extends keyof SiteConfig>(key: K): SiteConfig[K] => {
    const value = overrides[key] ?? fromFile[key];
    return (typeof value === typeof DEFAULT_CONFIG[key] ? value : DEFAULT_CONFIG[key]) as SiteConfig[K];
  };
  return normaliseConfig({
    title: pick('title'),
    description: pick('description'),
    baseUrl: pick('baseUrl'),
    pathPrefix: pick('pathPrefix'),
    language: pick('language'),
    perPage: pick('perPage'),
  });
}

/** `news` → `/news/`; `https://x.org/` → `https://x.org`. */
export function normaliseConfig(config: SiteConfig): SiteConfig {
  const prefix = `/${config.pathPrefix.split('/').filter(Boolean).join('/')}/`.replace(/^\/\/$/, '/');
  return { ...config, baseUrl: config.baseUrl.replace(/\/+$/, ''), pathPrefix: prefix, perPage: Math.max(1, Math.floor(config.perPage)) };
}
