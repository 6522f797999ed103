#!/usr/bin/env node
/**
 * `npm run eval:records`: the md5 of `broadsheet parse --json` over every corpus beside the project
 * (`../shared/corpora/`: bbc-2005, readability-news, polnear-train, htmldate-news) and over the
 * project's own fixtures, one line each. A change meant to keep the records (moving code, word lists
 * to data, wrapping lines) prints the same lines before and after; save them and compare. A corpus
 * that is not there is said so. `--cli PATH` parses with another checkout's `dist/cli.js` (the commit
 * before the change, in a `git worktree`), so both lines come from the same file lists.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SHARED } from './corpora.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({ options: { cli: { type: 'string', default: path.join(ROOT, 'dist', 'cli.js') } } });
const CLI = path.resolve(values.cli);

/** Every article file under `dir`, sorted: the same list on every machine. */
function articles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(?:txt|md|html?)$/i.test(file) && !/(?:^|\/)(?:README\.md|expected\.[a-z]+)$/.test(file))
    .map((file) => path.join(dir, file)).sort();
}

const sets = [
  ...['bbc-2005', 'readability-news', 'polnear-train', 'htmldate-news'].map((name) => path.join(SHARED, 'corpora', name)),
  path.join(ROOT, 'tests', 'fixtures'),
];
for (const dir of sets) {
  const label = path.relative(ROOT, dir);
  if (!existsSync(dir)) {
    console.log(`${label}: not beside the project`);
    continue;
  }
  const files = articles(dir);
  // A file that is no article (an error fixture, a forum page) exits 1 and is left out of the records:
  // what is compared is the records, and which files gave none.
  const json = spawnSync(process.execPath, [CLI, 'parse', '--json', ...files], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'],
  }).stdout;
  console.log(`${label}: ${files.length} files, md5 ${createHash('md5').update(json).digest('hex')}`);
}
