/**
 * The province's list of agencies (province token). Routes:
 *   GET   /api/province/agencies       → {agencies:[{code, name, kind, group, districtCode, headcount, headcountLocked, active, enrolledStaff, focalPoints}]}
 *   PATCH /api/province/agencies/:code {name?, headcount? (integer ≥ 0 or null), headcountLocked?, active? (boolean)} → the agency;
 *         the province corrects an agency's headcount and may lock it (the agency then cannot change it: 409.14)
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import type { Db } from '../../db';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { agencyPatchRequest } from '../../../lib/api/province';
import type { AuthEnv } from '../../auth/require-role';

export function provinceAgencyRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/', async (c) => c.json({ agencies: await agencyViews(db) }));

  r.patch('/:code', body(agencyPatchRequest), async (c) => {
    const code = c.req.param('code');
    const { active, headcountLocked, ...b } = c.req.valid('json');
    const set = { ...b, ...(active !== undefined && { active: active ? 1 : 0 }), ...(headcountLocked !== undefined && { headcount_locked: headcountLocked ? 1 : 0 }) };
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
    headcountLocked: Number(a.headcount_locked) === 1,
    active: Number(a.active) === 1,
    enrolledStaff: staffOf.get(a.code) ?? 0,
    focalPoints: focalOf.get(a.code) ?? 0,
  }));
}
