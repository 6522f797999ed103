/**
 * Topics of an article: its tags, plus the people, places and organisations that both its
 * headline and its lead name, so raw articles (which have no tags) join the taxonomy too.
 */
import { wordSet } from './word-lists.js';
import { FIRST_NAMES, ORGANISATION_WORDS, TITLES, isTitle } from './quotes/tables.js';
import { lookup } from './lookup.js';

/** Most topics kept per article. */
const MAX_TOPICS = 8;

/** Other spellings of a topic, and the name it goes by. Extend freely. */
export const TOPIC_ALIASES: Readonly<Record<string, string>> = lookup({
  'U.S.': 'United States', US: 'United States', USA: 'United States', 'U.S.A.': 'United States', America: 'United States',
  American: 'United States', Americans: 'United States',
  'U.K.': 'United Kingdom', UK: 'United Kingdom', Britain: 'United Kingdom', British: 'United Kingdom', 'Great Britain': 'United Kingdom',
  EU: 'European Union', 'E.U.': 'European Union', UN: 'United Nations', 'U.N.': 'United Nations',
  WWII: 'World War II', WW2: 'World War II', 'Second World War': 'World War II', 'World War Two': 'World War II',
  WWI: 'World War I', 'First World War': 'World War I',
  Russian: 'Russia', Russians: 'Russia', Ukrainian: 'Ukraine', Ukrainians: 'Ukraine', Chinese: 'China', Japanese: 'Japan',
  German: 'Germany', French: 'France', Italian: 'Italy', Spanish: 'Spain', Indian: 'India', Israeli: 'Israel',
  Palestinian: 'Palestine', Iranian: 'Iran', Iraqi: 'Iraq', Syrian: 'Syria', Turkish: 'Turkey', Polish: 'Poland',
  Mexican: 'Mexico', Canadian: 'Canada', Australian: 'Australia', Brazilian: 'Brazil', Kenyan: 'Kenya', Nigerian: 'Nigeria',
  Soviet: 'Soviet Union', 'North Korean': 'North Korea', 'South Korean': 'South Korea', Taiwanese: 'Taiwan',
  Filipino: 'Philippines', Uzbek: 'Uzbekistan', Tajik: 'Tajikistan', Kazakh: 'Kazakhstan', Scottish: 'Scotland', Irish: 'Ireland',
  Welsh: 'Wales', Pakistani: 'Pakistan', Afghan: 'Afghanistan', Egyptian: 'Egypt', Saudi: 'Saudi Arabia', Venezuelan: 'Venezuela',
  Argentine: 'Argentina', Colombian: 'Colombia', Chilean: 'Chile', Peruvian: 'Peru', Cuban: 'Cuba', Greek: 'Greece', Swedish: 'Sweden',
  Norwegian: 'Norway', Danish: 'Denmark', Finnish: 'Finland', Dutch: 'Netherlands', Belgian: 'Belgium', Swiss: 'Switzerland',
  Austrian: 'Austria', Hungarian: 'Hungary', Czech: 'Czech Republic', Romanian: 'Romania', Serbian: 'Serbia', Belarusian: 'Belarus',
  Georgian: 'Georgia', Armenian: 'Armenia', Azerbaijani: 'Azerbaijan', Ethiopian: 'Ethiopia', Sudanese: 'Sudan', Somali: 'Somalia',
  Vietnamese: 'Vietnam', Thai: 'Thailand', Indonesian: 'Indonesia', Malaysian: 'Malaysia', Singaporean: 'Singapore', Korean: 'South Korea',
  'Gaza Strip': 'Gaza', 'West Bank': 'West Bank', 'Hong Kong': 'Hong Kong',
});

/** Places a reader browses by, written as the topic's name. Extend freely. */
const PLACES: ReadonlySet<string> = wordSet('places');

/** Multi-word places whose first word alone means nothing. */
const PLACE_PHRASES: ReadonlySet<string> = wordSet('place-phrases');

