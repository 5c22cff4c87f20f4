import type { Kysely, Migration } from 'kysely';

/**
 * The collector's own checks (issue 10). Per order: `checks`, JSON of server/staff/check-order.ts OrderCheck[]
 * (holds and notes, each with its numbered code). Per item: the shared classifier's verdict and the agency's
 * override with who, when and why. Per period: the province's plausibility limits (defaults 30 orders,
 * 20.000.000 ₫ per person). Rows stored before this keep their client verdict (farm_verdict null).
 */
export const orderChecks0105: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('staff_orders').addColumn('checks', 'text').execute();
    await db.schema.alterTable('staff_order_items').addColumn('farm_verdict', 'integer').execute();
    await db.schema.alterTable('staff_order_items').addColumn('farm_override', 'integer').execute();
    await db.schema.alterTable('staff_order_items').addColumn('override_by', 'text').execute();
    await db.schema.alterTable('staff_order_items').addColumn('override_by_name', 'text').execute();
    await db.schema.alterTable('staff_order_items').addColumn('override_at', 'text').execute();
    await db.schema.alterTable('staff_order_items').addColumn('override_note', 'text').execute();
    await db.schema.alterTable('periods').addColumn('max_orders_per_person', 'integer', (c) => c.notNull().defaultTo(30)).execute();
    await db.schema.alterTable('periods').addColumn('max_amount_per_person', 'bigint', (c) => c.notNull().defaultTo(20_000_000)).execute();
  },
};
