import { Socket } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { CompiledQuery, sql } from 'kysely';
import type { Db } from '.';
import { deferred, prepared } from './prepared';
import { freshPostgres } from '../test-databases';

// The pool's client of a collector on PostgreSQL (openDb): what it sends as a named statement, and what it leaves alone.
describe('statements PostgreSQL keeps prepared on each connection', () => {
  const database = freshPostgres();

  /** The statements the connection keeps prepared, by their text. */
  const preparedOn = async (conn: Db) => (await sql<{ statement: string }>`select statement from pg_prepared_statements order by statement`.execute(conn)).rows.map((r) => r.statement);

  it('a registered text: prepared on its first use, the same one used again, each call with its own values', async () => {
    const db = database();
    const text = prepared('select $1::integer + 1 as next');
    await db.connection().execute(async (conn) => {
      const first = await conn.executeQuery<{ next: number }>(CompiledQuery.raw(text, [1]));
      const second = await conn.executeQuery<{ next: number }>(CompiledQuery.raw(text, [41]));
      expect(first.rows).toEqual([{ next: 2 }]);
      expect(second.rows).toEqual([{ next: 42 }]);
      expect((await preparedOn(conn)).filter((s) => s === text)).toEqual([text]);
    });
  });

  it('a text never registered: sent unnamed, nothing kept on the connection', async () => {
    const db = database();
    const text = 'select $1::integer * 2 as twice';
    await db.connection().execute(async (conn) => {
      expect((await conn.executeQuery<{ twice: number }>(CompiledQuery.raw(text, [21]))).rows).toEqual([{ twice: 42 }]);
      expect((await preparedOn(conn)).filter((s) => s === text)).toEqual([]);
    });
  });

  it('a registered statement that fails is refused with its error, and prepared anew after a rollback', async () => {
    const db = database();
    const text = prepared('select 1 / $1::integer as share');
    await db.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      await expect(conn.executeQuery(CompiledQuery.raw(text, [0]))).rejects.toThrow('division by zero');
      await sql`rollback`.execute(conn);
      expect((await conn.executeQuery<{ share: number }>(CompiledQuery.raw(text, [1]))).rows).toEqual([{ share: 1 }]);
    });
  });
  it('a deferred statement is answered at once with no rows; its failure is the answer of the statement after it', async () => {
    const db = database();
    const late = deferred('select 1 / $1::integer as deferred_share');
    await db.connection().execute(async (conn) => {
      expect((await conn.executeQuery(CompiledQuery.raw(late, [0]))).rows).toEqual([]);
      await expect(conn.executeQuery(CompiledQuery.raw('select 2 as after_it', []))).rejects.toThrow('division by zero');
      expect((await conn.executeQuery<{ next: number }>(CompiledQuery.raw('select 3 as next', []))).rows).toEqual([{ next: 3 }]);
    });
  });

  it('a read sent behind a deferred lock starts once the lock is held, and reads what its holder committed meanwhile', async () => {
    const db = database();
    await sql`create table deferred_probe (n integer)`.execute(db);
    const lock = deferred(prepared('select pg_advisory_xact_lock(4242, $1::integer)'));
    let seen: number | null = null;
    await db.connection().execute(async (holder) => {
      await sql`begin`.execute(holder);
      await sql`select pg_advisory_xact_lock(4242, 1)`.execute(holder);
      await sql`insert into deferred_probe values (1)`.execute(holder);
      const waiter = db.connection().execute(async (conn) => {
        await sql`begin`.execute(conn);
        await conn.executeQuery(CompiledQuery.raw(lock, [1]));
        seen = Number((await sql<{ n: string }>`select count(*) as n from deferred_probe`.execute(conn)).rows[0].n);
        await sql`commit`.execute(conn);
      });
      // The waiter's read is on its way behind the lock, which this connection still holds.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seen).toBe(null);
      await sql`commit`.execute(holder);
      await waiter;
    });
    expect(seen).toBe(1);
  });

  it('the statements asked in one turn of the loop leave in one write to PostgreSQL, and each gets its own answer', async () => {
    const db = database();
    const lock = deferred(prepared('select pg_advisory_xact_lock(4343, $1::integer)'));
    const read = prepared('select $1::integer * 3 as thrice');
    await db.connection().execute(async (conn) => {
      await sql`select 1`.execute(conn);
      // Every write of a socket, whichever way Node's stream makes it (one chunk, or several at once); the spies
      // still write.
      const one = vi.spyOn(Socket.prototype as unknown as { _write(...a: unknown[]): void }, '_write');
      const many = vi.spyOn(Socket.prototype as unknown as { _writev(...a: unknown[]): void }, '_writev');
      let writes: unknown[] = [];
      try {
        await conn.executeQuery(CompiledQuery.raw('begin', []));
        await conn.executeQuery(CompiledQuery.raw(lock, [7]));
        const answer = await conn.executeQuery<{ thrice: number }>(CompiledQuery.raw(read, [14]));
        expect(answer.rows).toEqual([{ thrice: 42 }]);
      } finally {
        writes = [...one.mock.contexts, ...many.mock.contexts];
        one.mockRestore();
        many.mockRestore();
      }
      expect(writes).toHaveLength(1);
      expect((await sql<{ locks: string }>`select count(*) as locks from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()`.execute(conn)).rows).toEqual([{ locks: '1' }]);
      await sql`commit`.execute(conn);
    });
  });
});
