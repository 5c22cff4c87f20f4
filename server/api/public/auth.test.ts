import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { forEachDatabase } from '../../test-databases';
import { hashPassword } from '../../auth/passwords';
import { issueToken } from '../../auth/tokens';

forEachDatabase((deps) => {
  describe('sign in, sessions and roles', () => {
    const login = (username: string, password: string) =>
      deps().app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });

    it('signs a province user in, answers /me, and refuses the token after logout', async () => {
      const { db, app } = deps();
      await db
        .insertInto('users')
        .values({ id: randomUUID(), username: 'tinh', password_hash: await hashPassword('mat-khau-rat-dai'), role: 'province', full_name: 'Sở TT&TT', agency_code: null, created_at: new Date().toISOString(), disabled_at: null })
        .execute();
      expect((await login('tinh', 'sai-mat-khau')).status).toBe(401);
      const res = await login('TINH', 'mat-khau-rat-dai');
      expect(res.status).toBe(200);
      const { token, user } = await res.json();
      expect(user.role).toBe('province');
      const auth = { Authorization: `Bearer ${token}` };
      expect((await app.request('/api/auth/me', { headers: auth })).status).toBe(200);
      expect((await app.request('/api/auth/logout', { method: 'POST', headers: auth })).status).toBe(204);
      const after = await app.request('/api/auth/me', { headers: auth });
      expect(after.status).toBe(401);
      expect((await after.json()).error.code).toBe('401.1');
    });

    it("names an agency focal point's agency in full, on sign-in, /me and the province's account list", async () => {
      const { db, app } = deps();
      await db
        .insertInto('users')
        .values({ id: randomUUID(), username: 'daumoi-snv', password_hash: await hashPassword('mat-khau-rat-dai'), role: 'agency', full_name: 'Lê Thị Hà', agency_code: 'SNV', created_at: new Date().toISOString(), disabled_at: null })
        .execute();
      const res = await login('daumoi-snv', 'mat-khau-rat-dai');
      const { token, user } = await res.json();
      expect(user).toMatchObject({ agencyCode: 'SNV', agencyName: 'Sở Nội vụ tỉnh Lạng Sơn' });
      const me = await (await app.request('/api/auth/me', { headers: { Authorization: `Bearer ${token}` } })).json();
      expect(me.agencyName).toBe('Sở Nội vụ tỉnh Lạng Sơn');
      const province = await issueToken(db, { role: 'province', subjectId: 'p', agencyCode: null }, null);
      const list = await (await app.request('/api/province/users', { headers: { Authorization: `Bearer ${province.token}` } })).json();
      const row = list.users.find((u: { username: string }) => u.username === 'daumoi-snv');
      expect(row).toMatchObject({ agencyCode: 'SNV', agencyName: 'Sở Nội vụ tỉnh Lạng Sơn' });
    });

    it('refuses expired tokens and tokens of another role', async () => {
      const { db, app } = deps();
      const expired = await issueToken(db, { role: 'agency', subjectId: 'x', agencyCode: 'STTTT' }, -1000);
      expect((await app.request('/api/auth/me', { headers: { Authorization: `Bearer ${expired.token}` } })).status).toBe(401);
      const staff = await issueToken(db, { role: 'staff', subjectId: 'y', agencyCode: 'STTTT' }, null);
      const res = await app.request('/api/auth/me', { headers: { Authorization: `Bearer ${staff.token}` } });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('403.1');
    });

    it('seeds the Lạng Sơn region pack once', async () => {
      const { db } = deps();
      const communes = await db.selectFrom('communes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const agencies = await db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(communes.n)).toBe(200);
      expect(Number(agencies.n)).toBe(42);
    });
  });
});
