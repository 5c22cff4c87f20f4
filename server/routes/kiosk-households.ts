import { Hono } from 'hono';
import type { AppDeps } from '../app';
import { Problem, readJson } from '../problem';
import { requireRole, type AuthEnv } from '../auth/require-role';
import { communesInScope } from '../kiosk/scope';
import { receiveHouseholds, rosterSince } from '../kiosk/households';
import type { HouseholdsSince, SyncAnswer } from '../../lib/api/kiosk';

export const maxBatch = 100;

/**
 * POST /api/kiosk/households (kiosk) {households:[SubmittedHousehold]} (≤ 100) → SyncAnswer: one result per
 *   household, in order, each judged on its own; idempotent on clientId, so a batch whose answer was lost is
 *   simply sent again.
 * GET /api/kiosk/households?since=<cursor> (kiosk) → HouseholdsSince: the commune roster and status changes.
 */
export function kioskHouseholdRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.post('/households', requireRole(db, 'kiosk'), async (c) => {
    const body = (await readJson(c.req.raw)) as { households?: unknown };
    if (!Array.isArray(body?.households)) throw new Problem('400.2', { field: 'households' });
    if (body.households.length > maxBatch) throw new Problem('400.55', { field: 'households' });
    const p = c.get('principal');
    const scope = await communesInScope(db, p);
    // One transaction; a later household of the batch sees an earlier one as a duplicate.
    const results = await receiveHouseholds(db, p.subjectId, scope, body.households);
    return c.json({ results } satisfies SyncAnswer);
  });

  r.get('/households', requireRole(db, 'kiosk'), async (c) => {
    const scope = await communesInScope(db, c.get('principal'));
    const since = c.req.query('since') || null;
    const households = await rosterSince(db, scope === 'all' ? [] : scope, since);
    const cursor = households.at(-1)?.updatedAt ?? since ?? '';
    return c.json({ households, cursor } satisfies HouseholdsSince);
  });

  return r;
}
