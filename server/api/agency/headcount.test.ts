import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../test-databases';
import { createAgencyFocalPoint, createProvinceUser } from '../../testing/seed';

const json = { 'Content-Type': 'application/json' };

forEachDatabase((deps) => {
  describe("an agency's headcount (Tổng số CB, CC, VC, NLĐ, kể cả cấp xã)", () => {
    it('the agency enters it, the province corrects and locks it, then only the province changes it', async () => {
      const { db, app } = deps();
      const focal = await createAgencyFocalPoint(db, 'STP');
      const province = await createProvinceUser(db);
      const put = (headcount: unknown) => app.request('/api/agency/headcount', { method: 'PUT', headers: { ...focal.auth, ...json }, body: JSON.stringify({ headcount }) });
      const patch = (b: object) => app.request('/api/province/agencies/STP', { method: 'PATCH', headers: { ...province.auth, ...json }, body: JSON.stringify(b) });

      const set = await put(57);
      expect(set.status).toBe(200);
      expect(await set.json()).toEqual({ headcount: 57, locked: false });
      // The participation rate of the agency's tally is worked out on it.
      const tally = await (await app.request('/api/agency/tally', { headers: focal.auth })).json();
      expect(tally.tally.headcount).toBe(57);

      const bad = await put(0);
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatchObject({ code: '400.2', field: 'headcount' });

      const locked = await patch({ headcount: 61, headcountLocked: true });
      expect(locked.status).toBe(200);
      expect(await locked.json()).toMatchObject({ code: 'STP', headcount: 61, headcountLocked: true });

      const refused = await put(70);
      expect(refused.status).toBe(409);
      expect((await refused.json()).error.code).toBe('409.14');
      expect(await (await app.request('/api/agency/headcount', { headers: focal.auth })).json()).toEqual({ headcount: 61, locked: true });

      expect((await patch({ headcountLocked: false })).status).toBe(200);
      expect(await (await put(70)).json()).toEqual({ headcount: 70, locked: false });
    });
  });
});
