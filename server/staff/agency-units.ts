/**
 * An agency's sub-units (đơn vị trực thuộc): a district People's Committee's communes (from the region data,
 * migration 0110) and the units it adds. One module for the agency's own calls and the province's.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../db';
import type { AgencyUnitTable } from '../db/schema-staff';
import type { AgencyUnit } from '../../lib/api/agency-units';
import { Problem } from '../problem';

const collator = new Intl.Collator('vi');
/** Two names are the same unit when they differ only in case or spacing. */
const sameName = (a: string, b: string) => collator.compare(a.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi'), b.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi')) === 0;

/** The agency's sub-units: its communes in the official order, then the units it added by name. */
export async function listUnits(db: Db, agencyCode: string): Promise<AgencyUnit[]> {
  const [rows, people] = await Promise.all([
    db.selectFrom('agency_units').selectAll().where('agency_code', '=', agencyCode).execute(),
    db.selectFrom('staff').select((eb) => ['unit_id', eb.fn.countAll<number>().as('n')]).where('agency_code', '=', agencyCode).where('unit_id', 'is not', null).groupBy('unit_id').execute(),
  ]);
  const peopleOf = new Map(people.map((p) => [p.unit_id, Number(p.n)]));
  return rows
    .sort((a, b) => (a.commune_code === null ? 1 : 0) - (b.commune_code === null ? 1 : 0) || (a.commune_code ?? '').localeCompare(b.commune_code ?? '') || collator.compare(a.name, b.name))
    .map((r) => view(r, peopleOf.get(r.id) ?? 0));
}

/** A sub-unit of this agency; another agency's, or none, is 404.1 (another owner's things are not told apart). */
export async function unitOf(db: Db, agencyCode: string, id: string, field?: string): Promise<Selectable<AgencyUnitTable>> {
  const row = await db.selectFrom('agency_units').selectAll().where('id', '=', id).where('agency_code', '=', agencyCode).executeTakeFirst();
  if (!row) throw new Problem('404.1', field ? { field } : {});
  return row;
}

async function assertNameFree(db: Db, agencyCode: string, name: string, except?: string) {
  const names = await db.selectFrom('agency_units').select(['id', 'name']).where('agency_code', '=', agencyCode).execute();
  if (names.some((n) => n.id !== except && sameName(n.name, name))) throw new Problem('409.20', { field: 'name' });
}

export async function addUnit(db: Db, agencyCode: string, name: string): Promise<AgencyUnit> {
  await assertNameFree(db, agencyCode, name);
  const row = { id: randomUUID(), agency_code: agencyCode, name, commune_code: null, active: 1, created_at: new Date().toISOString() };
  await db.insertInto('agency_units').values(row).execute();
  return view(row, 0);
}

/** Renames, stops (no new codes; its codes stop enrolling; its people stay in it) or takes a unit back. */
export async function changeUnit(db: Db, agencyCode: string, id: string, change: { name?: string; active?: boolean }): Promise<AgencyUnit> {
  const row = await unitOf(db, agencyCode, id);
  if (change.name === undefined && change.active === undefined) throw new Problem('400.2', { detail: 'Không có gì để sửa.' });
  if (change.name !== undefined) await assertNameFree(db, agencyCode, change.name, id);
  const set = { ...(change.name !== undefined && { name: change.name }), ...(change.active !== undefined && { active: change.active ? 1 : 0 }) };
  await db.updateTable('agency_units').set(set).where('id', '=', id).execute();
  return (await listUnits(db, agencyCode)).find((u) => u.id === row.id)!;
}

/**
 * Deletes a unit nobody is in (409.21 otherwise) with its unused codes; a code of it that was used (by someone who
 * has since moved to another unit by enrolling again) is kept, revoked, for the record of who enrolled with what.
 */
export async function deleteUnit(db: Db, agencyCode: string, id: string): Promise<void> {
  await unitOf(db, agencyCode, id);
  await db.transaction().execute(async (trx) => {
    const someone = await trx.selectFrom('staff').select('id').where('unit_id', '=', id).limit(1).executeTakeFirst();
    if (someone) throw new Problem('409.21');
    await trx.deleteFrom('enrolment_codes').where('unit_id', '=', id).where('used_count', '=', 0).execute();
    await trx.updateTable('enrolment_codes').set({ unit_id: null, revoked_at: new Date().toISOString() }).where('unit_id', '=', id).where('revoked_at', 'is', null).execute();
    await trx.updateTable('enrolment_codes').set({ unit_id: null }).where('unit_id', '=', id).execute();
    await trx.deleteFrom('agency_units').where('id', '=', id).execute();
  });
}

function view(r: Selectable<AgencyUnitTable>, people: number): AgencyUnit {
  return { id: r.id, name: r.name, communeCode: r.commune_code, active: Number(r.active) === 1, people };
}
