import { Hono } from 'hono';
import type { Db } from '../db';
import type { TokenRole } from '../db/schema';
import { requireRole, type AuthEnv } from '../auth/require-role';

/**
 * One role area of the API (staff, kiosk, agency, province): its token check runs once, at the mount, before
 * any of its resources. A resource is mounted at its path under the area's prefix.
 */
export function area(db: Db, roles: TokenRole[], resources: [path: string, routes: Hono<AuthEnv>][]) {
  const r = new Hono<AuthEnv>();
  r.use('*', requireRole(db, ...roles));
  for (const [path, routes] of resources) r.route(path, routes);
  return r;
}
