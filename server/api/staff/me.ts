/**
 * The enrolled person, as the extension shows them (staff token). Routes:
 *   GET  /api/staff/me  → {staff, agency, periods}
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import type { AuthEnv } from '../../auth/require-role';
import { staffMe } from '../../staff/enrolment';

export function staffMeRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();
  r.get('/', async (c) => c.json(await staffMe(db, c.get('principal').subjectId)));
  return r;
}
