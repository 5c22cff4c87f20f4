import type { Server } from 'node:http';
import { serve, type HttpBindings } from '@hono/node-server';
import { readConfig } from './config';
import { openDb } from './db';
import { createApp } from './app';
import { servePwa } from './static';
import { loadRegion, useRegion } from './region';
import { admission } from './admission';
import { stopLimits } from './auth/rate-limit';
import { described, seconds, trackConnections, type Answering } from './connections';

/**
 * How long a turn of the event loop may take with the requests it starts (server/admission.ts): one new connection
 * is accepted per turn, so 5 ms lets 200 in a second.
 */
const turnMs = 5;

/**
 * How long a connection with no request in flight stays open: longer than the reverse proxies keep their idle
 * connections to the collector (60 s, deploy/nginx.conf and deploy/Caddyfile), so the proxy, not the collector, closes
 * them. Node's own 5 s closed them first: a request the proxy sent on one as it closed failed (nginx answers 502 to a
 * POST rather than send it twice), and every connection closed was opened again on the next burst, one accepted per
 * turn of the loop (above). Deadline day at full scale, 200 tablets' batches beside the orders: p99 2,0–2,5 s with
 * 144–200 of them on new connections, 2,9–3,4 s with the proxies' old 32 kept, 1,4–1,6 s on open ones (docs/scale.md,
 * "Connections held by the proxy").
 */
export const idleConnectionMs = 65_000;

/** Starts the collector: API under /api, the PWA at /. */
export async function startCollector(config = readConfig()) {
  const region = loadRegion(config.region);
  useRegion(region);
  const { db, kind } = await openDb({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, region });
  const app = createApp({ db, dbKind: kind, startedAt: new Date() });
  servePwa(app, config.pwaDir);
  // Each request is recorded once, by its connection (connections.ts), and counted here while its handler runs.
  const handling = inFlight(app.fetch, (env) => connections.answering(env.incoming, env.outgoing));
  const server = await listen(handling.fetch, config.port, config.host);
  const connections = trackConnections(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  let closing: Promise<void> | undefined;
  return {
    port,
    db,
    kind,
    /**
     * Stops taking connections, lets every request in flight finish (even one whose client has hung up: its
     * handler is still writing), then closes the database. Safe to call again (a second signal): the same stop.
     * Rejects, after closing the database, when the grace period ran out and requests were cut off.
     */
    close() {
      closing ??= (async () => {
        handling.stopping = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Connections with no request in flight would hold close() until their client drops them: those idle now,
        // and those that fall idle later (a response whose headers could not say "Connection: close"), until the
        // server has closed.
        connections.closeIdle();
        const sweep = setInterval(() => connections.closeIdle(), 50);
        void closed.then(() => clearInterval(sweep));
        let timer: NodeJS.Timeout | undefined;
        const graceful = await Promise.race([
          Promise.all([closed, handling.drained()]).then(() => true),
          new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), config.stopGraceMs))),
        ]);
        clearTimeout(timer);
        clearInterval(sweep);
        // What held the stop, for the operator's log: the handlers still running, the connections still open.
        const left = graceful ? '' : unfinished(handling.left(), connections.left());
        if (!graceful) server.closeAllConnections();
        stopLimits(db);
        await db.destroy();
        if (!graceful) throw new Error([`Hết ${seconds(config.stopGraceMs)} giây chờ: một số yêu cầu đã bị cắt ngang (thiết bị sẽ gửi lại).`, left].filter(Boolean).join(' '));
      })();
      return closing;
    },
  };
}

/** "Đang xử lý: POST /api/staff/orders, 25 giây. Kết nối còn mở: 127.0.0.1:51234: …" (the parts that have any). */
function unfinished(handlers: string[], open: string[]): string {
  const parts = [handlers.length ? `Đang xử lý: ${handlers.join('; ')}.` : '', open.length ? `Kết nối còn mở: ${open.join('; ')}.` : ''];
  return parts.filter(Boolean).join(' ');
}

/**
 * Counts requests being handled. A handler runs on after its client hangs up (the socket is gone, the batch is
 * half stored): the database must stay open until it ends. While stopping, answers ask the client to reconnect
 * elsewhere (`Connection: close`), so keep-alive connections end after their current request.
 */
function inFlight(fetch: (req: Request) => Response | Promise<Response>, record: (env: HttpBindings) => Answering) {
  let count = 0;
  const started = new Set<Answering>();
  let waiting: (() => void)[] = [];
  const turns = admission(turnMs);
  const state = {
    stopping: false,
    async fetch(req: Request, env: HttpBindings) {
      count++;
      const answering = record(env);
      started.add(answering);
      try {
        await turns.enter();
        const res = await fetch(req);
        if (state.stopping && !res.headers.has('Connection')) {
          try {
            res.headers.set('Connection', 'close');
          } catch {
            /* immutable headers (a fetched response): the idle connection is closed anyway */
          }
        }
        return res;
      } finally {
        started.delete(answering);
        if (--count === 0) for (const resolve of waiting.splice(0)) resolve();
      }
    },
    /** The requests still being handled: "POST /api/staff/orders, 25 giây". */
    left: (now = Date.now()) => [...started].map((answering) => described(answering, now)),
    drained: () => (count === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
  };
  return state;
}

/**
 * Listens on the configured address, or on IPv6 and IPv4 together ("::" is dual-stack on Linux), so "localhost"
 * answers whichever address a browser tries first; falls back to IPv4 only on hosts without IPv6.
 */
async function listen(fetch: (req: Request, env: HttpBindings) => Response | Promise<Response>, port: number, host: string | null): Promise<Server> {
  for (const hostname of host ? [host] : ['::', '0.0.0.0']) {
    // An HTTP/1 server (serve's default): its requests come with Node's IncomingMessage and ServerResponse.
    const server = serve({ fetch: (req, env) => fetch(req, env as HttpBindings), port, hostname }) as Server;
    server.keepAliveTimeout = idleConnectionMs;
    const ok = await new Promise<boolean>((resolve, reject) => {
      server.once('listening', () => resolve(true));
      server.once('error', (e: NodeJS.ErrnoException) => {
        if (hostname === '::' && (e.code === 'EAFNOSUPPORT' || e.code === 'EADDRNOTAVAIL')) resolve(false);
        else if (e.code === 'EADDRINUSE') reject(new Error(`Cổng ${port} đang được một chương trình khác dùng: dừng chương trình đó hoặc đặt PORT khác (port in use).`));
        else reject(e);
      });
    });
    if (ok) return server;
  }
  throw new Error('Không mở được cổng cho máy chủ.');
}
