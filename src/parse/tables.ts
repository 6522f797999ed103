/**
 * The data the raw-text parser reads by: extend a table rather than the logic.
 */
import { alternatives, wordList, wordSet, wordTable } from './word-lists.js';
import { lookup } from './lookup.js';

/** Known outlets by host name (without `www.`); a sub-domain matches its parent. */
export const OUTLETS: Readonly<Record<string, string>> = lookup(wordTable('outlets'));

/** Lines that name another article rather than continue this one: `Related article: <headline>`. */
export const RELATED_LABELS: readonly string[] = wordList('related-labels');

/** Labels that introduce the address the article was taken from. */
export const SOURCE_LABELS: readonly string[] = wordList('source-labels');

/** Labels that introduce a photo credit (`Credit: AFP`, `Photo: Reuters/Jane Doe`). */
export const CREDIT_LABELS: readonly string[] = wordList('credit-labels');

/** Labels that introduce the caption itself (`Caption: Soldiers meet on the Elbe`). */
export const CAPTION_LABELS: readonly string[] = wordList('caption-labels');

/** Phrases that end a caption with its credit even without a label (`… AP Photo/Jane Doe`). */
export const CREDIT_MARKERS: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:${alternatives('photo-agencies')})\b[^.]*$`),
  /\bvia\s+(?:Getty Images|AP|Reuters|Wikimedia(?: Commons)?|Wikipedia|Flickr)\b.*$/i,
  /©.*$/,
  /\bphoto(?:graph)?\s+by\s+.+$/i,
  /\b(?:courtesy|handout)\b.*$/i,
];

/** Lower-case words a photo credit may contain (`AFP via Getty Images`, `Ludwig van Beethoven`). */
export const CREDIT_LOWERCASE_WORDS: ReadonlySet<string> = wordSet('credit-lowercase-words');

/** Words a sentence does not end on: a block ending with one was split by a stray blank line. */
export const NON_FINAL_WORDS: ReadonlySet<string> = wordSet('non-final-words');

/** Markers of list items in a dump. */
export const LIST_ITEM = /^(?:[-*•–—▪●]\s+|(\d{1,3})[.)]\s+)/;
