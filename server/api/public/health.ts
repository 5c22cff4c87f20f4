/**
 * For monitoring and the kiosk's reachability check (no auth). Routes:
 *   GET /api/health → {status:'ok', database:'sqlite'|'postgres', uptimeSeconds}
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';

export function healthRoutes(deps: AppDeps) {
  const r = new Hono();
  r.get('/', async (c) => {
    return c.json({ status: 'ok', database: deps.dbKind, uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000) });
  });
  return r;
}
