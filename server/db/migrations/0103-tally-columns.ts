import type { Kysely, Migration } from 'kysely';

/**
 * Farm-product lines without a known weight (the kg figure is an estimate; reports say how many are
 * missing), and a covering index so tallies and the province roll-up read the index alone.
 */
export const tallyColumns0103: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('staff_orders').addColumn('farm_items_without_weight', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema
      .createIndex('staff_orders_tally')
      .on('staff_orders')
      .columns(['period_id', 'counted', 'agency_code', 'staff_id', 'farm_items', 'farm_quantity', 'farm_amount', 'farm_grams', 'farm_items_without_weight'])
      .execute();
  },
};
