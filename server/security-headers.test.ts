import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { forEachDatabase } from './test-databases';
import { createAgencyFocalPoint, enrolStaff, sampleOrder } from './testing/seed';

forEachDatabase((deps) => {
  describe('security headers and CORS', () => {
    afterEach(() => {
      delete process.env.TRUST_PROXY;
    });

    it('sends a CSP running only our own scripts, no framing, nosniff and a Referrer-Policy', async () => {
      const res = await deps().app.request('/api/health');
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp.split(';').map((d) => d.trim())).toEqual(expect.arrayContaining(["script-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "default-src 'self'"]));
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
      expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
      // Refusals carry them too.
      expect((await deps().app.request('/api/nothing-here')).headers.get('X-Content-Type-Options')).toBe('nosniff');
    });

    it('allows the printable enrolment codes page its one inline style, by hash', async () => {
      const agency = await createAgencyFocalPoint(deps().db, 'SNV');
      const res = await deps().app.request('/api/agency/enrolment-codes/print', { headers: agency.auth });
      expect(res.status).toBe(200);
      const html = await res.text();
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
      expect(html.match(/<style>/g)).toHaveLength(1);
      const hash = `'sha256-${createHash('sha256').update(style!).digest('base64')}'`;
      expect(res.headers.get('Content-Security-Policy')).toContain(`style-src 'self' ${hash}`);
    });

    it('sends HSTS only over TLS: a TLS listener, or a trusted proxy saying https', async () => {
      const app = deps().app;
      expect((await app.request('http://collector.test/api/health')).headers.get('Strict-Transport-Security')).toBeNull();
      expect((await app.request('https://collector.test/api/health')).headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
      // Anyone can write X-Forwarded-Proto: without TRUST_PROXY it is ignored.
      expect((await app.request('http://collector.test/api/health', { headers: { 'X-Forwarded-Proto': 'https' } })).headers.get('Strict-Transport-Security')).toBeNull();
      process.env.TRUST_PROXY = '1';
      expect((await app.request('http://collector.test/api/health', { headers: { 'X-Forwarded-Proto': 'https' } })).headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
      expect((await app.request('http://collector.test/api/health', { headers: { 'X-Forwarded-Proto': 'http' } })).headers.get('Strict-Transport-Security')).toBeNull();
    });

    it('answers CORS for its own origin and, on the staff API only, the extension schemes; never null or another site', async () => {
      const app = deps().app;
      const acao = async (path: string, origin: string, method = 'GET') =>
        (await app.request(`http://collector.test${path}`, { method, headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } })).headers.get('Access-Control-Allow-Origin');
      expect(await acao('/api/health', 'http://collector.test')).toBe('http://collector.test');
      expect(await acao('/api/staff/orders', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'OPTIONS')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
      expect(await acao('/api/page-reports', 'moz-extension://0b6a1f3e-4d2c-4e8f-9a1b-2c3d4e5f6a7b', 'OPTIONS')).toBe('moz-extension://0b6a1f3e-4d2c-4e8f-9a1b-2c3d4e5f6a7b');
      expect(await acao('/api/rules', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
      // Not the staff API: the officer's, agency's and province's calls are for the PWA only.
      expect(await acao('/api/province/agencies', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'OPTIONS')).toBeNull();
      expect(await acao('/api/kiosk/households', 'moz-extension://0b6a1f3e-4d2c-4e8f-9a1b-2c3d4e5f6a7b', 'OPTIONS')).toBeNull();
      // A path that merely starts like one of them.
      expect(await acao('/api/staffing', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'OPTIONS')).toBeNull();
      for (const origin of ['null', 'https://evil.example', 'http://collector.test.evil.example', 'https://langson.postmart.vn']) {
        expect(await acao('/api/staff/orders', origin, 'OPTIONS')).toBeNull();
        expect(await acao('/api/health', origin)).toBeNull();
      }
    });
    it('a batch of orders is answered with the same headers as every other API answer (its own JSON answer, jsonAnswer)', async () => {
      const app = deps().app;
      const staff = await enrolStaff(deps(), 'SNV');
      const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => name !== 'content-length'));
      const extension = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
      for (const [base, extra] of [
        ['http://collector.test', {}],
        ['https://collector.test', {}],
        ['http://collector.test', { Origin: extension }],
        ['http://collector.test', { Origin: 'https://evil.example' }],
      ] as const) {
        const orders = await app.request(`${base}/api/staff/orders`, { method: 'POST', headers: { ...staff.auth, 'Content-Type': 'application/json', ...extra }, body: JSON.stringify({ orders: [sampleOrder()] }) });
        expect(orders.status).toBe(200);
        const health = await app.request(`${base}/api/health`, { headers: extra });
        expect(headersOf(orders)).toEqual(headersOf(health));
        expect(orders.headers.get('Content-Type')).toBe('application/json');
        expect(orders.headers.get('X-Frame-Options')).toBe('DENY');
        expect(orders.headers.get('Vary')).toBe('Origin');
        expect(orders.headers.get('Strict-Transport-Security')).toBe(base.startsWith('https:') ? 'max-age=31536000; includeSubDomains' : null);
        expect(orders.headers.get('Access-Control-Allow-Origin')).toBe('Origin' in extra && extra.Origin === extension ? extension : null);
      }
    });
  });
});
