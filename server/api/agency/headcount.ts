/**
 * The agency's own headcount, Tổng số CB, CC, VC, NLĐ (kể cả cấp xã), the base of its participation rate (agency token). Routes:
 *   GET /api/agency/headcount               → {headcount, locked}
 *   PUT /api/agency/headcount {headcount}   → {headcount, locked}; 409.14 once the province has locked it
 *                                             (the province corrects and locks: PATCH /api/province/agencies/:code)
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import type { Db } from '../../db';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { headcountRequest, type Headcount } from '../../../lib/api/agency';
import type { AuthEnv } from '../../auth/require-role';

export function agencyHeadcountRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/', async (c) => c.json(await headcountOf(db, c.get('principal').agencyCode!)));

  r.put('/', body(headcountRequest), async (c) => {
    const code = c.get('principal').agencyCode!;
    // Only an unlocked row changes, so a lock set between reading and writing still holds.
    const res = await db.updateTable('agencies').set({ headcount: c.req.valid('json').headcount }).where('code', '=', code).where('headcount_locked', '=', 0).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new Problem('409.14', { field: 'headcount' });
    return c.json(await headcountOf(db, code));
  });

  return r;
}

async function headcountOf(db: Db, code: string): Promise<Headcount> {
  const a = await db.selectFrom('agencies').select(['headcount', 'headcount_locked']).where('code', '=', code).executeTakeFirstOrThrow();
  return { headcount: a.headcount === null ? null : Number(a.headcount), locked: Number(a.headcount_locked) === 1 };
}
