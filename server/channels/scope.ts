import type { Db } from '../db';
import type { Principal } from '../auth/tokens';
import { Problem } from '../problem';

/**
 * What a province or district account may see of the channels: the province every commune, a district account its
 * district's. `wanted` narrows to one district: 404.60 when there is no such district, 403.60 when it is another's.
 */
export async function districtScope(db: Db, p: Principal, wanted?: string): Promise<{ communes: string[] | 'all'; districtCode: string | null }> {
  if (wanted && !(await db.selectFrom('districts').select('code').where('code', '=', wanted).executeTakeFirst())) throw new Problem('404.60', { field: 'district' });
  let own: string | null = null;
  if (p.role === 'district') {
    const row = await db.selectFrom('user_districts').select('district_code').where('user_id', '=', p.subjectId).executeTakeFirst();
    // A district account always has its district (users.ts); without one it sees nothing.
    own = row?.district_code ?? '';
    if (wanted && wanted !== own) throw new Problem('403.60', { field: 'district' });
  } else if (p.role !== 'province') {
    throw new Problem('403.1');
  }
  const district = wanted ?? own;
  if (district === null) return { communes: 'all', districtCode: null };
  const rows = await db.selectFrom('communes').select('code').where('district_code', '=', district).execute();
  return { communes: rows.map((r) => r.code), districtCode: district };
}
