/**
 * Campaign periods, for every signed-in role (staff too); the province edits them (province/periods.ts). Routes:
 *   GET   /api/periods  → {periods:[{id,name,startsOn,endsOn,reportDue}]}
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { requireRole, type AuthEnv } from '../../auth/require-role';
import { listPeriods } from '../../periods';

export function periodRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();
  r.get('/', requireRole(db, 'province', 'agency', 'officer', 'staff'), async (c) => c.json({ periods: await listPeriods(db) }));
  return r;
}
