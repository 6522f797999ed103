/**
 * The output folder: a new site is put together in a staging folder beside it and swapped in whole,
 * so readers never see half a site. A file whose bytes the site in place already has is not written
 * again: it is hard-linked from it (same bytes, same file, same modification time).
 *
 * With a cache folder, the site a swap replaced is kept as `.<name>.previous` together with a note
 * of what each file holds, and becomes the next build's staging folder: most of its files are
 * already the right ones (hard links of the site in place), so a build that changes a few articles
 * touches a few files, not one folder and one link per page. An interrupted build leaves only the
 * staging folder, which the next build removes; the site in place is never written to.
 *
 * Files are written synchronously on purpose: for many small files that costs a third of the
 * promise-based calls, in time and in CPU.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readSync, renameSync, rmdirSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { startWorker } from '../worker.js';
import { type Manifest, folderId, readManifest, retireManifests, saveManifest } from '../state/index.js';

export type { Manifest } from '../state/index.js';

/** What a build wrote. */
export interface SiteWritten {
  readonly files: number;
  /** Files whose bytes changed or are new. */
  readonly written: number;
  /** Files kept from the previous site: same bytes, same modification time. */
  readonly unchanged: number;
}

/** Puts files into the staging folder. */
export interface SiteWriter {
  /** Places a file; `key` (what its bytes depend on) lets the next build reuse it unrendered. */
  write(rel: string, content: string | Uint8Array, key?: string): void;
  /**
   * Places a file given in parts, never held whole (the data export is hundreds of megabytes at
   * 100,000 articles); kept from the site in place, like any file, when its bytes are the same. A
   * part with a key whose bytes the file in place holds from last build (same key) is copied from
   * there rather than made (see `Part`).
   */
  writeParts(rel: string, parts: () => Iterable<Part>): void;
  /** Keeps the previous site's file when its key is the same as last build's; false when it can't. */
  reuse(rel: string, key: string): boolean;
  /** Where last build put the page with this key. */
  pathOf(key: string): string | undefined;
  /** Keeps a whole folder of the previous site whose inputs, named `name`, had this key last time. */
  reuseFolder(folder: string, name: string, key: string): boolean;
  /** Remembers the key of a folder's inputs for the next build. */
  remember(name: string, key: string): void;
}

/**
 * A part of a file written in parts: its text, or — with a key that stands for everything its
 * text depends on — a maker called only when the file in place does not hold the part already.
 */
export type Part = string | { readonly key: string; readonly make: () => string };

/**
 * The manifests a process's last build saved, held for its next build (`broadsheet serve`), which
 * then reads them from here rather than the cache folder — if its output folder is the one that
 * build swapped in, and the spare the one it kept.
 */
export interface SiteMemory {
  last?: {
    readonly id: string | null;
    readonly files: Manifest;
    readonly keys: Manifest;
    readonly parts: Manifest;
    readonly spare: { readonly id: string | null; readonly files: Manifest } | null;
  };
}

/** A site being put together. */
export interface Staging {
  readonly dir: string;
  /** Settles once the staging folder may be written to (see `openStaging`). */
  readonly ready: Promise<void>;
  /** A folder of its own for a renderer that writes files itself (Eleventy); they are placed with `place`. */
  readonly scratch: string;
  /** Places every file under `scratch` (Eleventy's pages) or another folder (`public/`) through the writer. */
  place(from: string): Promise<void>;
  readonly writer: SiteWriter;
  /** Removes what the recycled folder held that the new site doesn't, and swaps the new site in. */
  finish(): Promise<SiteWritten>;
  /** Gives up: the staging folder goes, the site in place stays. */
  abandon(): Promise<void>;
}

/** Parts of a file are gathered to about this many bytes before they are written. */
const FLUSH_BYTES = 1 << 20;

const hashOf = (bytes: string | Uint8Array): string => createHash('sha1').update(bytes).digest('base64url');

/**
 * Starts a new site for `outDir`. With `cacheDir`, files are compared with the site in place and
 * the replaced site is recycled; without it, every file is written and the old site removed (in the
 * background with `deferCleanup`).
 */
