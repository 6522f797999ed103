/**
 * The notes a build keeps of the sites it wrote, in the cache folder: what each file holds, what each page
 * was made from, the site a swap replaced, and where the parts of files written in parts stand. Each note
 * names the folder it describes by identity, so a folder changed by other means has no note.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What each file of a site holds, by path: content hashes remembered between builds. */
export type Manifest = Record<string, string>;

/**
 * The manifests kept of a site: what each file holds, what each page was made from, the site it
 * replaced, and where the keyed parts of files written in parts stand (`path\0key` → `offset:length`,
 * and `path` → the hash of the file they stand in).
 */
export type Kind = 'files' | 'keys' | 'previous' | 'parts';

/** The manifest of the site last built into `outDir` (or the one it replaced), kept in the cache folder. */
function manifestPath(cacheDir: string, outDir: string, kind: Kind): string {
  return path.join(cacheDir, 'sites', `${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}-${kind}.json`);
}

/**
 * A manifest, if it describes the folder whose identity (`folderId`) is `id` as it is: a folder
 * replaced or rebuilt by other means since (another cache folder, a copy put there by hand) has
 * another identity, and its manifest is none.
 */
export async function readManifest(cacheDir: string, outDir: string, kind: Kind, id: string | null): Promise<Manifest> {
  try {
    const stored = JSON.parse(await readFile(manifestPath(cacheDir, outDir, kind), 'utf8')) as { folder?: string; files?: Manifest };
    return typeof stored.folder === 'string' && stored.folder === id && stored.files ? stored.files : {};
  } catch {
    return {};
  }
}

/** Forgets the manifests of the site in place; what its files hold is kept as the note of the previous site. */
export async function retireManifests(cacheDir: string, outDir: string): Promise<void> {
  await Promise.all((['keys', 'previous', 'parts'] as const).map((kind) => rm(manifestPath(cacheDir, outDir, kind), { force: true })));
  await rename(manifestPath(cacheDir, outDir, 'files'), manifestPath(cacheDir, outDir, 'previous')).catch(() => undefined);
}

/** Writes a manifest whole (to a temporary file renamed into place), for the folder whose identity is `id`. */
export async function saveManifest(cacheDir: string, outDir: string, manifest: Manifest, kind: Kind, id: string | null): Promise<void> {
  const target = manifestPath(cacheDir, outDir, kind);
  await mkdir(path.dirname(target), { recursive: true });
  // Unsorted: it is only ever read back into an object, and sorting 23,000 paths per manifest cost more than writing them.
  await writeFile(`${target}.tmp`, JSON.stringify({ folder: id, files: manifest }));
  await rename(`${target}.tmp`, target);
}

/** A folder's identity: its device, inode and birth time, which a rename keeps and a new folder doesn't share. */
export async function folderId(folder: string): Promise<string | null> {
  try {
    const s = await stat(folder);
    return `${s.dev}:${s.ino}:${s.birthtimeMs}`;
  } catch {
    return null;
  }
}
