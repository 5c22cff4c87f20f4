import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * PostgreSQL: tallies and the province roll-up read staff_orders through the covering index staff_orders_tally
 * (migration 0103) and never the table, but only for pages the visibility map marks all-visible; on the others each
 * order costs a visit to the table (EXPLAIN (ANALYZE, BUFFERS) of the roll-up over 85,155 orders: 85,694 buffers
 * with none marked, 539 with all). By default autovacuum marks them after the table grew by a fifth, hours into a
 * deadline day; here after 1% (or 1,000 orders), and its statistics follow at 2%.
 */
export const ordersVisibility0822: Migration = {
  async up(db: Kysely<any>) {
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
    await sql`alter table staff_orders set (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_insert_threshold = 1000, autovacuum_analyze_scale_factor = 0.02)`.execute(db);
  },
};