export async function openStaging(
  outDir: string, cacheDir: string | undefined, deferCleanup = false, memory?: SiteMemory,
): Promise<Staging> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  await mkdir(parent, { recursive: true });
  await removeLeftovers(parent, base);
  const dir = path.join(parent, `.${base}.building-${process.pid}`);
  const scratch = path.join(parent, `.${base}.building-${process.pid}-scratch`);
  const spareDir = path.join(parent, `.${base}.previous`);
  // The manifests count only for the folder they describe (see `readManifest`); those this process
  // held from its last build, only for the very folder that build swapped in.
  const liveId = cacheDir ? await folderId(outDir) : null;
  const held = memory?.last && liveId !== null && memory.last.id === liveId ? memory.last : undefined;
  if (memory) delete memory.last;
  const live = cacheDir ? (held?.files ?? await readManifest(cacheDir, outDir, 'files', liveId)) : {};
  const liveKeys = cacheDir ? (held?.keys ?? await readManifest(cacheDir, outDir, 'keys', liveId)) : {};
  const liveParts = cacheDir ? (held?.parts ?? await readManifest(cacheDir, outDir, 'parts', liveId)) : {};
  let spare: Manifest = {};
  let discard: string | null = null;
  let ready: Promise<void> = Promise.resolve();
  // Folders the staging folder has already.
  const made = new Set<string>();
  if (await exists(spareDir)) {
    const spareId = cacheDir ? await folderId(spareDir) : null;
    const note = !cacheDir ? null
      : held?.spare && spareId !== null && held.spare.id === spareId ? held.spare.files
        : await readManifest(cacheDir, outDir, 'previous', spareId);
    if (note && Object.keys(note).length > 0) {
      await rename(spareDir, dir);
      spare = note;
    } else {
      // Of no use without its note: it goes with the replaced site, once the new one is in place.
      discard = path.join(parent, `.${base}.discard-${process.pid}`);
      await rename(spareDir, discard);
    }
  }
  await mkdir(dir, { recursive: true });
  if (Object.keys(spare).length === 0 && Object.keys(live).length > 0) {
    // No site to recycle: the staging folder starts as hard links of the site in place, made on the
    // other core while this one reads and parses; a changed page then costs one file, not the tree.
    ready = linkInBackground(outDir, dir, Object.keys(live).sort()).then(
      (failed) => {
        const missing = new Set(failed);
        spare = Object.fromEntries(Object.entries(live).filter(([rel]) => !missing.has(rel)));
        for (const rel of Object.keys(spare)) made.add(path.dirname(path.join(dir, rel)));
      },
      async () => {
        // The copy stopped part-way: start from an empty folder (links of unknown files must not stay).
        await rm(dir, { recursive: true, force: true });
        await mkdir(dir, { recursive: true });
      },
    );
  }

  const hashes: Manifest = {};
  const keys: Manifest = {};
  const parts: Manifest = {};
  let kept = 0;
  // Folders the recycled site has already.
  for (const rel of Object.keys(spare)) made.add(path.dirname(path.join(dir, rel)));
  const target = (rel: string): string => {
    const file = path.join(dir, rel);
    if (!file.startsWith(dir + path.sep)) throw new Error(`page ${rel}: expected a path inside the site folder`);
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    return file;
  };
  // A file already there — from the recycled folder, or placed earlier in this build — may be a hard
  // link of the site in place: never write into one; unlink it first.
  const clear = (rel: string, file: string): void => {
    if (spare[rel] === undefined && hashes[rel] === undefined) return;
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  };
  /** Keeps the file the site in place has at `rel`, known to hold `hash`: false when it can't. */
  const keep = (rel: string, hash: string): boolean => {
    const file = target(rel);
    // Already there from the recycled folder — unless something was placed at `rel` in this build.
    if (spare[rel] === hash && live[rel] === hash && hashes[rel] === undefined) {
      hashes[rel] = hash;
      kept++;
      return true;
    }
    clear(rel, file);
    try {
      linkSync(path.join(outDir, rel), file);
    } catch {
      // A page the manifest knows but the site in place lost (deleted by hand) is simply written again.
      return false;
    }
    hashes[rel] = hash;
    kept++;
    return true;
  };

  /** The parts of the file at `rel` in place, by key, if the manifest describes that very file. */
  const partsInPlace = (rel: string): { read: (key: string) => Buffer | undefined; close: () => void } | null => {
    if (liveParts[rel] === undefined || liveParts[rel] !== live[rel]) return null;
    let fd: number;
    try {
      fd = openSync(path.join(outDir, rel), 'r');
    } catch {
      return null;
    }
    // Parts come back mostly in the order they were written: read a window at a time, not a part.
    let window = Buffer.alloc(0);
    let start = 0;
    return {
      read(key) {
        const where = liveParts[`${rel}\0${key}`];
        if (where === undefined) return undefined;
        const [at, length] = where.split(':').map(Number) as [number, number];
        if (at < start || at + length > start + window.length) {
          window = Buffer.allocUnsafe(Math.max(FLUSH_BYTES, length));
          start = at;
          window = window.subarray(0, readSync(fd, window, 0, window.length, at));
          if (window.length < length) return undefined;
        }
        return window.subarray(at - start, at - start + length);
      },
      close: () => closeSync(fd),
    };
  };

  // The paths of the site in place, sorted: a folder's files are a run of them.
  let sorted: string[] | undefined;
  const inFolder = (folder: string): string[] => {
    sorted ??= Object.keys(live).sort();
    let [low, high] = [0, sorted.length];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid]! < folder) low = mid + 1;
      else high = mid;
    }
    const files: string[] = [];
    for (let i = low; i < sorted.length && sorted[i]!.startsWith(folder); i++) files.push(sorted[i]!);
    return files;
  };

  let paths: Map<string, string> | undefined;
  const writer: SiteWriter = {
    pathOf(key) {
      paths ??= new Map(Object.entries(liveKeys).map(([rel, k]) => [k, rel]));
      return paths.get(key);
    },
    write(rel, content, key) {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      const hash = hashOf(bytes);
      if (key !== undefined) keys[rel] = key;
      if (live[rel] === hash && keep(rel, hash)) return;
      const file = target(rel);
      clear(rel, file);
      writeFileSync(file, bytes);
      hashes[rel] = hash;
    },
    writeParts(rel, made) {
      const file = target(rel);
      clear(rel, file);
      const hasher = createHash('sha1');
      const fd = openSync(file, 'w');
      const from = partsInPlace(rel);
      let offset = 0;
      let pending: Buffer[] = [];
      let size = 0;
      const flush = (): void => {
        const bytes = Buffer.concat(pending, size);
        hasher.update(bytes);
        writeSync(fd, bytes);
        pending = [];
        size = 0;
      };
      try {
        for (const part of made()) {
          const bytes = typeof part === 'string' ? Buffer.from(part) : (from?.read(part.key) ?? Buffer.from(part.make()));
          if (typeof part !== 'string') parts[`${rel}\0${part.key}`] = `${offset}:${bytes.length}`;
          pending.push(bytes);
          size += bytes.length;
          offset += bytes.length;
          if (size >= FLUSH_BYTES) flush();
        }
        flush();
      } finally {
        closeSync(fd);
        from?.close();
      }
      const hash = hasher.digest('base64url');
      hashes[rel] = hash;
      parts[rel] = hash;
      if (live[rel] !== hash) return;
      // The same bytes as the site in place: its file stays instead, with its modification time.
      const written = `${file}.written`;
      renameSync(file, written);
      try {
        linkSync(path.join(outDir, rel), file);
        unlinkSync(written);
        kept++;
      } catch {
        renameSync(written, file);
      }
    },
    reuse(rel, key) {
      const hash = live[rel];
      if (liveKeys[rel] !== key || !hash || !keep(rel, hash)) return false;
      keys[rel] = key;
      return true;
    },
    reuseFolder(folder, name, key) {
      if (liveKeys[name] !== key) return false;
      const files = inFolder(folder);
      if (files.length === 0 || !files.every((rel) => keep(rel, live[rel]!))) return false;
      keys[name] = key;
      return true;
    },
    remember(name, key) {
      keys[name] = key;
    },
  };

  return {
    dir,
    ready,
    scratch,
    writer,
    async place(from) {
      const entries = await readdir(from, { recursive: true, withFileTypes: true }).catch(() => []);
      const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
      for (const file of files) writer.write(path.relative(from, file).split(path.sep).join('/'), await readFile(file));
    },
    async finish() {
      await rm(scratch, { recursive: true, force: true });
      // What the recycled site had and the new one doesn't: its files go, then its empty folders.
      const gone = Object.keys(spare).filter((rel) => hashes[rel] === undefined);
      const folders = new Set<string>();
      for (const rel of gone) {
        try {
          unlinkSync(path.join(dir, rel));
        } catch {
          // Already gone.
        }
        for (let d = path.dirname(rel); d !== '.' && d !== '/'; d = path.dirname(d)) folders.add(d);
      }
      for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
        try {
          rmdirSync(path.join(dir, folder));
        } catch {
          // Not empty: the new site uses it.
        }
      }
      const files = Object.keys(hashes).length;
      const counts = { files, written: files - kept, unchanged: kept };
      // The manifests describe the sites in place: none while they are being swapped, the new ones after.
      // What the site in place holds becomes the note of the spare it is about to become: a rename
      // keeps a folder's identity, so the note names the spare (and nothing, if there is no site).
      if (cacheDir) await retireManifests(cacheDir, outDir);
      const replaced = await swapInto(dir, outDir);
      let spareKept = false;
      if (replaced && cacheDir) {
        await rename(replaced, spareDir);
        spareKept = true;
      }
      const unwanted = [spareKept ? null : replaced, discard].filter((p): p is string => p !== null);
      if (unwanted.length && deferCleanup) {
        // The new site is in place: the old one can go while the reader already uses the new one.
        // A process of its own removes it after this one exits; the next build removes what is left.
        const script = `for (const p of ${JSON.stringify(unwanted)}) require('fs').rmSync(p, { recursive: true, force: true })`;
        spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' }).unref();
      } else await Promise.all(unwanted.map((p) => rm(p, { recursive: true, force: true })));
      if (cacheDir) {
        const id = await folderId(outDir);
        await Promise.all([
          saveManifest(cacheDir, outDir, hashes, 'files', id),
          saveManifest(cacheDir, outDir, keys, 'keys', id),
          saveManifest(cacheDir, outDir, parts, 'parts', id),
        ]);
        const note = spareKept ? { id: await folderId(spareDir), files: live } : null;
        if (memory) memory.last = { id, files: hashes, keys, parts, spare: note };
      }
      return counts;
    },
    async abandon() {
      await ready.catch(() => undefined);
      await rm(scratch, { recursive: true, force: true });
      await rm(dir, { recursive: true, force: true });
      if (discard) await rm(discard, { recursive: true, force: true });
    },
  };
}

