import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { giveBack, limitsOf, spendTry } from '../../auth/rate-limit';
import { clientAddress } from '../../auth/client-address';
import { normaliseDeviceCode, redeemDeviceCode } from '../../kiosk/device-codes';
import { describeCommunes } from '../../kiosk/scope';
import { kioskEnrolRequest, type EnrolAnswer } from '../../../lib/api/kiosk';

/**
 * A tablet enrols with the code an officer made (kiosk/devices.ts); it has no token yet.
 * POST /api/kiosk/enrol {code, deviceName} → EnrolAnswer: the tablet's own token, scoped to those communes.
 */
export function kioskEnrolRoutes({ db }: AppDeps) {
  const r = new Hono();

  r.post('/', body(kioskEnrolRequest), async (c) => {
    const { code, deviceName: name } = c.req.valid('json');
    if (normaliseDeviceCode(code).length !== 8) throw new Problem('400.2', { field: 'code' });
    // A try is spent before the lookup (atomically, in the database every instance shares) and given back when
    // the code was right: a guesser gets 20 wrong tries per 15 minutes from one address, the tablets next to it
    // are not locked out by its misses.
    const limits = limitsOf(db);
    const attempt: [typeof limits.deviceCodeAddress, string] = [limits.deviceCodeAddress, clientAddress(c)];
    await spendTry(attempt);
    const { token, deviceId, codePrefix, officerId, communes } = await redeemDeviceCode(db, code, name);
    await giveBack(attempt);
    const officer = await db.selectFrom('users').select('full_name').where('id', '=', officerId).executeTakeFirstOrThrow();
    const answer: EnrolAnswer = { token, device: { id: deviceId, name, codePrefix }, officer: { fullName: officer.full_name }, communes: await describeCommunes(db, communes) };
    return c.json(answer, 201);
  });

  return r;
}
