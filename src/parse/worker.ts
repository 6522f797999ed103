/**
 * A worker thread that parses its share of the content files, so a cold build uses both cores.
 * Receives `SourceFile[]`, answers with their `ParseOutcome[]` in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceFile } from '../types.js';
import { parseFile } from './index.js';

const files = workerData as readonly SourceFile[];
parentPort?.postMessage(files.map((file) => parseFile(file)));
