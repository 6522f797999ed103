/**
 * Copies a site as hard links, file by file: a new folder tree whose files are the old site's.
 * Run as a worker thread, it does this on the second core while the first reads and parses.
 */
import { linkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lowerThreadPriority } from '../worker.js';

/** Hard-links each of `files` (paths relative to `from`) into `to`; returns those that could not be linked. */
export function linkTree(from: string, to: string, files: readonly string[]): string[] {
  const made = new Set<string>();
  const failed: string[] = [];
  for (const rel of files) {
    const target = path.join(to, rel);
    const dir = path.dirname(target);
    try {
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      linkSync(path.join(from, rel), target);
    } catch {
      failed.push(rel);
    }
  }
  return failed;
}

if (!isMainThread && (workerData as { linkTree?: unknown } | null)?.linkTree) {
  const { from, to, files } = (workerData as { linkTree: { from: string; to: string; files: string[] } }).linkTree;
  // The lowest priority: the copy takes what CPU the build leaves.
  lowerThreadPriority(19);
  parentPort?.postMessage(linkTree(from, to, files));
}
