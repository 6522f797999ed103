import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, parseArticle } from '../src/parse/index.js';
import { decode, readContent } from '../src/read/index.js';
import { CONTENT_EXTENSIONS } from '../src/parse/index.js';

const CASES = path.join(import.meta.dirname, 'fixtures', 'bad-input');

/** Everything the read and parse stages say about one fixture, as the CLI prints it. */
async function diagnose(
  dir: string
): Promise<{ report: string; headline: string | null; slug: string | null; paragraphs: readonly string[] }> {
  const read = await readContent(dir, CONTENT_EXTENSIONS);
  const lines: string[] = [];
  let headline: string | null = null;
  let slug: string | null = null;
  let paragraphs: readonly string[] = [];
  // The fixture's own expected output is no content: the read stage's warning about it is left out here.
  for (const w of read.warnings.filter((w) => path.basename(w.file) !== 'expected.log')) {
    lines.push(`warning: ${formatDiagnostic({ ...w, file: path.basename(w.file) })}`);
  }
  for (const e of read.errors) lines.push(formatDiagnostic({ ...e, file: path.basename(e.file) }));
  for (const file of read.files) {
    const outcome = parseArticle({ path: path.basename(file.path), text: file.text }, { today: '2026-11-27' });
    for (const w of outcome.warnings) lines.push(`warning: ${formatDiagnostic(w)}`);
    if (outcome.ok) {
      headline = outcome.article.headline;
      slug = outcome.article.slug;
      paragraphs = outcome.article.paragraphs;
    } else lines.push(formatDiagnostic(outcome.error));
  }
  return { report: `${lines.join('\n')}\n`, headline, slug, paragraphs };
}

describe('bad input: every case says what it expected and where, or warns and keeps the article', () => {
  for (const name of readdirSync(CASES).sort()) {
    it(name.replace(/-/g, ' '), async () => {
      const { report } = await diagnose(path.join(CASES, name));
      expect(report.trim()).not.toBe('');
      for (const line of report.trim().split('\n')) expect(line).toMatch(/^(?:warning: )?input\.(?:txt|md):\d+: expected .+, found .+/);
      await expect(report).toMatchFileSnapshot(path.join(CASES, name, 'expected.log'));
    });
  }
});

describe('decoding', () => {
  it('reads Windows-1252 text right: accents and curly quotes, no mojibake', async () => {
    const { paragraphs, headline } = await diagnose(path.join(CASES, 'windows-1252-text'));
    expect(headline).toBe('Café owners protest new rules');
    expect(paragraphs[0]).toBe('Owners of the city’s oldest café said the rules were “unfair” and would close small businesses.');
  });

  it('reads UTF-16 with and without a byte-order mark', async () => {
    for (const name of ['utf-16-with-byte-order-mark', 'utf-16-without-byte-order-mark']) {
      expect((await diagnose(path.join(CASES, name))).headline).toBe('Café owners protest new rules');
    }
  });

  it('refuses binary data', () => {
    const decoded = decode(readFileSync(path.join(CASES, 'binary-file', 'input.txt')));
    expect(decoded.ok).toBe(false);
  });
});

describe('hostile front matter', () => {
  it('keeps a slug inside its folder', async () => {
    const { slug } = await diagnose(path.join(CASES, 'markdown-slug-that-climbs-out'));
    expect(slug).toMatch(/^[a-z0-9-]+$/);
  });
});
