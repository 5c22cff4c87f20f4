/**
 * Issue 10 items 2 and 3: the province's figures come from submitted reports, and both báo cáo come out as
 * Word documents in the Nghị định 30/2020 layout. Each document is unzipped and read back as text.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { forEachDatabase } from '../../test-databases';
import { createAgencyFocalPoint, createProvinceUser, enrolStaff, sampleOrder, submitOrders } from '../../testing/seed';
import { readDocx } from '../../testing/docx-text';
import { langSon } from '../../../lib/region';

const json = { 'Content-Type': 'application/json' };
const vnDay = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const item = (name: string, quantity: number, unitPrice: number) => ({ name, quantity, unitPrice, lineTotal: quantity * unitPrice, shop: 'HTX', productUrl: null, weightGrams: 500, isFarmProduct: true, excluded: false });
const order = (name: string, quantity: number, unitPrice: number) => sampleOrder({ placedAt: vnDay(), items: [item(name, quantity, unitPrice)], shippingFee: 0, discount: 0, total: quantity * unitPrice });

forEachDatabase((deps) => {
  describe('submitted figures and official documents', () => {
    it('keeps the submitted figures in the roll-up, its XLSX and both documents when more orders arrive', async () => {
      const d = deps();
      await d.db.insertInto('periods').values({ id: 'now', name: 'Đợt hiện tại', starts_on: '2025-01-01', ends_on: '2099-12-31', report_due: '2099-12-31' }).execute();
      await d.db.updateTable('agencies').set({ headcount: 50 }).where('code', '=', 'SGDDT').execute();
      const province = await createProvinceUser(d.db);
      const focal = await createAgencyFocalPoint(d.db, 'SGDDT');
      const [a, b] = [await enrolStaff(d, 'SGDDT', 'Giáo viên A'), await enrolStaff(d, 'SGDDT', 'Giáo viên B')];
      const yt = await enrolStaff(d, 'SYT', 'Bác sĩ C');
      await submitOrders(d, a, [order('Hồi khô Lạng Sơn', 2, 120_000), order('Quế khô Văn Quan', 2, 120_000)]);
      await submitOrders(d, b, [order('Na Chi Lăng hộp 2kg', 1, 150_000)]);

      const bad = await d.app.request('/api/agency/reports', { method: 'POST', headers: { ...focal.auth, ...json }, body: JSON.stringify({ periodId: 'now', recipients: 'Ban Giám đốc' }) });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatchObject({ code: '400.2', field: 'recipients' });
      const sent = await d.app.request('/api/agency/reports', {
        method: 'POST',
        headers: { ...focal.auth, ...json },
        body: JSON.stringify({ periodId: 'now', docNumber: '15/BC-SGDĐT', signerName: 'Nguyễn Văn Hùng', signerPosition: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', recipients: ['Ban Giám đốc Sở'] }),
      });
      expect(sent.status).toBe(201);
      const report = await sent.json();
      expect(report.tally).toMatchObject({ participants: 2, farmItems: 3, quantity: 5, amountVnd: 630_000 });
      expect(report.document).toEqual({ docNumber: '15/BC-SGDĐT', signerName: 'Nguyễn Văn Hùng', signerPosition: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', recipients: ['Ban Giám đốc Sở'], parentBody: null });

      // After the report: more orders, in the agency that reported and in one that did not.
      await submitOrders(d, a, [order('Hồi khô Lạng Sơn', 1, 100_000)]);
      await submitOrders(d, yt, [order('Gạo nếp Bắc Sơn', 3, 80_000)]);

      const rollup = await (await d.app.request('/api/province/rollup?period=now', { headers: province.auth })).json();
      const row = (code: string) => rollup.agencies.find((x: { code: string }) => x.code === code);
      expect(row('SGDDT').tally).toMatchObject({ participants: 2, farmItems: 3, amountVnd: 630_000 });
      expect(row('SGDDT').live).toMatchObject({ participants: 2, farmItems: 4, amountVnd: 730_000 });
      expect(row('SYT')).toMatchObject({ tally: { participants: 0, farmItems: 0, amountVnd: 0 }, live: { participants: 1, amountVnd: 240_000 }, report: { state: 'not-yet' } });
      expect(rollup.totals).toMatchObject({ participants: 2, farmItems: 3, amountVnd: 630_000, headcount: 28_385 });
      expect(rollup.liveTotals).toMatchObject({ participants: 3, farmItems: 5, amountVnd: 970_000 });

      const x = await d.app.request('/api/province/rollup/export.xlsx?period=now', { headers: province.auth });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await x.arrayBuffer());
      const last = wb.worksheets[0].getRow(wb.worksheets[0].rowCount);
      expect([last.getCell(3).value, last.getCell(7).value, last.getCell(10).value, last.getCell(12).value]).toEqual(['Toàn tỉnh', 2, 3, 630_000]);
      expect([last.getCell(14).value, last.getCell(15).value, last.getCell(16).value]).toEqual([3, 5, 970_000]);

      // The agency's own báo cáo to Sở TT&TT.
      const doc = await d.app.request(`/api/agency/reports/${report.id}/document.docx`, { headers: focal.auth });
      expect(doc.status).toBe(200);
      expect(doc.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const agencyDoc = await readDocx(await doc.arrayBuffer());
      const p = agencyDoc.paragraphs;
      const [y, m, dd] = vnDay().split('-').map(Number);
      const dateLine = `Lạng Sơn, ngày ${String(dd).padStart(2, '0')} tháng ${m < 3 ? `0${m}` : m} năm ${y}`;
      expect(p.slice(0, 7)).toEqual([
        'UBND TỈNH LẠNG SƠN',
        'SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH LẠNG SƠN',
        'Số: 15/BC-SGDĐT',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        dateLine,
        'BÁO CÁO',
      ]);
      expect(p).toContain('Kết quả thực hiện Công văn số 1263/UBND-KGVX của Ủy ban nhân dân tỉnh, Đợt hiện tại');
      expect(p).toContain('Kính gửi: Sở Thông tin và Truyền thông.');
      expect(p).toContain('1. Số CB, CC, VC, NLĐ tham gia: 2 người trên tổng số 50 người, đạt 4%.');
      expect(p).toContain('2. Số lượng mặt hàng nông sản: 3 mặt hàng (5 đơn vị sản phẩm).');
      expect(p).toContain('3. Số tiền mua (đồng): 630.000 đồng.');
      const table = p.indexOf('Số tiền mua (đồng)');
      expect(p.slice(table + 1, table + 11)).toEqual(['1', 'Sở Giáo dục và Đào tạo tỉnh Lạng Sơn', '2', '3', '630.000', 'Tổng cộng', '2', '3', '630.000', expect.stringContaining('Trên đây là báo cáo')]);
      expect(p.slice(-7)).toEqual(['Nơi nhận:', '- Như trên;', '- Ban Giám đốc Sở;', '- Lưu: VT.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn Hùng']);
      // A4, margins 20/20/30/15 mm, Times New Roman 11–14 pt.
      expect(agencyDoc.page).toEqual({ width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 850 });
      expect(agencyDoc.fonts).toEqual(['Times New Roman']);
      expect(agencyDoc.sizes).toEqual([11, 12, 13, 14]);
      expect((await d.app.request(`/api/agency/reports/${report.id}/document.docx`, { headers: (await createAgencyFocalPoint(d.db, 'SYT')).auth })).status).toBe(404);

      // Sở TT&TT's báo cáo tổng hợp to UBND tỉnh: a snapshot, versioned.
      expect((await d.app.request('/api/province/reports', { method: 'POST', headers: { ...province.auth, ...json }, body: JSON.stringify({ periodId: 'khong-co' }) })).status).toBe(400);
      const made = await d.app.request('/api/province/reports', {
        method: 'POST',
        headers: { ...province.auth, ...json },
        body: JSON.stringify({ periodId: 'now', docNumber: '20/BC-STTTT', signerName: 'Trần Thị Lan', signerPosition: 'GIÁM ĐỐC', recipients: ['Chủ tịch, các Phó Chủ tịch UBND tỉnh', 'Các sở, ban, ngành'] }),
      });
      expect(made.status).toBe(201);
      const v1 = await made.json();
      expect(v1).toMatchObject({ periodId: 'now', version: 1, snapshot: { totals: { participants: 2, farmItems: 3, amountVnd: 630_000 }, counts: { submitted: 1, late: 0, 'not-yet': 41 } } });

      await submitOrders(d, b, [order('Na Chi Lăng hộp 2kg', 2, 150_000)]);
      const v2 = await (await d.app.request('/api/province/reports', { method: 'POST', headers: { ...province.auth, ...json }, body: JSON.stringify({ periodId: 'now' }) })).json();
      expect(v2.version).toBe(2);
      const list = (await (await d.app.request('/api/province/reports?period=now', { headers: province.auth })).json()).reports;
      expect(list.map((r: { version: number }) => r.version)).toEqual([2, 1]);

      const pdoc = await readDocx(await (await d.app.request(`/api/province/reports/${v1.id}/document.docx`, { headers: province.auth })).arrayBuffer());
      const q = pdoc.paragraphs;
      expect(q.slice(0, 7)).toEqual(['UBND TỈNH LẠNG SƠN', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Số: 20/BC-STTTT', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', dateLine, 'BÁO CÁO']);
      expect(q).toContain('Kính gửi: Ủy ban nhân dân tỉnh.');
      expect(q).toContain('Số cơ quan, đơn vị đã báo cáo: 1/42; chưa báo cáo: 41. Tổng số CB, CC, VC, NLĐ toàn tỉnh (kể cả cấp xã): 28.385 người.');
      expect(q).toContain('1. Số CB, CC, VC, NLĐ tham gia: 2 người trên tổng số 28.385 người, đạt 0,01%.');
      expect(q).toContain('3. Số tiền mua (đồng): 630.000 đồng.');
      // Every agency by its full name, those that did not report with zeros.
      for (const agency of langSon.agencies) expect(q).toContain(agency.name);
      const yte = q.indexOf('Sở Y tế tỉnh Lạng Sơn');
      expect(q.slice(yte, yte + 5)).toEqual(['Sở Y tế tỉnh Lạng Sơn', 'Chưa báo cáo', '0', '0', '0']);
      const gd = q.indexOf('Sở Giáo dục và Đào tạo tỉnh Lạng Sơn');
      expect(q.slice(gd, gd + 5)).toEqual(['Sở Giáo dục và Đào tạo tỉnh Lạng Sơn', 'Đã báo cáo', '2', '3', '630.000']);
      const total = q.indexOf('Toàn tỉnh');
      expect(q.slice(total, total + 4)).toEqual(['Toàn tỉnh', '2', '3', '630.000']);
      expect(q.slice(-7)).toEqual(['Nơi nhận:', '- Như trên;', '- Chủ tịch, các Phó Chủ tịch UBND tỉnh;', '- Các sở, ban, ngành;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Trần Thị Lan']);
      // The second version was made from the same submitted report: the new order is not in it either.
      const second = await readDocx(await (await d.app.request(`/api/province/reports/${v2.id}/document.docx`, { headers: province.auth })).arrayBuffer());
      expect(second.paragraphs).toContain('3. Số tiền mua (đồng): 630.000 đồng.');
      expect(second.paragraphs).toContain('Số:        /BC-STTTT');
      expect((await d.app.request(`/api/province/reports/${v1.id}/document.docx`, { headers: focal.auth })).status).toBe(403);
    });
  });
});
