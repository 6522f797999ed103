/**
 * The word lists the parser reads by — titles, organisation words, nationalities, first names, … — as
 * data a reader scans and a diff shows word by word: `src/parse/words/<name>.txt`, one entry a line,
 * `#` starting a comment. Each list is read once, when the module that uses it loads.
 *
 * The folder is beside this module: `src/compile.mjs` copies it into `dist/parse/words/` with the code,
 * so a release that is only `dist/` has its lists.
 */
import { readFileSync } from 'node:fs';

const FOLDER = new URL('./words/', import.meta.url);

/** The entries of `words/<name>.txt`, in order, without blank lines and comments. */
export function wordList(name: string): readonly string[] {
  const text = readFileSync(new URL(`${name}.txt`, FOLDER), 'utf8');
  return text.split('\n').map((line) => line.replace(/#.*$/, '').trim()).filter((line) => line !== '');
}

/** The entries of `words/<name>.txt` as a set. */
export const wordSet = (name: string): ReadonlySet<string> => new Set(wordList(name));

/** The entries of `words/<name>.txt` as the alternatives of a regular expression (`a|b|c`), written as they are. */
export const alternatives = (name: string): string => wordList(name).join('|');

/** `words/<name>.txt` whose lines are `key: entry, entry, …` (entries may hold spaces), as a record of lists, in order. */
export function listTable(name: string): Record<string, string[]> {
  return Object.fromEntries(wordList(name).map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim(), line.slice(colon + 1).split(',').map((entry) => entry.trim())];
  }));
}

/** `words/<name>.txt` whose lines are `word value` (the value may hold spaces), as pairs in order. */
export function wordPairs<Value extends string>(name: string): [string, Value][] {
  return wordList(name).map((line) => {
    const space = line.search(/\s/);
    return [line.slice(0, space), line.slice(space).trim() as Value];
  });
}

/** `words/<name>.txt` whose lines are `word value` (the value may hold spaces), as a record. */
export const wordTable = <Value extends string>(name: string): Record<string, Value> => Object.fromEntries(wordPairs<Value>(name));
