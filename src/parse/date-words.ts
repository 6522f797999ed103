/**
 * The words of date lines, as data: month and weekday names in the languages of the outlets an
 * archive keeps, and the labels outlets print before a date (`Published:`, `Posted on`,
 * `Updated :`, `Veröffentlicht am`, `Publié le`). Add a word here to read a new form.
 */

/** Month names and their abbreviations, by month number: English, German, French, Spanish, Italian, Dutch, Portuguese,
 * Romanian, Catalan and the Scandinavian languages. */
export const MONTH_NAMES: Readonly<Record<number, readonly string[]>> = {
  1: [
    'january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'januari', 'janeiro',
    'ianuarie', 'gener'
  ],
  2: [
    'february', 'feb', 'februar', 'février', 'févr', 'fevrier', 'febrero', 'febbraio', 'februari', 'fevereiro', 'fev',
    'februarie', 'febrer'
  ],
  3: ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo', 'maart', 'março', 'marco', 'martie', 'març'],
  4: ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'aprilie'],
  5: ['may', 'mai', 'mayo', 'maggio', 'mag', 'mei', 'maio', 'maig', 'maj'],
  6: ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho', 'iunie', 'juny'],
  7: ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho', 'iulie', 'juliol'],
  8: ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'agost', 'augusti'],
  9: ['september', 'sept', 'sep', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro', 'septembrie', 'setembre'],
  10: ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out', 'octombrie'],
  11: ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'noiembrie'],
  12: [
    'december', 'dec', 'dezember', 'dez', 'décembre', 'déc', 'decembre', 'diciembre', 'dic', 'dicembre', 'dezembro',
    'decembrie', 'desembre', 'desember'
  ],
};

/** Weekday names and abbreviations, which may open a date line (`Thu 3 Jan 2019`, `Mittwoch, 18. März 2015`). */
export const WEEKDAY_NAMES: readonly string[] = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonnabend', 'sonntag',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'lunes', 'martes', 'miércoles', 'miercoles', 'jueves', 'viernes', 'sábado', 'sabado', 'domingo',
  'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica',
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag',
];

/** Labels before the date, with the little word that may follow them (`Posted on`, `Publié le`, `Aired`). */
export const DATE_LABELS: readonly string[] = [
  'originally published', 'first published', 'last updated', 'last modified', 'published', 'posted', 'updated', 'modified',
  'date', 'dated', 'fecha', 'datum', 'dernière mise à jour', 'mise à jour',
  'aired', 'broadcast', 'created', 'issued', 'released', 'filed',
  'veröffentlicht', 'aktualisiert', 'zuletzt aktualisiert', 'stand', 'publié', 'mis à jour', 'modifié', 'publicado', 'actualizado',
  'pubblicato', 'aggiornato', 'gepubliceerd', 'bijgewerkt', 'laatst bijgewerkt',
];

/** The little words between a label and its date: `on`, `at`, `am`, `le`, `el`, `op`, `il`, `em`. */
export const LABEL_LINKS: readonly string[] = ['on', 'at', 'am', 'um', 'le', 'el', 'op', 'il', 'em'];

/** Labels of a later change: a date after one gives way to an unlabelled date on the same line (`Updated 27 Sep | 26 Sep`). */
export const UPDATE_LABELS: readonly string[] = [
  'last updated', 'last update', 'last modified', 'updated', 'modified', 'dernière mise à jour', 'mise à jour', 'mis à jour', 'modifié',
  'zuletzt aktualisiert', 'aktualisiert', 'actualizado', 'aggiornato', 'laatst bijgewerkt', 'bijgewerkt',
];

/**
 * Words a line of fields may hold in lower case without reading as prose (`Posted by admin on …`, `5 min read`,
 * `3 comments`): they neither count towards nor break a run of lower-case words.
 */
export const FIELD_WORDS: readonly string[] = [
  'by', 'on', 'at', 'in', 'via', 'am', 'um', 'le', 'el', 'op', 'il', 'em', 'de',
  'min', 'mins', 'read', 'views', 'comments', 'ago',
];
