import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from './schema';
import { migrateToLatest } from './migrate';
import { sqliteDialect } from './sqlite-dialect';
import { seedRegion } from './seed-region';
import { langSon, type RegionPack } from '../../lib/region';
import { PreparingClient } from './prepared';
import { checkpointInBackground } from './wal-checkpoint';

export type Db = Kysely<Database>;
export type DbKind = 'sqlite' | 'postgres';

/** The driver under a Kysely instance, for libraries that speak to it directly (rate-limiter-flexible's stores). */
export type StoreClient = { kind: 'postgres'; pool: pg.Pool } | { kind: 'sqlite'; file: SQLite.Database };
const storeClients = new WeakMap<Db, StoreClient>();
export function storeClientOf(db: Db): StoreClient {
  const client = storeClients.get(db);
  if (!client) throw new Error('This database was not opened with openDb.');
  return client;
}

/**
 * SQLite file under dataDir by default; PostgreSQL when a connection URL is given. An empty database is seeded with
 * the region pack (Lạng Sơn unless told).
 */
export async function openDb(opts: { dataDir: string; databaseUrl?: string | null; region?: RegionPack }): Promise<{ db: Db; kind: DbKind }> {
  let db: Db;
  let kind: DbKind;
  if (opts.databaseUrl) {
    kind = 'postgres';
    const pool = postgresPool(opts.databaseUrl);
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    storeClients.set(db, { kind, pool });
  } else {
    kind = 'sqlite';
    mkdirSync(opts.dataDir, { recursive: true });
    const file = new SQLite(join(opts.dataDir, 'nongsan-so.sqlite'));
    // WAL keeps readers (dashboards) from blocking the writer (submissions).
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = NORMAL');
    file.pragma('foreign_keys = ON');
    file.pragma('busy_timeout = 5000');
    // A statement that may stop halfway inside a transaction (a tablet's batch with its unique keys) keeps its undo
    // journal in memory, not in a temporary file made and deleted each time (strace, a full-scale run: 203 files
    // deleted, 6 with it).
    file.pragma('temp_store = MEMORY');
    // The checkpoint runs on a thread of its own (wal-checkpoint.ts); the automatic one is its safety net.
    db = new Kysely<Database>({ dialect: sqliteDialect(file, checkpointInBackground(file)) });
    storeClients.set(db, { kind, file });
  }
  await prepare(db, kind, (d) => seedRegion(d, opts.region ?? langSon)).catch(async (e) => {
    await db.destroy();
    throw e;
  });
  return { db, kind };
}

/**
 * Brings the schema up to date and seeds the region. Several instances may start together on one PostgreSQL
 * (a province adding machines, a restart of all of them): a session advisory lock lets one do it while the others
 * wait, then find the work done. SQLite has one process by construction.
 */
async function prepare(db: Db, kind: DbKind, seed: (db: Db) => Promise<void>) {
  if (kind === 'sqlite') {
    await migrateToLatest(db);
    await seed(db);
    return;
  }
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${migrationLockKey})`.execute(conn);
    try {
      await migrateToLatest(conn);
      await seed(conn);
    } finally {
      await sql`select pg_advisory_unlock(${migrationLockKey})`.execute(conn);
    }
  });
}

/** The advisory lock's key: any fixed number, the same in every instance of this program. */
const migrationLockKey = 7_246_180_014;

function postgresPool(connectionString: string) {
  // Pipeline mode: a statement whose answer is not waited for (prepared.ts, `deferred`) goes out with the next one.
  const pool = new pg.Pool({ connectionString, max: 10, Client: PreparingClient, pipeline: true });
  // An idle connection dropped by the server (restart, failover, admin) must not take the collector down:
  // the pool discards it and opens a new one on the next query.
  pool.on('error', (e) => console.error(`PostgreSQL: mất một kết nối nhàn rỗi (${e.message}); sẽ kết nối lại.`));
  return pool;
}