/** Capitalised runs (with "of", "for", "de" between capitals) in a piece of text. */
function runs(text: string): { run: string; index: number; sentenceStart: boolean }[] {
  // "U.S.-Russia" is two names, "Russia's Vladimir Putin" too.
  const cleaned = text.replace(/(?<=\p{L}\.?)-(?=\p{Lu})/gu, ' , ').replace(/['’]s\b/g, ' ,').replace(/['’](?=\s|$)/g, '');
  return [
    ...cleaned.matchAll(
      /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+(?:(?:of|for|de|the)\s+)?\p{Lu}[\p{L}\p{N}.&'’-]*)*(?:\s+(?:I{1,3}|IV|V))?/gu,
    ),
  ].map((m) => ({
    run: m[0],
    index: m.index,
    sentenceStart: m.index === 0 || /[.!?:"“‘]\s*$/.test(cleaned.slice(Math.max(0, m.index - 3), m.index)),
  }));
}

/** Drops titles and sentence words from the front of a run: "U.S. President Donald Trump" → "Donald Trump". */
function trimRun(run: string): string {
  const words = run.replace(/[.,]$/, (m) => (/(?:\p{Lu}\.){2,}$/u.test(run) ? m : '')).split(/\s+/);
  while (
    words.length > 1
    && (
      TITLES.has(words[0]!.toLowerCase())
      || isTitle(words[0]!)
      || /^(?:The|A|An|In|On|At|But|And|After|When|While|As|For|It|This|That)$/.test(words[0]!)
    )
  ) words.shift();
  return words.join(' ');
}

function canonical(phrase: string): string {
  return TOPIC_ALIASES[phrase] ?? phrase;
}

/** Every name another spelling stands for ("U.S." → "United States"). */
const ALIASED: ReadonlySet<string> = new Set(Object.values(TOPIC_ALIASES));

/** What kind of topic a name is, or `null` when it isn't one. */
function kindOf(name: string): 'person' | 'place' | 'organisation' | 'thing' | 'single' | null {
  const words = name.split(' ');
  if (PLACES.has(name) || PLACE_PHRASES.has(name) || ALIASED.has(name)) return 'place';
  if (/^\p{Lu}{3,6}$/u.test(name)) return 'organisation'; // NATO, NASA
  if (words.length >= 2 && ORGANISATION_WORDS.has(words[words.length - 1]!.toLowerCase())) return 'organisation';
  if (words.length >= 2 && words.length <= 3 && FIRST_NAMES[words[0]!.toLowerCase()]) return 'person';
  if (words.length >= 2 && words.length <= 4) return 'thing';
  return 'single';
}

/**
 * The topics of an article: its tags first, then people, places and organisations that the lead
 * names and the headline mentions (by name, surname or another spelling), most prominent first.
 */
export function findTopics(headline: string, paragraphs: readonly string[], tags: readonly string[]): string[] {
  const lead = paragraphs.slice(0, 2).join(' ');
  const headWords = new Set(
    headline
      .replace(/['’]s\b/g, '')
      .split(/[^\p{L}\p{N}.]+/u)
      .map((w) => w.replace(/\.$/, (m) => (/(?:\p{Lu}\.){2,}$/u.test(w) ? m : '')))
      .filter(Boolean),
  );
  const headTopics = new Set([...headWords].map(canonical));
  const inHeadline = (topic: string, written: string): boolean =>
    headWords.has(written) || headWords.has(topic) || headWords.has(topic.split(' ').pop()!) || headTopics.has(topic)
    || (topic.includes(' ') && headline.includes(topic));

  const found = new Map<string, number>();
  // A single capitalised word is a name only where it stands mid-sentence somewhere ("… maker Haven said").
  const proper = new Set(runs(paragraphs.slice(0, 3).join(' ')).filter((r) => !r.sentenceStart && !r.run.includes(' ')).map((r) => r.run));
  runs(lead).forEach(({ run }, i) => {
    const written = trimRun(run);
    const topic = canonical(written);
    const kind = kindOf(topic);
    if (!kind || !inHeadline(topic, written)) return;
    if (
      kind === 'single'
      && (
        !proper.has(written)
        || written.length < 3
        || /^\p{Lu}+$/u.test(written) === false && FIRST_NAMES[written.toLowerCase()]
      )
    ) return;
    const weight = { person: 3, place: 2, organisation: 2, thing: 1, single: 1 }[kind];
    found.set(topic, (found.get(topic) ?? 0) + weight - i * 0.01);
  });
  // Other spellings in the headline itself ("WWII", "U.S.") name their topic even when the lead spells it out.
  for (const word of headWords) {
    const topic = TOPIC_ALIASES[word];
    if (topic && !found.has(topic)) found.set(topic, 1);
  }
  const ranked = [...found].sort((a, b) => b[1] - a[1]).map(([topic]) => topic);

  const topics: string[] = [];
  const seen = new Set<string>();
  for (const topic of [...tags, ...ranked]) {
    const key = topic.toLowerCase();
    // "Okoye" is already there as "Devin Okoye".
    if (seen.has(key) || (!topic.includes(' ') && topics.some((t) => t.toLowerCase().endsWith(` ${key}`)))) continue;
    seen.add(key);
    topics.push(topic);
    if (topics.length >= MAX_TOPICS) break;
  }
  return topics;
}
