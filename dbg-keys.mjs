import { loadArticles } from './dist/build.js';
import { buildArchive } from './dist/archive/index.js';
import { siteData } from './dist/site/data.js';
import { normaliseConfig, DEFAULT_CONFIG } from './dist/read/index.js';
import { createHash } from 'node:crypto';
const loaded = await loadArticles('/tmp/b10/content', () => {}, '/tmp/b10/cache');
const config = normaliseConfig({ ...DEFAULT_CONFIG });
const a = buildArchive(loaded.articles, config);
const d = siteData(a, loaded.bodies);
const FROM_RECORD = new Set(['article', 'html', 'excerpt', 'dateLabel', 'hasLostLinks']);
const v1 = (page) => JSON.stringify(Object.keys(page).flatMap((key) => { if (FROM_RECORD.has(key)) return []; const value = page[key]; if (key === 'quotes') return [key, page.quotes.map((q) => q.speakers)]; return [key, value]; }));
const v2 = (page) => { let s = ''; for (const key in page) { if (FROM_RECORD.has(key)) continue; s += key === 'quotes' ? JSON.stringify(page.quotes.map((q) => q.speakers)) : JSON.stringify(page[key]); s += '\0'; } return s; };
for (const [name, f] of [['v1', v1], ['v2', v2], ['v1', v1], ['v2', v2]]) {
  let t = performance.now(); let n = 0;
  for (const p of d.articles) n += f(p).length;
  const t1 = performance.now() - t; t = performance.now();
  for (const p of d.articles) createHash('sha1').update('digest-digest-digest-digest-digest-digest-digest').update('\0').update(f(p)).digest('base64url');
  console.log(name, t1.toFixed(0), 'with hash', (performance.now() - t).toFixed(0), n);
}
let t = performance.now(); for (const p of d.articles) Object.keys(p); console.log('keys', (performance.now() - t).toFixed(0));
t = performance.now(); for (const p of d.articles) JSON.stringify(p.moreOnThis); console.log('more', (performance.now() - t).toFixed(0));
t = performance.now(); for (const p of d.articles) JSON.stringify(p.quotes.map((q) => q.speakers)); console.log('quotes', (performance.now() - t).toFixed(0));
t = performance.now(); for (const p of d.articles) JSON.stringify(p.related); console.log('related', (performance.now() - t).toFixed(0));
t = performance.now(); for (const p of d.articles) JSON.stringify([p.newer, p.older, p.topics, p.sourcePage, p.url]); console.log('rest', (performance.now() - t).toFixed(0));
