/**
 * Indexes that scale: the people, topic and source indexes list every name on one page while they
 * are short, and past `INDEX_SPLIT` names one page per letter (`/people/a/`, …), with the most
 * quoted or most covered and the letters on the index itself: every name two clicks away.
 */
import { INDEX_LETTERS, letterOf } from '../archive/index.js';
import type { NamedLink } from '../types.js';

/** Past this many names, an index is split by letter. */
export const INDEX_SPLIT = 300;

/** How many names the split index itself still lists, most quoted or most covered first. */
const TOP = 20;

/** A name as an index lists it. */
export interface IndexName extends NamedLink {
  /** People: their most frequent role. */
  readonly role?: string | null;
  /** People: how many quotes and articles; topics and sources: how many articles. */
  readonly count: number;
  readonly articles?: number;
}

/** One letter of an index: its heading, and its page when the index is split. */
export interface IndexLetter {
  readonly letter: string;
  /** `A`…`Z`, or `#` for names that begin with no letter. */
  readonly label: string;
  readonly url: string | null;
  readonly names: readonly IndexName[];
}

/** An index of names: whole, or split by letter. */
export interface NameIndex {
  readonly split: boolean;
  /** The most quoted (people, always ten) or, when split, the most covered (topics, sources). */
  readonly top: readonly IndexName[];
  /** Letters with names, A–Z then `#`; when split, each with the page that lists its names. */
  readonly letters: readonly IndexLetter[];
  /** Every name, in order, when the index is whole; none when it is split. */
  readonly names: readonly IndexName[];
}

/** A page of a split index: the names under one letter. */
export interface LetterPage {
  readonly url: string;
  readonly kind: 'people' | 'topics' | 'sources';
  readonly heading: string;
  readonly label: string;
  readonly description: string;
  readonly crumbs: readonly NamedLink[];
  /** Every letter of the index, with its page; the current one is `current`. */
  readonly letters: readonly (NamedLink & { readonly current: boolean })[];
  readonly names: readonly IndexName[];
}

const KINDS = {
  people: { heading: 'People', root: '/people/', top: 10 },
  topics: { heading: 'Topics', root: '/topics/', top: TOP },
  sources: { heading: 'Sources', root: '/sources/', top: TOP },
} as const;

/** Orders names for a "most" list: by count, then articles, then name. */
const byCount = (a: IndexName, b: IndexName): number =>
  b.count - a.count || (b.articles ?? 0) - (a.articles ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The index of `names` (in the order the archive keeps them) and, when it is split, its letter
 * pages. People always show their ten most quoted; topics and sources their most covered only once split.
 */
export function nameIndex(kind: keyof typeof KINDS, names: readonly IndexName[]): { index: NameIndex; pages: LetterPage[] } {
  const { heading, root, top } = KINDS[kind];
  const split = names.length > INDEX_SPLIT;
  const grouped = new Map<string, IndexName[]>();
  for (const name of names) {
    const letter = letterOf(name.name);
    const group = grouped.get(letter);
    if (group) group.push(name);
    else grouped.set(letter, [name]);
  }
  const letters = INDEX_LETTERS.filter((l) => grouped.has(l)).map((letter): IndexLetter => ({
    letter,
    label: letter === 'other' ? '#' : letter.toUpperCase(),
    url: split ? `${root}${letter}/` : null,
    names: grouped.get(letter)!,
  }));
  const most = kind === 'people' || split ? [...names].sort(byCount).slice(0, top) : [];
  const nav = letters.map((l) => ({ name: l.label, url: `${root}${l.letter}/` }));
  const pages = split
    ? letters.map((l): LetterPage => ({
        url: l.url!,
        kind,
        heading: `${heading}: ${l.label}`,
        label: l.label,
        description: `${heading} whose names begin with ${l.letter === 'other' ? 'no letter A to Z' : l.label}.`,
        crumbs: [{ name: heading, url: root }],
        letters: nav.map((n) => ({ ...n, current: n.url === l.url })),
        names: l.names,
      }))
    : [];
  // A split index keeps only the letters' links: its pages hold the names.
  const index = split
    ? { split, top: most, letters: letters.map((l) => ({ ...l, names: [] })), names: [] }
    : { split, top: most, letters, names };
  return { index, pages };
}
