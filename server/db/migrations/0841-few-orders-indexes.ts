import { sql, type Kysely, type Migration } from 'kysely';

/**
 * An agency's participant list and its export count, per person, the self-declared orders and those awaiting the
 * agency's review. Both are few, but no index held them apart: EXPLAIN (ANALYZE, BUFFERS) for an agency of 28,385
 * people × 3 orders showed each count reading every order (PostgreSQL: Seq Scan, 12,165 pages, 44–50 ms; SQLite: an
 * index on the agency, then each of its orders' rows, 32–87 ms). Partial indexes hold just those orders, so both counts read a
 * handful of entries (under 0.1 ms), and cost nothing to orders that are neither.
 * The self-declared one's columns match the tally's equality terms (period, counted, agency): SQLite's planner picks
 * the index with the most of them, and would keep the covering index otherwise.
 */
export const fewOrdersIndexes0841: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createIndex('staff_orders_self_declared')
      .on('staff_orders')
      .columns(['period_id', 'counted', 'agency_code', 'staff_id'])
      .where(sql.ref('source'), '=', sql.lit('manual'))
      .execute();
    await db.schema
      .createIndex('staff_orders_awaiting_review')
      .on('staff_orders')
      .columns(['agency_code', 'period_id', 'staff_id'])
      .where((eb) => eb.and([eb(sql.ref('state'), '=', sql.lit('flagged')), eb(sql.ref('review'), 'is', null)]))
      .execute();
  },
};
