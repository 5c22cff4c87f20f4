import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { forEachDatabase } from '../../test-databases';
import { formatEnrolmentCode } from '../../../lib/enrolment-code';
import { rulesFromCollector } from '../../../lib/marketplaces/rules';
import { rulesAnswerSchema } from '../../../lib/api/staff';
import { expectShape } from '../../testing/shape';
import { createAgencyFocalPoint, createEnrolmentCode, createProvinceUser, enrolStaff, sampleOrder, submitOrders } from '../../testing/seed';

const json = { 'Content-Type': 'application/json' };

forEachDatabase((deps) => {
  const enrol = (code: string, installationId = randomUUID(), fullName = 'Trần Thị Bình') =>
    deps().app.request('/api/staff/enrol', { method: 'POST', headers: json, body: JSON.stringify({ code, fullName, installationId }) });

  describe('enrolment codes', () => {
    it('previews a code typed loosely, enrols, and answers /me with the agency and periods', async () => {
      const { db, app } = deps();
      const code = await createEnrolmentCode(db, 'SNV', { maxUses: 2 });
      const typed = formatEnrolmentCode(code).toLowerCase().replace('-', ' - ');
      const preview = await app.request(`/api/enrolment-codes/${encodeURIComponent(typed)}`);
      expect(preview.status).toBe(200);
      expect((await preview.json()).agency).toEqual({ code: 'SNV', name: 'Sở Nội vụ tỉnh Lạng Sơn' });

      const installation = randomUUID();
      const res = await enrol(typed, installation, '  Trần   Thị Bình ');
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.staff.fullName).toBe('Trần Thị Bình');
      expect(body.periods[0]).toMatchObject({ id: '2021-dot-1', startsOn: '2021-08-01', endsOn: '2021-09-30', reportDue: '2021-09-30' });
      const me = await app.request('/api/staff/me', { headers: { Authorization: `Bearer ${body.token}` } });
      expect((await me.json()).agency.code).toBe('SNV');

      // Enrolling again from the same installation is the same person and uses no extra seat.
      const again = await (await enrol(code, installation)).json();
      expect(again.staff.id).toBe(body.staff.id);
      expect((await enrol(code)).status).toBe(200);
      const full = await enrol(code);
      expect(full.status).toBe(409);
      expect((await full.json()).error.code).toBe('409.10');
    });

    it('refuses expired, revoked and unknown codes with 404.10', async () => {
      const { db, app } = deps();
      const expired = await createEnrolmentCode(db, 'SNV', { expiresAt: new Date(Date.now() - 1000).toISOString() });
      const revoked = await createEnrolmentCode(db, 'SNV', { revoked: true });
      for (const code of [expired, revoked, 'ABCD0000', 'XYZ']) {
        const res = await enrol(code);
        expect(res.status).toBe(404);
        expect((await res.json()).error.code).toBe('404.10');
      }
      expect((await app.request(`/api/enrolment-codes/${expired}`)).status).toBe(404);
    });

    it('rate-limits guessing from one address', async () => {
      const { app } = deps();
      const env = { incoming: { socket: { remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } } };
      const codes: number[] = [];
      for (let i = 0; i < 32; i++) {
        const guess = `${'ABCDEFGH'.slice(i % 8)}${'JKMNPQRS'.slice(0, i % 8)}`;
        codes.push((await app.request(`/api/enrolment-codes/${guess}`, {}, env)).status);
      }
      expect(codes.slice(0, 30).every((s) => s === 404)).toBe(true);
      expect(codes[31]).toBe(429);
    });
  });

  describe('orders', () => {
    it('accepts an order, answers the same again, and refuses different content under the same clientId', async () => {
      const d = deps();
      const staff = await enrolStaff(d, 'STP');
      const order = sampleOrder();
      const first = await submitOrders(d, staff, [order]);
      expect(first.status).toBe(200);
      expect(first.body.results[0]).toMatchObject({ clientId: order.clientId, status: 'accepted' });
      const again = await submitOrders(d, staff, [order]);
      expect(again.body.results[0]).toEqual(first.body.results[0]);
      const changed = await submitOrders(d, staff, [{ ...order, total: 1 }]);
      expect(changed.body.results[0]).toMatchObject({ status: 'rejected', problem: { code: '409.1' } });

      const row = await d.db.selectFrom('staff_orders').selectAll().where('client_id', '=', order.clientId).executeTakeFirstOrThrow();
      expect([row.counted, row.farm_items, row.farm_quantity, Number(row.farm_amount), Number(row.farm_grams)]).toEqual([1, 1, 2, 240_000, 1000]);
    });

    it('reads a batch sent as text (a fetch of a string says text/plain) as JSON; refuses text that is not JSON with 400.1', async () => {
      const d = deps();
      const staff = await enrolStaff(d, 'STP');
      const order = sampleOrder();
      const post = (body: string) => d.app.request('/api/staff/orders', { method: 'POST', headers: { ...staff.auth, 'Content-Type': 'text/plain;charset=UTF-8' }, body });
      const res = await post(JSON.stringify({ orders: [order] }));
      expect(res.status).toBe(200);
      expect((await res.json()).results).toEqual([{ clientId: order.clientId, status: 'accepted', serverId: expect.any(String) }]);
      const bad = await post('{"orders": [');
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.code).toBe('400.1');
      expect(await d.db.selectFrom('staff_orders').select('id').where('staff_id', '=', staff.id).execute()).toHaveLength(1);
    });

    it('judges each order of a batch on its own, with a clear reason', async () => {
      const d = deps();
      const staff = await enrolStaff(d, 'STP');
      const good = sampleOrder({ orderCode: 'Mã\u0301 1' });
      const item = sampleOrder().items[0];
      const { body } = await submitOrders(d, staff, [
        good,
        sampleOrder({ items: [{ ...item, quantity: 0 }] }),
        sampleOrder({ items: [{ ...item, lineTotal: -5 }] }),
        sampleOrder({ items: [{ ...item, unitPrice: 1.5 }] }),
        sampleOrder({ placedAt: '2021-10-15T02:00:00Z' }),
        sampleOrder({ marketplace: 'shopee' }),
        sampleOrder({ placedAt: '2021-02-30' }),
        'not an order',
      ]);
      const r = body.results;
      expect(r[0].status).toBe('accepted');
      expect(r[1]).toMatchObject({ status: 'rejected', problem: { code: '400.10', field: 'items[0].quantity' } });
      expect(r[2].problem).toMatchObject({ code: '400.10', field: 'items[0].lineTotal' });
      expect(r[3].problem?.field).toBe('items[0].unitPrice');
      expect(r[4].problem).toMatchObject({ code: '400.11', field: 'placedAt' });
      expect(r[4].problem?.message).toContain('15/10/2021');
      expect(r[5].problem?.field).toBe('marketplace');
      expect(r[6].problem?.field).toBe('placedAt');
      expect(r[7].status).toBe('rejected');
      const stored = await d.db.selectFrom('staff_orders').select('order_code').where('client_id', '=', good.clientId).executeTakeFirstOrThrow();
      // Stored normalised for the double-claim check: NFKC, no spaces, upper case.
      expect(stored.order_code).toBe('M\u00c3\u03011');

      const tooMany = await submitOrders(d, staff, Array.from({ length: 101 }, () => sampleOrder()));
      expect(tooMany.status).toBe(400);
    });

    it('flags a marketplace order claimed by two people, and clears the flag when one withdraws', async () => {
      const d = deps();
      const a = await enrolStaff(d, 'STP', 'Người A');
      const b = await enrolStaff(d, 'SNV', 'Người B');
      const code = `PM-${randomUUID()}`;
      const oa = sampleOrder({ marketplace: 'postmart', orderCode: code });
      const ob = sampleOrder({ marketplace: 'postmart', orderCode: code });
      expect((await submitOrders(d, a, [oa])).body.results[0].status).toBe('accepted');
      expect((await submitOrders(d, b, [ob])).body.results[0].status).toBe('flagged');
      const listA = await (await d.app.request('/api/staff/orders', { headers: a.auth })).json();
      expect(listA.orders[0]).toMatchObject({ clientId: oa.clientId, status: 'flagged' });
      expect(listA.orders[0].reason).toMatch(/xem xét/);

      const w = await d.app.request(`/api/staff/orders/${ob.clientId}`, { method: 'DELETE', headers: b.auth });
      expect(await w.json()).toEqual({ clientId: ob.clientId, status: 'withdrawn' });
      const after = await (await d.app.request('/api/staff/orders', { headers: a.auth })).json();
      expect(after.orders[0].status).toBe('accepted');
      const listB = await (await d.app.request('/api/staff/orders', { headers: b.auth })).json();
      expect(listB.orders.map((o: { status: string }) => o.status)).toEqual(['withdrawn']);
      expect((await d.app.request(`/api/staff/orders/nope-nope-nope`, { method: 'DELETE', headers: b.auth })).status).toBe(404);
      // A withdrawn claim no longer stands: the same marketplace order claimed again by someone else is accepted.
      const again = `PM-${randomUUID()}`;
      const first = sampleOrder({ marketplace: 'postmart', orderCode: again });
      expect((await submitOrders(d, a, [first])).body.results[0].status).toBe('accepted');
      expect((await d.app.request(`/api/staff/orders/${first.clientId}`, { method: 'DELETE', headers: a.auth })).status).toBe(200);
      expect((await submitOrders(d, b, [sampleOrder({ marketplace: 'postmart', orderCode: again })])).body.results[0]).toEqual(expect.objectContaining({ status: 'accepted' }));
    });

    it('gives the agency’s decision back: excluded with its note, counted on review, held with its reason', async () => {
      const d = deps();
      const staff = await enrolStaff(d, 'SCT', 'Người C');
      const other = await enrolStaff(d, 'SCT', 'Người D');
      const focal = await createAgencyFocalPoint(d.db, 'SCT');
      const code = `VS-${randomUUID()}`;
      const [excluded, held] = [sampleOrder(), sampleOrder({ orderCode: code })];
      await submitOrders(d, staff, [excluded, held]);
      await submitOrders(d, other, [sampleOrder({ orderCode: code })]);
      const id = (clientId: string) => d.db.selectFrom('staff_orders').select('id').where('client_id', '=', clientId).executeTakeFirstOrThrow();
      const review = await d.app.request(`/api/agency/review/${(await id(excluded.clientId)).id}`, {
        method: 'POST',
        headers: { ...focal.auth, ...json },
        body: JSON.stringify({ decision: 'excluded', note: 'Đơn mua hộ người thân' }),
      });
      expect(review.status).toBe(200);
      const res = await d.app.request('/api/staff/orders', { headers: staff.auth });
      expect(res.status).toBe(200);
      const { orders } = await res.json();
      expect(orders).toHaveLength(2);
      const byId = new Map(orders.map((o: { clientId: string }) => [o.clientId, o]));
      expect(byId.get(excluded.clientId)).toMatchObject({
        status: 'rejected',
        review: 'excluded',
        reviewNote: 'Đơn mua hộ người thân',
        counted: false,
        reason: 'Cơ quan không tính đơn này: Đơn mua hộ người thân',
        problem: { code: '403.10', message: 'Cơ quan không tính đơn này: Đơn mua hộ người thân' },
      });
      expect(byId.get(held.clientId)).toMatchObject({ status: 'flagged', review: null, reviewNote: null, counted: false });

      await d.app.request(`/api/agency/review/${(await id(held.clientId)).id}`, { method: 'POST', headers: { ...focal.auth, ...json }, body: JSON.stringify({ decision: 'counted', note: '' }) });
      const after = (await (await d.app.request('/api/staff/orders', { headers: staff.auth })).json()).orders.find((o: { clientId: string }) => o.clientId === held.clientId);
      expect(after).toMatchObject({ status: 'accepted', review: 'counted', reviewNote: null, counted: true });
    });

    it('counts self-declared orders, marked as manual; lists only my own orders', async () => {
      const d = deps();
      const a = await enrolStaff(d, 'SYT');
      const b = await enrolStaff(d, 'SYT');
      const manual = sampleOrder({ source: 'manual', orderCode: null, placedAt: '2021-09-01' });
      expect((await submitOrders(d, a, [manual])).body.results[0].status).toBe('accepted');
      const mine = await (await d.app.request('/api/staff/orders', { headers: a.auth })).json();
      expect(mine.orders).toHaveLength(1);
      expect(mine.orders[0].order.source).toBe('manual');
      const theirs = await (await d.app.request('/api/staff/orders', { headers: b.auth })).json();
      expect(theirs.orders).toHaveLength(0);
      const row = await d.db.selectFrom('staff_orders').select(['counted', 'source']).where('client_id', '=', manual.clientId).executeTakeFirstOrThrow();
      expect(row).toEqual({ counted: 1, source: 'manual' });
    });

    it('keeps staff tokens out of the dashboards and other roles out of staff calls', async () => {
      const d = deps();
      const staff = await enrolStaff(d, 'SNV');
      for (const path of ['/api/auth/me', '/api/province/page-reports', '/api/agency/tally', '/api/agency/participants', '/api/agency/export.csv', '/api/agency/enrolment-codes', '/api/province/rollup', '/api/province/charts', '/api/province/users']) {
        const res = await d.app.request(path, { headers: staff.auth });
        expect(res.status).toBe(403);
      }
      const focal = await createAgencyFocalPoint(d.db, 'SNV');
      expect((await d.app.request('/api/staff/orders', { headers: focal.auth })).status).toBe(403);
      for (const path of ['/api/province/charts', '/api/province/most-bought-shops', '/api/province/rollup/export.xlsx', '/api/province/agencies']) {
        expect((await d.app.request(path, { headers: focal.auth })).status).toBe(403);
      }
      for (const path of ['/api/agency/participants', '/api/agency/review', '/api/agency/reports', '/api/province/not-started']) {
        expect((await d.app.request(path)).status).toBe(401);
      }
      expect((await d.app.request('/api/staff/orders')).status).toBe(401);
    });
  });

  describe('adapter rules and page reports', () => {
    it('serves the newest uploaded rules, and refuses every upload the extension could not read', async () => {
      const d = deps();
      const none = await d.app.request('/api/rules');
      expect(none.status).toBe(404);
      expect((await none.json()).error.code).toBe('404.11');
      const province = await createProvinceUser(d.db);
      const put = (body: unknown, auth = province.auth) => d.app.request('/api/province/rules', { method: 'PUT', headers: { ...auth, ...json }, body: JSON.stringify(body) });
      const refusal = async (body: unknown) => {
        const res = await put(body);
        expect(res.status).toBe(400);
        return (await res.json()).error;
      };
      const voso = { marketplace: 'voso', version: '2026-12-01', hosts: ['langson.voso.vn'], pages: [{ type: 'order-detail', url: '^/don-hang/\\d+$', orders: { code: ['.order-code'] } }] };
      const postmart = { marketplace: 'postmart', version: '2026-12-01', hosts: ['langson.postmart.vn'], pages: [{ type: 'product', url: '^/san-pham/', product: { name: ['h1'] } }] };
      expect((await put({ sites: { voso } })).status).toBe(201);

      // Each of these the extension's reader (lib/marketplaces/rules.ts) rejects, so the collector must too.
      expect(await refusal({ sites: { voso: { ...voso, hosts: ['evil.example'] } } })).toMatchObject({ code: '400.13', field: 'sites' });
      expect((await refusal({ sites: { voso: { ...voso, pages: [{ type: 'order-detail', url: '([' }] } } })).detail).toContain('biểu thức chính quy');
      expect(await refusal({ sites: { voso: { hosts: ['langson.voso.vn'], pages: { order: { urlPattern: '^/don-hang/\\d+$', code: '.order-code' } } } } })).toMatchObject({ code: '400.13', field: 'sites' });
      expect(await refusal({ sites: { voso: postmart } })).toMatchObject({ code: '400.13', field: 'sites' });
      expect(await refusal({ sites: { amazon: {} } })).toMatchObject({ code: '400.13', field: 'sites' });
      expect(await refusal({ sites: {} })).toMatchObject({ code: '400.13', field: 'sites', detail: 'Cần quy tắc cho ít nhất một sàn.' });
      expect(await refusal({ sites: { voso }, version: 1 })).toMatchObject({ code: '400.13', field: 'version' });

      expect((await put({ sites: { voso, postmart }, version: 7 })).status).toBe(201);
      const staff = await enrolStaff(d, 'SNV');
      expect((await put({ sites: { voso } }, staff.auth)).status).toBe(403);

      const res = await d.app.request('/api/rules');
      const body = await res.json();
      expectShape(rulesAnswerSchema, body);
      expect(body.version).toBe(7);
      expect(body.sites.postmart.pages[0].product.name).toEqual(['h1']);
      // What the collector serves, the extension reads.
      const read = rulesFromCollector(body);
      expect(read.ok && read.rules.sites.map((s) => s.marketplace)).toEqual(['voso', 'postmart']);
      expect((await d.app.request('/api/rules', { headers: { 'If-None-Match': res.headers.get('ETag')! } })).status).toBe(304);
    });

    it('stores a page report from a marketplace page for the province', async () => {
      const d = deps();
      const staff = await enrolStaff(d, 'SNV');
      const report = { clientId: randomUUID(), url: 'https://langson.voso.vn/don-hang/123?phone=0912', pageType: 'order-detail', structure: { tag: 'main', children: [] }, extensionVersion: '0.1.0', rulesVersion: 3 };
      const send = (body: unknown) => d.app.request('/api/page-reports', { method: 'POST', headers: { ...staff.auth, ...json }, body: JSON.stringify(body) });
      expect((await send(report)).status).toBe(201);
      expect((await send(report)).status).toBe(200);
      expect((await send({ ...report, note: 'khác' })).status).toBe(409);
      expect((await send({ ...report, clientId: randomUUID(), url: 'https://example.com/' })).status).toBe(400);
      expect((await send({ ...report, clientId: randomUUID(), structure: { big: 'x'.repeat(300 * 1024) } })).status).toBe(400);
      const province = await createProvinceUser(d.db);
      const list = await (await d.app.request('/api/province/page-reports', { headers: province.auth })).json();
      const mine = list.reports.find((r: { url: string }) => r.url === 'https://langson.voso.vn/don-hang/123');
      expect(mine).toMatchObject({ pageType: 'order-detail', agencyCode: 'SNV', rulesVersion: '3' });
    });
  });
});
