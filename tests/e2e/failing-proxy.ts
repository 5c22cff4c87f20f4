import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A reverse proxy in front of the collector that answers 502 Bad Gateway (as nginx does when the collector is
 * restarting) while `failing` is true, and passes every request through once it is false. Counts what it refused
 * so a test knows the device really tried.
 */
export async function startFailingProxy(target: string, failing = true) {
  const state = { failing, refused: 0 };
  const to = new URL(target);
  const server = createServer((req, res) => {
    // The API only: a tablet's PWA shell and assets still load (nginx would serve them from disk).
    if (state.failing && req.url?.startsWith('/api/')) {
      state.refused++;
      req.resume();
      res.writeHead(502, { 'Content-Type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    }
    const upstream = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, host: to.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
