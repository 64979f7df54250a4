/**
 * A tiny static file server for the built playground (node:http only), bound to 127.0.0.1 by default.
 * Serves index.html for '/', refuses paths outside the root, gzips text and vocabulary files for
 * clients that accept it (compressed once per file and kept in memory), and lets hashed assets/
 * files be cached for good.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';

const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.bin': 'application/octet-stream', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.map': 'application/json', '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.bin', '.svg', '.map', '.txt']);

export interface StaticServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startStaticServer(root: string, opts: { port?: number; host?: string } = {}): Promise<StaticServer> {
  const host = opts.host ?? '127.0.0.1';
  const rootDir = normalize(root + sep);
  const gzCache = new Map<string, { mtimeMs: number; body: Buffer }>();

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405, { Allow: 'GET, HEAD' }).end(); return; }
      let rel: string;
      try { rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname); } catch { res.writeHead(400).end('bad path'); return; }
      if (rel.endsWith('/')) rel += 'index.html';
      const file = normalize(join(rootDir, rel));
      if (!file.startsWith(rootDir)) { res.writeHead(403).end('forbidden'); return; }
      let info;
      try { info = await stat(file); } catch { info = null; }
      if (!info || !info.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${rel}`); return; }
      const ext = extname(file);
      const headers: Record<string, string> = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      };
      let body: Buffer;
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        let cached = gzCache.get(file);
        if (!cached || cached.mtimeMs !== info.mtimeMs) {
          cached = { mtimeMs: info.mtimeMs, body: await gzipAsync(await readFile(file)) };
          gzCache.set(file, cached);
        }
        body = cached.body;
        headers['Content-Encoding'] = 'gzip';
        headers['Vary'] = 'Accept-Encoding';
      } else {
        body = await readFile(file);
      }
      headers['Content-Length'] = String(body.length);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(e));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    server,
    port,
    url: `http://${host}:${port}/`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
