/**
 * Staff enrolment (the extension; no token yet). Routes:
 *   GET  /api/enrolment-codes/:code  (no auth) → {agency:{code,name}, expiresAt}; 404.10 unknown/expired/revoked/used up;
 *                                     429.1 after too many failed tries from one address or on one code prefix
 *   POST /api/staff/enrol            {code, fullName, installationId} → {token, expiresAt, staff, agency, periods};
 *                                     enrolling again from the same installation keeps the same person and uses no extra seat
 */
import { Hono, type Context } from 'hono';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../app';
import { staffEnrolRequest, type EnrolResponse } from '../../../lib/api/staff';
import { normalizeEnrolmentCode } from '../../../lib/enrolment-code';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { issueToken } from '../../auth/tokens';
import { enrolmentCodeLimiter, enrolmentIpLimiter } from '../../auth/rate-limit';
import { clientIp, staffMe, usableCode } from '../../staff/enrolment';
import type { Db } from '../../db';

/** The extension keeps its token for the campaign; a new enrolment replaces it. */
export const staffTokenTtlMs = 400 * 24 * 3600_000;

/** Looks a typed code up, counting failures against the caller's address and the code's prefix. */
async function lookUp(db: Db, c: Context, typed: string) {
  const ip = clientIp(c);
  const code = normalizeEnrolmentCode(typed);
  const prefix = (code ?? typed.toUpperCase().replace(/[^A-Z0-9]/g, '')).slice(0, 4);
  if (enrolmentIpLimiter.isBlocked(ip) || enrolmentCodeLimiter.isBlocked(prefix)) throw new Problem('429.1');
  const row = code ? await usableCode(db, code) : undefined;
  if (!row) {
    enrolmentIpLimiter.allow(ip);
    enrolmentCodeLimiter.allow(prefix);
    throw new Problem('404.10', { field: 'code' });
  }
  return row;
}

/** GET /api/enrolment-codes/:code */
export function enrolmentCodeRoutes({ db }: AppDeps) {
  const r = new Hono();

  r.get('/:code', async (c) => {
    const row = await lookUp(db, c, c.req.param('code'));
    if (row.used_count >= row.max_uses) throw new Problem('409.10', { field: 'code' });
    return c.json({ agency: { code: row.agency_code, name: row.agency_name }, expiresAt: row.expires_at });
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
      // Same installation, same agency: the same person (a reinstall keeps their orders), name corrected.
      staffId = known.id;
      await db.updateTable('staff').set({ full_name: fullName }).where('id', '=', staffId).execute();
    } else {
      const took = await db
        .updateTable('enrolment_codes')
        .set((eb) => ({ used_count: eb('used_count', '+', 1) }))
        .where('code', '=', code.code)
        .where((eb) => eb('used_count', '<', eb.ref('max_uses')))
        .executeTakeFirst();
      if (Number(took.numUpdatedRows) === 0) throw new Problem('409.10', { field: 'code' });
      staffId = randomUUID();
      await db.insertInto('staff').values({ id: staffId, agency_code: code.agency_code, full_name: fullName, installation_id: installationId, enrolment_code: code.code, enrolled_at: now }).execute();
    }
    const { token, expiresAt } = await issueToken(db, { role: 'staff', subjectId: staffId, agencyCode: code.agency_code }, staffTokenTtlMs);
    const me = await staffMe(db, staffId);
    return c.json({ token, expiresAt, ...me } satisfies EnrolResponse);
  });

  return r;
}
