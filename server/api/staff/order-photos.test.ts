// The photo of a self-declared order: sent by its person, seen by their agency only (issue 12, phones).
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../test-databases';
import { createAgencyFocalPoint, enrolStaff, sampleOrder, submitOrders } from '../../testing/seed';

const jpeg = (n: number): Uint8Array<ArrayBuffer> => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(n).fill(7)]);

forEachDatabase((deps) => {
  describe('order photos', () => {
    it('stores my order’s photo once, replaces it when sent again, and shows it to my agency', async () => {
      const d = deps();
      const staff = await enrolStaff(d, 'SNV');
      const order = sampleOrder({ source: 'manual' });
      const sent = await submitOrders(d, staff, [order]);
      const put = (body: BodyInit, clientId = order.clientId, auth = staff.auth) =>
        d.app.request(`/api/staff/orders/${clientId}/photo`, { method: 'PUT', headers: { ...auth, 'Content-Type': 'image/jpeg' }, body });

      const first = await put(jpeg(100));
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({ clientId: order.clientId, size: 104 });
      const again = await put(jpeg(200));
      expect(again.status).toBe(200);
      expect((await again.json()).size).toBe(204);

      const agency = await createAgencyFocalPoint(d.db, 'SNV');
      const orderId = sent.body.results[0].serverId!;
      const img = await d.app.request(`/api/agency/orders/${orderId}/photo`, { headers: agency.auth });
      expect(img.status).toBe(200);
      expect(img.headers.get('content-type')).toBe('image/jpeg');
      expect(new Uint8Array(await img.arrayBuffer())).toHaveLength(204);
      const review = await (await d.app.request('/api/agency/review?kind=manual', { headers: agency.auth })).json();
      const mine = review.orders.filter((o: { id: string }) => o.id === orderId);
      expect(mine).toHaveLength(1);
      expect(mine[0].hasPhoto).toBe(true);

      const other = await createAgencyFocalPoint(d.db, 'STTTT');
      expect((await d.app.request(`/api/agency/orders/${orderId}/photo`, { headers: other.auth })).status).toBe(404);
    });

    it('refuses another person’s order, a non-image and a photo over 1,5 MB, keeping nothing', async () => {
      const d = deps();
      const staff = await enrolStaff(d, 'SNV');
      const someoneElse = await enrolStaff(d, 'SNV');
      const order = sampleOrder({ source: 'manual' });
      const sent = await submitOrders(d, staff, [order]);
      const put = (body: BodyInit, auth = staff.auth) => d.app.request(`/api/staff/orders/${order.clientId}/photo`, { method: 'PUT', headers: { ...auth, 'Content-Type': 'image/jpeg' }, body });

      const notMine = await put(jpeg(10), someoneElse.auth);
      expect(notMine.status).toBe(404);
      expect((await notMine.json()).error.code).toBe('404.12');
      const text = await put('không phải ảnh');
      expect(text.status).toBe(415);
      expect((await text.json()).error.code).toBe('415.50');
      const big = await put(jpeg(1.5 * 1024 * 1024));
      expect(big.status).toBe(413);
      expect((await big.json()).error.code).toBe('413.50');

      const agency = await createAgencyFocalPoint(d.db, 'SNV');
      expect((await d.app.request(`/api/agency/orders/${sent.body.results[0].serverId}/photo`, { headers: agency.auth })).status).toBe(404);
    });
  });
});
