import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFolder, runCli, SEED, tempDir } from './helpers/site.js';

describe('symbolic links in the content folder', () => {
  it('are left out with a warning naming each, and what lies outside the content folder is never read', async () => {
    const content = await contentFolder({}, [SEED]);
    const outside = await tempDir('broadsheet-outside-');
    // A named pipe: a build that opened it to read would wait for a writer forever (the test would time out).
    const pipe = path.join(outside, 'pipe.txt');
    execFileSync('mkfifo', [pipe]);
    await mkdir(path.join(outside, 'folder'));
    await writeFile(path.join(outside, 'folder', 'article.txt'), 'A headline\n\nMonday, 3 March 2025\n\nA paragraph.\n');
    await symlink(pipe, path.join(content, 'outside.txt'));
    await symlink(path.join(outside, 'folder'), path.join(content, 'more'));
    await symlink(path.join(content, path.basename(SEED)), path.join(content, 'again.txt'));
    await symlink(path.join(outside, 'missing.md'), path.join(content, 'gone.md'));
    // A link to something that is no article is passed over like any such file.
    await symlink(pipe, path.join(content, 'picture.jpg'));
    const out = path.join(await tempDir(), '_site');
    const { code, stdout, stderr } = await runCli('build', '--content', content, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain('Built 1 article');
    const warnings = stderr.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings, stderr).toHaveLength(4);
    const about = (name: string): string | undefined => warnings.find((l) => l.includes(`${content}/${name}:1`));
    expect(about('outside.txt')).toContain(`a symbolic link to a file outside the content folder (${pipe})`);
    expect(warnings.find((l) => l.includes(`${content}/more:1`))).toContain('a symbolic link to a folder outside the content folder');
    expect(about('again.txt')).toContain(`a symbolic link to a file inside the content folder (${path.basename(SEED)})`);
    expect(warnings.find((l) => l.includes(`${content}/gone.md:1`))).toContain('a symbolic link that leads nowhere');
    expect(stderr).not.toContain('picture.jpg');
  }, 60_000);
});
