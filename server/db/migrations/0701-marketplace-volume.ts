import type { Kysely, Migration } from 'kysely';

/**
 * The marketplaces' own volume as their operators report it (a day or a week), kept in kg as an integer so both
 * databases add it up exactly. One marketplace's reports never cover the same day twice (checked on insert).
 */
export const marketplaceVolume0701: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('marketplace_volumes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('marketplace', 'text', (c) => c.notNull())
      .addColumn('span', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('kg', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('marketplace_volumes_by_day').on('marketplace_volumes').columns(['marketplace', 'starts_on']).execute();
  },
};
