import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { forEachDatabase } from '../../test-databases';
import { createAgencyFocalPoint, enrolStaff, sampleOrder, submitOrders } from '../../testing/seed';
import { activeRegion, useRegion } from '../../region';

const json = { 'Content-Type': 'application/json' };

forEachDatabase((deps) => {
  describe('agency focal point', () => {
    it('issues a batch of codes with QR, lists them, and a revoked code no longer enrols', async () => {
      const { db, app } = deps();
      const focal = await createAgencyFocalPoint(db, 'SCT');
      const res = await app.request('/api/agency/enrolment-codes', { method: 'POST', headers: { ...focal.auth, ...json }, body: JSON.stringify({ count: 3, validDays: 14, label: 'Phòng Kế hoạch' }) });
      expect(res.status).toBe(201);
      const { codes } = await res.json();
      expect(codes).toHaveLength(3);
      expect(codes[0].display).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(codes[0].qrSvg).toMatch(/^<svg/);
      expect(codes[0].state).toBe('active');

      const other = await createAgencyFocalPoint(db, 'SGTVT');
      expect((await app.request(`/api/agency/enrolment-codes/${codes[0].code}/revoke`, { method: 'POST', headers: other.auth })).status).toBe(404);
      const listOther = await (await app.request('/api/agency/enrolment-codes', { headers: other.auth })).json();
      expect(listOther.codes).toHaveLength(0);

      const print = await app.request(`/api/agency/enrolment-codes/print?codes=${codes[0].code},${codes[1].display}`, { headers: focal.auth });
      const html = await print.text();
      expect(print.headers.get('Content-Type')).toContain('text/html');
      expect(html).toContain(codes[0].display);
      expect(html).toContain(codes[1].display);
      expect(html).not.toContain(codes[2].display);
      expect(html).toContain('Sở Công Thương tỉnh Lạng Sơn');
      // Where to get the extension, on every card: the Lạng Sơn pack names no store page, so the stores to search.
      expect(html.split('Máy tính (Chrome, Edge, Cốc Cốc): cài tiện ích “Nông sản số” từ Chrome Web Store (chromewebstore.google.com, tìm “Nông sản số”).')).toHaveLength(3);
      expect(html).toContain('<p class="how">Mua bằng app trên điện thoại: khai báo đơn tại localhost/khai-bao.</p>');
      expect((await app.request('/api/agency/enrolment-codes/print', { headers: other.auth })).status).toBe(200);
      expect(await (await app.request(`/api/agency/enrolment-codes/print?codes=${codes[0].code}`, { headers: other.auth })).text()).not.toContain(codes[0].display);

      const revoke = await app.request(`/api/agency/enrolment-codes/${codes[0].display}/revoke`, { method: 'POST', headers: focal.auth });
      expect((await revoke.json()).state).toBe('revoked');
      const enrol = await app.request('/api/staff/enrol', { method: 'POST', headers: json, body: JSON.stringify({ code: codes[0].code, fullName: 'Lò Văn Cường', installationId: randomUUID() }) });
      expect((await enrol.json()).error.code).toBe('404.10');
      const ok = await app.request('/api/staff/enrol', { method: 'POST', headers: json, body: JSON.stringify({ code: codes[1].code, fullName: 'Lò Văn Cường', installationId: randomUUID() }) });
      expect(ok.status).toBe(200);
    });

    it('gives the store pages the region pack names, in the list and on the printed slips', async () => {
      const { db, app } = deps();
      const focal = await createAgencyFocalPoint(db, 'SCT');
      const shipped = activeRegion();
      useRegion({ ...shipped, extensionLinks: { chrome: 'https://chromewebstore.google.com/detail/nong-san-so/abc', firefox: 'https://addons.mozilla.org/vi/firefox/addon/nong-san-so/' } });
      try {
        const issued = await app.request('/api/agency/enrolment-codes', { method: 'POST', headers: { ...focal.auth, ...json }, body: JSON.stringify({ count: 1 }) });
        expect((await issued.json()).extensionLinks).toEqual({ chrome: 'https://chromewebstore.google.com/detail/nong-san-so/abc', firefox: 'https://addons.mozilla.org/vi/firefox/addon/nong-san-so/' });
        const html = await (await app.request('/api/agency/enrolment-codes/print', { headers: focal.auth })).text();
        expect(html).toContain('<p class="how">Máy tính (Chrome, Edge, Cốc Cốc): cài tiện ích “Nông sản số” tại https://chromewebstore.google.com/detail/nong-san-so/abc.</p>');
        expect(html).toContain('<p class="how">Firefox (máy tính, điện thoại Android): cài tại https://addons.mozilla.org/vi/firefox/addon/nong-san-so/.</p>');
      } finally {
        useRegion(shipped);
      }
      expect((await (await app.request('/api/agency/enrolment-codes', { headers: focal.auth })).json()).extensionLinks).toEqual({});
    });

    it('shows only its own participants; reviews a double claim with a note; submits versions; marks late', async () => {
      const d = deps();
      const focal = await createAgencyFocalPoint(d.db, 'STNMT');
      const outsider = await createAgencyFocalPoint(d.db, 'SXD');
      const an = await enrolStaff(d, 'STNMT', 'Hoàng Văn An');
      const binh = await enrolStaff(d, 'STNMT', 'Đặng Thị Bình');
      await enrolStaff(d, 'STNMT', 'Chu Văn Chưa');
      const other = await enrolStaff(d, 'SXD', 'Người Sở Xây dựng');
      const shared = `VS-${randomUUID()}`;
      await submitOrders(d, an, [sampleOrder(), sampleOrder({ source: 'manual', orderCode: null })]);
      await submitOrders(d, binh, [sampleOrder({ orderCode: shared })]);
      expect((await submitOrders(d, other, [sampleOrder({ orderCode: shared })])).body.results[0].status).toBe('flagged');

      const get = (path: string, who: { auth: Record<string, string> } = focal) => d.app.request(path, { headers: who.auth });
      const people = (await (await get('/api/agency/participants')).json()).participants;
      expect(people.map((p: { fullName: string; participated: boolean }) => [p.fullName, p.participated])).toEqual([
        ['Hoàng Văn An', true],
        ['Chu Văn Chưa', false],
        ['Đặng Thị Bình', false],
      ]);
      expect(people[0]).toMatchObject({ orders: 2, farmItems: 2, quantity: 4, amountVnd: 480_000, kg: 2, selfDeclared: 1 });
      expect(people[2].awaitingReview).toBe(1);
      expect((await get(`/api/agency/participants/${an.id}/orders`, outsider)).status).toBe(404);
      expect((await get('/api/agency/tally', an)).status).toBe(403);

      const pending = (await (await get('/api/agency/review')).json()).orders;
      expect(pending).toHaveLength(1);
      expect(pending[0].otherClaims).toEqual([{ agencyCode: 'SXD', agencyName: 'Sở Xây dựng tỉnh Lạng Sơn', fullName: null }]);
      const review = (body: unknown, who = focal) => d.app.request(`/api/agency/review/${pending[0].id}`, { method: 'POST', headers: { ...who.auth, ...json }, body: JSON.stringify(body) });
      expect((await review({ decision: 'excluded' })).status).toBe(400);
      expect((await review({ decision: 'counted' }, outsider)).status).toBe(404);

      let tally = (await (await get('/api/agency/tally?period=2021-dot-1')).json()).tally;
      expect(tally).toMatchObject({ participants: 1, orders: 2 });
      expect((await (await review({ decision: 'counted', note: 'Hóa đơn ghi tên chị Bình' })).json()).counted).toBe(true);
      tally = (await (await get('/api/agency/tally?period=2021-dot-1')).json()).tally;
      expect(tally).toMatchObject({ participants: 2, orders: 3, amountVnd: 720_000, kg: 3 });
      const monthly = (await (await get('/api/agency/tally?month=2021-08')).json()).tally;
      expect(monthly.orders).toBe(3);
      expect((await (await get('/api/agency/tally?month=2021-09')).json()).tally.orders).toBe(0);

      await d.db.updateTable('agencies').set({ headcount: 40 }).where('code', '=', 'STNMT').execute();
      const submit = () => d.app.request('/api/agency/reports', { method: 'POST', headers: { ...focal.auth, ...json }, body: JSON.stringify({ periodId: '2021-dot-1', note: 'Đợt 1' }) });
      const v1 = await (await submit()).json();
      expect(v1).toMatchObject({ version: 1, late: true, tally: { participants: 2, headcount: 40, participationRate: 0.05 }, submittedBy: { fullName: 'Đầu mối STNMT' } });
      expect(v1.participants).toHaveLength(2);
      // After the snapshot, a change shows in the live tally but not in version 1.
      await d.app.request(`/api/agency/review/${pending[0].id}`, { method: 'POST', headers: { ...focal.auth, ...json }, body: JSON.stringify({ decision: 'excluded', note: 'Đơn của người khác' }) });
      const v2 = await (await submit()).json();
      expect([v2.version, v2.tally.participants]).toEqual([2, 1]);
      const versions = (await (await get('/api/agency/reports')).json()).reports;
      expect(versions.map((r: { version: number }) => r.version)).toEqual([2, 1]);
      expect((await (await get(`/api/agency/reports/${v1.id}`)).json()).tally.participants).toBe(2);
      expect((await get(`/api/agency/reports/${v1.id}`, outsider)).status).toBe(404);
      const binhSees = (await (await d.app.request('/api/staff/orders', { headers: binh.auth })).json()).orders[0];
      expect(binhSees).toMatchObject({ status: 'rejected', reason: 'Cơ quan không tính đơn này: Đơn của người khác' });
    });

    it('exports XLSX and CSV that read back cell by cell, formulas neutralised', async () => {
      const d = deps();
      const focal = await createAgencyFocalPoint(d.db, 'SKHCN');
      const a = await enrolStaff(d, 'SKHCN', '=HYPERLINK("http://x")');
      const b = await enrolStaff(d, 'SKHCN', 'Nông Thị Ánh');
      await submitOrders(d, a, [sampleOrder()]);
      await submitOrders(d, b, [sampleOrder(), sampleOrder()]);

      const x = await d.app.request('/api/agency/export.xlsx?period=2021-dot-1', { headers: focal.auth });
      expect(x.status).toBe(200);
      expect(x.headers.get('Content-Disposition')).toMatch(/filename="bao-cao-SKHCN-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''bao-cao-SKHCN-/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await x.arrayBuffer());
      const sheet = wb.getWorksheet('Người tham gia')!;
      const headerRow = sheet.views[0] as { ySplit?: number };
      const header = sheet.getRow(headerRow.ySplit!);
      expect(header.getCell(2).value).toBe('Họ và tên');
      expect(header.getCell(6).value).toBe('Số tiền mua (đồng)');
      const rows = [headerRow.ySplit! + 1, headerRow.ySplit! + 2, headerRow.ySplit! + 3].map((n) => sheet.getRow(n));
      expect(rows[0].getCell(2).value).toBe(`'=HYPERLINK("http://x")`);
      expect(rows[1].values).toEqual([undefined, 2, 'Nông Thị Ánh', 2, 2, 4, 480_000, 2, 0]);
      expect([rows[1].getCell(2).numFmt, rows[1].getCell(3).numFmt, rows[1].getCell(6).numFmt, rows[1].getCell(7).numFmt]).toEqual([undefined, '#,##0', '#,##0 "₫"', '#,##0.0']);
      expect(rows[2].getCell(2).value).toBe('Tổng cộng (2 người)');
      expect(rows[2].getCell(6).value).toBe(720_000);
      expect(rows[2].getCell(6).numFmt).toBe('#,##0 "₫"');
      const summary = wb.getWorksheet('Tổng hợp')!;
      expect(summary.getRow(1).getCell(1).value).toContain('Sở Khoa học và Công nghệ');

      const csv = await d.app.request('/api/agency/export.csv?period=2021-dot-1', { headers: focal.auth });
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
      expect(lines[0]).toBe('STT,Họ và tên,Số đơn hàng,Số lượng mặt hàng nông sản,Số lượng (đơn vị),Số tiền mua (đồng),Ước tính khối lượng (kg),Đơn tự khai');
      expect(lines[1]).toBe(`1,"'=HYPERLINK(""http://x"")",1,1,2,240000,1,0`);
      expect(lines[2]).toBe('2,Nông Thị Ánh,2,2,4,480000,2,0');
      expect(lines[3]).toBe(',Tổng cộng (2 người),3,3,6,720000,3,0');
    });
  });
});
