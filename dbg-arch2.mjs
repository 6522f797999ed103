import { loadArticles } from './dist/build.js';
import { buildArchive } from './dist/archive/index.js';
import { siteData } from './dist/site/data.js';
import { normaliseConfig, DEFAULT_CONFIG } from './dist/read/index.js';
import { createHash } from 'node:crypto';
const loaded = await loadArticles('/tmp/b10/content', () => {}, '/tmp/b10/cache');
const config = normaliseConfig({ ...DEFAULT_CONFIG });
let a;
for (let i = 0; i < 5; i++) {
  let t = performance.now();
  a = buildArchive(loaded.articles, config);
  const t1 = performance.now() - t; t = performance.now();
  const d = siteData(a, loaded.bodies);
  console.log('archive', t1.toFixed(0), 'siteData', (performance.now() - t).toFixed(0));
}
console.log(createHash('sha1').update(JSON.stringify(a.entries.map((e) => [e.url, e.moreOnThis, e.newer, e.older, e.related, e.quotes.map((q) => q.speakers), e.topics, e.sourcePage]))).update(JSON.stringify([a.people, a.topics, a.sources, a.years])).digest('hex'));
console.log(Object.fromEntries(Object.entries(globalThis.__laps).map(([k, v]) => [k, Math.round(v / 5)])));
