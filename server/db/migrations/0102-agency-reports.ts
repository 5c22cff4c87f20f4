import type { Kysely, Migration } from 'kysely';

/**
 * An agency's submitted report: the numbers snapshotted and locked with who and when. Resubmitting adds a
 * version; old versions are kept. `late` is fixed at submission against the period's reportDue.
 */
export const agencyReports0102: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('agency_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
      .addColumn('period_id', 'text', (c) => c.notNull().references('periods.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('tally', 'text', (c) => c.notNull())
      .addColumn('participants', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('submitted_by', 'text', (c) => c.notNull())
      .addColumn('submitted_by_name', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('late', 'integer', (c) => c.notNull())
      .addUniqueConstraint('agency_reports_version', ['agency_code', 'period_id', 'version'])
      .execute();
  },
};
