/**
 * Staff enrolment (the extension; no token yet). Routes:
 *   GET  /api/enrolment-codes/:code  (no auth) → {agency:{code,name}, unit:{id,name}|null, expiresAt}; 404.10 unknown/expired/revoked
 *                                     (or its sub-unit stopped); 409.10 used up;
 *                                     429.1 after too many failed tries from one address or on one code prefix
 *   POST /api/staff/enrol            {code, fullName, installationId} → {token, expiresAt, staff, agency, periods};
 *                                     enrolling again from the same installation keeps the same person and uses no extra seat;
 *                                     a code of a sub-unit puts the person in it (enrolling again with one moves them there)
 */
import { Hono, type Context } from 'hono';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../app';
import { staffEnrolRequest, type EnrolResponse } from '../../../lib/api/staff';
import { normalizeEnrolmentCode } from '../../../lib/enrolment-code';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { issueToken, revokeAllTokens, slidingLifetimeMs } from '../../auth/tokens';
import { giveBack, limitsOf, spendTry } from '../../auth/rate-limit';
import { clientAddress } from '../../auth/client-address';
import { staffMe, usableCode } from '../../staff/enrolment';
import type { Db } from '../../db';

/**
 * Looks a typed code up. A try is spent against the caller's address and the code's prefix BEFORE the lookup (one
 * atomic step in the database, so parallel guesses cannot all pass a check made before any was counted) and given
 * back when the code is right.
 */
async function lookUp(db: Db, c: Context, typed: string) {
  const limits = limitsOf(db);
  const code = normalizeEnrolmentCode(typed);
  const prefix = (code ?? typed.toUpperCase().replace(/[^A-Z0-9]/g, '')).slice(0, 4);
  const tries: [typeof limits.enrolmentAddress, string][] = [[limits.enrolmentAddress, clientAddress(c)], [limits.enrolmentPrefix, prefix]];
  await spendTry(...tries);
  const row = code ? await usableCode(db, code) : undefined;
  if (!row) throw new Problem('404.10', { field: 'code' });
  await giveBack(...tries);
  return row;
}

/** GET /api/enrolment-codes/:code */
export function enrolmentCodeRoutes({ db }: AppDeps) {
  const r = new Hono();

  r.get('/:code', async (c) => {
    const row = await lookUp(db, c, c.req.param('code'));
    if (row.used_count >= row.max_uses) throw new Problem('409.10', { field: 'code' });
    return c.json({ agency: { code: row.agency_code, name: row.agency_name }, unit: row.unit, expiresAt: row.expires_at });
  });

  return r;
}

/** POST /api/staff/enrol */
export function staffEnrolRoutes({ db }: AppDeps) {
  const r = new Hono();

  r.post('/', body(staffEnrolRequest), async (c) => {
    const { fullName, installationId, ...typed } = c.req.valid('json');
    const code = await lookUp(db, c, typed.code);

    const now = new Date().toISOString();
    const known = await db.selectFrom('staff').selectAll().where('installation_id', '=', installationId).where('agency_code', '=', code.agency_code).executeTakeFirst();
    let staffId: string;
    if (known) {
      // Same installation, same agency: the same person (a reinstall keeps their orders), name corrected — unless
      // the agency revoked them: a code shared by the office must not undo that.
      if (known.revoked_at) throw new Problem('403.11');
      staffId = known.id;
      // A sub-unit's code moves them into it; the agency-wide code leaves them where they are.
      await db.updateTable('staff').set({ full_name: fullName, ...(code.unit_id !== null && { unit_id: code.unit_id }) }).where('id', '=', staffId).execute();
      // One installation, one live token: the one it held before stops now.
      await revokeAllTokens(db, 'staff', staffId);
    } else {
      const took = await db
        .updateTable('enrolment_codes')
        .set((eb) => ({ used_count: eb('used_count', '+', 1) }))
        .where('code', '=', code.code)
        .where((eb) => eb('used_count', '<', eb.ref('max_uses')))
        .executeTakeFirst();
      if (Number(took.numUpdatedRows) === 0) throw new Problem('409.10', { field: 'code' });
      staffId = randomUUID();
      await db.insertInto('staff').values({ id: staffId, agency_code: code.agency_code, full_name: fullName, installation_id: installationId, enrolment_code: code.code, enrolled_at: now, revoked_at: null, unit_id: code.unit_id }).execute();
    }
    const { token, expiresAt } = await issueToken(db, { role: 'staff', subjectId: staffId, agencyCode: code.agency_code }, slidingLifetimeMs.staff!);
    const me = await staffMe(db, staffId);
    return c.json({ token, expiresAt, ...me } satisfies EnrolResponse);
  });

  return r;
}
