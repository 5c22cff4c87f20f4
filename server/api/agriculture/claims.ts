/**
 * Sở NN&PTNT checks households' quality claims (agriculture token). Routes:
 *   GET  /api/agriculture/claims[?status=unverified|verified|refused|expired|all]  → {today, claims:[ClaimView]}; default
 *        the queue of unverified claims, oldest first (at most 2000 at a time)
 *   GET  /api/agriculture/claims/expiring → {today, claims}: verified certificates that expire within 30 days, soonest first
 *   POST /api/agriculture/claims/:id/decision {decision:'verified', number?, issuer?, expiresOn?, stars?} | {decision:'refused', reason}
 *        → the claim; verifying a VietGAP claim needs its number, issuing body and expiry (from the body or the claim),
 *        an OCOP claim 3–5 stars, a traceability claim its code; an expired certificate cannot be verified (400.2 with
 *        field and detail); the same decision again changes nothing; 404.1 unknown claim
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import type { AuthEnv } from '../../auth/require-role';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { claimDecisionRequest, type ClaimList } from '../../../lib/api/agriculture';
import { claimStatuses, missingForVerification, type ClaimStatus } from '../../../lib/quality/claims';
import { vietnamToday } from '../../../lib/periods';
import { claimViews } from '../../quality/claims';

export function agricultureClaimRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/claims', async (c) => {
    const asked = c.req.query('status') ?? 'unverified';
    if (asked !== 'all' && !claimStatuses.includes(asked as ClaimStatus))
      throw new Problem('400.2', { field: 'status', detail: 'Chọn: unverified, verified, refused, expired hoặc all.' });
    const today = vietnamToday();
    return c.json({ today, claims: await claimViews(db, { status: asked as ClaimStatus | 'all' }, today) } satisfies ClaimList);
  });

  r.get('/claims/expiring', async (c) => {
    const today = vietnamToday();
    return c.json({ today, claims: await claimViews(db, { expiring: true }, today) } satisfies ClaimList);
  });

  r.post('/claims/:id/decision', body(claimDecisionRequest), async (c) => {
    const id = c.req.param('id');
    const claim = await db.selectFrom('household_claims').selectAll().where('id', '=', id).executeTakeFirst();
    if (!claim) throw new Problem('404.1');
    const b = c.req.valid('json');
    const today = vietnamToday();
    const decided = { decided_by: c.get('principal').subjectId, decided_at: new Date().toISOString() };
    let change: Partial<typeof claim>;
    if (b.decision === 'refused') {
      change = { decision: 'refused', refusal_reason: b.reason };
    } else {
      // A field left out keeps what the claim holds; an empty one clears it.
      const keep = <T>(given: T | null | undefined, held: T | null): T | null => (given === undefined ? held : given === '' ? null : given);
      const facts = { number: keep(b.number, claim.number), issuer: keep(b.issuer, claim.issuer), expiresOn: keep(b.expiresOn, claim.expires_on), stars: keep(b.stars, claim.stars === null ? null : Number(claim.stars)) };
      const missing = missingForVerification(claim.kind, facts, today);
      if (missing) throw new Problem('400.2', { field: missing.field, detail: missing.message });
      change = { decision: 'verified', refusal_reason: null, number: facts.number, issuer: facts.issuer, expires_on: facts.expiresOn, stars: facts.stars };
    }
    const same = Object.entries(change).every(([k, v]) => (claim as Record<string, unknown>)[k] === v || (k === 'stars' && Number(claim.stars) === v));
    if (!same) await db.updateTable('household_claims').set({ ...change, ...decided, updated_at: decided.decided_at }).where('id', '=', id).execute();
    return c.json((await claimViews(db, { status: 'all' }, today, id))[0]);
  });

  return r;
}
