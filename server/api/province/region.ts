/**
 * The region figures only the province knows (province token). Routes:
 *   PATCH /api/province/communes/:code   {householdCount: integer 0–1.000.000 | null} → {code, householdCount}
 *        the commune's number of farm households: the 50% signup target is counted against it
 *   PATCH /api/province/districts/:code  {signupDeadline: 'yyyy-mm-dd' | null} → {code, signupDeadline}
 *        the district's deadline for the household signup target (phase-1 districts first, the rest by year end)
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem, readJson } from '../../problem';
import type { AuthEnv } from '../../auth/require-role';
import { formatDate, parseDate } from '../../../lib/format';

export function provinceRegionRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.patch('/communes/:code', async (c) => {
    const b = (await readJson(c.req.raw)) as { householdCount?: unknown } | null;
    const n = b?.householdCount;
    if (n === undefined || (n !== null && (!Number.isInteger(n) || (n as number) < 0 || (n as number) > 1_000_000)))
      throw new Problem('400.2', { field: 'householdCount', detail: 'Số hộ là số nguyên từ 0 đến 1.000.000, hoặc để trống nếu chưa rõ.' });
    const code = c.req.param('code');
    const res = await db.updateTable('communes').set({ household_count: n as number | null }).where('code', '=', code).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new Problem('404.1');
    return c.json({ code, householdCount: n });
  });

  r.patch('/districts/:code', async (c) => {
    const b = (await readJson(c.req.raw)) as { signupDeadline?: unknown } | null;
    const d = b?.signupDeadline;
    // Only real calendar dates: 31/02 is refused rather than rolled over.
    if (d === undefined || (d !== null && (typeof d !== 'string' || parseDate(formatDate(d)) !== d)))
      throw new Problem('400.2', { field: 'signupDeadline', detail: 'Hạn là một ngày có thật dạng yyyy-mm-dd, hoặc để trống.' });
    const code = c.req.param('code');
    const res = await db.updateTable('districts').set({ signup_deadline: d as string | null }).where('code', '=', code).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new Problem('404.1');
    return c.json({ code, signupDeadline: d });
  });

  return r;
}
