import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../test-databases';
import { createAgencyFocalPoint, createProvinceUser, enrolStaff, sampleOrder, submitOrders } from '../../testing/seed';

const json = { 'Content-Type': 'application/json' };

forEachDatabase((deps) => {
  describe('marketplace volume', () => {
    it('records the operators’ day and week reports, refuses overlaps and bad input in Vietnamese, and shows staff kg beside them', async () => {
      const { db, app } = deps();
      const province = await createProvinceUser(db);
      const send = (method: string, path: string, body?: unknown, auth: Record<string, string> = province.auth) =>
        app.request(path, { method, headers: { ...auth, ...json }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const week = { id: 'voso-2021-08-16', marketplace: 'voso', span: 'week', startsOn: '2021-08-16', tonnes: 56, source: 'Báo cáo tuần của Viettel Post' };

      const created = await send('POST', '/api/province/marketplace-volume', week);
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({ id: 'voso-2021-08-16', marketplace: 'voso', span: 'week', startsOn: '2021-08-16', endsOn: '2021-08-22', tonnes: 56, source: 'Báo cáo tuần của Viettel Post' });
      // The same report sent twice (a double click, a retry) changes nothing; the same id with other figures is refused.
      expect((await send('POST', '/api/province/marketplace-volume', week)).status).toBe(200);
      const changed = await send('POST', '/api/province/marketplace-volume', { ...week, tonnes: 60 });
      expect(changed.status).toBe(409);
      expect((await changed.json()).error).toMatchObject({ code: '409.1', field: 'id' });
      // A day inside that week for the same marketplace would count twice.
      const overlap = await send('POST', '/api/province/marketplace-volume', { ...week, id: 'voso-2021-08-20', span: 'day', startsOn: '2021-08-20', tonnes: 9 });
      expect(overlap.status).toBe(409);
      expect((await overlap.json()).error).toEqual({
        code: '409.70',
        message: 'Sàn này đã có số liệu cho một hoặc nhiều ngày trong khoảng này; sửa hoặc xóa dòng đó trước để không tính hai lần.',
        messageEn: 'This marketplace already has a volume report covering some of these days.',
        field: 'startsOn',
        detail: 'Đã có dòng từ 16/08/2021 đến 22/08/2021.',
      });
      // The other marketplace reports the same day: fine.
      expect((await send('POST', '/api/province/marketplace-volume', { id: 'postmart-2021-08-20', marketplace: 'postmart', span: 'day', startsOn: '2021-08-20', tonnes: 3.5, source: 'Bưu điện tỉnh, điện thoại ngày 21/08' })).status).toBe(201);

      const bad = async (body: Record<string, unknown>) => (await (await send('POST', '/api/province/marketplace-volume', { ...week, id: 'bad-report-1', startsOn: '2021-09-06', ...body })).json()).error;
      expect(await bad({ tonnes: -1 })).toMatchObject({ code: '400.2', field: 'tonnes', detail: 'Khối lượng không được âm.' });
      expect(await bad({ tonnes: 20_000 })).toMatchObject({ code: '400.2', field: 'tonnes', detail: 'Khối lượng quá lớn (tối đa 10.000 tấn một dòng); kiểm tra lại đơn vị là tấn.' });
      expect(await bad({ tonnes: 1.2345 })).toMatchObject({ code: '400.2', field: 'tonnes', detail: 'Khối lượng ghi tối đa 3 chữ số thập phân (đến kg).' });
      expect(await bad({ startsOn: '2021-02-31' })).toMatchObject({ code: '400.2', field: 'startsOn', detail: 'Ngày (hoặc ngày đầu tuần) không đúng; nhập theo dạng dd/mm/yyyy.' });
      expect(await bad({ marketplace: 'shopee' })).toMatchObject({ code: '400.2', field: 'marketplace' });
      expect(await bad({ source: ' ' })).toMatchObject({ code: '400.2', field: 'source' });

      // A civil servant buys 1 kg of farm produce on 20/08/2021 (sampleOrder: 2 × 500 g).
      await createAgencyFocalPoint(db, 'STP');
      const staff = await enrolStaff(deps(), 'STP');
      expect((await submitOrders(deps(), staff, [sampleOrder()])).body.results[0].status).toBe('accepted');

      const got = await (await send('GET', '/api/province/marketplace-volume?month=2021-08')).json();
      expect(got.scope).toEqual({ from: '2021-08-01', to: '2021-08-31', label: 'Tháng 8/2021' });
      expect(got.aimTonnesPerDay).toBe(10);
      expect(got.reports.map((r: { id: string }) => r.id)).toEqual(['postmart-2021-08-20', 'voso-2021-08-16']);
      expect(got.days).toHaveLength(7);
      expect(got.days[0]).toEqual({ date: '2021-08-16', tonnes: 8, marketplaces: ['voso'], staffKg: 0 });
      // 56 t / 7 = 8 t from Viettel Post plus 3,5 t from Bưu điện; staff bought 1 kg of it.
      expect(got.days[4]).toEqual({ date: '2021-08-20', tonnes: 11.5, marketplaces: ['postmart', 'voso'], staffKg: 1 });

      expect(await (await send('DELETE', '/api/province/marketplace-volume/postmart-2021-08-20')).json()).toEqual({ id: 'postmart-2021-08-20' });
      const gone = await send('DELETE', '/api/province/marketplace-volume/postmart-2021-08-20');
      expect(gone.status).toBe(404);
      expect((await gone.json()).error.code).toBe('404.70');

      // Only the province: an agency focal point is refused at the door.
      const agency = await createAgencyFocalPoint(db, 'SNV');
      expect((await send('GET', '/api/province/marketplace-volume?month=2021-08', undefined, agency.auth)).status).toBe(403);
      expect((await send('POST', '/api/province/marketplace-volume', { ...week, id: 'from-agency-1' }, agency.auth)).status).toBe(403);
    });
  });
});
