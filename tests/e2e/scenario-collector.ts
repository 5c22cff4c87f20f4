// A collector of its own for a scenario, on SQLite or on a fresh PostgreSQL database, that can be stopped and
// started again on the same data and port (the fault tests).
import { startCollector } from '../../server/collector';
import { readConfig } from '../../server/config';
import { throwawayDatabase } from '../../server/testing/throwaway-database';

export interface ScenarioCollector {
  kind: 'sqlite' | 'postgres';
  url: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  db: Awaited<ReturnType<typeof startCollector>>['db'];
  /** Stops the server and closes the database, keeping the data. */
  stop(): Promise<void>;
  /** Starts a new collector process-alike on the same data and port. */
  restart(): Promise<void>;
  /** Stops and deletes the data. */
  close(): Promise<void>;
}

/**
 * `server`: the PostgreSQL server its database is made on (TEST_DATABASE_URL unless given); `pwaDir`: the built PWA
 * it serves, when not dist/pwa.
 */
export async function startScenarioCollector(kind: 'sqlite' | 'postgres', opts: { server?: string; pwaDir?: string } = {}): Promise<ScenarioCollector> {
  const database = await throwawayDatabase(kind, opts.server);
  const { dataDir, databaseUrl } = database;
  const config = readConfig();
  const start = (port: number) => startCollector({ ...config, pwaDir: opts.pwaDir ?? config.pwaDir, port, dataDir, databaseUrl });
  let running: Awaited<ReturnType<typeof startCollector>> | null = await start(0);
  const port = running.port;
  const self: ScenarioCollector = {
    kind,
    url: `http://localhost:${port}`,
    port,
    dataDir,
    databaseUrl,
    db: running.db,
    async stop() {
      await running?.close();
      running = null;
    },
    async restart() {
      running = await start(port);
      self.db = running.db;
    },
    async close() {
      await self.stop();
      await database.drop();
    },
  };
  return self;
}
