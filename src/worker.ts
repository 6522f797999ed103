/**
 * Worker threads, started the same way everywhere: from the compiled worker file beside the caller
 * or, without one (as under a TypeScript test runner), not at all — the caller then does the work
 * in its own thread.
 */
import { existsSync } from 'node:fs';
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
