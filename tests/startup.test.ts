import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/site.js';

/** The project's modules `file` loads before it runs (static imports, followed), as paths relative to `dist/`. */
function loadedBy(file: string, seen = new Set<string>()): Set<string> {
  const dist = path.join(ROOT, 'dist');
  const rel = path.relative(dist, file);
  if (seen.has(rel)) return seen;
  seen.add(rel);
  const source = readFileSync(file, 'utf8');
  const specs = [
    ...source.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm),
    ...source.matchAll(/^import\s+'(\.{1,2}\/[^']+)'/gm),
  ];
  for (const [, spec] of specs) loadedBy(path.resolve(path.dirname(file), spec!), seen);
  return seen;
}

describe('the broadsheet command, before it knows whether anything changed', () => {
  it('loads neither the parser nor the site stage (a build that changes nothing costs a start-up, not the pipeline)', () => {
    const loaded = [...loadedBy(path.join(ROOT, 'dist', 'cli.js'))];
    expect(loaded).toContain('state/cache.js');
    expect(loaded.filter((m) => /^(?:parse|site|archive)\/|^prepare\/index\.js$|^build\.js$/.test(m))).toEqual([]);
  });
});
