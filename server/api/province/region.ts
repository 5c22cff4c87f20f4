/**
 * The region figures only the province knows (province token). Routes:
 *   PATCH /api/province/communes/:code   {householdCount: integer 0–1.000.000 | null} → {code, householdCount}
 *        the commune's number of farm households: the 50% signup target is counted against it
 *   PATCH /api/province/districts/:code  {signupDeadline: 'yyyy-mm-dd' | null} → {code, signupDeadline}
 *        the district's deadline for the household signup target (phase-1 districts first, the rest by year end)
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { communePatchRequest, districtPatchRequest } from '../../../lib/api/province';
import type { AuthEnv } from '../../auth/require-role';

export function provinceRegionRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.patch('/communes/:code', body(communePatchRequest), async (c) => {
    const n = c.req.valid('json').householdCount;
    const code = c.req.param('code');
    const res = await db.updateTable('communes').set({ household_count: n }).where('code', '=', code).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new Problem('404.1');
    return c.json({ code, householdCount: n });
  });

  // Only real calendar dates: 31/02 is refused rather than rolled over (lib/api/fields.ts isoDate).
  r.patch('/districts/:code', body(districtPatchRequest), async (c) => {
    const d = c.req.valid('json').signupDeadline;
    const code = c.req.param('code');
    const res = await db.updateTable('districts').set({ signup_deadline: d }).where('code', '=', code).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new Problem('404.1');
    return c.json({ code, signupDeadline: d });
  });

  return r;
}
