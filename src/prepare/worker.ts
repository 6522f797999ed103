/**
 * A worker thread that prepares its share of the content files, so a cold build uses both cores.
 * Receives `SourceFile[]`, answers with their `Prepared[]` in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceFile } from '../types.js';
import { withoutBody } from './body-tree.js';
import { prepareFile } from './index.js';
import { loadReaders } from '../parse/index.js';

const files = workerData as readonly SourceFile[];
await loadReaders(files.map((file) => file.path));
// Without body trees: the build thread makes one again only if something asks for it.
parentPort?.postMessage(files.map((file) => withoutBody(prepareFile(file))));
