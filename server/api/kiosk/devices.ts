import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { deviceCodeRequest } from '../../../lib/api/kiosk';
import { allow, type AuthEnv } from '../../auth/require-role';
import { createDeviceCode } from '../../kiosk/device-codes';
import { communesInScope, describeCommunes } from '../../kiosk/scope';
import { listDevices, revokeDevice } from '../../kiosk/devices';
import { assignDevicePrefix } from '../../kiosk/record-codes';

/**
 * POST /api/kiosk/device-codes (officer) {communeCodes?} → {code, expiresAt, communes}: a single-use code valid 30 min,
 *   for all of the officer's communes or the subset named.
 *   The tablet redeems it at POST /api/kiosk/enrol (public/kiosk-enrol.ts).
 * GET  /api/kiosk/device (kiosk) → {device: {id, name, codePrefix}, communes}: a tablet enrolled before record codes
 *   existed gets its prefix here.
 * GET  /api/kiosk/devices (officer: the tablets they enrolled; province: all) → {devices:[KioskDeviceView]}
 * POST /api/kiosk/devices/:id/revoke (officer: own tablets; province: any) → the device, revoked: its token answers
 *   401.3 from now on, what it sent stays; 404.1 for another officer's tablet.
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
    return c.json({ device: { ...device, codePrefix: await assignDevicePrefix(db, device.id) }, communes: await describeCommunes(db, communes === 'all' ? [] : communes) });
  });

  r.get('/devices', allow('officer', 'province'), async (c) => {
    const p = c.get('principal');
    return c.json({ devices: await listDevices(db, p.role === 'province' ? null : p.subjectId) });
  });

  r.post('/devices/:id/revoke', allow('officer', 'province'), async (c) => {
    const p = c.get('principal');
    const mine = await listDevices(db, p.role === 'province' ? null : p.subjectId);
    const device = mine.find((d) => d.id === c.req.param('id'));
    if (!device) throw new Problem('404.1');
    await revokeDevice(db, device.id);
    return c.json((await listDevices(db, device.enrolledBy.id)).find((d) => d.id === device.id));
  });

  return r;
}
