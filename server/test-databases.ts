import { afterAll, beforeAll, describe } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDb, type Db, type DbKind } from './db';
import { createApp } from './app';

export interface TestDeps {
  db: Db;
  kind: DbKind;
  app: ReturnType<typeof createApp>;
}

/**
 * Runs a suite against embedded SQLite and against the real PostgreSQL that `npm test` starts
 * (TEST_DATABASE_URL). Each suite gets its own fresh database.
 */
export function forEachDatabase(suite: (deps: () => TestDeps) => void) {
  const kinds: DbKind[] = ['sqlite', 'postgres'];
  for (const kind of kinds) {
    describe(kind, () => {
      let deps: TestDeps | undefined;
      let cleanup = async () => {};
      beforeAll(async () => {
        if (kind === 'sqlite') {
          const dir = mkdtempSync(join(tmpdir(), 'nongsan-so-test-'));
          const { db } = await openDb({ dataDir: dir });
          deps = { db, kind, app: createApp({ db, dbKind: kind, startedAt: new Date() }) };
          cleanup = async () => {
            await db.destroy();
            rmSync(dir, { recursive: true, force: true });
          };
        } else {
          const url = process.env.TEST_DATABASE_URL;
          if (!url) throw new Error('TEST_DATABASE_URL is not set: run the suite with `npm test`, which starts PostgreSQL.');
          const name = `t_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
          const admin = new pg.Client({ connectionString: url });
          await admin.connect();
          await admin.query(`CREATE DATABASE ${name}`);
          const u = new URL(url);
          u.pathname = `/${name}`;
          const { db } = await openDb({ dataDir: '', databaseUrl: u.toString() });
          deps = { db, kind, app: createApp({ db, dbKind: kind, startedAt: new Date() }) };
          cleanup = async () => {
            await db.destroy();
            await admin.query(`DROP DATABASE IF EXISTS ${name}`);
            await admin.end();
          };
        }
      });
      afterAll(() => cleanup());
      suite(() => {
        if (!deps) throw new Error('database not ready');
        return deps;
      });
    });
  }
}
