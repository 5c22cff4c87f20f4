import type { Kysely, Migration } from 'kysely';

/**
 * Sub-units (đơn vị trực thuộc) of an agency: a district or city People's Committee has its communes and wards,
 * and adds its own (Phòng Giáo dục và Đào tạo, schools). An enrolment code may name one; a person enrolled with it
 * belongs to it, and the agency's report breaks its figures down by them (server/reports/tally.ts).
 * A submitted report keeps its breakdown (`agency_reports.units`, JSON) as it was at submission.
 */
export const agencyUnits0110: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('agency_units')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
      .addColumn('name', 'text', (c) => c.notNull())
      // The commune it stands for when it came from the region data; null for a unit the agency added.
      .addColumn('commune_code', 'text', (c) => c.references('communes.code'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('agency_units_agency').on('agency_units').column('agency_code').execute();
    await db.schema.alterTable('enrolment_codes').addColumn('unit_id', 'text', (c) => c.references('agency_units.id')).execute();
    await db.schema.alterTable('staff').addColumn('unit_id', 'text', (c) => c.references('agency_units.id')).execute();
    await db.schema.createIndex('staff_unit').on('staff').column('unit_id').execute();
    await db.schema.alterTable('agency_reports').addColumn('units', 'text').execute();
    // A database seeded before this migration: its district agencies get their communes now (a fresh one gets
    // them from server/db/seed-region.ts, which runs after the migrations).
    await addCommuneUnits(db);
  },
};

/**
 * Every agency of a district gets each commune of that district as a sub-unit, unless it has it already
 * (ids are "<agency>-<commune>", so running it twice adds nothing).
 */
export async function addCommuneUnits(db: Kysely<any>): Promise<void> {
  const rows: { agency_code: string; commune_code: string; name: string }[] = await db
    .selectFrom('agencies')
    .innerJoin('communes', 'communes.district_code', 'agencies.district_code')
    .select(['agencies.code as agency_code', 'communes.code as commune_code', 'communes.name as name'])
    .orderBy('agencies.code')
    .orderBy('communes.code')
    .execute();
  const now = new Date().toISOString();
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('agency_units')
      .values(rows.slice(i, i + 100).map((r) => ({ id: `${r.agency_code}-${r.commune_code}`, agency_code: r.agency_code, name: r.name, commune_code: r.commune_code, active: 1, created_at: now })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}
