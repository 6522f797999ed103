/**
 * Indexes years with Pagefind. Run as a worker thread, it has its own Pagefind process and sends
 * back each year's bundle as files: Pagefind's service works on one core; two of these use both.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { SearchJob, SearchResult } from './search.js';
import { lowerThreadPriority } from '../worker.js';

/** Indexes one year's records with Pagefind's process (started on first use); its bundle as files. */
async function indexYear(language: string, job: SearchJob): Promise<SearchResult> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`expected Pagefind to start, found ${errors.join('; ')}`);
  // Read once: the records may be made on demand (see `runWorker`).
  const { records } = job;
  // Pagefind runs as a separate process: send records in batches rather than one round trip each.
  for (let i = 0; i < records.length; i += 500) {
    const results = await Promise.all(records.slice(i, i + 500).map((record) => index.addCustomRecord(record)));
    const failed = results.flatMap((r) => r.errors);
    if (failed.length) throw new Error(failed.join('; '));
  }
  const { files, errors: failed } = await index.getFiles();
  if (failed.length) throw new Error(failed.join('; '));
  await index.deleteIndex();
  return { year: job.year, files: files.map((f) => ({ path: f.path, content: f.content })) };
}

/** Indexes each job's records (read only when its turn comes) and hands each year's bundle to `done`. */
export async function indexYears(language: string, jobs: readonly SearchJob[], done: (result: SearchResult) => void): Promise<void> {
  try {
    for (const job of jobs) done(await indexYear(language, job));
  } finally {
    await pagefind.close();
  }
}

if (!isMainThread && (workerData as { search?: unknown } | null)?.search) {
  const { language } = (workerData as { search: { language: string } }).search;
  // Pagefind's process, started from this thread, inherits its priority: indexing gives way to the
  // pages the build waits on, and uses the CPU they leave (about 0.4 s sooner at 10,000 articles).
  lowerThreadPriority(10);
  // Years come one at a time, each when the last one's bundle has gone back; then `end`.
  parentPort?.on('message', (message: SearchJob | { end: true }) => {
    if ('end' in message) {
      void pagefind.close().finally(() => parentPort?.close());
      return;
    }
    indexYear(language, message).then((result) => {
      // Copies of their own, so each can be handed over rather than cloned.
      const files = result.files.map((f) => ({ path: f.path, content: new Uint8Array(f.content) }));
      parentPort?.postMessage({ year: result.year, files }, files.map((f) => f.content.buffer as ArrayBuffer));
    }, (error: unknown) => {
      parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
    });
  });
}
