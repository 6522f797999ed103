/**
 * The parse cache: outcomes of parsing, kept between builds by content, so an unchanged article is
 * never parsed twice. One file per cache folder, rewritten only when something new was parsed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { ParseOutcome, SourceFile } from '../types.js';

/** Cached outcomes by key; `file` fields are stored empty and filled in on the way out. */
export interface ParseCache {
  /** The cached outcome for a file, if its content was parsed before by this version of the parser. */
  get(file: SourceFile): ParseOutcome | undefined;
  set(file: SourceFile, outcome: ParseOutcome): void;
  /** Writes the cache if anything changed; keeps only what this build used. */
  save(): Promise<void>;
}

/** The parser's own code, hashed: a new parser never reads an old parser's records. */
async function parserVersion(): Promise<string> {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'parse');
  const hash = createHash('sha256');
  for (const name of (await readdir(dir)).filter((n) => /\.[jt]s$/.test(n)).sort()) hash.update(name).update(await readFile(path.join(dir, name)));
  return hash.digest('hex').slice(0, 16);
}

const keyOf = (file: SourceFile): string => createHash('sha256').update(path.extname(file.path).toLowerCase()).update('\0').update(file.text).digest('base64url');

/** Replaces the `file` of an outcome and its diagnostics. */
function withFile(outcome: ParseOutcome, file: string): ParseOutcome {
  const warnings = outcome.warnings.map((w) => ({ ...w, file }));
  return outcome.ok ? { ok: true, warnings, article: { ...outcome.article, file } } : { ok: false, warnings, error: { ...outcome.error, file } };
}

/** Opens the parse cache in `dir` (created when first saved). A missing or unreadable cache is an empty one. */
export async function openParseCache(dir: string): Promise<ParseCache> {
  const version = await parserVersion();
  const file = path.join(dir, `parse-${version}.bin`);
  let stored = new Map<string, ParseOutcome>();
  try {
    stored = deserialize(await readFile(file)) as Map<string, ParseOutcome>;
  } catch {
    // No cache yet, or one from an interrupted write: start empty.
  }
  const used = new Map<string, ParseOutcome>();
  let changed = false;
  return {
    get(source) {
      const key = keyOf(source);
      const hit = stored.get(key);
      if (!hit) return undefined;
      used.set(key, hit);
      return withFile(hit, source.path);
    },
    set(source, outcome) {
      used.set(keyOf(source), withFile(outcome, ''));
      changed = true;
    },
    async save() {
      if (!changed && used.size === stored.size) return;
      await mkdir(dir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, serialize(used));
      await rename(temp, file);
    },
  };
}
