import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import remarkHtml from 'remark-html';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/parse/index.js';
import { typesetBody, typesetLine, typesetText } from '../src/site/typeset.js';
import type { BodyNode } from '../src/types.js';
import { ROOT } from './helpers/site.js';

const html = unified().use(remarkHtml);
const render = (body: BodyNode): string => String(html.stringify(html.runSync(body as never) as never)).trim();

describe('typesetting a line', () => {
  it.each([
    [`"It's over," he said.`, '“It’s over,” he said.'],
    [`The '80s were 'different', she said.`, 'The ’80s were ‘different’, she said.'],
    [`He said, "'Quoted' words in a larger quote."`, 'He said, “‘Quoted’ words in a larger quote.”'],
    [`Wait -- what... really?`, 'Wait — what… really?'],
    [`Trump and Putin Shared 'Warm' Memories`, 'Trump and Putin Shared ‘Warm’ Memories'],
    [`''I'll probably still go with Bernie,'' said Courtney Johnson`, '“I’ll probably still go with Bernie,” said Courtney Johnson'],
    [`''It's a fight,'' he said. ''We'll win.''`, '“It’s a fight,” he said. “We’ll win.”'],
  ])('prints %j as %j', (text, expected) => {
    expect(typesetText(text)).toBe(expected);
    expect(typesetLine(text)).toBe(expected);
  });

  it('leaves a line without straight marks as it is, curly marks included', () => {
    const line = 'Moscow’s “warm” memories — of 1945';
    expect(typesetText(line)).toBe(line);
    expect(typesetLine(line)).toBe(line);
  });
});

describe('typesetting a body', () => {
  const paragraph = (...children: BodyNode[]): BodyNode => ({ type: 'root', children: [{ type: 'paragraph', children }] });

  it('pairs quotation marks across a link, as the whole sentence reads', () => {
    const body = paragraph(
      { type: 'text', value: 'He called it "' }, { type: 'emphasis', children: [{ type: 'text', value: 'weak' }] },
      { type: 'text', value: '" on Friday.' }
    );
    expect(render(typesetBody(body))).toBe('<p>He called it “<em>weak</em>” on Friday.</p>');
  });

  it('never touches inline code, and leaves the tree it is given as it was', () => {
    const body = paragraph(
      { type: 'text', value: 'Type ' }, { type: 'inlineCode', value: `"it's"` }, { type: 'text', value: ` -- don't.` }
    );
    const before = JSON.stringify(body);
    expect(render(typesetBody(body))).toBe('<p>Type <code>"it\'s"</code> — don’t.</p>');
    expect(JSON.stringify(body)).toBe(before);
  });

  it('shares the nodes it does not change', () => {
    const untouched: BodyNode = { type: 'paragraph', children: [{ type: 'text', value: 'Nothing to change here.' }] };
    const body: BodyNode = {
      type: 'root', children: [untouched, { type: 'paragraph', children: [{ type: 'text', value: `It's here.` }] }],
    };
    const typeset = typesetBody(body);
    expect(typeset.children![0]).toBe(untouched);
    expect(typesetBody(untouched)).toBe(untouched);
  });

  // Two apostrophes for a double mark (as the New York Times archive writes them) are read as one before
  // SmartyPants, which would make every pair a closing mark; the fixtures have none.
  it('gives what remark-smartypants gives, on every article of the project’s fixtures', async () => {
    const files: { path: string; text: string }[] = [];
    const base = path.join(ROOT, 'tests', 'fixtures');
    for (const name of (await readdir(base, { recursive: true })).map(String).sort()) {
      if (/\.(?:txt|md)$/.test(name)) files.push({ path: name, text: await readFile(path.join(base, name), 'utf8') });
    }
    const reference = remarkSmartypants.call(unified() as never) as unknown as (tree: BodyNode) => void;
    let compared = 0;
    let changed = 0;
    for (const file of files) {
      const outcome = parseFile(file);
      if (!outcome.ok) continue;
      const theirs = structuredClone(outcome.article.body) as BodyNode;
      reference(theirs);
      const mine = render(typesetBody(outcome.article.body));
      expect(mine, file.path).toBe(render(theirs));
      compared++;
      if (mine !== render(outcome.article.body)) changed++;
    }
    expect(compared).toBeGreaterThanOrEqual(100);
    expect(changed).toBeGreaterThan(50);
  });
});
