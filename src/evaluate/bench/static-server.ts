/**
 * A plain static host and a free port, for the bench (search timing, `serve` timing) and the browser
 * tests alike: `dir/` → `dir/index.html`, anything missing → `404.html`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml', '.js': 'text/javascript', '.json': 'application/json',
  '.xml': 'application/xml',
};

/**
 * Serves `dir` on 127.0.0.1 under `prefix` the way a plain static host does: `dir/` → `dir/index.html`,
 * anything else that is missing → 404.html (or a plain 404 where the folder has none).
 */
export async function serveStatic(dir: string, prefix = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = url.startsWith(prefix) ? path.join(dir, url.slice(prefix.length)) : null;
      if (file && !path.resolve(file).startsWith(path.resolve(dir))) file = null;
      if (file && url.endsWith('/')) file = path.join(file, 'index.html');
      const found = file ? await stat(file).then((s) => s.isFile(), () => false) : false;
      const target = found && file ? file : path.join(dir, '404.html');
      const exists = found || (await stat(target).then((s) => s.isFile(), () => false));
      const type = exists ? TYPES[path.extname(target)] ?? 'application/octet-stream' : 'text/plain';
      res.writeHead(found ? 200 : 404, { 'content-type': type });
      if (exists) createReadStream(target).pipe(res);
      else res.end('Not found');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A free TCP port on this machine. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
