import type { Kysely, Migration } from 'kysely';

/**
 * Staff (civil servants enrolled through the extension), the codes agencies give them, their submitted
 * orders and items, adapter rules served to the extension, and broken-page reports.
 * Money columns are bigint (integer VND); PostgreSQL returns them as strings, so readers convert.
 */
export const staffOrders0101: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('enrolment_codes')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
      .addColumn('label', 'text')
      .addColumn('max_uses', 'integer', (c) => c.notNull())
      .addColumn('used_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('enrolment_codes_agency').on('enrolment_codes').columns(['agency_code', 'created_at']).execute();

    await db.schema
      .createTable('staff')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('installation_id', 'text', (c) => c.notNull())
      .addColumn('enrolment_code', 'text', (c) => c.notNull())
      .addColumn('enrolled_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('staff_installation_agency', ['installation_id', 'agency_code'])
      .execute();

    await db.schema
      .createTable('staff_orders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
      .addColumn('agency_code', 'text', (c) => c.notNull())
      .addColumn('period_id', 'text', (c) => c.notNull())
      .addColumn('marketplace', 'text', (c) => c.notNull())
      .addColumn('order_code', 'text')
      .addColumn('placed_at', 'text')
      // Vietnam-time date the order counts on (placedAt, or the day it arrived when the page gave none).
      .addColumn('placed_on', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('order_status', 'text', (c) => c.notNull())
      .addColumn('shipping_fee', 'bigint')
      .addColumn('discount', 'bigint')
      .addColumn('total', 'bigint')
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      // accepted | flagged | withdrawn; the agency's review (counted | excluded) overrides a flag.
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('flag_reason', 'text')
      .addColumn('review', 'text')
      .addColumn('review_note', 'text')
      .addColumn('reviewed_by', 'text')
      .addColumn('reviewed_at', 'text')
      // What this order adds to a tally (lib/tally.ts), kept with the row so roll-ups are plain sums.
      .addColumn('counted', 'integer', (c) => c.notNull())
      .addColumn('farm_items', 'integer', (c) => c.notNull())
      .addColumn('farm_quantity', 'integer', (c) => c.notNull())
      .addColumn('farm_amount', 'bigint', (c) => c.notNull())
      .addColumn('farm_grams', 'bigint', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('staff_orders_client', ['staff_id', 'client_id'])
      .execute();
    await db.schema.createIndex('staff_orders_agency_period').on('staff_orders').columns(['agency_code', 'period_id']).execute();
    await db.schema.createIndex('staff_orders_claim').on('staff_orders').columns(['marketplace', 'order_code']).execute();
    await db.schema.createIndex('staff_orders_day').on('staff_orders').columns(['placed_on']).execute();

    await db.schema
      .createTable('staff_order_items')
      .addColumn('order_id', 'text', (c) => c.notNull().references('staff_orders.id'))
      .addColumn('line_no', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('unit_price', 'bigint', (c) => c.notNull())
      .addColumn('line_total', 'bigint', (c) => c.notNull())
      .addColumn('shop', 'text')
      .addColumn('product_url', 'text')
      .addColumn('weight_grams', 'integer')
      .addColumn('is_farm_product', 'integer', (c) => c.notNull())
      .addColumn('excluded', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('staff_order_items_pk', ['order_id', 'line_no'])
      .execute();

    await db.schema
      .createTable('adapter_rules')
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('sites', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('page_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('agency_code', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('page_type', 'text', (c) => c.notNull())
      .addColumn('structure', 'text', (c) => c.notNull())
      .addColumn('extension_version', 'text', (c) => c.notNull())
      .addColumn('rules_version', 'text')
      .addColumn('note', 'text')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('page_reports_client', ['staff_id', 'client_id'])
      .execute();
  },
};
