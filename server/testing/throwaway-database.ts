/**
 * The one way tests and the bench get a database of their own and remove it: a SQLite folder under the temp dir, or
 * a new database on a PostgreSQL server (TEST_DATABASE_URL: the throwaway cluster scripts/ensure-tools.mjs starts,
 * or a server named by hand).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { openDb, type DbKind } from '../db';
import type { RegionPack } from '../../lib/region';

export interface ThrowawayDatabase {
  kind: DbKind;
  /** Where the collector finds it: its SQLite folder, or its PostgreSQL URL (null on SQLite). */
  dataDir: string;
  databaseUrl: string | null;
  /** The same, as the environment of a collector process or `npm run admin`. */
  env: { DATA_DIR: string; DATABASE_URL: string };
  /** Opened as the collector opens it: migrated, the region seeded. */
  open(opts?: { region?: RegionPack }): ReturnType<typeof openDb>;
  /** Opened with no migration run, for tests that upgrade a collector from an older schema. */
  openBare(): Kysely<any>;
  /** Empty again, as a lost disk or a dropped database leaves it (nothing may hold it open). */
  wipe(): Promise<void>;
  /** Removed, with every connection still open to it. */
  drop(): Promise<void>;
}

/** `server` only for PostgreSQL; TEST_DATABASE_URL unless given (the bench passes the cluster it started). */
export async function throwawayDatabase(kind: DbKind, server = process.env.TEST_DATABASE_URL): Promise<ThrowawayDatabase> {
  return kind === 'sqlite' ? sqliteFolder() : postgresDatabase(server);
}

function sqliteFolder(): ThrowawayDatabase {
  const dataDir = mkdtempSync(join(tmpdir(), 'nongsan-so-db-'));
  return {
    kind: 'sqlite',
    dataDir,
    databaseUrl: null,
    env: { DATA_DIR: dataDir, DATABASE_URL: '' },
    open: (opts = {}) => openDb({ dataDir, ...opts }),
    openBare: () => new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(join(dataDir, 'nongsan-so.sqlite')) }) }),
    async wipe() {
      for (const f of readdirSync(dataDir)) rmSync(join(dataDir, f), { recursive: true, force: true });
    },
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresDatabase(server: string | undefined): Promise<ThrowawayDatabase> {
  if (!server) throw new Error('TEST_DATABASE_URL is not set: run with `npm test` / `npm run bench`, which start PostgreSQL, or export it (README, Configuration).');
  const name = `t_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const onServer = async (statement: string) => {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  // A folder all the same: `npm run admin` and the collector want one even on PostgreSQL; nothing is written in it.
  const dataDir = mkdtempSync(join(tmpdir(), 'nongsan-so-db-'));
  return {
    kind: 'postgres',
    dataDir,
    databaseUrl,
    env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    open: (opts = {}) => openDb({ dataDir, databaseUrl, ...opts }),
    openBare: () => new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 2 }) }) }),
    async wipe() {
      await onServer(`DROP DATABASE ${name} WITH (FORCE)`);
      await onServer(`CREATE DATABASE ${name}`);
    },
    async drop() {
      // FORCE: a test that failed halfway may leave a pool open; the database goes all the same.
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
