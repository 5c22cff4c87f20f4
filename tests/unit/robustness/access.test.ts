/**
 * Issue 11, who can get in and for how long: guess limits that hold under parallel guessing (in the database, one
 * atomic try before the lookup), sign-in limits keyed on address AND account, honest X-Forwarded-For handling,
 * cheap hashes upgraded at sign-in, tablets and staff that can be cut off (401.3) with what they sent kept, tablets
 * narrowed with their officer, an inactive agency that takes nothing new. Both databases.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { forEachDatabase } from '../../../server/test-databases';
import { createAgencyFocalPoint, createProvinceUser, enrolStaff, sampleOrder, submitOrders, testPassword } from '../../../server/testing/seed';
import { createCommuneOfficer } from '../../../server/testing/seed';
import { hashToken } from '../../../server/auth/tokens';
import { enrolKiosk, household } from './people';

let addressSerial = 0;
/** A fresh client address per test, so limits spent by one test do not leak into the next. */
const freshAddress = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(++addressSerial / 250) % 250}.${addressSerial % 250}`;

forEachDatabase((deps) => {
  const post = (path: string, body: unknown, opts: { token?: string; from?: string; headers?: Record<string, string> } = {}) =>
    deps().app.request(
      path,
      { method: 'POST', headers: { 'Content-Type': 'application/json', ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}), ...opts.headers }, body: JSON.stringify(body) },
      { incoming: { socket: { remoteAddress: opts.from ?? '127.0.0.1' } } },
    );
  const get = (path: string, token: string) => deps().app.request(path, { headers: { Authorization: `Bearer ${token}` } }, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
  const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  afterEach(() => {
    delete process.env.TRUST_PROXY;
  });

  describe('guess limits hold under 300 parallel guesses', () => {
    it('tablet device codes: exactly 20 wrong tries get an answer, 280 get 429.1; the right code still works from elsewhere', async () => {
      const from = freshAddress();
      const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => post('/api/kiosk/enrol', { code: `QQQQ${String(3000 + i).replace(/[0-25-8]/g, '3')}`, deviceName: 'Máy đoán' }, { from })));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 404)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(280);
      expect(await codeOf(answers[statuses.indexOf(429)])).toBe('429.1');
      // A tablet next door is not locked out: it enrols (enrolKiosk requires 201) and its token works.
      const kiosk = await enrolKiosk(deps());
      expect((await get('/api/kiosk/households', kiosk.token)).status).toBe(200);
    });

    it('staff enrolment codes: exactly 30 wrong tries per address, whatever prefixes', async () => {
      const from = freshAddress();
      const answers = await Promise.all(
        Array.from({ length: 300 }, (_, i) => post('/api/staff/enrol', { code: `${['ABCD', 'EFGH', 'JKMN', 'PQRS', 'TUVW', 'XYZ2'][i % 6]}-${'ABCDEFGH'.slice(i % 5, (i % 5) + 4)}`, fullName: 'Kẻ đoán mã', installationId: `guess-${i}-000` }, { from })),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 404)).toHaveLength(30);
      expect(statuses.filter((s) => s === 429)).toHaveLength(270);
    });

    it('staff enrolment codes: exactly 20 wrong tries per code prefix, whatever addresses', async () => {
      const prefix = randomBytes(4).toString('hex').toUpperCase().replace(/[^A-HJ-NP-Z2-9]/g, 'K').slice(0, 4);
      const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => deps().app.request(`/api/enrolment-codes/${prefix}-${'ABCDEFGHJK'[i % 10]}${'MNPQRSTUVW'[Math.floor(i / 10) % 10]}XY`, {}, { incoming: { socket: { remoteAddress: freshAddress() } } })));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 404)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(280);
    });
  });

  describe('sign-in limits', () => {
    it('ten wrong passwords from one address do not lock the province admin out from another', async () => {
      const admin = await createProvinceUser(deps().db);
      const attacker = freshAddress();
      const tries = [];
      for (let i = 0; i < 11; i++) tries.push((await post('/api/auth/login', { username: admin.username, password: `doan-sai-${i}-xx` }, { from: attacker })).status);
      expect(tries).toEqual([...Array(10).fill(401), 429]);
      // The right password from the attacker's address is refused too: it is that place that is blocked.
      expect((await post('/api/auth/login', { username: admin.username, password: testPassword }, { from: attacker })).status).toBe(429);
      const office = await post('/api/auth/login', { username: admin.username, password: testPassword }, { from: freshAddress() });
      expect(office.status).toBe(200);
    }, 120_000);

    it('one password sprayed across many usernames from one address stops after 30 tries', async () => {
      // All at once: the cap holds under parallel tries too (each is counted before its password is checked).
      const from = freshAddress();
      const statuses = (await Promise.all(Array.from({ length: 31 }, (_, i) => post('/api/auth/login', { username: `nguoi-${i}-${randomUUID().slice(0, 4)}`, password: 'MatKhau@2026' }, { from })))).map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(30);
      expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    }, 120_000);

    it('a right sign-in gives its try back: the office behind one address is not counted for its successes', async () => {
      const officer = await createCommuneOfficer(deps().db, ['06181']);
      const from = freshAddress();
      for (let i = 0; i < 31; i++) expect((await post('/api/auth/login', { username: officer.username, password: testPassword }, { from })).status).toBe(200);
    }, 120_000);

    it('X-Forwarded-For: with TRUST_PROXY=1 the key is the address the proxy appended, not what the client wrote', async () => {
      process.env.TRUST_PROXY = '1';
      const real = freshAddress();
      const statuses = [];
      for (let i = 0; i < 21; i++) {
        const forged = `${i}.${i}.${i}.${i}`;
        statuses.push((await post('/api/kiosk/enrol', { code: 'QQQQ-3333', deviceName: 'Máy đoán' }, { headers: { 'X-Forwarded-For': `${forged}, ${real}` } })).status);
      }
      expect(statuses).toEqual([...Array(20).fill(404), 429]);
      // Two proxies: the client is the second entry from the right; a third hop's value is ignored the same way.
      process.env.TRUST_PROXY = '2';
      const other = freshAddress();
      const two = [];
      for (let i = 0; i < 21; i++) two.push((await post('/api/kiosk/enrol', { code: 'QQQQ-3333', deviceName: 'Máy đoán' }, { headers: { 'X-Forwarded-For': `${i}.0.0.1, ${other}, 10.0.0.1` } })).status);
      expect(two).toEqual([...Array(20).fill(404), 429]);
    });

    it('an old, cheaper password hash still signs in and is replaced by one at today\'s cost', async () => {
      const admin = await createProvinceUser(deps().db);
      const salt = randomBytes(16);
      const old = `scrypt$16384$8$1$${salt.toString('base64url')}$${scryptSync(testPassword, salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64url')}`;
      await deps().db.updateTable('users').set({ password_hash: old }).where('id', '=', admin.id).execute();
      expect((await post('/api/auth/login', { username: admin.username, password: testPassword }, { from: freshAddress() })).status).toBe(200);
      const stored = await deps().db.selectFrom('users').select('password_hash').where('id', '=', admin.id).executeTakeFirstOrThrow();
      expect(stored.password_hash.split('$').slice(0, 4)).toEqual(['scrypt', '131072', '8', '1']);
      expect((await post('/api/auth/login', { username: admin.username, password: testPassword }, { from: freshAddress() })).status).toBe(200);
    });
  });

  describe('tablets', () => {
    it('an officer lists and revokes their own tablets; another officer gets 404; the province sees all', async () => {
      const a = await enrolKiosk(deps(), ['06181']);
      const b = await enrolKiosk(deps(), ['05995']);
      const listA = await get('/api/kiosk/devices', a.officer.token);
      expect(listA.status).toBe(200);
      const devicesA = ((await listA.json()) as { devices: { id: string; communeCodes: string[]; revokedAt: string | null }[] }).devices;
      expect(devicesA.map((d) => [d.id, d.communeCodes, d.revokedAt])).toEqual([[a.deviceId, ['06181'], null]]);
      const foreign = await post(`/api/kiosk/devices/${b.deviceId}/revoke`, {}, { token: a.officer.token });
      expect(foreign.status).toBe(404);
      expect((await get('/api/kiosk/device', b.token)).status).toBe(200);
      const province = await createProvinceUser(deps().db);
      const all = ((await (await get('/api/kiosk/devices', province.token)).json()) as { devices: { id: string }[] }).devices.map((d) => d.id);
      expect(all).toContain(a.deviceId);
      expect(all).toContain(b.deviceId);

      const sent = await post('/api/kiosk/households', { households: [household()] }, { token: a.token });
      expect(sent.status).toBe(200);
      const revoked = await post(`/api/kiosk/devices/${a.deviceId}/revoke`, {}, { token: a.officer.token });
      expect(revoked.status).toBe(200);
      expect(((await revoked.json()) as { revokedAt: string | null }).revokedAt).not.toBeNull();
      const after = await get('/api/kiosk/households', a.token);
      expect(after.status).toBe(401);
      expect(await codeOf(after)).toBe('401.3');
      // What it sent stays.
      const kept = await deps().db.selectFrom('households').select('id').where('device_id', '=', a.deviceId).execute();
      expect(kept).toHaveLength(1);
      // The province revokes any tablet.
      expect((await post(`/api/kiosk/devices/${b.deviceId}/revoke`, {}, { token: province.token })).status).toBe(200);
      expect(await codeOf(await get('/api/kiosk/device', b.token))).toBe('401.3');
    });

    it('disabling an officer cuts their tablets off at once', async () => {
      const k = await enrolKiosk(deps(), ['06181']);
      const province = await createProvinceUser(deps().db);
      const res = await deps().app.request(`/api/province/users/${k.officer.id}`, { method: 'PATCH', headers: { ...province.auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ disabled: true }) });
      expect(res.status).toBe(200);
      const after = await get('/api/kiosk/device', k.token);
      expect(after.status).toBe(401);
      expect(await codeOf(after)).toBe('401.3');
    });

    it("changing an officer's communes narrows their tablets; a tablet left with none is revoked", async () => {
      const officer = await createCommuneOfficer(deps().db, ['06181', '06184']);
      const enrol = async (communeCodes: string[]) => {
        const made = (await (await post('/api/kiosk/device-codes', { communeCodes }, { token: officer.token })).json()) as { code: string };
        return ((await (await post('/api/kiosk/enrol', { code: made.code, deviceName: 'Máy xã' }, { from: freshAddress() })).json()) as { token: string }).token;
      };
      const both = await enrol(['06181', '06184']);
      const only06184 = await enrol(['06184']);
      const province = await createProvinceUser(deps().db);
      const res = await deps().app.request(`/api/province/users/${officer.id}`, { method: 'PATCH', headers: { ...province.auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ communeCodes: ['06181'] }) });
      expect(res.status).toBe(200);
      const device = (await (await get('/api/kiosk/device', both)).json()) as { communes: { code: string }[] };
      expect(device.communes.map((c) => c.code)).toEqual(['06181']);
      // Cross-commune: the narrowed tablet may no longer send for 06184.
      const outside = await post('/api/kiosk/households', { households: [household({ communeCode: '06184' })] }, { token: both });
      expect(outside.status).toBe(200);
      expect(((await outside.json()) as { results: { problem?: { code: string } }[] }).results[0].problem?.code).toBe('403.50');
      expect(await codeOf(await get('/api/kiosk/device', only06184))).toBe('401.3');
    });

    it('tablet tokens expire and are renewed while in use', async () => {
      const k = await enrolKiosk(deps());
      const row = () => deps().db.selectFrom('tokens').select('expires_at').where('token_hash', '=', hashToken(k.token)).executeTakeFirstOrThrow();
      const day = 86_400_000;
      const issued = Date.parse((await row()).expires_at!);
      expect(Math.round((issued - Date.now()) / day)).toBe(30);
      // Ten days later (its expiry pulled in), one call pushes it back to 30 days from now.
      await deps().db.updateTable('tokens').set({ expires_at: new Date(Date.now() + 20 * day).toISOString() }).where('token_hash', '=', hashToken(k.token)).execute();
      expect((await get('/api/kiosk/device', k.token)).status).toBe(200);
      expect(Math.round((Date.parse((await row()).expires_at!) - Date.now()) / day)).toBe(30);
      // Past its expiry it stops.
      await deps().db.updateTable('tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('token_hash', '=', hashToken(k.token)).execute();
      const expired = await get('/api/kiosk/device', k.token);
      expect(expired.status).toBe(401);
      expect(await codeOf(expired)).toBe('401.1');
    });

    it('the roster a tablet downloads carries hashes, never a phone or ID number', async () => {
      const k = await enrolKiosk(deps());
      const h = household();
      expect((await post('/api/kiosk/households', { households: [h] }, { token: k.token })).status).toBe(200);
      const text = await (await get('/api/kiosk/households', k.token)).text();
      expect(text).toContain(h.headName);
      expect(text).not.toContain(h.phone);
      expect(text).not.toContain(h.idNumber);
    });
  });

  describe('staff', () => {
    it('the agency revokes a person: their token stops at once (401.3), their orders stay; another agency gets 404', async () => {
      const staff = await enrolStaff(deps(), 'SNV');
      expect((await submitOrders(deps(), staff, [sampleOrder()])).status).toBe(200);
      const other = await createAgencyFocalPoint(deps().db, 'STTTT');
      expect((await post(`/api/agency/participants/${staff.id}/revoke`, {}, { token: other.token })).status).toBe(404);
      expect((await get('/api/staff/me', staff.token)).status).toBe(200);
      const agency = await createAgencyFocalPoint(deps().db, 'SNV');
      const res = await post(`/api/agency/participants/${staff.id}/revoke`, {}, { token: agency.token });
      expect(res.status).toBe(200);
      const after = await get('/api/staff/me', staff.token);
      expect(after.status).toBe(401);
      expect(await codeOf(after)).toBe('401.3');
      const orders = await deps().db.selectFrom('staff_orders').select('id').where('staff_id', '=', staff.id).execute();
      expect(orders).toHaveLength(1);
      const listed = ((await (await get('/api/agency/participants', agency.token)).json()) as { participants: { staffId: string; revokedAt: string | null }[] }).participants;
      expect(listed.find((p) => p.staffId === staff.id)?.revokedAt).not.toBeNull();
    });

    it('re-enrolling revokes the old token; a revoked person cannot re-enrol with the office code (403.11)', async () => {
      const { db } = deps();
      const code = await (await import('../../../server/testing/seed')).createEnrolmentCode(db, 'SNV', { maxUses: 10 });
      const installationId = `inst-${randomUUID()}`;
      const enrol = () => post('/api/staff/enrol', { code, fullName: 'Hoàng Thị Lan', installationId }, { from: freshAddress() });
      const first = (await (await enrol()).json()) as { token: string; staff: { id: string }; expiresAt: string };
      expect(Math.round((Date.parse(first.expiresAt) - Date.now()) / 86_400_000)).toBe(180);
      const second = await enrol();
      expect(second.status).toBe(200);
      const secondToken = ((await second.json()) as { token: string }).token;
      expect(await codeOf(await get('/api/staff/me', first.token))).toBe('401.3');
      expect((await get('/api/staff/me', secondToken)).status).toBe(200);
      const agency = await createAgencyFocalPoint(db, 'SNV');
      expect((await post(`/api/agency/participants/${first.staff.id}/revoke`, {}, { token: agency.token })).status).toBe(200);
      const again = await enrol();
      expect(again.status).toBe(403);
      expect(await codeOf(again)).toBe('403.11');
    });

    it('an inactive agency accepts no new order and no new enrolment code (403.12)', async () => {
      const { db } = deps();
      const staff = await enrolStaff(deps(), 'STC');
      const agency = await createAgencyFocalPoint(db, 'STC');
      await db.updateTable('agencies').set({ active: 0 }).where('code', '=', 'STC').execute();
      try {
        const before = await db.selectFrom('staff_orders').select('id').where('staff_id', '=', staff.id).execute();
        const res = await submitOrders(deps(), staff, [sampleOrder()]);
        expect(res.status).toBe(403);
        expect((res.body as unknown as { error: { code: string } }).error.code).toBe('403.12');
        expect(await db.selectFrom('staff_orders').select('id').where('staff_id', '=', staff.id).execute()).toHaveLength(before.length);
        const codes = await post('/api/agency/enrolment-codes', { count: 1 }, { token: agency.token });
        expect(codes.status).toBe(403);
        expect(await codeOf(codes)).toBe('403.12');
      } finally {
        await db.updateTable('agencies').set({ active: 1 }).where('code', '=', 'STC').execute();
      }
    });
  });
});
