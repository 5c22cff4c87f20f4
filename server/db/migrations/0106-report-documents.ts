import type { Kysely, Migration } from 'kysely';

/**
 * What an official document (Nghị định 30/2020/NĐ-CP) needs beyond the numbers, entered when submitting and
 * kept with the report: số ký hiệu, the signer and position, the recipients (Nơi nhận, JSON array), the
 * governing body (cơ quan chủ quản). And the province's own report to UBND tỉnh: a versioned snapshot of the
 * agencies' submitted reports for a period.
 */
export const reportDocuments0106: Migration = {
  async up(db: Kysely<any>) {
    for (const column of ['doc_number', 'signer_name', 'signer_position', 'recipients', 'parent_body']) {
      await db.schema.alterTable('agency_reports').addColumn(column, 'text').execute();
    }
    await db.schema
      .createTable('province_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('period_id', 'text', (c) => c.notNull().references('periods.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      // JSON of server/reports/province-reports.ts ProvinceSnapshot.
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('doc_number', 'text')
      .addColumn('signer_name', 'text')
      .addColumn('signer_position', 'text')
      .addColumn('recipients', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_by_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('province_reports_version', ['period_id', 'version'])
      .execute();
  },
};
