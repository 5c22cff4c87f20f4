import { describe, expect, it } from 'vitest';
import { forEachDatabase } from './test-databases';

forEachDatabase((getDeps) => {
  describe('health and households', () => {
    it('answers health with the database kind', async () => {
      const { app, kind } = getDeps();
      const res = await app.request('/api/health');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', database: kind });
    });

    it('stores a household once per client id and refuses a different body under the same id', async () => {
      const { app } = getDeps();
      const post = (body: unknown) => app.request('/api/households', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const first = await post({ clientId: 'c-1', communeCode: '06181', headName: 'Hoàng Văn Thụ' });
      expect(first.status).toBe(201);
      const again = await post({ clientId: 'c-1', communeCode: '06181', headName: 'Hoàng Văn Thụ' });
      expect(again.status).toBe(200);
      expect((await again.json()).id).toBe((await first.json()).id);
      const conflict = await post({ clientId: 'c-1', communeCode: '06181', headName: 'Người khác' });
      expect(conflict.status).toBe(409);
      expect((await conflict.json()).error.code).toBe('409.1');
      const list = await (await app.request('/api/households')).json();
      expect(list.households).toHaveLength(1);
    });

    it('refuses malformed JSON with a Vietnamese message', async () => {
      const { app } = getDeps();
      const res = await app.request('/api/households', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{nope' });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('400.1');
      expect(body.error.message).toMatch(/JSON/);
    });
  });
});
