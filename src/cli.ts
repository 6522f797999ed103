#!/usr/bin/env node
/**
 * The `broadsheet` command: parse, check, build and serve a news archive.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { buildCommand, checkCommand, serveCommand } from './cli-build.js';
import { formatDiagnostic } from './diagnostics.js';
import { readSourceFile } from './read/index.js';
import type { Article } from './types.js';

const USAGE = `Usage: broadsheet <command> [options]

Commands:
  parse FILE... [--json]   parse articles and print their records (one JSON array)
  export FILE...           print articles as Markdown with front matter, for correcting by hand
                           (with --out DIR, write DIR/<name>.md for each instead)
  check                    validate every article in the content folder without building
  build                    build the site from the content folder
  serve                    build, serve on localhost and rebuild when content or templates change
  new "HEADLINE" [--raw]   start an article: writes content/YYYY/MM/<slug>.md dated today (with
                           --raw, a raw text dump <slug>.txt instead) and prints its path

Options:
  --content DIR        content folder (default: content)
  --out DIR            output folder (default: _site)
  --templates DIR      templates folder (default: templates)
  --public DIR         static files copied as-is (default: public)
  --path-prefix PATH   build for a sub-path, e.g. /news/
  --portable           build a site that opens from a folder with no server (file://): links name
                       their files (articles/x/index.html), search falls back to headlines, people,
                       topics, sources and dates
  --base-url URL       the public address of the site, e.g. https://example.org
  --keep-going         build the good articles even when some files are bad
  --cache-dir DIR      where parsed articles are kept between builds (default: node_modules/.cache/broadsheet)
  --verify             read every content file again, even those whose size and times are unchanged
  --port N             port for serve (default: 8080)
  -h, --help           show this help`;

const OPTIONS = {
  json: { type: 'boolean' },
  raw: { type: 'boolean', default: false },
  content: { type: 'string', default: 'content' },
  out: { type: 'string' },
  templates: { type: 'string', default: 'templates' },
  public: { type: 'string', default: 'public' },
  'path-prefix': { type: 'string' },
  portable: { type: 'boolean' },
  'base-url': { type: 'string' },
  'keep-going': { type: 'boolean', default: false },
  'cache-dir': { type: 'string', default: 'node_modules/.cache/broadsheet' },
  verify: { type: 'boolean', default: false },
  port: { type: 'string', default: '8080' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The options as given on the command line. */
export type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Runs the command line; resolves to the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`broadsheet: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  switch (command) {
    case 'parse':
      return parseCommand(rest);
    case 'check':
      return checkCommand(values);
    case 'export':
      return exportCommand(rest, values.out ?? null);
    case 'build':
      return buildCommand(values);
    case 'serve':
      return serveCommand(values);
    case 'new':
      return newCommand(rest, values);
    default:
      process.stderr.write(`broadsheet: expected a command (parse, export, check, build, serve, new), found "${command}"\n`);
      return 2;
  }
}

/** Reads and parses files named on the command line, printing their problems; yields the good records. */
async function* parsedFiles(files: readonly string[], failed: { value: boolean }): AsyncGenerator<{ file: string; article: Article }> {
  for (const file of files) {
    const read = await readSourceFile(file);
    if ('error' in read) {
      failed.value = true;
      process.stderr.write(`${formatDiagnostic(read.error)}\n`);
      continue;
    }
    if (read.warning) process.stderr.write(`warning: ${formatDiagnostic(read.warning)}\n`);
    const { loadReaders, parseArticle } = await import('./parse/index.js');
    await loadReaders([read.source.path]);
    const outcome = parseArticle(read.source);
    for (const w of outcome.warnings) process.stderr.write(`warning: ${formatDiagnostic(w)}\n`);
    if (outcome.ok) yield { file, article: outcome.article };
    else {
      failed.value = true;
      process.stderr.write(`${formatDiagnostic(outcome.error)}\n`);
    }
  }
}

async function parseCommand(files: readonly string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('broadsheet parse: expected one or more article files, found none\n');
    return 2;
  }
  const failed = { value: false };
  const records: unknown[] = [];
  const { publicRecord } = await import('./parse/index.js');
  for await (const { article } of parsedFiles(files, failed)) records.push(publicRecord(article));
  process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
  return failed.value ? 1 : 0;
}

async function exportCommand(files: readonly string[], outDir: string | null): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('broadsheet export: expected one or more article files, found none\n');
    return 2;
  }
  if (outDir) await mkdir(outDir, { recursive: true });
  const failed = { value: false };
  const { exportMarkdown } = await import('./parse/index.js');
  for await (const { file, article } of parsedFiles(files, failed)) {
    const markdown = exportMarkdown(article);
    if (outDir) await writeFile(path.join(outDir, `${path.basename(file).replace(/\.[^.]+$/, '')}.md`), markdown);
    else process.stdout.write(markdown);
  }
  return failed.value ? 1 : 0;
}

/** Writes a new article's skeleton into the content folder; never over a file that is there. */
async function newCommand(words: readonly string[], values: Values): Promise<number> {
  const headline = words.join(' ').trim();
  if (!headline) {
    process.stderr.write('broadsheet new: expected a headline, e.g. broadsheet new "Council Approves New Budget", found none\n');
    return 2;
  }
  const { scaffold } = await import('./scaffold.js');
  const { file, text } = scaffold(headline, new Date().toISOString().slice(0, 10), values.raw);
  const target = path.join(values.content, file);
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await writeFile(target, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    process.stderr.write(`broadsheet new: ${target}: expected no file there, found one already `
      + '(it was left as it was; choose another headline or edit it)\n');
    return 1;
  }
  process.stdout.write(`${target}\n`);
  return 0;
}

// `broadsheet parse … | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// V8's escape analysis spends up to 0.65 s of a core optimising one function of the Markdown parser
// (mdast-util-from-markdown's `compiler`, a function of a hundred closures), and a cold build
// compiles its parsing code in two threads at once, on cores the parsing itself needs. Without it
// the parse stage of 10,000 articles takes 0.2-0.35 s less (seven alternating pairs) and the code,
// once compiled, runs as fast. Set before anything is hot; it applies to every thread. Measured on
// Node 20 (V8 11); later V8s compile differently (Maglev first) and were not measured, so they keep
// their defaults.
if (process.versions.v8.startsWith('11.')) setFlagsFromString('--no-turbo-escape');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`broadsheet: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
