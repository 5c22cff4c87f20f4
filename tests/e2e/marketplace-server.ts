import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Serves marketplace fixture pages for the real host names (Chromium maps langson.voso.vn and
 * langson.postmart.vn to this server with --host-resolver-rules; Firefox uses it as its HTTP proxy, so requests
 * come in absolute form, "GET http://langson.voso.vn/dat-hang"). Pages are keyed by host + path.
 */
export type SitePages = Record<string, Record<string, string | (() => string)>>;

const libDir = fileURLToPath(new URL('../../lib/marketplaces/', import.meta.url));
export const fixture = (path: string) => readFileSync(libDir + path, 'utf8');

export async function startMarketplaceServer(pages: SitePages): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const host = url.hostname;
    const path = url.pathname;
    const page = pages[host]?.[path];
    if (!page) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end('<h1>404</h1>');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(typeof page === 'function' ? page() : page);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { port, close: () => new Promise((r) => server.close(() => r())) };
}
