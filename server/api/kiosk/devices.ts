import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { deviceCodeRequest } from '../../../lib/api/kiosk';
import { allow, type AuthEnv } from '../../auth/require-role';
import { createDeviceCode } from '../../kiosk/device-codes';
import { communesInScope, describeCommunes } from '../../kiosk/scope';

/**
 * POST /api/kiosk/device-codes (officer) {communeCodes?} → {code, expiresAt, communes}: a single-use code valid 30 min,
 *   for all of the officer's communes or the subset named.
 *   The tablet redeems it at POST /api/kiosk/enrol (public/kiosk-enrol.ts).
 * GET  /api/kiosk/device (kiosk) → {device, communes}.
 */
export function kioskDeviceRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.post('/device-codes', allow('officer'), body(deviceCodeRequest), async (c) => {
    const p = c.get('principal');
    const { communeCodes: wanted } = c.req.valid('json');
    const mine = await communesInScope(db, p);
    if (mine === 'all' || !mine.length) throw new Problem('403.50');
    let communes = mine;
    if (wanted?.length) {
      if (!wanted.every((x) => mine.includes(x))) throw new Problem('403.50', { field: 'communeCodes' });
      communes = wanted;
    }
    const { code, expiresAt } = await createDeviceCode(db, p.subjectId, communes);
    return c.json({ code, expiresAt, communes: await describeCommunes(db, communes) }, 201);
  });

  r.get('/device', allow('kiosk'), async (c) => {
    const p = c.get('principal');
    const device = await db.selectFrom('kiosk_devices').select(['id', 'name']).where('id', '=', p.subjectId).executeTakeFirstOrThrow();
    const communes = await communesInScope(db, p);
    return c.json({ device, communes: await describeCommunes(db, communes === 'all' ? [] : communes) });
  });

  return r;
}
