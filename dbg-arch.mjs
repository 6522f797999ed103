import { loadArticles } from './dist/build.js';
import { buildArchive } from './dist/archive/index.js';
import { siteData } from './dist/site/data.js';
import { normaliseConfig, DEFAULT_CONFIG } from './dist/read/index.js';
const loaded = await loadArticles('/tmp/b10/content', () => {}, '/tmp/b10/cache');
const config = normaliseConfig({ ...DEFAULT_CONFIG });
for (let i = 0; i < 4; i++) {
  let t = performance.now();
  const a = buildArchive(loaded.articles, config);
  const t1 = performance.now() - t; t = performance.now();
  const d = siteData(a, loaded.bodies);
  console.log('archive', t1.toFixed(0), 'siteData', (performance.now() - t).toFixed(0));
}
