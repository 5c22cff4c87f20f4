import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Db } from '../db';
import type { SubmittedOrder } from '../../lib/api/staff';
import { deferred, prepared } from '../db/prepared';

/**
 * The transaction a person's batch of orders is judged and stored in.
 *
 * On PostgreSQL, requests run side by side: a person's submissions, and every claim of the same marketplace order,
 * are taken one at a time (transaction advisory locks, in one order so two requests never wait on each other). The
 * second of two identical submissions then finds the first stored (same answer, or 409.1), and the second claim of a
 * marketplace order finds the first. The locks are taken in their own statement, before anything is read: a statement
 * reads what was committed when it started, so a read in the same statement as the lock would miss what the holder
 * committed while it waited. BEGIN and the locks are not waited for (server/db/prepared.ts, `deferred`): they go on the
 * same round trip as the batch's first read, which PostgreSQL starts once the locks are held.
 *
 * SQLite runs one transaction at a time by itself, and a round trip costs nothing there.
 */
export async function submissionTransaction<T>(db: Db, tokenHash: string, orders: readonly SubmittedOrder[], work: (trx: Db) => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return db.transaction().execute(work);
  return db.connection().execute(async (conn) => {
    // (PostgreSQL text holds no NUL: the keys are spelt with spaces; a marketplace's name has none.)
    const claims = orders.filter((o) => o.orderCode).map((o) => `claim ${o.marketplace} ${o.orderCode}`);
    await conn.executeQuery(CompiledQuery.raw('begin'));
    await conn.executeQuery(CompiledQuery.raw(locking, [claims, tokenHash]));
    try {
      const result = await work(conn);
      await conn.executeQuery(CompiledQuery.raw('commit'));
      return result;
    } catch (e) {
      await conn.executeQuery(CompiledQuery.raw('rollback')).catch(() => {});
      throw e;
    }
  });
}

/** The first key of the two-key advisory locks taken here (the migration lock uses the one-key form). */
const submissionLocks = 140_802;

/**
 * The batch's locks, in the order of their hashes: the person's, found from their token's hash ($2), whose check may
 * still be on its way (a token's person is written once, when it is issued; a token that is no person's adds no
 * lock, and its request stores nothing), and the claims' ($1); one text whatever their number.
 */
const locking = deferred(
  prepared(
    `select pg_advisory_xact_lock(${submissionLocks}, h) from (select distinct hashtext(k) as h from unnest($1::text[] || ` +
      `array(select 'staff ' || subject_id from tokens where token_hash = $2::text and role = 'staff')) as t (k)) as keys order by h`,
  ),
);
