/**
 * Worker threads, started the same way everywhere: from the compiled worker file beside the caller
 * or, without one (as under a TypeScript test runner), not at all — the caller then does the work
 * in its own thread.
 */
import { existsSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker on `script` with `data`. `reply` is its first message (after which the worker
 * is stopped), or an error when it fails or stops without answering. `null` without a compiled
 * worker file.
 */
export function startWorker<T>(script: URL, data: unknown): { worker: Worker; reply: Promise<T> } | null {
  if (!existsSync(fileURLToPath(script))) return null;
  const worker = new Worker(script, { workerData: data });
  const name = path.basename(fileURLToPath(script));
  const reply = new Promise<T>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', (error) => reject(new Error(`${name}: ${error.message}`)));
    // Settled already when it answered; otherwise it stopped without a word.
    worker.once('exit', (code) => reject(new Error(`${name}: expected an answer, found the worker stopped (exit code ${code})`)));
  });
  const stop = (): void => void worker.terminate();
  reply.then(stop, stop);
  return { worker, reply };
}

/**
 * Lowers the scheduling priority of the calling thread to `niceness` (Linux: a thread is a task of
 * its own, and processes it starts inherit it), so its work takes what CPU the build leaves rather
 * than slowing the thread the build waits on; elsewhere, nothing changes.
 */
export function lowerThreadPriority(niceness: number): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, niceness);
  } catch {
    // No /proc, or not allowed: the thread keeps the build's priority.
  }
}
