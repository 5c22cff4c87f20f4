import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { testCertificate } from './test-certificate';

/**
 * Serves marketplace fixture pages for the real host names, over TLS as the real sites are (with a certificate made
 * at test start, tests/e2e/test-certificate.ts) and over plain HTTP on the same port (to show the extension ignores
 * `http://` pages). Chromium maps langson.voso.vn and langson.postmart.vn to this port with --host-resolver-rules;
 * Firefox uses it as its proxy: "CONNECT langson.voso.vn:443" opens a tunnel that is then served over TLS here,
 * and plain HTTP requests come in absolute form ("GET https://langson.voso.vn/dat-hang"). Pages are keyed by
 * host + path, whatever the scheme.
 */
export type SitePages = Record<string, Record<string, string | (() => string)>>;

const libDir = fileURLToPath(new URL('../../lib/marketplaces/', import.meta.url));
export const fixture = (path: string) => readFileSync(libDir + path, 'utf8');

/** The first byte of a TLS connection (a handshake record); anything else is read as HTTP. */
const TLS_HANDSHAKE = 0x16;

export async function startMarketplaceServer(pages: SitePages): Promise<{ port: number; close(): Promise<void> }> {
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const page = pages[url.hostname]?.[url.pathname];
    if (!page) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end('<h1>404</h1>');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(typeof page === 'function' ? page() : page);
  };
  const { key, cert } = testCertificate();
  const tls = createHttpsServer({ key, cert }, serve);
  const plain = createHttpServer(serve);
  plain.on('connect', (_req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    tls.emit('connection', socket);
  });
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE ? tls : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
