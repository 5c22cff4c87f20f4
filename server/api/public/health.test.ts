import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { servePwa } from '../../static';
import { enrolStaff } from '../../testing/seed';
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

    it('answers a page report nested 200.000 deep with 400.3, not 500', async () => {
      const { app, db } = getDeps();
      const staff = await enrolStaff({ app, db }, 'SNV');
      const deep = '{"url":"https://langson.postmart.vn/x","outline":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}';
      const res = await app.request('/api/page-reports', { method: 'POST', headers: { 'Content-Type': 'application/json', ...staff.auth }, body: deep });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('400.3');
      const kiosk = await app.request('/api/kiosk/enrol', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"code":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}' });
      expect(kiosk.status).toBe(400);
      expect((await kiosk.json()).error.code).toBe('400.3');
      // 64 levels are allowed (then the shape is judged: a code is not an array), 65 are not.
      const at = (n: number) => app.request('/api/kiosk/enrol', { method: 'POST', body: '{"code":' + '['.repeat(n - 1) + ']'.repeat(n - 1) + '}' });
      expect((await (await at(64)).json()).error.code).toBe('400.2');
      expect((await (await at(65)).json()).error.code).toBe('400.3');
      // Brackets inside strings are text, not nesting.
      expect((await (await app.request('/api/kiosk/enrol', { method: 'POST', body: JSON.stringify({ code: 'KX7M-3QAT', deviceName: '['.repeat(1000) }) })).json()).error.code).toBe('404.50');
    });

    it('answers a malformed %-escape in a path with 400.4, not 500', async () => {
      const { db, kind } = getDeps();
      const dir = mkdtempSync(join(tmpdir(), 'pwa-'));
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>PWA</title>');
      const app = createApp({ db, dbKind: kind, startedAt: new Date() });
      servePwa(app, dir);
      const res = await app.request('/%E0%A4%A');
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('400.4');
      expect((await app.request('/kiosk')).status).toBe(200);
    });
  });
});
