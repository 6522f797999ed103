/**
 * A worker thread that prepares its share of the content files, so a cold build uses both cores.
 * Receives `SourceFile[]`, answers with their `Prepared[]` in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceFile } from '../types.js';
import { prepareFile } from './index.js';

const files = workerData as readonly SourceFile[];
parentPort?.postMessage(files.map((file) => prepareFile(file)));
