import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { allow, type AuthEnv } from '../../auth/require-role';
import { requireRoleOnOneConnection, type ConnectionEnv } from '../../auth/one-connection';
import { communesInScope } from '../../kiosk/scope';
import { receiveHouseholds, rosterSince } from '../../kiosk/households';
import { leadingAccountsForTablet } from '../../leading/accounts';
import { householdBatchRequest, type HouseholdsSince, type SyncAnswer } from '../../../lib/api/kiosk';
import { body } from '../../validate';

/**
 * POST /api/kiosk/households (kiosk) {households:[SubmittedHousehold]} (≤ 100) → SyncAnswer: one result per
 *   household, in order, each judged on its own; idempotent on clientId, so a batch whose answer was lost is
 *   simply sent again.
 * GET /api/kiosk/households?since=<cursor> (kiosk) → HouseholdsSince: the commune roster and status changes, and the
 *   communes' active leading accounts (names and ids) for "who guided this household".
 */
export function kioskHouseholdSubmissionRoutes({ db }: AppDeps) {
  const r = new Hono<ConnectionEnv>();
  // On PostgreSQL the tablet's token, its communes and the batch's transaction on one pooled connection: on deadline
  // day 200 tablets send at once beside the orders, and a batch that took the pool three times queued three times.
  r.post('/households', requireRoleOnOneConnection(db, 'kiosk'), body(householdBatchRequest), async (c) => {
    const { households } = c.req.valid('json');
    const p = c.get('principal');
    const scope = await communesInScope(c.get('db'), p);
    // One transaction; a later household of the batch sees an earlier one as a duplicate.
    const results = await receiveHouseholds(c.get('db'), p.subjectId, scope, households);
    return c.json({ results } satisfies SyncAnswer);
  });
  return r;
}

export function kioskHouseholdRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/households', allow('kiosk'), async (c) => {
    const scope = await communesInScope(db, c.get('principal'));
    const since = c.req.query('since') || null;
    const communes = scope === 'all' ? [] : scope;
    const [households, leadingAccounts] = await Promise.all([rosterSince(db, communes, since), leadingAccountsForTablet(db, communes)]);
    const cursor = households.at(-1)?.updatedAt ?? since ?? '';
    return c.json({ households, cursor, leadingAccounts } satisfies HouseholdsSince);
  });

  return r;
}
