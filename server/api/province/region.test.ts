import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../test-databases';
import { createAgencyFocalPoint, createProvinceUser } from '../../testing/seed';

forEachDatabase((deps) => {
  describe('province: household counts and signup deadlines', () => {
    const patch = (path: string, auth: Record<string, string>, body: unknown) =>
      deps().app.request(path, { method: 'PATCH', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const progressOf = async (auth: Record<string, string>, code: string) => {
      const body = await (await deps().app.request('/api/kiosk/progress', { headers: auth })).json();
      return (body.communes as { communeCode: string; householdCount: number | null; deadline: string | null }[]).find((c) => c.communeCode === code);
    };

    it('a commune household count and a district deadline set by the province show in the progress', async () => {
      const province = await createProvinceUser(deps().db);
      expect((await patch('/api/province/communes/06067', province.auth, { householdCount: 1250 })).status).toBe(200);
      expect((await patch('/api/province/districts/181', province.auth, { signupDeadline: '2021-09-30' })).status).toBe(200);
      expect(await progressOf(province.auth, '06067')).toMatchObject({ householdCount: 1250, deadline: '2021-09-30' });
      expect((await patch('/api/province/communes/06067', province.auth, { householdCount: null })).status).toBe(200);
      expect((await progressOf(province.auth, '06067'))?.householdCount).toBeNull();
    });

    it('refuses impossible figures, unknown places and other roles, changing nothing', async () => {
      const province = await createProvinceUser(deps().db);
      await patch('/api/province/communes/05971', province.auth, { householdCount: 800 });
      for (const bad of [{ householdCount: -1 }, { householdCount: 1.5 }, { householdCount: '800' }, {}]) {
        const res = await patch('/api/province/communes/05971', province.auth, bad);
        expect(res.status).toBe(400);
        expect((await res.json()).error).toMatchObject({ code: '400.2', field: 'householdCount' });
      }
      for (const bad of [{ signupDeadline: '2021-02-31' }, { signupDeadline: '31/12/2021' }, { signupDeadline: 5 }])
        expect((await patch('/api/province/districts/178', province.auth, bad)).status).toBe(400);
      expect((await patch('/api/province/communes/99999', province.auth, { householdCount: 5 })).status).toBe(404);
      const agency = await createAgencyFocalPoint(deps().db, 'SNV');
      expect((await patch('/api/province/communes/05971', agency.auth, { householdCount: 1 })).status).toBe(403);
      expect((await progressOf(province.auth, '05971'))?.householdCount).toBe(800);
    });
  });
});
