import slugify from '@sindresorhus/slugify';
import type { Quote, Speaker, SpeakerQuote } from '../types.js';
import { INDEX_LETTERS } from './taxonomy.js';

/** Titles that don't make a different person: "President Donald Trump" is "Donald Trump". */
const TITLES = new RegExp(
  String.raw`^(?:president|prime|minister|mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady|sen|senator|rep|gov|governor|mayor|`
  + String.raw`gen|col|capt|sgt|lt|rev|judge|justice|chief|chancellor)\.?$`,
  'i',
);

/**
 * The identity of a speaker's name: case, accents, titles and middle initials don't count, so
 * "Donald J. Trump", "President Donald Trump" and "donald trump" are one person.
 * @example personKey('Donald J. Trump') // 'donald trump'
 */
export function personKey(name: string): string {
  let key = KEYS.get(name);
  if (key === undefined) {
    key = keyOf(name);
    KEYS.set(name, key);
  }
  return key;
}

/** Keys of names met so far: the same names come back on every quote of every article. */
const KEYS = new Map<string, string>();

function keyOf(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s.'-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const kept = words.filter((w, i) => !(TITLES.test(w) && i < words.length - 1)
    && !(/^\p{L}\.?$/u.test(w) && i > 0 && i < words.length - 1));
  return kept.map((w) => w.replace(/[.']/g, '')).join(' ').replace(/^the\s+/, '');
}

/** The people a speaker string stands for: "Donald Trump and Vladimir Putin" is two. */
export function speakersOf(speaker: string): string[] {
  const parts = speaker.split(/\s+and\s+/);
  // Only split where every part is a name of its own ("Procter and Gamble" stays one).
  return parts.length > 1 && parts.every((p) => /^\p{Lu}/u.test(p) && p.trim().includes(' ')) ? parts.map((p) => p.trim()) : [speaker];
}

interface Gathered {
  readonly key: string;
  readonly spellings: Map<string, number>;
  readonly roles: Map<string, number>;
  readonly articles: Set<string>;
  readonly quotes: SpeakerQuote[];
  /** Named beside one of their quotes at least once (`Quote.named`): only then do they get a page. */
  named: boolean;
}

/** An article as the people index needs it. */
export interface QuotedArticle {
  readonly url: string;
  readonly headline: string;
  readonly date: string;
  readonly quotes: readonly Quote[];
}

/**
 * Gathers every speaker across the archive, once per build: one record per person however the
 * name is spelled, with roles, article count and quotes newest first. `articles` must be newest first.
 * Someone gets a page only when an article names them beside one of their quotes (`"…," Mr Kok
 * said`): a speaker only ever worked out from a pronoun, a description or a sentence nearby keeps
 * their name on the quote but gets no page, so a guess never puts a name in the index. `urlOf` is
 * `null` for them.
 */
export function gatherPeople(articles: readonly QuotedArticle[]): { people: Speaker[]; urlOf: (name: string) => string | null } {
  const byKey = new Map<string, Gathered>();
  for (const article of articles) {
    for (const quote of article.quotes) {
      if (!quote.speaker) continue;
      for (const name of speakersOf(quote.speaker)) {
        const key = personKey(name);
        if (!key) continue;
        let g = byKey.get(key);
        if (!g) byKey.set(key, (g = { key, spellings: new Map(), roles: new Map(), articles: new Set(), quotes: [], named: false }));
        if (quote.named) g.named = true;
        g.spellings.set(name, (g.spellings.get(name) ?? 0) + 1);
        if (quote.role && name === quote.speaker) g.roles.set(quote.role, (g.roles.get(quote.role) ?? 0) + 1);
        g.articles.add(article.url);
        g.quotes.push({
          text: quote.text,
          partial: quote.partial,
          role: name === quote.speaker ? quote.role : null,
          date: article.date,
          headline: article.headline,
          articleUrl: article.url,
          paragraph: quote.paragraph,
        });
      }
    }
  }
  const mostFrequent = (counts: Map<string, number>): string[] =>
    [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([value]) => value);
  const taken = new Set<string>(INDEX_LETTERS);
  const people = [...byKey.values()]
    .filter((g) => g.named)
    .map((g) => ({ g, name: mostFrequent(g.spellings)[0]! }))
    .sort((a, b) => a.g.key.localeCompare(b.g.key, 'en') || (a.g.key < b.g.key ? -1 : 1))
    .map(({ g, name }): Speaker => {
      const base = slugify(name, { decamelize: false }) || 'speaker';
      let slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      taken.add(slug);
      return { slug, name, url: `/people/${slug}/`, roles: mostFrequent(g.roles), articleCount: g.articles.size, quotes: g.quotes };
    });
  const urls = new Map<string, string>();
  for (const person of people) urls.set(personKey(person.name), person.url);
  return { people, urlOf: (name) => urls.get(personKey(name)) ?? null };
}
