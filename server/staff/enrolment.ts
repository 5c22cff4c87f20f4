import { randomInt } from 'node:crypto';
import { codeAlphabet, codeLength } from '../../lib/enrolment-code';
import type { Db } from '../db';
import type { StaffMe } from '../../lib/api/staff';
import { Problem } from '../problem';
import { listPeriods } from '../periods';

/** A fresh random code (31^8 ≈ 8.5·10^11 possibilities; guessing is rate-limited). */
export function generateEnrolmentCode(): string {
  let s = '';
  for (let i = 0; i < codeLength; i++) s += codeAlphabet[randomInt(codeAlphabet.length)];
  return s;
}

/**
 * A code that may still be used to enrol, with its agency and sub-unit; undefined when unknown, expired or revoked,
 * or when its agency or its sub-unit has stopped.
 */
export async function usableCode(db: Db, code: string) {
  const row = await db
    .selectFrom('enrolment_codes')
    .innerJoin('agencies', 'agencies.code', 'enrolment_codes.agency_code')
    .leftJoin('agency_units', 'agency_units.id', 'enrolment_codes.unit_id')
    .select([
      'enrolment_codes.code',
      'enrolment_codes.agency_code',
      'enrolment_codes.expires_at',
      'enrolment_codes.revoked_at',
      'enrolment_codes.max_uses',
      'enrolment_codes.used_count',
      'enrolment_codes.unit_id',
      'agencies.name as agency_name',
      'agencies.active',
      'agency_units.name as unit_name',
      'agency_units.active as unit_active',
    ])
    .where('enrolment_codes.code', '=', code)
    .executeTakeFirst();
  if (!row || row.revoked_at || row.expires_at <= new Date().toISOString() || !Number(row.active)) return undefined;
  if (row.unit_id !== null && !Number(row.unit_active)) return undefined;
  return { ...row, unit: row.unit_id !== null && row.unit_name !== null ? { id: row.unit_id, name: row.unit_name } : null };
}

/** An agency the province marked inactive takes nothing new (orders, enrolment codes): 403.12. */
export async function assertAgencyActive(db: Db, agencyCode: string): Promise<void> {
  const agency = await db.selectFrom('agencies').select('active').where('code', '=', agencyCode).executeTakeFirst();
  if (!agency || !Number(agency.active)) throw new Problem('403.12');
}

/** Who an enrolled person is, for the extension (GET /api/staff/me and the enrolment answer). */
export async function staffMe(db: Db, staffId: string): Promise<StaffMe> {
  const row = await db
    .selectFrom('staff')
    .innerJoin('agencies', 'agencies.code', 'staff.agency_code')
    .select(['staff.id', 'staff.full_name', 'agencies.code', 'agencies.name'])
    .where('staff.id', '=', staffId)
    .executeTakeFirst();
  if (!row) throw new Problem('401.1');
  return { staff: { id: row.id, fullName: row.full_name }, agency: { code: row.code, name: row.name }, periods: await listPeriods(db) };
}
