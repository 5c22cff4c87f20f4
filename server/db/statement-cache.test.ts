import { describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { withStatementCache } from './statement-cache';

describe('SQLite statement cache', () => {
  const open = (size?: number) => {
    const file = new SQLite(':memory:');
    return new Kysely<any>({ dialect: new SqliteDialect({ database: withStatementCache(file, size) }) });
  };

  it('answers the same query again with fresh results, and sees a column added since', async () => {
    const db = open();
    await sql`create table t (a integer)`.execute(db);
    await db.insertInto('t').values({ a: 1 }).execute();
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([{ a: 1 }]);
    await db.insertInto('t').values({ a: 2 }).execute();
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([{ a: 1 }, { a: 2 }]);
    await sql`alter table t add column b text`.execute(db);
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([
      { a: 1, b: null },
      { a: 2, b: null },
    ]);
    await db.destroy();
  });

  it('runs a query again while the same one is still being read row by row', () => {
    const file = new SQLite(':memory:');
    const db = withStatementCache(file);
    db.prepare('create table t (a integer)').run([]);
    db.prepare('insert into t values (1), (2)').run([]);
    const read = 'select a from t order by a';
    const seen: unknown[] = [];
    for (const row of db.prepare(read).iterate([])) seen.push(row, db.prepare(read).all([]));
    expect(seen).toEqual([{ a: 1 }, [{ a: 1 }, { a: 2 }], { a: 2 }, [{ a: 1 }, { a: 2 }]]);
    db.close();
  });

  it('keeps only the most recent statements when full, and answers every query right', async () => {
    const db = open(2);
    await sql`create table t (a integer)`.execute(db);
    for (let i = 0; i < 5; i++) await db.insertInto('t').values({ a: i }).execute();
    for (let i = 0; i < 5; i++) expect(await db.selectFrom('t').select('a').where('a', '>=', i).execute()).toHaveLength(5 - i);
    expect(await db.selectFrom('t').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()).toEqual({ n: 5 });
    await db.destroy();
  });
});
