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
  const server = serve({ fetch: app.fetch, port: config.port, hostname: '0.0.0.0' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
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
