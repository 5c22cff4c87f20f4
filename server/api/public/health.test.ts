import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../test-databases';

forEachDatabase((getDeps) => {
  describe('health and malformed requests', () => {
    it('answers health with the database kind', async () => {
      const { app, kind } = getDeps();
      const res = await app.request('/api/health');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', database: kind });
    });

    it('refuses malformed JSON with a Vietnamese message', async () => {
      const { app } = getDeps();
      const res = await app.request('/api/kiosk/enrol', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{nope' });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('400.1');
      expect(body.error.message).toMatch(/JSON/);
    });
  });
});
