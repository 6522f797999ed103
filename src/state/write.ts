/**
 * How the state is written: whole files, atomically (a temporary file renamed into place), so an
 * interrupted build leaves the last good copy, never half of one. And how recent a change must be
 * for a stamp not to be trusted.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A modification this recent may hide a later one behind the same stamp on a coarse clock (FAT,
 * some network file systems): a stamp taken within it is not trusted next time (git's "racy" case).
 */
export const RACY_MS = 3000;

/** Writes `data` to `dir/name`, creating `dir`, through a temporary file renamed into place. */
export async function writeAtomically(dir: string, name: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `${name}.${process.pid}.tmp`);
  await writeFile(temp, data);
  await rename(temp, path.join(dir, name));
}