/**
 * Hard-links `files` of the site `from` into `to`, in a worker thread; returns those it couldn't
 * link. Without a compiled worker file (as under a TypeScript test runner), in this thread.
 */
async function linkInBackground(from: string, to: string, files: readonly string[]): Promise<string[]> {
  const started = startWorker<string[]>(new URL('./link-worker.js', import.meta.url), { linkTree: { from, to, files } });
  return started ? started.reply : (await import('./link-worker.js')).linkTree(from, to, files);
}

/** Moves a finished site into place; returns where the site it replaced went, if there was one. */
async function swapInto(staging: string, outDir: string): Promise<string | null> {
  const old = path.join(path.dirname(outDir), `.${path.basename(outDir)}.old-${process.pid}`);
  const hadOld = await exists(outDir);
  if (hadOld) await rename(outDir, old);
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (hadOld) await rename(old, outDir);
    throw error;
  }
  return hadOld ? old : null;
}

/**
 * Cleans up after a build that was killed: a half-written staging folder goes; a previous site
 * that was moved aside but never replaced comes back.
 */
async function removeLeftovers(parent: string, base: string): Promise<void> {
  const names = (await readdir(parent)).sort();
  const outDir = path.join(parent, base);
  const aside = names.find((n) => n.startsWith(`.${base}.old-`));
  if (aside && !(await exists(outDir))) await rename(path.join(parent, aside), outDir);
  // A restored folder is gone from under its old name; removing it again is a no-op.
  const leftovers = names.filter((n) => n.startsWith(`.${base}.building-`)
    || n.startsWith(`.${base}.old-`)
    || n.startsWith(`.${base}.discard-`));
  // A previous build's background clean-up may still be at work on the same folder: its races are harmless.
  await Promise.all(leftovers.map((n) => rm(path.join(parent, n), { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined)));
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(() => true, () => false);
}
