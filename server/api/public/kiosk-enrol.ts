import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { AttemptLimiter } from '../../auth/rate-limit';
import { normaliseDeviceCode, redeemDeviceCode } from '../../kiosk/device-codes';
import { describeCommunes } from '../../kiosk/scope';
import { clientIp } from '../../staff/enrolment';
import { kioskEnrolRequest, type EnrolAnswer } from '../../../lib/api/kiosk';

/** Guessing device codes: 20 wrong tries per 15 minutes from one address. */
const enrolLimiter = new AttemptLimiter(20, 15 * 60 * 1000);

/**
 * A tablet enrols with the code an officer made (kiosk/devices.ts); it has no token yet.
 * POST /api/kiosk/enrol {code, deviceName} → EnrolAnswer: the tablet's own token, scoped to those communes.
 */
export function kioskEnrolRoutes({ db }: AppDeps) {
  const r = new Hono();

  r.post('/', body(kioskEnrolRequest), async (c) => {
    const { code, deviceName: name } = c.req.valid('json');
    if (normaliseDeviceCode(code).length !== 8) throw new Problem('400.2', { field: 'code' });
    // The connection's address, not a header a guesser could vary; only wrong guesses count toward the limit,
    // so one guesser neither gets unlimited tries nor locks out the tablets next to it.
    const ip = clientIp(c);
    if (enrolLimiter.isBlocked(ip)) throw new Problem('429.1');
    const { token, deviceId, officerId, communes } = await redeemDeviceCode(db, code, name).catch((e) => {
      if (e instanceof Problem && e.code === '404.50') enrolLimiter.allow(ip);
      throw e;
    });
    const officer = await db.selectFrom('users').select('full_name').where('id', '=', officerId).executeTakeFirstOrThrow();
    const answer: EnrolAnswer = { token, device: { id: deviceId, name }, officer: { fullName: officer.full_name }, communes: await describeCommunes(db, communes) };
    return c.json(answer, 201);
  });

  return r;
}
