import type { Kysely, Migration } from 'kysely';
import { rebuildProgress } from '../../channels/progress-store';

/**
 * Every channel's progress stored per commune (server/channels/progress-store.ts), kept by the writes that change it,
 * so progress screens stop matching the whole province's households on each request. Households keep their phone's
 * and ID's hashes to be found from an operator's row; both kinds of record get the match key a retention
 * purge leaves in place of the hashes it removes. The figures of the data already there are counted here.
 */
export const channelProgress0821: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('households').addColumn('phone_hash', 'text').execute();
    await db.schema.alterTable('households').addColumn('id_hash', 'text').execute();
    await db.schema.alterTable('households').addColumn('match_key', 'text').execute();
    await db.schema.alterTable('operator_households').addColumn('match_key', 'text').execute();
    await db.schema.createIndex('households_phone_hash').on('households').column('phone_hash').execute();
    await db.schema.createIndex('operator_households_phone_hash').on('operator_households').column('phone_hash').execute();
    await db.schema.createIndex('households_id_hash').on('households').column('id_hash').execute();
    await db.schema.createIndex('households_match_key').on('households').column('match_key').execute();
    await db.schema.createIndex('operator_households_id_hash').on('operator_households').column('id_hash').execute();
    await db.schema.createIndex('operator_households_match_key').on('operator_households').column('match_key').execute();
    await db.schema
      .createTable('commune_progress')
      .addColumn('commune_code', 'text', (c) => c.primaryKey().references('communes.code'))
      .addColumn('signed_up', 'integer', (c) => c.notNull())
      .addColumn('shops', 'integer', (c) => c.notNull())
      .addColumn('payments', 'integer', (c) => c.notNull())
      .addColumn('both', 'integer', (c) => c.notNull())
      .addColumn('products_listed', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('commune_channel_progress')
      .addColumn('commune_code', 'text', (c) => c.notNull().references('communes.code'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('households', 'integer', (c) => c.notNull())
      .addColumn('shops', 'integer', (c) => c.notNull())
      .addColumn('payments', 'integer', (c) => c.notNull())
      .addColumn('products_listed', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('commune_channel_progress_pk', ['commune_code', 'channel'])
      .execute();
    await rebuildProgress(db);
  },
};
