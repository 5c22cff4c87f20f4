import type { Kysely, Migration } from 'kysely';

/**
 * A kiosk batch finds the households already holding its phones and ID numbers by their hashes (server/channels/
 * progress-store.ts reads them for the figures in the same statement), so the two indexes on the numbers themselves
 * answer nothing any more and cost every stored household two of its ten index entries. The commune's roster is
 * answered by (commune_code, updated_at).
 */
export const householdNumberIndexes0880: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.dropIndex('households_commune_phone').execute();
    await db.schema.dropIndex('households_id_number').execute();
  },
};
