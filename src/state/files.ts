/**
 * What the last build saw of each content file: its size, inode, modification and change times,
 * and the key of its content. A file whose path and all four are unchanged is trusted to hold the
 * same content, so a rebuild neither reads nor hashes it (`--verify` reads everything again).
 * Kept as one JSON file beside the parse cache, written atomically.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileFacts, FileStamp } from '../read/index.js';
import { RACY_MS, writeAtomically } from './write.js';

/** What is remembered of a file: its stamp, its content key, and the encoding it was decoded from. */
export type KnownFile = FileFacts;

export interface FileIndex {
  /** The remembered file, if its stamp is exactly the one it had then. */
  trusted(file: string, stamp: FileStamp): KnownFile | undefined;
  /** Remembers a file as this build saw it. */
  record(file: string, known: KnownFile): void;
  /**
   * Writes the files this build saw (only those: deleted files are forgotten), if anything changed;
   * the next build of the same process (`broadsheet serve`) then trusts what this one saw.
   */
  save(): Promise<void>;
}

const NAME = 'files-v1.json';

const sameStamp = (a: FileStamp, b: FileStamp): boolean =>
  a.size === b.size && a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;

/**
 * Opens the index in `dir`. A missing or unreadable index trusts nothing. `version` is the parser's:
 * keys made by another version are not trusted (the parse cache would not have them either).
 */
export async function openFileIndex(dir: string, version: string): Promise<FileIndex> {
  let before = new Map<string, KnownFile>();
  try {
    const saved = JSON.parse(await readFile(path.join(dir, NAME), 'utf8')) as { version: string; files: [string, KnownFile][] };
    if (saved.version === version) before = new Map(saved.files);
  } catch {
    // No index yet, or one from an interrupted write: every file is read.
  }
  let now = new Map<string, KnownFile>();
  let changed = false;
  return {
    trusted(file, stamp) {
      const known = before.get(file);
      return known && sameStamp(known, stamp) ? known : undefined;
    },
    record(file, seen) {
      // A file changed within the last seconds may change again within the same tick of a coarse
      // clock (FAT, some network file systems) without its stamp showing it: not trusted next time.
      const known = Date.now() - seen.mtimeMs < RACY_MS ? { ...seen, mtimeMs: -1 } : seen;
      const old = before.get(file);
      if (!old || !sameStamp(old, known) || old.key !== known.key || old.encoding !== known.encoding) changed = true;
      now.set(file, known);
    },
    async save() {
      if (changed || now.size !== before.size) {
        await writeAtomically(dir, NAME, JSON.stringify({ version, files: [...now].sort(([a], [b]) => (a < b ? -1 : 1)) }));
      }
      before = now;
      now = new Map();
      changed = false;
    },
  };
}
