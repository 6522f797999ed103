#!/usr/bin/env node
/**
 * `npm run eval:fields`: the fields of every raw dump in the shared readability-news corpus
 * (`../shared/corpora/readability-news`, real articles labelled by hand, never copied into the
 * project) — headline, date, caption and credit, paragraphs, links, related lines, original URL —
 * scored by the shared scorer as shipped (`score-parse.mjs --set full`). Prints the articles with a
 * wrong field and the summary line; exits 1 below `--min` (0.98), and says so when the corpus is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { SHARED } from './corpora.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({ options: { min: { type: 'string', default: '0.98' }, shared: { type: 'string', default: SHARED } } });
const corpus = path.join(values.shared, 'corpora', 'readability-news');
const scorer = path.join(values.shared, 'tools', 'score-parse.mjs');
if (!existsSync(corpus) || !existsSync(scorer)) {
  console.log(`eval:fields: skipped, ${path.relative(ROOT, corpus)} or its scorer is not beside the project`);
  process.exit(0);
}
const run = spawnSync(process.execPath, [scorer, '--set', 'full', '--dir', corpus, '--min-fields', values.min], {
  cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26,
  env: { ...process.env, PARSE_CMD: `${process.execPath} ${path.join(ROOT, 'dist', 'cli.js')} parse --json` },
});
for (const line of run.stderr.split('\n')) if (line.includes('WRONG') || line.includes('MISSING')) console.log(line);
console.log(run.stdout.trim());
process.exit(run.status ?? 1);
