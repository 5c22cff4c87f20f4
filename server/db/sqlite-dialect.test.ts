import { afterEach, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { keptStatements, sqliteDialect, Turns } from './sqlite-dialect';

interface Tables {
  notes: { id: number; text: string };
}

let file: SQLite.Database;
let prepared: string[];
let db: Kysely<Tables>;

async function open() {
  file = new SQLite(':memory:');
  prepared = [];
  const prepare = file.prepare.bind(file);
  file.prepare = ((text: string) => (prepared.push(text), prepare(text))) as typeof file.prepare;
  db = new Kysely<Tables>({ dialect: sqliteDialect(file) });
  await sql`create table notes (id integer primary key, text text not null)`.execute(db);
  prepared.length = 0;
}

afterEach(async () => {
  await db?.destroy();
});

describe('the one SQLite connection, first come first served', () => {
  it('hands the connection to waiters in the order they asked, before anyone asking later', async () => {
    const turns = new Turns();
    const order: string[] = [];
    await turns.take();
    const ask = (name: string) => void turns.take().then(() => order.push(name));
    ask('a');
    ask('b');
    ask('c');
    turns.pass();
    // Asks right after the release, as a request running its next query does.
    ask('late');
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setImmediate(r));
      turns.pass();
    }
    expect(order).toEqual(['a', 'b', 'c', 'late']);
  });

  it('takes requests running several queries in turns: each waits behind those that asked before it', async () => {
    await open();
    // Five requests at once, three queries each: every first query runs before any second one, and so on.
    await Promise.all(
      ['r0', 'r1', 'r2', 'r3', 'r4'].map(async (request) => {
        for (const query of ['q0', 'q1', 'q2']) await db.insertInto('notes').values({ id: null as never, text: `${request} ${query}` }).execute();
      }),
    );
    const ran = (await db.selectFrom('notes').select('text').orderBy('id').execute()).map((r) => r.text);
    expect(ran).toEqual(['q0', 'q1', 'q2'].flatMap((q) => ['r0', 'r1', 'r2', 'r3', 'r4'].map((r) => `${r} ${q}`)));
  });

  it('keeps other requests out of an open transaction: a rolled-back transaction leaves their rows', async () => {
    await open();
    let outside: Promise<unknown> | undefined;
    await db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('notes').values({ id: 1, text: 'in the transaction' }).execute();
        outside = db.insertInto('notes').values({ id: 2, text: 'another request' }).execute();
        await new Promise((r) => setImmediate(r));
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await outside;
    expect(await db.selectFrom('notes').selectAll().execute()).toEqual([{ id: 2, text: 'another request' }]);
  });
});

describe('statements prepared once', () => {
  it('prepares a query once however often it runs, with its own values each time', async () => {
    await open();
    for (let i = 1; i <= 5; i++) await db.insertInto('notes').values({ id: i, text: `note ${i}` }).execute();
    const two = await db.selectFrom('notes').select('text').where('id', '=', 2).executeTakeFirst();
    const four = await db.selectFrom('notes').select('text').where('id', '=', 4).executeTakeFirst();
    expect([two?.text, four?.text]).toEqual(['note 2', 'note 4']);
    expect(prepared).toEqual(['insert into "notes" ("id", "text") values (?, ?)', 'select "text" from "notes" where "id" = ?']);
  });

  it('keeps a bounded number: the least recently used is prepared again', async () => {
    await open();
    const list = (n: number) => db.selectFrom('notes').select('id').where('id', 'in', Array.from({ length: n }, (_, i) => i)).execute();
    for (let n = 1; n <= keptStatements; n++) await list(n);
    await list(1);
    expect(prepared).toHaveLength(keptStatements);
    // One more text pushes out the least recently used one (two items), not the one just used (one item).
    await list(keptStatements + 1);
    await list(1);
    expect(prepared).toHaveLength(keptStatements + 1);
    await list(2);
    expect(prepared).toHaveLength(keptStatements + 2);
  });

  it('answers counts of changed rows as Kysely does', async () => {
    await open();
    await db.insertInto('notes').values([{ id: 1, text: 'a' }, { id: 2, text: 'b' }]).execute();
    const res = await db.updateTable('notes').set({ text: 'c' }).where('id', '<=', 2).executeTakeFirst();
    expect(res.numUpdatedRows).toBe(2n);
  });
});
