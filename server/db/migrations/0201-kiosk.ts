import { PostgresAdapter, type Kysely, type Migration } from 'kysely';

/**
 * The kiosk's tables. Replaces the foundation's thin-slice `households` (client id, commune, name only;
 * it held test rows, never real signups) with the full signup record and its hand-over facts.
 */
export const kiosk0201: Migration = {
  async up(db: Kysely<any>) {
    const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
    await db.schema.dropTable('households').ifExists().execute();
    await db.schema
      .createTable('households')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull().unique())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('commune_code', 'text', (c) => c.notNull().references('communes.code'))
      .addColumn('village', 'text', (c) => c.notNull())
      .addColumn('head_name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('id_number', 'text', (c) => c.notNull())
      .addColumn('id_kind', 'text', (c) => c.notNull())
      .addColumn('marketplace', 'text', (c) => c.notNull())
      .addColumn('shop_name', 'text', (c) => c.notNull())
      .addColumn('payment', 'text', (c) => c.notNull())
      .addColumn('has_payment_account', 'integer', (c) => c.notNull())
      // Products, VietGAP/OCOP/traceability and notes: shown and exported, never queried.
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('officer_name', 'text', (c) => c.notNull())
      .addColumn('registered_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('shop_url', 'text')
      .addColumn('shop_opened_at', 'text')
      .addColumn('payment_opened_at', 'text')
      .addColumn('products_listed_at', 'text')
      .execute();
    await db.schema.createIndex('households_commune_updated').on('households').columns(['commune_code', 'updated_at']).execute();
    await db.schema.createIndex('households_commune_phone').on('households').columns(['commune_code', 'phone']).execute();
    await db.schema.createIndex('households_id_number').on('households').column('id_number').execute();

    await db.schema
      .createTable('kiosk_device_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('officer_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('commune_codes', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createTable('kiosk_devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('enrolled_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('kiosk_device_communes')
      .addColumn('device_id', 'text', (c) => c.notNull().references('kiosk_devices.id'))
      .addColumn('commune_code', 'text', (c) => c.notNull().references('communes.code'))
      .addPrimaryKeyConstraint('kiosk_device_communes_pk', ['device_id', 'commune_code'])
      .execute();
    await db.schema
      .createTable('household_photos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_client_id', 'text', (c) => c.notNull().references('households.client_id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('bytes', bytes, (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('household_photos_household').on('household_photos').column('household_client_id').execute();
  },
};
