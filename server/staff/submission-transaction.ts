import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../db';
import type { SubmittedOrder } from '../../lib/api/staff';

/**
 * The transaction a person's batch of orders is judged and stored in.
 *
 * On PostgreSQL, requests run side by side: a person's submissions, and every claim of the same marketplace order,
 * are taken one at a time (transaction advisory locks, in one order so two requests never wait on each other). The
 * second of two identical submissions then finds the first stored (same answer, or 409.1), and the second claim of a
 * marketplace order finds the first. The locks are taken in their own statement, before anything is read: a statement
 * reads what was committed when it started, so a read in the same statement as the lock would miss what the holder
 * committed while it waited. BEGIN and the locks go in one round trip (a simple query of two statements, each with its
 * own snapshot; the keys are literals, as a simple query carries no parameters).
 *
 * SQLite runs one transaction at a time by itself, and a round trip costs nothing there.
 */
export async function submissionTransaction<T>(db: Db, staffId: string, orders: readonly SubmittedOrder[], work: (trx: Db) => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return db.transaction().execute(work);
  return db.connection().execute(async (conn) => {
    // (PostgreSQL text holds no NUL: the keys are spelt with spaces; a marketplace's name has none.)
    const keys = [`staff ${staffId}`, ...orders.filter((o) => o.orderCode).map((o) => `claim ${o.marketplace} ${o.orderCode}`)];
    const values = keys.map((k) => `(${escapedLiteral(k)})`).join(', ');
    await sql.raw(`begin; select pg_advisory_xact_lock(${submissionLocks}, h) from (select distinct hashtext(k) as h from (values ${values}) as t (k)) as keys order by h`).execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (e) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw e;
    }
  });
}

/** The first key of the two-key advisory locks taken here (the migration lock uses the one-key form). */
const submissionLocks = 140_802;

/**
 * A text as a PostgreSQL escape-string literal: backslashes and quotes escaped, so it reads the same whatever
 * standard_conforming_strings says. (The texts come from validated orders: no control characters, no NUL.)
 */
export const escapedLiteral = (text: string) => `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
