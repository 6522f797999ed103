/**
 * Synthetic archives for benchmarks and audits: realistic raw text dumps (headline, date line,
 * caption, quotes with attributions, lost links, related lines, a broken original URL) and a share
 * of Markdown articles. Deterministic: the same count and seed give the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FIRST = [
  'Anna', 'Mark', 'Olga', 'David', 'Priya', 'James', 'Sofia', 'Peter', 'Maria', 'Tom', 'Elena', 'Kwame', 'Laura', 'Ivan', 'Grace', 'Omar',
  'Nadia', 'Paul', 'Helen', 'Raj',
];
const LAST = [
  'Petrova', 'Okafor', 'Lindqvist', 'Reyes', 'Brennan', 'Tanaka', 'Haddad', 'Novak', 'Fischer', 'Mensah', 'Castillo', 'Duarte', 'Kowalski',
  'Ahmed', 'Moreau', 'Sato', 'Whitfield', 'Ortega', 'Bauer', 'Kim',
];
const ROLES = [
  'Foreign Minister', 'city council member', 'spokeswoman for the ministry', 'chief economist at Nordbank', 'union leader',
  'emergency manager', 'professor of history', 'presidential aide', 'police chief', 'health official',
];
const PLACES = ['Russia', 'Ukraine', 'Germany', 'Kenya', 'Brazil', 'Japan', 'Canada', 'India', 'France', 'Mexico', 'Poland', 'Egypt'];
const SUBJECTS = [
  'budget', 'ceasefire', 'flood defences', 'rail strike', 'trade deal', 'school reform', 'energy prices', 'election', 'heat wave',
  'hospital funding', 'housing plan', 'water dispute',
];
const VERBS = ['approves', 'rejects', 'delays', 'debates', 'defends', 'questions', 'expands', 'suspends'];
const OUTLETS = [
  'https://www.themoscowtimes.com', 'https://www.reuters.com', 'https://apnews.com', 'https://www.theguardian.com',
  'https://www.bbc.co.uk', 'https://www.example-gazette.com',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WORDS = ('officials said the plan would cost more than expected and take several years to complete while critics warned that'
  + ' residents had not been consulted about the changes which affect thousands of families across the region').split(' ');

/** A small deterministic random number generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One synthetic article: file name and text. */
export interface GeneratedArticle {
  readonly name: string;
  readonly text: string;
}

/** Syllables of made-up surnames: one per digit of a number in base 20, so every number gets its own name. */
const SYLLABLES = ['ba', 'ce', 'di', 'fo', 'gu', 'ha', 'je', 'ki', 'lo', 'mu', 'na', 'pe', 'ri', 'so', 'tu', 'va', 'we', 'xi', 'yo', 'za'];

/** A surname no other number gets, e.g. `Cebafo`; initials spread over twenty letters. */
function madeUpSurname(n: number): string {
  let name = '';
  for (let rest = n; name === '' || rest > 0; rest = Math.floor(rest / SYLLABLES.length)) name += SYLLABLES[rest % SYLLABLES.length];
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}${name.length < 6 ? 'ska' : ''}`;
}

/** How a synthetic archive is made beyond its size. */
export interface GenerateOptions {
  /**
   * Quote this many more people in each article, each a person no other article quotes (for an
   * archive of tens of thousands of speakers). Default 0: two speakers an article from a pool of 400.
   */
  readonly distinctSpeakers?: number;
  /** Date every article in this year, January to November (default: 2015–2025 at random), e.g. newer than a whole archive. */
  readonly year?: number;
}

/** Generates `count` articles; every seventh is Markdown, the rest raw text dumps. */
export function generateArticles(count: number, seed = 1, options: GenerateOptions = {}): GeneratedArticle[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const sentence = (n: number): string => {
    const words = Array.from({ length: n }, () => pick(WORDS));
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const headlines: string[] = [];
  const articles: GeneratedArticle[] = [];
  for (let i = 0; i < count; i++) {
    const place = pick(PLACES);
    const headline = `${place} ${pick(VERBS)} ${pick(SUBJECTS)} `
      + `after ${pick(['talks', 'protests', 'review', 'vote', 'report'])} (${i + 1})`;
    headlines.push(headline);
    const day = 1 + Math.floor(rnd() * 28);
    const drawnMonth = Math.floor(rnd() * 12);
    const month = options.year === undefined ? drawnMonth : Math.min(drawnMonth, 10);
    const drawn = 2015 + Math.floor(rnd() * 11);
    const year = options.year ?? drawn;
    const speaker = `${pick(FIRST)} ${pick(LAST)}`;
    const second = `${pick(FIRST)} ${pick(LAST)}`;
    const surname = speaker.split(' ')[1]!;
    const body = [
      `${place}'s government on ${pick(['Monday', 'Tuesday', 'Friday'])} ${pick(['announced', 'confirmed', 'outlined'])} `
        + `changes to the ${pick(SUBJECTS)}, officials <u>said</u>. ${sentence(14)}`,
      `"${sentence(12).replace(/\.$/, '')}," said ${pick(ROLES)} ${speaker}. "${sentence(10)}"`,
      `${surname} also said the decision was "${pick(['long overdue', 'deeply flawed', 'a step forward', 'not enough'])}" `
        + `and called for ${pick(['patience', 'a review', 'more funding'])}.`,
      `${sentence(18)} The <u>report</u> found that ${sentence(9).toLowerCase()}`,
      `"${sentence(11).replace(/\.$/, '')}," ${second}, a ${pick(ROLES)}, told reporters.`,
      `${sentence(16)} ${sentence(12)}`,
    ];
    for (let k = 0; k < (options.distinctSpeakers ?? 0); k++) {
      body.push(`"${sentence(8).replace(/\.$/, '')}," said ${pick(ROLES)} ${pick(FIRST)} `
        + `${madeUpSurname(i * (options.distinctSpeakers ?? 0) + k)}.`);
    }
    if (i > 0 && rnd() < 0.5) body.splice(4, 0, `Related article: ${headlines[Math.floor(rnd() * i)]}`);
    const slug = headline.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const url = `${pick(OUTLETS)}/${year}/${String(month + 1).padStart(2, '0')}/${String(day).padStart(2, '0')}/${slug}-a${10000 + i}`;
    const broken = `${url.slice(0, 30)} ${url.slice(30)}`;
    if (i % 7 === 6) {
      const md = `---\ntitle: "${headline}"\ndate: ${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}\n`
        + `tags: [${place}, ${pick(SUBJECTS)}]\nsource: {url: "${url}"}\n---\n`
        + `${body.filter((p) => !p.startsWith('Related')).map((p) => p.replace(/<\/?u>/g, '')).join('\n\n')}\n`;
      articles.push({ name: `${String(i).padStart(6, '0')}.md`, text: md });
    } else {
      const caption = rnd() < 0.6
        ? `${place} at dusk, ${MONTHS[month]} ${day}, ${year}. ${pick(['Reuters', 'AFP', 'WikiMedia', 'AP Photo/Jane Roe'])}\n\n`
        : '';
      const text = `\n\n${headline}\n\n${MONTHS[month]} ${day}, ${year}\n\n\n\n${caption}${body.join('\n\n')}`
        + `\n\nOriginal url:\n\n${broken}`;
      articles.push({ name: `${String(i).padStart(6, '0')}.txt`, text });
    }
  }
  return articles;
}

/** Writes a generated archive into `dir`. */
export async function writeArchive(dir: string, count: number, seed = 1): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const article of generateArticles(count, seed)) await writeFile(path.join(dir, article.name), article.text);
}
