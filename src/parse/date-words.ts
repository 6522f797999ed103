/**
 * The words of date lines, as data: month and weekday names in the languages of the outlets an
 * archive keeps, and the labels outlets print before a date (`Published:`, `Posted on`,
 * `Updated :`, `Veröffentlicht am`, `Publié le`), read from `words/*.txt`. Add a word there to read a new form.
 */
import { wordList, wordPairs } from './word-lists.js';

/**
 * Month names and their abbreviations, by month number: English, German, French, Spanish, Italian, Dutch,
 * Portuguese, Romanian, Catalan and the Scandinavian languages.
 */
export const MONTH_NAMES: Readonly<Record<number, readonly string[]>> = wordPairs('month-names').reduce<Record<number, string[]>>(
  (months, [month, name]) => {
    (months[Number(month)] ??= []).push(name);
    return months;
  }, {});

/** Weekday names and abbreviations, which may open a date line (`Thu 3 Jan 2019`, `Mittwoch, 18. März 2015`). */
export const WEEKDAY_NAMES: readonly string[] = wordList('weekday-names');

/** Labels before the date, with the little word that may follow them (`Posted on`, `Publié le`, `Aired`). */
export const DATE_LABELS: readonly string[] = wordList('date-labels');

/** The little words between a label and its date: `on`, `at`, `am`, `le`, `el`, `op`, `il`, `em`. */
export const LABEL_LINKS: readonly string[] = wordList('label-links');

/** Labels of a later change: a date after one gives way to an unlabelled date on the same line (`Updated 27 Sep | 26 Sep`). */
export const UPDATE_LABELS: readonly string[] = wordList('update-labels');

/**
 * Words a line of fields may hold in lower case without reading as prose (`Posted by admin on …`, `5 min read`,
 * `3 comments`): they neither count towards nor break a run of lower-case words.
 */
export const FIELD_WORDS: readonly string[] = wordList('field-words');
