#!/usr/bin/env node
/**
 * `npm run build`, `npm start` and `npm install` compile `src/` into `dist/` through this script: it
 * runs the TypeScript compiler only when the sources changed since the last compile. The compiler
 * takes 4–5 s here even with nothing to do (1.8 s in its incremental mode); this check reads the
 * sources and hashes them, about 30 ms, so a user who runs the README's command twice waits for
 * the change, not for the compiler. Plain JavaScript on purpose: it must run before anything is
 * compiled. `--force` compiles anyway.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const src = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(src);
const dist = path.join(root, 'dist');
const STAMP = path.join(dist, '.compiled-from');

/**
 * Data the code reads beside it, copied into `dist/` as it is: the parser's word lists
 * (`src/parse/words/*.txt`) and its trained weights (`src/parse/quotes/data/weights.json`).
 */
const isData = (file) => /(?:^|\/)(?:words|data)\/[^/]+\.(?:txt|json)$/.test(file.split(path.sep).join('/'));

/** What the compiled code depends on: every TypeScript and JSON file of `src/` and its data, the compiler settings and its version. */
function sourcesHash() {
  const hash = createHash('sha256');
  const require = createRequire(import.meta.url);
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    // What the compiler reads: a note beside the code (`README.md`) is no reason to compile again.
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((file) => /\.(?:[cm]?ts|json)$/.test(file) || isData(file))
    .sort();
  for (const file of [...files, 'tsconfig.json']) hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\n');
  hash.update(JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8')).version);
  return { hash: hash.digest('hex'), outputs: files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')), data: files.filter(isData) };
}

/** Every source still has its compiled file (a `dist/` cleaned by hand is compiled again). */
const compiled = (outputs, data) => outputs.every((f) => existsSync(path.join(dist, path.relative('src', f).replace(/\.ts$/, '.js'))))
  && data.every((f) => existsSync(path.join(dist, path.relative('src', f))));

const { hash, outputs, data } = sourcesHash();
let last = '';
try {
  last = readFileSync(STAMP, 'utf8');
} catch {
  // Never compiled here.
}
if (process.argv.includes('--force') || last !== hash || !compiled(outputs, data)) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', src], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  // The data beside the code, as it is; a list removed from `src/` goes from `dist/` too.
  const folders = new Set(data.map((f) => path.dirname(path.join(dist, path.relative('src', f)))));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  for (const file of data) {
    mkdirSync(path.dirname(path.join(dist, path.relative('src', file))), { recursive: true });
    copyFileSync(path.join(root, file), path.join(dist, path.relative('src', file)));
  }
  chmodSync(path.join(dist, 'cli.js'), 0o755);
  writeFileSync(STAMP, hash);
}
