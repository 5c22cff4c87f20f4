// A collector of its own for a scenario, on SQLite or on a fresh PostgreSQL database, that can be stopped and
// started again on the same data and port (the fault tests).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startCollector } from '../../server/collector';
import { readConfig } from '../../server/config';

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

/** A fresh database on TEST_DATABASE_URL's server (which `npm test` starts), as server/test-databases.ts does. */
async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run with `npm test`, or export it (see README) for the PostgreSQL scenario.');
  const name = `e2e_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      // Without FORCE: terminating a connection a closing collector still holds would surface as an uncaught
      // "terminating connection due to administrator command" in whichever test runs next. A database left
      // behind costs nothing in the throwaway test cluster.
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => {});
      await c.end();
    },
  };
}

export async function startScenarioCollector(kind: 'sqlite' | 'postgres'): Promise<ScenarioCollector> {
  const dataDir = mkdtempSync(join(tmpdir(), `nongsan-so-scenario-${kind}-`));
  const database = kind === 'postgres' ? await freshPostgres() : null;
  const start = (port: number) => startCollector({ ...readConfig(), port, dataDir, databaseUrl: database?.url ?? null });
  let running: Awaited<ReturnType<typeof startCollector>> | null = await start(0);
  const port = running.port;
  const self: ScenarioCollector = {
    kind,
    url: `http://localhost:${port}`,
    port,
    dataDir,
    databaseUrl: database?.url ?? null,
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
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}
