import type { Kysely, Migration } from 'kysely';

/**
 * Issue 13, leading accounts ("tài khoản đầu tàu"): people or households with a shop whom Sở TT&TT nominates to
 * spread the practice in their commune, and, on each household the kiosk signs up, who guided it (one of those
 * accounts, the commune officer, or Bưu điện / Viettel Post staff). Households sent before this say nothing (null).
 */
export const leadingAccounts0601: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('leading_accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_code', 'text', (c) => c.notNull().references('communes.code'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('shop_url', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('nominated_by', 'text', (c) => c.notNull())
      .addColumn('nominated_at', 'text', (c) => c.notNull())
      .addColumn('retired_at', 'text')
      .execute();
    await db.schema.createIndex('leading_accounts_commune').on('leading_accounts').column('commune_code').execute();
    await db.schema.alterTable('households').addColumn('guided_by', 'text').execute();
    await db.schema.alterTable('households').addColumn('leading_account_id', 'text').execute();
    await db.schema.createIndex('households_leading_account').on('households').column('leading_account_id').execute();
  },
};
