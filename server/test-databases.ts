import { afterAll, beforeAll, describe } from 'vitest';
import type { Db, DbKind } from './db';
import { createApp } from './app';
import { throwawayDatabase } from './testing/throwaway-database';

export interface TestDeps {
  db: Db;
  kind: DbKind;
  app: ReturnType<typeof createApp>;
}

/**
 * A fresh database of `kind` for the enclosing suite: opened before its tests, dropped after them. Call inside the
 * suite's describe; the returned function gives the database once the suite runs.
 */
export function freshDatabase(kind: DbKind): () => Db {
  let db: Db | undefined;
  let cleanup = async () => {};
  beforeAll(async () => {
    const database = await throwawayDatabase(kind);
    const opened = (await database.open()).db;
    db = opened;
    cleanup = async () => {
      await opened.destroy();
      await database.drop();
    };
  });
  afterAll(() => cleanup());
  return () => {
    if (!db) throw new Error('database not ready');
    return db;
  };
}

/** A fresh database on the real PostgreSQL that `npm test` starts, for a suite about PostgreSQL alone (its prepared statements, its plans). */
export const freshPostgres = (): (() => Db) => freshDatabase('postgres');

/**
 * Runs a suite against embedded SQLite and against the real PostgreSQL that `npm test` starts
 * (TEST_DATABASE_URL). Each suite gets its own fresh database.
 */
export function forEachDatabase(suite: (deps: () => TestDeps) => void) {
  const kinds: DbKind[] = ['sqlite', 'postgres'];
  for (const kind of kinds) {
    describe(kind, () => {
      const database = freshDatabase(kind);
      let deps: TestDeps | undefined;
      suite(() => {
        const db = database();
        return (deps ??= { db, kind, app: createApp({ db, dbKind: kind, startedAt: new Date() }) });
      });
    });
  }
}
