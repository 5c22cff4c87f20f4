import { serve } from '@hono/node-server';
import { readConfig } from './config';
import { openDb } from './db';
import { createApp } from './app';
import { servePwa } from './static';

/** Starts the collector: API under /api, the PWA at /. */
export async function startCollector(config = readConfig()) {
  const { db, kind } = await openDb({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const app = createApp({ db, dbKind: kind, startedAt: new Date() });
  servePwa(app, config.pwaDir);
  const server = await listen(app.fetch, config.port);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    port,
    db,
    kind,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
    },
  };
}

/**
 * Listens on IPv6 and IPv4 together ("::" is dual-stack on Linux), so "localhost" answers whichever address a
 * browser tries first; falls back to IPv4 only on hosts without IPv6.
 */
async function listen(fetch: (req: Request) => Response | Promise<Response>, port: number) {
  for (const hostname of ['::', '0.0.0.0']) {
    const server = serve({ fetch, port, hostname });
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
