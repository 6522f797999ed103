/**
 * Small readings of the text the people scan makes before it registers anyone: the kind of an
 * organisation from its name, someone unnamed from a place, nicknames between the parts of a name,
 * and whether a speech verb's subject can be a name at all.
 */
import { ORGANISATION_KINDS, isFiller } from './tables.js';
import { lastWord } from './text.js';

export const KIND_OF_WORD: ReadonlyMap<string, string> = new Map(
  Object.entries(ORGANISATION_KINDS).flatMap(([kind, words]) => words.map((w) => [w, kind] as const)),
);

/** The kind of an organisation, from the words of its name, if one of them tells. */
export function kindOf(name: string): string | undefined {
  for (const word of name.toLowerCase().split(/\s+/).reverse()) {
    const kind = KIND_OF_WORD.get(word);
    if (kind) return kind;
  }
  return undefined;
}

/** An unnamed person placed by a preposition: `a broker in Andheri`, `one resident of Golden Meadow`. */
export const SOMEONE_FROM_A_PLACE = new RegExp('^(?:(?:a|an|one|another)\\s+\\p{Ll}[^,]*?\\s(?:in|from|at|near|outside|of)'
  // "detainee 'A' in Woodhill Prison": no article, and not "of" ("chief executive of Tesco" speaks for Tesco).
  + '|\\p{Ll}[^,]*?\\s(?:in|from|at|near|outside))'
  + '\\s+(?:the\\s+)?\\p{Lu}[\\p{L}\'’.-]*(?:\\s+\\p{Lu}[\\p{L}\'’.-]*)*$'
  // "one Bombay trader", "a Lagos shopkeeper": someone unnamed, a place's name for an adjective.
  + '|^(?:a|an|one|another)\\s+(?:\\p{Lu}[\\p{L}\'’.-]*\\s+){1,3}(?:\\p{Ll}[\\p{L}-]*\\s+)?(?:trader|dealer|broker|resident|shopkeeper|'
  + 'worker|fan|supporter|voter|official|diplomat|source|analyst|economist|businessman|businesswoman|farmer|driver|villager|student|'
  + 'teacher|doctor|nurse|man|woman|mother|father|insider|executive|manager|employee|observer|witness)$', 'u');

export const LOWER_START = /^\p{Ll}/u;

/** A nickname in marks between capitalised words, as the marks would find it: `Marcus "Tank" Bellamy`, `Jimmy "the Whirlwind" White`. */
const NICKNAME = /["“‘'](?=(?:[Tt]he )?\p{Lu}[^"”’']{0,24}["”’'] \p{Lu})/gu;

/** The text with nicknames blanked (so positions stay), the parts of the name joined up. */
export function withoutNicknames(text: string): string {
  let out = text;
  for (const m of text.matchAll(NICKNAME)) {
    if (!/\p{Lu}[\p{L}'’-]+ $/u.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const end = /["”’']/.exec(text.slice(m.index + 2))!.index + m.index + 3;
    out = out.slice(0, m.index) + ' '.repeat(end - m.index) + out.slice(end);
  }
  return out;
}

/**
 * Can the subject `subjectBefore` finds in this text end in a capitalised name? A cheap test first:
 * not when the word before the verb (past filler like `also`) is a lowercase word (`he said`,
 * `officials said`), unless a comma or `and`/`but` sends the subject further back.
 */
export function mayEndInName(text: string): boolean {
  let m = lastWord(text);
  while (m && isFiller(m.word) && !m.word.endsWith(',')) m = lastWord(text.slice(0, m.index));
  return !!m && (!/^\p{Ll}/u.test(m.word) || m.word.endsWith(',') || /^(?:and|but)$/i.test(m.word));
}
