import type { Kysely, Migration } from 'kysely';

/**
 * An agency's people (participants, the export's list, the agency's dashboard): `staff where agency_code = ?` read
 * the whole table (EXPLAIN in bench/plans.ts), 2 million rows at national scale.
 */
export const staffByAgency0104: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('staff_agency').on('staff').column('agency_code').execute();
  },
};
