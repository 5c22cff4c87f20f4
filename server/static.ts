import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Hono } from 'hono';
import { Problem } from './problem';
import { compressedFile, isCompressible, pickEncoding } from './static-compression';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built PWA. Hashed assets are cached for a year; the shell, manifest and service worker are
 * revalidated every time so a new release reaches the tablets. Unknown paths fall back to index.html.
 */
export function servePwa(app: Hono, dir: string) {
  app.get('*', async (c) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      throw new Problem('400.4');
    }
    if (path.startsWith('/api/')) return c.notFound();
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) && file !== dir) return c.notFound();
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info) {
      if (extname(path)) return c.notFound();
      file = join(dir, 'index.html');
      info = await stat(file).catch(() => null);
      if (!info) return c.text('Chưa xây dựng giao diện PWA: chạy "npm run build:pwa".', 503);
    }
    const body = await readFile(file);
    const immutable = file.includes(`${sep}assets${sep}`);
    const type = types[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' };
    if (!isCompressible(type)) return c.body(body, 200, headers);
    headers.Vary = 'Accept-Encoding';
    const encoding = pickEncoding(c.req.header('Accept-Encoding'));
    const packed = encoding && compressedFile(file, info.mtimeMs, body, encoding);
    return packed ? c.body(packed, 200, { ...headers, 'Content-Encoding': encoding }) : c.body(body, 200, headers);
  });
}
