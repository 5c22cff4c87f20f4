import type { Db } from '../db';
import type { Principal } from '../auth/tokens';
import type { KioskCommune } from '../../lib/api/kiosk';

/**
 * The communes a caller may see: an officer their assigned communes, an enrolled tablet the communes its
 * enrolment code named, the province all of them ('all').
 */
export async function communesInScope(db: Db, p: Principal): Promise<string[] | 'all'> {
  if (p.role === 'province') return 'all';
  if (p.role === 'officer') {
    const rows = await db.selectFrom('user_communes').select('commune_code').where('user_id', '=', p.subjectId).execute();
    return rows.map((r) => r.commune_code);
  }
  if (p.role === 'kiosk') {
    const rows = await db.selectFrom('kiosk_device_communes').select('commune_code').where('device_id', '=', p.subjectId).execute();
    return rows.map((r) => r.commune_code);
  }
  return [];
}

export const inScope = (scope: string[] | 'all', commune: string) => scope === 'all' || scope.includes(commune);

/** Communes by code with their district, for the tablet's header and commune picker. */
export async function describeCommunes(db: Db, codes: string[]): Promise<KioskCommune[]> {
  if (!codes.length) return [];
  const rows = await db
    .selectFrom('communes')
    .innerJoin('districts', 'districts.code', 'communes.district_code')
    .select(['communes.code', 'communes.name', 'communes.district_code', 'districts.name as district_name'])
    .where('communes.code', 'in', codes)
    .orderBy('communes.code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, districtCode: r.district_code, districtName: r.district_name }));
}
