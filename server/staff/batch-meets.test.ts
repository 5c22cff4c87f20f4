import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db';
import type { SubmittedOrder } from '../../lib/api/staff';
import { sampleOrder } from '../testing/seed';
import { whatTheBatchMeets } from './batch-meets';
import { freshPostgres } from '../test-databases';
import { hashToken, issueToken } from '../auth/tokens';

// A collector keeps the statement a batch's orders meet prepared on each connection (server/db/prepared.ts), and
// PostgreSQL may then run it with one plan for every call, made once. A new province's first batches make that plan
// while staff_orders holds a few hundred rows and no statistics; it stays until the table is next analysed.
describe('what a batch of orders meets, on PostgreSQL, with the plan made while the orders were few', () => {
  const database = freshPostgres();

  const addStaff = async (id: string) =>
    database().insertInto('staff').values({ id, agency_code: 'SNV', full_name: 'Nguyễn Văn An', installation_id: id, enrolment_code: 'TEST', enrolled_at: '2021-08-01T00:00:00Z' }).execute();

  /** `n` accepted voso orders of `staffId`, coded `prefix` 1…n, inserted as they are stored. */
  const addOrders = async (staffId: string, prefix: string, n: number, on: Db = database()) =>
    sql`insert into staff_orders (id, client_id, staff_id, agency_code, period_id, marketplace, order_code, placed_at, placed_on, source, order_status,
        shipping_fee, discount, total, content_hash, body, state, counted, farm_items, farm_quantity, farm_amount, farm_grams, farm_items_without_weight, received_at, updated_at)
      select ${prefix} || i, ${prefix} || i, ${staffId}, 'SNV', '2021-dot-1', 'voso', ${prefix} || i, '2021-08-20T03:15:00Z', '2021-08-20', 'detected', 'placed',
        20000, 0, 290000, 'h' || i, '{}', 'accepted', 1, 1, 2, 240000, 1000, 0, '2021-08-20T03:15:00Z', '2021-08-20T03:15:00Z'
      from generate_series(1, ${n}::integer) i`.execute(on);

  /**
   * `work` in a transaction on `conn`, as a submission runs it, and what the transaction read of staff_orders meanwhile
   * (rows read by sequential scans, rows fetched through indexes).
   */
  const submissionLike = async (conn: Db, work: () => Promise<unknown>) => {
    await sql`begin`.execute(conn);
    await work();
    const { rows } = await sql<{ seq_tup_read: string; idx_tup_fetch: string }>`select seq_tup_read, idx_tup_fetch from pg_stat_xact_user_tables where relname = 'staff_orders'`.execute(conn);
    await sql`commit`.execute(conn);
    return { seq_tup_read: Number(rows[0].seq_tup_read), idx_tup_fetch: Number(rows[0].idx_tup_fetch) };
  };

  it('finds the claims of its marketplace orders by their codes, not by reading every order of the marketplace', { timeout: 30_000 }, async () => {
    const db = database();
    const person = randomUUID();
    const others = randomUUID();
    await addStaff(person);
    await addStaff(others);
    // The batch finds its person from their token, as a request does.
    const tokenHash = hashToken((await issueToken(db, { role: 'staff', subjectId: person, agencyCode: 'SNV' }, null)).token);
    // A new province's first few hundred orders: what the table holds when the plan is made.
    await addOrders(others, 'VSE', 300);

    // The batch: 20 voso orders, one of them a code another person claimed already.
    const batch = Array.from({ length: 20 }, (_, i) => sampleOrder(i === 0 ? { orderCode: 'VSE1' } : {})) as SubmittedOrder[];
    const met = await whatTheBatchMeets(db, tokenHash, batch, true);
    expect([...met.claims.keys()]).toEqual(['voso\u0000VSE1']);

    // One connection, as a collector's pool keeps them: its first calls, then the same call once the table has grown.
    const read = await db.connection().execute(async (conn) => {
      const call = () => submissionLike(conn, () => whatTheBatchMeets(conn, tokenHash, batch, true));
      for (let i = 0; i < 10; i++) await call();
      // A campaign's worth of voso orders later (no analyse in between, as within autovacuum's minute).
      await addOrders(others, 'VSX', 3000, conn);
      // The counts below are the backend's still unsent ones, which may include earlier transactions': sent first.
      await sql`select pg_stat_force_next_flush()`.execute(conn);
      return call();
    });
    // What the last call read of staff_orders: only the one order claimed before, through an index.
    expect(read).toEqual({ seq_tup_read: 0, idx_tup_fetch: 1 });
  });
});

