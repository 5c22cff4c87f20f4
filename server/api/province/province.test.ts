import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { forEachDatabase } from '../../test-databases';
import { createAgencyFocalPoint, createProvinceUser, enrolStaff, sampleOrder, submitOrders } from '../../testing/seed';

const json = { 'Content-Type': 'application/json' };

forEachDatabase((deps) => {
  describe('province', () => {
    it('edits agencies, creates and disables focal points and officers, edits periods', async () => {
      const { db, app } = deps();
      const province = await createProvinceUser(db);
      const send = (method: string, path: string, body: unknown, auth = province.auth) => app.request(path, { method, headers: { ...auth, ...json }, body: JSON.stringify(body) });

      const patched = await (await send('PATCH', '/api/province/agencies/SCT', { headcount: 120, name: 'Sở Công Thương' })).json();
      expect(patched).toMatchObject({ code: 'SCT', headcount: 120, name: 'Sở Công Thương', active: true });
      expect((await send('PATCH', '/api/province/agencies/SCT', { headcount: -1 })).status).toBe(400);
      expect((await send('PATCH', '/api/province/agencies/NOPE', { active: false })).status).toBe(404);

      // As the dashboard's form sends it: no communes for a focal point.
      const created = await send('POST', '/api/province/users', { username: 'DauMoi.SCT', fullName: 'Vi Thị Hoa', password: 'mot-mat-khau-dai', role: 'agency', agencyCode: 'SCT', communeCodes: [] });
      expect(created.status).toBe(201);
      const user = await created.json();
      expect(user).toMatchObject({ username: 'daumoi.sct', role: 'agency', agencyCode: 'SCT' });
      expect((await send('POST', '/api/province/users', { username: 'daumoi.sct', fullName: 'Ai Đó', password: 'mot-mat-khau-dai', role: 'agency', agencyCode: 'SCT' })).status).toBe(409);
      expect((await send('POST', '/api/province/users', { username: 'xa1', fullName: 'Cán bộ xã', password: 'mot-mat-khau-dai', role: 'officer', communeCodes: ['99999'] })).status).toBe(400);
      const noCommune = await send('POST', '/api/province/users', { username: 'xa1', fullName: 'Cán bộ xã', password: 'mot-mat-khau-dai', role: 'officer', communeCodes: [] });
      expect(noCommune.status).toBe(400);
      expect((await noCommune.json()).error).toMatchObject({ code: '400.2', field: 'communeCodes' });
      const commune = await db.selectFrom('communes').select('code').limit(1).executeTakeFirstOrThrow();
      const officer = await (await send('POST', '/api/province/users', { username: 'xa1', fullName: 'Cán bộ xã', password: 'mot-mat-khau-dai', role: 'officer', communeCodes: [commune.code] })).json();
      expect(officer.communeCodes).toEqual([commune.code]);

      const login = await app.request('/api/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ username: 'daumoi.sct', password: 'mot-mat-khau-dai' }) });
      const { token } = await login.json();
      const focalAuth = { Authorization: `Bearer ${token}` };
      expect((await app.request('/api/agency/tally', { headers: focalAuth })).status).toBe(200);
      expect((await app.request('/api/province/rollup', { headers: focalAuth })).status).toBe(403);
      expect((await send('PATCH', `/api/province/users/${user.id}`, { disabled: true })).status).toBe(200);
      expect((await app.request('/api/agency/tally', { headers: focalAuth })).status).toBe(401);

      expect((await send('POST', '/api/province/periods', { id: 'dot-2', name: 'Đợt 2', startsOn: '2021-10-01', endsOn: '2021-09-01', reportDue: '2021-12-31' })).status).toBe(400);
      expect((await send('POST', '/api/province/periods', { id: 'dot-2', name: 'Đợt 2', startsOn: '2021-10-01', endsOn: '2021-13-01', reportDue: '2021-12-31' })).status).toBe(400);
      expect((await send('POST', '/api/province/periods', { id: 'dot-2', name: 'Đợt 2', startsOn: '2021-10-01', endsOn: '2021-12-15', reportDue: '2021-12-31' })).status).toBe(201);
      expect((await send('POST', '/api/province/periods', { id: 'dot-2', name: 'Đợt 2', startsOn: '2021-10-01', endsOn: '2021-12-15', reportDue: '2021-12-31' })).status).toBe(409);
      expect(await (await send('PATCH', '/api/province/periods/dot-2', { reportDue: '2022-01-10' })).json()).toMatchObject({ id: 'dot-2', reportDue: '2022-01-10', endsOn: '2021-12-15' });
      const staff = await enrolStaff(deps(), 'SCT');
      const periods = (await (await app.request('/api/periods', { headers: staff.auth })).json()).periods;
      expect(periods.map((p: { id: string }) => p.id)).toEqual(['2021-dot-1', 'dot-2']);
      expect((await app.request('/api/province/agencies', { headers: staff.auth })).status).toBe(403);
    });

    it('rolls up every agency: submitted, late, not yet; totals against 28,385; charts, leading shops, not started; exports', async () => {
      const d = deps();
      const province = await createProvinceUser(d.db);
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      await d.db.insertInto('periods').values({ id: 'now', name: 'Đợt hiện tại', starts_on: '2025-01-01', ends_on: '2099-12-31', report_due: '2099-12-31' }).execute();
      await d.db.updateTable('agencies').set({ headcount: 50 }).where('code', 'in', ['SGDDT', 'SLDTBXH']).execute();

      const gd = await createAgencyFocalPoint(d.db, 'SGDDT');
      const ld = await createAgencyFocalPoint(d.db, 'SLDTBXH');
      const gdStaff = [await enrolStaff(d, 'SGDDT', 'Giáo viên A'), await enrolStaff(d, 'SGDDT', 'Giáo viên B')];
      const ldStaff = await enrolStaff(d, 'SLDTBXH', 'Cán sự C');
      await enrolStaff(d, 'SVHTTDL', 'Chưa mua');
      const order = (shop: string, lineTotal: number, grams: number) =>
        sampleOrder({ placedAt: today, items: [{ name: 'Na Chi Lăng hộp 2kg', quantity: 1, unitPrice: lineTotal, lineTotal, shop, productUrl: null, weightGrams: grams, isFarmProduct: true, excluded: false }], total: lineTotal + 20_000 });
      await submitOrders(d, gdStaff[0], [order('HTX Na Chi Lăng', 200_000, 2000), order('HTX Hồi', 100_000, 500)]);
      await submitOrders(d, gdStaff[1], [order('HTX Na Chi Lăng', 150_000, 2000)]);
      await submitOrders(d, ldStaff, [order('HTX Hồi', 90_000, 500)]);
      const submit = (who: { auth: Record<string, string> }, periodId: string) => d.app.request('/api/agency/reports', { method: 'POST', headers: { ...who.auth, ...json }, body: JSON.stringify({ periodId }) });
      expect((await submit(gd, 'now')).status).toBe(201);
      expect((await submit(ld, '2021-dot-1')).status).toBe(201);

      const get = async (path: string) => {
        const res = await d.app.request(path, { headers: province.auth });
        expect(res.status).toBe(200);
        return res.json();
      };
      const rollup = await get('/api/province/rollup?period=now');
      const row = (code: string) => rollup.agencies.find((a: { code: string }) => a.code === code);
      expect(row('SGDDT')).toMatchObject({ tally: { participants: 2, orders: 3, amountVnd: 450_000, kg: 4.5, headcount: 50, participationRate: 0.04 }, report: { state: 'submitted', version: 1, overdue: false } });
      expect(row('SGDDT').report.tally.amountVnd).toBe(450_000);
      // Not submitted for this period: counts zero, its live numbers beside.
      expect(row('SLDTBXH')).toMatchObject({ tally: { participants: 0, amountVnd: 0, headcount: 50 }, live: { participants: 1, amountVnd: 90_000 }, report: { state: 'not-yet' } });
      expect(rollup.basis).toBe('submitted');
      expect(rollup.totals).toMatchObject({ participants: 2, orders: 3, amountVnd: 450_000, headcount: 28_385 });
      expect(rollup.liveTotals).toMatchObject({ participants: 3, orders: 4, amountVnd: 540_000 });
      expect(rollup.totals.participationRate).toBeCloseTo(2 / 28_385);
      expect(rollup.counts).toMatchObject({ submitted: 1, 'not-yet': 41 });
      const old = await get('/api/province/rollup?period=2021-dot-1');
      expect(old.agencies.find((a: { code: string }) => a.code === 'SLDTBXH').report).toMatchObject({ state: 'late' });
      expect(old.counts.overdue).toBe(41);
      const month = await get(`/api/province/rollup?month=${today.slice(0, 7)}`);
      expect(month.basis).toBe('live');
      expect(month.totals.orders).toBe(4);

      const charts = await get('/api/province/charts?period=now');
      expect(charts.byDay).toEqual([{ date: today, orders: 4, participants: 3, amountVnd: 540_000, kg: 5 }]);
      expect(charts.dailyKgTarget).toBe(10_000);
      expect(charts.byAgency.find((a: { code: string }) => a.code === 'SGDDT')).toMatchObject({ participants: 2, kg: 4.5 });
      const shops = (await get('/api/province/most-bought-shops?period=now')).shops;
      expect(shops).toEqual([
        { shop: 'HTX Na Chi Lăng', buyers: 2, orders: 2, quantity: 2, amountVnd: 350_000, kg: 4 },
        { shop: 'HTX Hồi', buyers: 2, orders: 2, quantity: 2, amountVnd: 190_000, kg: 1 },
      ]);
      const notStarted = (await get('/api/province/not-started?period=now')).agencies;
      expect(notStarted).toHaveLength(40);
      expect(notStarted.find((a: { code: string }) => a.code === 'SVHTTDL')).toMatchObject({ enrolledStaff: 1, codesIssued: 1 });

      const x = await d.app.request('/api/province/rollup/export.xlsx?period=now', { headers: province.auth });
      expect(x.headers.get('Content-Disposition')).toContain('tong-hop-now-');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await x.arrayBuffer());
      const sheet = wb.worksheets[0];
      const last = sheet.getRow(sheet.rowCount);
      expect(last.getCell(3).value).toBe('Toàn tỉnh');
      expect(last.getCell(6).value).toBe(28_385);
      expect(last.getCell(7).value).toBe(2);
      expect(last.getCell(12).value).toBe(450_000);
      expect(last.getCell(14).value).toBe(3);
      expect(last.getCell(16).value).toBe(540_000);
      const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await d.app.request('/api/province/rollup/export.csv?period=now', { headers: province.auth })).arrayBuffer());
      expect(csv.startsWith('\uFEFFSTT,Mã,"Cơ quan, đơn vị",Báo cáo,Ngày nộp,"Tổng số CB, CC, VC, NLĐ (kể cả cấp xã)"')).toBe(true);
      expect(csv).toContain('SGDDT,Sở Giáo dục và Đào tạo tỉnh Lạng Sơn,Đã nộp,');
      expect(csv.split('\r\n')[0].endsWith(',"Số CB, CC, VC, NLĐ tham gia (chưa nộp / tạm tính)",Số lượng mặt hàng nông sản (chưa nộp / tạm tính),Số tiền mua (đồng) (chưa nộp / tạm tính)')).toBe(true);
    });
  });
});
