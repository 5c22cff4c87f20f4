import type { Kysely, Migration } from 'kysely';

/**
 * An agency enters its own headcount (Tổng số CB, CC, VC, NLĐ, kể cả cấp xã); the province may correct it and
 * lock it (1), after which only the province changes it.
 */
export const headcountLock0108: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('agencies').addColumn('headcount_locked', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
};
