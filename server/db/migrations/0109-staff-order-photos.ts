import { PostgresAdapter, type Kysely, type Migration } from 'kysely';

/**
 * A photo of a self-declared order ("Khai báo đơn hàng" on a phone), the evidence the agency sees when it
 * reviews the order. One per order: sending it again replaces it.
 */
export const staffOrderPhotos0109: Migration = {
  async up(db: Kysely<any>) {
    const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
    await db.schema
      .createTable('staff_order_photos')
      .addColumn('order_id', 'text', (c) => c.primaryKey().references('staff_orders.id'))
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('bytes', bytes, (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
  },
};
