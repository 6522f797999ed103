/**
 * `broadsheet new`: the file a new article starts as — Markdown with front matter, or a raw text
 * dump — and where it goes (`YYYY/MM/<slug>` under the content folder). No I/O: the CLI writes it.
 */
import { slugForHeadline } from './parse/slug.js';

/** A new article's file: its path relative to the content folder, and its text. */
export interface Scaffold {
  readonly file: string;
  readonly text: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The skeleton of an article headed `headline`, dated `date` (`YYYY-MM-DD`). Either form parses
 * and builds as it is, so a file started and left alone still makes a page, placeholder and all.
 */
export function scaffold(headline: string, date: string, raw = false): Scaffold {
  const title = headline.replace(/\s+/g, ' ').trim();
  const [year, month, day] = date.split('-');
  const folder = `${year}/${month}/${slugForHeadline(title)}`;
  if (raw) {
    // The layout of the dumps the archive takes in: headline, date line, paragraphs, original address.
    const dateLine = `${MONTHS[Number(month) - 1]} ${Number(day)}, ${year}`;
    const text = [title, '', dateLine, '', 'Write the article here, one paragraph after another, a blank line between them.', ''];
    return { file: `${folder}.txt`, text: text.join('\n') };
  }
  // A JSON string is a YAML double-quoted scalar: any headline, colons and quotes included, stays one.
  const front = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `date: ${date}`,
    'tags: []',
    '# The original, once known: {url: https://…, name: The Publication}',
    'source:',
    '---',
  ];
  const body = ['', 'Write the article here in Markdown: paragraphs separated by blank lines, _emphasis_, **strong**, links.', ''];
  return { file: `${folder}.md`, text: [...front, ...body].join('\n') };
}
