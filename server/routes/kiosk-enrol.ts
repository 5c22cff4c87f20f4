import { Hono } from 'hono';
import type { AppDeps } from '../app';
import { Problem, readJson } from '../problem';
import { requireRole, type AuthEnv } from '../auth/require-role';
import { AttemptLimiter } from '../auth/rate-limit';
import { createDeviceCode, normaliseDeviceCode, redeemDeviceCode } from '../kiosk/device-codes';
import { communesInScope } from '../kiosk/scope';
import { clientIp } from '../staff/enrolment';
import type { EnrolAnswer, KioskCommune } from '../../lib/api/kiosk';
import type { Db } from '../db';

/** Guessing device codes: 20 wrong tries per 15 minutes from one address. */
const enrolLimiter = new AttemptLimiter(20, 15 * 60 * 1000);

/**
 * POST /api/kiosk/device-codes (officer) {communeCodes?} → {code, expiresAt, communes}: a single-use code valid 30 min,
 *   for all of the officer's communes or the subset named.
 * POST /api/kiosk/enrol (no auth) {code, deviceName} → EnrolAnswer: the tablet's own token, scoped to those communes.
 * GET  /api/kiosk/device (kiosk) → {device, communes}.
 */
export function kioskEnrolRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.post('/device-codes', requireRole(db, 'officer'), async (c) => {
    const p = c.get('principal');
    const body = (await readJson(c.req.raw).catch(() => ({}))) as { communeCodes?: unknown };
    const mine = await communesInScope(db, p);
    if (mine === 'all' || !mine.length) throw new Problem('403.50');
    let communes = mine;
    if (Array.isArray(body?.communeCodes) && body.communeCodes.length) {
      if (!body.communeCodes.every((x) => typeof x === 'string' && mine.includes(x))) throw new Problem('403.50', { field: 'communeCodes' });
      communes = body.communeCodes as string[];
    }
    const { code, expiresAt } = await createDeviceCode(db, p.subjectId, communes);
    return c.json({ code, expiresAt, communes: await describeCommunes(db, communes) }, 201);
  });

  r.post('/enrol', async (c) => {
    const body = (await readJson(c.req.raw)) as { code?: unknown; deviceName?: unknown };
    if (typeof body?.code !== 'string' || normaliseDeviceCode(body.code).length !== 8) throw new Problem('400.2', { field: 'code' });
    // The connection's address, not a header a guesser could vary; only wrong guesses count toward the limit,
    // so one guesser neither gets unlimited tries nor locks out the tablets next to it.
    const ip = clientIp(c);
    if (enrolLimiter.isBlocked(ip)) throw new Problem('429.1');
    const name = typeof body.deviceName === 'string' && body.deviceName.trim() ? body.deviceName.trim().slice(0, 80) : 'Máy tính bảng';
    const { token, deviceId, officerId, communes } = await redeemDeviceCode(db, body.code, name).catch((e) => {
      if (e instanceof Problem && e.code === '404.50') enrolLimiter.allow(ip);
      throw e;
    });
    const officer = await db.selectFrom('users').select('full_name').where('id', '=', officerId).executeTakeFirstOrThrow();
    const answer: EnrolAnswer = { token, device: { id: deviceId, name }, officer: { fullName: officer.full_name }, communes: await describeCommunes(db, communes) };
    return c.json(answer, 201);
  });

  r.get('/device', requireRole(db, 'kiosk'), async (c) => {
    const p = c.get('principal');
    const device = await db.selectFrom('kiosk_devices').select(['id', 'name']).where('id', '=', p.subjectId).executeTakeFirstOrThrow();
    const communes = await communesInScope(db, p);
    return c.json({ device, communes: await describeCommunes(db, communes === 'all' ? [] : communes) });
  });

  return r;
}

async function describeCommunes(db: Db, codes: string[]): Promise<KioskCommune[]> {
  if (!codes.length) return [];
  const rows = await db
    .selectFrom('communes')
    .innerJoin('districts', 'districts.code', 'communes.district_code')
    .select(['communes.code', 'communes.name', 'communes.district_code', 'districts.name as district_name'])
    .where('communes.code', 'in', codes)
    .orderBy('communes.code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, districtCode: r.district_code, districtName: r.district_name }));
}
