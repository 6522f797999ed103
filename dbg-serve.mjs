import { spawn } from 'node:child_process';
import { appendFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
const WebSocket = createRequire(createRequire(import.meta.url).resolve('@11ty/eleventy-dev-server'))('ws');
const [content, site, cache, ...names] = process.argv.slice(2);
const port = 8931;
const server = spawn(process.execPath, ['dist/cli.js', 'serve', '--content', content, '--out', site, '--cache-dir', cache, '--port', String(port)], { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
try {
  while (!(await fetch(`http://localhost:${port}/`).then((r) => r.ok, () => false))) await new Promise((r) => setTimeout(r, 250));
  const socket = new WebSocket(`ws://localhost:${port}/`);
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
  let reloaded;
  socket.on('message', (data) => { if (JSON.parse(data.toString()).type === 'eleventy.reload') reloaded?.(); });
  for (const name of names) {
    await new Promise((r) => setTimeout(r, 4000));
    const reload = new Promise((r) => (reloaded = r));
    const t = performance.now();
    await appendFile(path.join(content, name), `\n\nThe harbour reopened on Sunday (serve edit).\n`);
    await reload;
    console.log('RELOAD', name, (performance.now() - t).toFixed(0), 'ms');
  }
  socket.close();
} finally { process.kill(-server.pid, 'SIGTERM'); }
