import { Kysely, SqliteDialect, PostgresDialect } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';

/**
 * An empty database with no migration run, for tests that upgrade a collector from an older schema: SQLite in
 * memory, or a fresh PostgreSQL database on TEST_DATABASE_URL (dropped by `drop`).
 */
export async function openBareDatabase(kind: 'sqlite' | 'postgres'): Promise<{ db: Kysely<any>; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    return { db, drop: () => db.destroy() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the suite with `npm test`, which starts PostgreSQL.');
  const name = `t_mig_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: u.toString(), max: 2 }) }) });
  return {
    db,
    drop: async () => {
      await db.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}
