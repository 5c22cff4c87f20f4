/**
 * The province's list of agencies (province token). Routes:
 *   GET   /api/province/agencies       → {agencies:[{code, name, kind, group, districtCode, headcount, active, enrolledStaff, focalPoints}]}
 *   PATCH /api/province/agencies/:code {name?, headcount? (integer ≥ 0 or null), active? (boolean)} → the agency
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import type { Db } from '../../db';
import { Problem, readJson } from '../../problem';
import type { AuthEnv } from '../../auth/require-role';

export function provinceAgencyRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/', async (c) => c.json({ agencies: await agencyViews(db) }));

  r.patch('/:code', async (c) => {
    const code = c.req.param('code');
    const b = (await readJson(c.req.raw)) as Record<string, unknown> | null;
    const set: { name?: string; headcount?: number | null; active?: number } = {};
    if (b?.name !== undefined) {
      const name = typeof b.name === 'string' ? b.name.normalize('NFC').replace(/\s+/g, ' ').trim() : '';
      if (name.length < 2 || name.length > 200) throw new Problem('400.2', { field: 'name', detail: 'Tên cơ quan cần 2–200 ký tự.' });
      set.name = name;
    }
    if (b?.headcount !== undefined) {
      if (b.headcount !== null && (!Number.isInteger(b.headcount) || (b.headcount as number) < 0 || (b.headcount as number) > 100_000))
        throw new Problem('400.2', { field: 'headcount', detail: 'Biên chế là số nguyên từ 0 đến 100.000, hoặc để trống.' });
      set.headcount = b.headcount as number | null;
    }
    if (b?.active !== undefined) {
      if (typeof b.active !== 'boolean') throw new Problem('400.2', { field: 'active' });
      set.active = b.active ? 1 : 0;
    }
    if (!Object.keys(set).length) throw new Problem('400.2', { detail: 'Không có gì để sửa.' });
    const res = await db.updateTable('agencies').set(set).where('code', '=', code).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new Problem('404.1');
    return c.json((await agencyViews(db)).find((a) => a.code === code));
  });

  return r;
}

async function agencyViews(db: Db) {
  const [agencies, staff, focal] = await Promise.all([
    db.selectFrom('agencies').selectAll().orderBy('grp').orderBy('code').execute(),
    db.selectFrom('staff').select((eb) => ['agency_code', eb.fn.countAll<number>().as('n')]).groupBy('agency_code').execute(),
    db.selectFrom('users').select((eb) => ['agency_code', eb.fn.countAll<number>().as('n')]).where('role', '=', 'agency').where('disabled_at', 'is', null).groupBy('agency_code').execute(),
  ]);
  const staffOf = new Map(staff.map((s) => [s.agency_code, Number(s.n)]));
  const focalOf = new Map(focal.map((s) => [s.agency_code, Number(s.n)]));
  return agencies.map((a) => ({
    code: a.code,
    name: a.name,
    kind: a.kind,
    group: a.grp,
    districtCode: a.district_code,
    headcount: a.headcount === null ? null : Number(a.headcount),
    active: Number(a.active) === 1,
    enrolledStaff: staffOf.get(a.code) ?? 0,
    focalPoints: focalOf.get(a.code) ?? 0,
  }));
}
