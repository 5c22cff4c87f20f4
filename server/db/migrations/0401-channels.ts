import type { Kysely, Migration } from 'kysely';

/**
 * Progress from every channel (issue 13): the operators' lists of shops and payment accounts, the columns picked
 * once per operator, the campaign's phases (which districts must reach the target by which deadline), and the
 * district accounts that import and watch their own district.
 */
export const channels0401: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('operator_column_maps')
      .addColumn('operator', 'text', (c) => c.primaryKey())
      // JSON: field → header text of its column.
      .addColumn('columns', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('operator_imports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('operator', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('imported_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('rows', 'integer', (c) => c.notNull())
      .addColumn('added', 'integer', (c) => c.notNull())
      .addColumn('changed', 'integer', (c) => c.notNull())
      .addColumn('unchanged', 'integer', (c) => c.notNull())
      .addColumn('refused', 'integer', (c) => c.notNull())
      .execute();
    // One row per household an operator lists; phone and ID only as the hashes the kiosk's roster uses.
    await db.schema
      .createTable('operator_households')
      .addColumn('operator', 'text', (c) => c.notNull())
      .addColumn('row_key', 'text', (c) => c.notNull())
      .addColumn('commune_code', 'text', (c) => c.notNull().references('communes.code'))
      .addColumn('head_name', 'text', (c) => c.notNull())
      .addColumn('phone_hash', 'text')
      .addColumn('id_hash', 'text')
      .addColumn('shop_id', 'text')
      .addColumn('shop_url', 'text')
      .addColumn('shop_opened', 'integer', (c) => c.notNull())
      .addColumn('payment_opened', 'integer', (c) => c.notNull())
      .addColumn('products_listed', 'integer', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('import_id', 'text', (c) => c.notNull().references('operator_imports.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('operator_households_pk', ['operator', 'row_key'])
      .execute();
    await db.schema.createIndex('operator_households_commune').on('operator_households').column('commune_code').execute();
    await db.schema
      .createTable('phases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text')
      .addColumn('deadline', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('phase_districts')
      .addColumn('phase_id', 'text', (c) => c.notNull().references('phases.id'))
      .addColumn('district_code', 'text', (c) => c.notNull().references('districts.code'))
      .addPrimaryKeyConstraint('phase_districts_pk', ['phase_id', 'district_code'])
      .execute();
    await db.schema
      .createTable('user_districts')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
      .addColumn('district_code', 'text', (c) => c.notNull().references('districts.code'))
      .execute();
  },
};
