/**
 * Issue 10 item 4: a district or city People's Committee has sub-units, its communes among them. Codes are made per
 * sub-unit, a person enrolled with one belongs to it, and the agency's tally, submitted report, XLSX/CSV and Word
 * document break the three figures down by them. The expected numbers below are worked out by hand from the orders.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { forEachDatabase } from '../../test-databases';
import { createAgencyFocalPoint, createProvinceUser, sampleOrder, submitOrders, type SeededStaff } from '../../testing/seed';
import { readDocx } from '../../testing/docx-text';

const json = { 'Content-Type': 'application/json' };
const vnDay = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const item = (name: string, quantity: number, unitPrice: number) => ({ name, quantity, unitPrice, lineTotal: quantity * unitPrice, shop: 'HTX', productUrl: null, weightGrams: 500, isFarmProduct: true, excluded: false });
const order = (...items: ReturnType<typeof item>[]) => {
  const total = items.reduce((s, i) => s + i.lineTotal, 0);
  return sampleOrder({ placedAt: vnDay(), items, shippingFee: 0, discount: 0, total });
};

// Thành phố Lạng Sơn's eight wards and communes (lib/region/lang-son/lang-son-admin-units.json), in official order.
const communes = ['Phường Hoàng Văn Thụ', 'Phường Tam Thanh', 'Phường Vĩnh Trại', 'Phường Đông Kinh', 'Phường Chi Lăng', 'Xã Hoàng Đồng', 'Xã Quảng Lạc', 'Xã Mai Pha'];
const HVT = 'UBND-178-05971';
const MAI_PHA = 'UBND-178-05992';
// Huyện Đình Lập's first commune and its third.
const TT_DL = 'UBND-189-06613';
const BAC_XA = 'UBND-189-06619';

forEachDatabase((deps) => {
  describe("sub-units of a district People's Committee", () => {
    it('its communes and its own units, codes per unit, and the figures by unit adding up to its totals', async () => {
      const d = deps();
      await d.db.insertInto('periods').values({ id: 'now', name: 'Đợt hiện tại', starts_on: '2025-01-01', ends_on: '2099-12-31', report_due: '2099-12-31' }).execute();
      const focal = await createAgencyFocalPoint(d.db, 'UBND-178');
      const call = (who: { auth: Record<string, string> }, method: string, path: string, body?: unknown) =>
        d.app.request(path, { method, headers: { ...who.auth, ...json }, body: body === undefined ? undefined : JSON.stringify(body) });

      // Its communes come from the region data.
      const listed = await call(focal, 'GET', '/api/agency/units');
      expect(listed.status).toBe(200);
      const units = (await listed.json()).units;
      expect(units.map((u: { name: string }) => u.name)).toEqual(communes);
      expect(units[0]).toEqual({ id: HVT, name: 'Phường Hoàng Văn Thụ', communeCode: '05971', active: true, people: 0 });

      // It adds its own; the same name again (other case, spacing) is refused.
      const added = await call(focal, 'POST', '/api/agency/units', { name: '  Phòng Giáo dục và Đào tạo ' });
      expect(added.status).toBe(201);
      const phong = await added.json();
      expect(phong).toEqual({ id: expect.any(String), name: 'Phòng Giáo dục và Đào tạo', communeCode: null, active: true, people: 0 });
      const twice = await call(focal, 'POST', '/api/agency/units', { name: 'phòng giáo dục   và đào tạo' });
      expect(twice.status).toBe(409);
      expect((await twice.json()).error).toMatchObject({ code: '409.20', field: 'name', message: 'Cơ quan đã có đơn vị trực thuộc mang tên này.' });
      const empty = await call(focal, 'POST', '/api/agency/units', { name: ' ' });
      expect(empty.status).toBe(400);
      expect((await empty.json()).error).toMatchObject({ code: '400.2', field: 'name', detail: 'Tên đơn vị trực thuộc cần 2–200 ký tự.' });

      // Codes per unit, and one for the agency itself.
      const issue = async (unitId: string | null, maxUses = 1) => {
        const res = await call(focal, 'POST', '/api/agency/enrolment-codes', { count: 1, maxUses, unitId });
        expect(res.status).toBe(201);
        return (await res.json()).codes[0] as { code: string; unit: { id: string; name: string } | null };
      };
      const hvtCode = await issue(HVT, 2);
      expect(hvtCode.unit).toEqual({ id: HVT, name: 'Phường Hoàng Văn Thụ' });
      const maiPhaCode = await issue(MAI_PHA, 3);
      const phongCode = await issue(phong.id, 2);
      const agencyCode = await issue(null);
      expect(agencyCode.unit).toBeNull();

      const preview = await d.app.request(`/api/enrolment-codes/${maiPhaCode.code}`);
      expect(await preview.json()).toMatchObject({ agency: { code: 'UBND-178', name: 'UBND thành phố Lạng Sơn' }, unit: { id: MAI_PHA, name: 'Xã Mai Pha' } });

      const enrol = async (code: string, fullName: string, installationId = randomUUID()): Promise<SeededStaff> => {
        const res = await d.app.request('/api/staff/enrol', { method: 'POST', headers: json, body: JSON.stringify({ code, fullName, installationId }) });
        expect(res.status).toBe(200);
        const body = await res.json();
        return { id: body.staff.id, token: body.token, auth: { Authorization: `Bearer ${body.token}` }, agencyCode: 'UBND-178' };
      };
      const a = await enrol(hvtCode.code, 'Hoàng Văn A');
      const b = await enrol(hvtCode.code, 'Hoàng Thị B');
      const c = await enrol(maiPhaCode.code, 'Mai Văn C');
      const f = await enrol(maiPhaCode.code, 'Mai Thị F');
      const dd = await enrol(phongCode.code, 'Đào Văn D');
      const eInstall = randomUUID();
      const e = await enrol(agencyCode.code, 'Lê Văn E', eInstall);

      const sent = async (who: SeededStaff, ...orders: ReturnType<typeof order>[]) => expect((await submitOrders(d, who, orders)).body.results.map((r) => r.status)).toEqual(orders.map(() => 'accepted'));
      // Phường Hoàng Văn Thụ: A 240.000 + (150.000 + 150.000), B 120.000 → 2 people, 4 items, 660.000 đ.
      await sent(a, order(item('Hồi khô Lạng Sơn', 2, 120_000)), order(item('Na Chi Lăng hộp 2kg', 1, 150_000), item('Gạo nếp Bắc Sơn', 3, 50_000)));
      await sent(b, order(item('Quế khô Văn Quan', 2, 60_000)));
      // Xã Mai Pha: C 200.000; F bought nothing farm → 1 person, 1 item, 200.000 đ.
      await sent(c, order(item('Gạo nếp Bắc Sơn', 5, 40_000)));
      await sent(f, order({ ...item('Giày thể thao nam', 1, 450_000), isFarmProduct: false }));
      // Phòng Giáo dục và Đào tạo: D 300.000 + 100.000 → 1 person, 2 items, 400.000 đ.
      await sent(dd, order(item('Na Chi Lăng hộp 2kg', 2, 150_000), item('Hồi khô Lạng Sơn', 1, 100_000)));
      // Enrolled with the agency-wide code: E 70.000 → 1 person, 1 item, 70.000 đ.
      await sent(e, order(item('Quế khô Văn Quan', 1, 70_000)));
      // The agency: 5 people, 8 items, 1.330.000 đ.

      const figures = (t: { participants: number; farmItems: number; amountVnd: number }) => [t.participants, t.farmItems, t.amountVnd];
      const live = await (await call(focal, 'GET', '/api/agency/tally?period=now')).json();
      expect(figures(live.tally)).toEqual([5, 8, 1_330_000]);
      const byName = (lines: { name: string; tally: { participants: number; farmItems: number; amountVnd: number } }[]) => Object.fromEntries(lines.map((l) => [l.name, figures(l.tally)]));
      const zero = [0, 0, 0];
      const expected = {
        'Phường Hoàng Văn Thụ': [2, 4, 660_000],
        'Phường Tam Thanh': zero,
        'Phường Vĩnh Trại': zero,
        'Phường Đông Kinh': zero,
        'Phường Chi Lăng': zero,
        'Xã Hoàng Đồng': zero,
        'Xã Quảng Lạc': zero,
        'Xã Mai Pha': [1, 1, 200_000],
        'Phòng Giáo dục và Đào tạo': [1, 2, 400_000],
        'Không thuộc đơn vị trực thuộc nào': [1, 1, 70_000],
      };
      expect(live.units).toHaveLength(10);
      expect(byName(live.units)).toEqual(expected);
      expect(live.units.map((u: { name: string }) => u.name)).toEqual(Object.keys(expected));

      // The participants list says each person's unit.
      const people = (await (await call(focal, 'GET', '/api/agency/participants?period=now')).json()).participants;
      expect(people.find((p: { fullName: string }) => p.fullName === 'Mai Thị F')).toMatchObject({ participated: false, unit: { id: MAI_PHA, name: 'Xã Mai Pha' } });
      expect(people.find((p: { fullName: string }) => p.fullName === 'Lê Văn E').unit).toBeNull();

      // Submitted: the breakdown is locked with the report.
      const submitted = await call(focal, 'POST', '/api/agency/reports', { periodId: 'now', docNumber: '12/BC-UBND', signerName: 'Vy Văn Sơn', signerPosition: 'CHỦ TỊCH' });
      expect(submitted.status).toBe(201);
      const report = await submitted.json();
      expect(figures(report.tally)).toEqual([5, 8, 1_330_000]);
      expect(byName(report.units)).toEqual(expected);

      // Afterwards: B buys again, a unit is renamed, E moves to the department by enrolling again with its code.
      await sent(b, order(item('Hồi khô Lạng Sơn', 1, 90_000)));
      const renamed = await call(focal, 'PATCH', `/api/agency/units/${HVT}`, { name: 'Phường Hoàng Văn Thụ (cũ)' });
      expect(renamed.status).toBe(200);
      expect(await renamed.json()).toEqual({ id: HVT, name: 'Phường Hoàng Văn Thụ (cũ)', communeCode: '05971', active: true, people: 2 });
      await enrol(phongCode.code, 'Lê Văn E', eInstall);
      // A stopped unit keeps its line while it has figures (the lines still add up); Phường Tam Thanh, stopped with
      // none, leaves the table.
      expect((await call(focal, 'PATCH', `/api/agency/units/${MAI_PHA}`, { active: false })).status).toBe(200);
      expect((await call(focal, 'PATCH', '/api/agency/units/UBND-178-05974', { active: false })).status).toBe(200);
      const after = await (await call(focal, 'GET', '/api/agency/tally?period=now')).json();
      expect(after.units.map((u: { name: string }) => u.name)).not.toContain('Phường Tam Thanh');
      expect(byName(after.units)['Xã Mai Pha']).toEqual([1, 1, 200_000]);
      expect(figures(after.tally)).toEqual([5, 9, 1_420_000]);
      expect(byName(after.units)).toMatchObject({ 'Phường Hoàng Văn Thụ (cũ)': [2, 5, 750_000], 'Phòng Giáo dục và Đào tạo': [2, 3, 470_000], 'Không thuộc đơn vị trực thuộc nào': zero });
      expect(byName((await (await call(focal, 'GET', `/api/agency/reports/${report.id}`)).json()).units)).toEqual(expected);

      // The submitted version's XLSX: a sheet by sub-unit whose lines add up to the totals row.
      const xlsx = await call(focal, 'GET', `/api/agency/export.xlsx?report=${report.id}`);
      expect(xlsx.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await xlsx.arrayBuffer());
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo đơn vị trực thuộc', 'Người tham gia']);
      const sheet = wb.getWorksheet('Theo đơn vị trực thuộc')!;
      const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
      const head = rows.findIndex((r) => r[1] === 'STT');
      expect(rows[head].slice(1)).toEqual(['STT', 'Đơn vị trực thuộc', 'Số CB, CC, VC, NLĐ tham gia', 'Số đơn hàng', 'Số lượng mặt hàng nông sản', 'Số lượng (đơn vị)', 'Số tiền mua (đồng)', 'Ước tính khối lượng (kg)']);
      const pick = (r: unknown[]) => [r[2], r[3], r[5], r[7]];
      expect(rows.slice(head + 1).map(pick)).toEqual([
        ...Object.entries(expected).map(([name, [p, i, amount]]) => [name, p, i, amount]),
        ['Tổng cộng', 5, 8, 1_330_000],
      ]);
      const personSheet = wb.getWorksheet('Người tham gia')!.getSheetValues().filter(Boolean) as unknown[][];
      expect(personSheet.find((r) => r[2] === 'Lê Văn E')?.[3]).toBe('Không thuộc đơn vị trực thuộc nào');
      expect(personSheet.find((r) => r[2] === 'Hoàng Văn A')?.[3]).toBe('Phường Hoàng Văn Thụ');

      // The live CSV by sub-unit (UTF-8 with BOM, CRLF).
      const csv = await call(focal, 'GET', '/api/agency/export.csv?period=now&table=units');
      expect(csv.status).toBe(200);
      const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toBe('STT,Đơn vị trực thuộc,"Số CB, CC, VC, NLĐ tham gia",Số đơn hàng,Số lượng mặt hàng nông sản,Số lượng (đơn vị),Số tiền mua (đồng),Ước tính khối lượng (kg)');
      expect(lines.find((l) => l.includes('Phòng Giáo dục'))?.split(',').slice(1, 7)).toEqual(['Phòng Giáo dục và Đào tạo', '2', '2', '3', '4', '470000']);
      expect(lines.at(-1)?.split(',').slice(1, 7)).toEqual(['Tổng cộng', '5', '7', '9', '18', '1420000']);
      const snv = await createAgencyFocalPoint(d.db, 'SNV');
      const noUnits = await call(snv, 'GET', '/api/agency/export.csv?period=now&table=units');
      expect(noUnits.status).toBe(404);
      expect((await noUnits.json()).error).toMatchObject({ code: '404.1', field: 'table' });

      // The Word document: a line per sub-unit, the totals under them.
      const docx = await readDocx(await (await call(focal, 'GET', `/api/agency/reports/${report.id}/document.docx`)).arrayBuffer());
      const p = docx.paragraphs;
      expect(p).toContain('Số liệu theo đơn vị trực thuộc');
      const first = p.indexOf('Phường Hoàng Văn Thụ');
      expect(p.slice(first - 1, first + 4)).toEqual(['1', 'Phường Hoàng Văn Thụ', '2', '4', '660.000']);
      const mai = p.indexOf('Xã Mai Pha');
      expect(p.slice(mai - 1, mai + 4)).toEqual(['8', 'Xã Mai Pha', '1', '1', '200.000']);
      const dept = p.indexOf('Phòng Giáo dục và Đào tạo');
      expect(p.slice(dept - 1, dept + 9)).toEqual(['9', 'Phòng Giáo dục và Đào tạo', '1', '2', '400.000', '10', 'Không thuộc đơn vị trực thuộc nào', '1', '1', '70.000']);
      const total = p.indexOf('Tổng cộng');
      expect(p.slice(total, total + 4)).toEqual(['Tổng cộng', '5', '8', '1.330.000']);
      expect(p).toContain('3. Số tiền mua (đồng): 1.330.000 đồng.');
    });

    it('stops, deletes and guards sub-units: another agency gets 404, the province sees and edits them', async () => {
      const d = deps();
      const focal = await createAgencyFocalPoint(d.db, 'UBND-189');
      const other = await createAgencyFocalPoint(d.db, 'UBND-180');
      const province = await createProvinceUser(d.db);
      const call = (who: { auth: Record<string, string> }, method: string, path: string, body?: unknown) =>
        d.app.request(path, { method, headers: { ...who.auth, ...json }, body: body === undefined ? undefined : JSON.stringify(body) });
      const problem = async (res: Response) => ({ status: res.status, code: (await res.json()).error.code });
      const enrolWith = (code: string) => d.app.request('/api/staff/enrol', { method: 'POST', headers: json, body: JSON.stringify({ code, fullName: 'Người Thử', installationId: randomUUID() }) });

      // Another agency: its own communes only; the first agency's units are not found.
      const theirs = (await (await call(other, 'GET', '/api/agency/units')).json()).units;
      expect(theirs).toHaveLength(22);
      expect(theirs.some((u: { id: string }) => u.id === TT_DL)).toBe(false);
      expect(await problem(await call(other, 'PATCH', `/api/agency/units/${TT_DL}`, { name: 'Chiếm' }))).toEqual({ status: 404, code: '404.1' });
      expect(await problem(await call(other, 'DELETE', `/api/agency/units/${TT_DL}`))).toEqual({ status: 404, code: '404.1' });
      const foreignCode = await call(other, 'POST', '/api/agency/enrolment-codes', { count: 1, unitId: TT_DL });
      expect(foreignCode.status).toBe(404);
      expect((await foreignCode.json()).error).toMatchObject({ code: '404.1', field: 'unitId' });
      expect(await problem(await call(other, 'GET', `/api/province/agencies/UBND-189/units`))).toEqual({ status: 403, code: '403.1' });
      expect((await (await call(focal, 'GET', '/api/agency/units')).json()).units.find((u: { id: string }) => u.id === TT_DL).name).toBe('Thị trấn Đình Lập');

      // A stopped unit takes no new codes, and its codes no longer enrol; taken back, they do.
      const code = (await (await call(focal, 'POST', '/api/agency/enrolment-codes', { count: 1, maxUses: 5, unitId: BAC_XA })).json()).codes[0].code;
      expect((await call(focal, 'PATCH', `/api/agency/units/${BAC_XA}`, { active: false })).status).toBe(200);
      expect(await problem(await call(focal, 'POST', '/api/agency/enrolment-codes', { count: 1, unitId: BAC_XA }))).toEqual({ status: 409, code: '409.22' });
      expect(await problem(await enrolWith(code))).toEqual({ status: 404, code: '404.10' });
      expect(await (await call(focal, 'PATCH', `/api/agency/units/${BAC_XA}`, { active: true })).json()).toMatchObject({ active: true, people: 0 });
      expect((await enrolWith(code)).status).toBe(200);

      // One with people is not deleted; one without is, with its unused codes.
      expect(await problem(await call(focal, 'DELETE', `/api/agency/units/${BAC_XA}`))).toEqual({ status: 409, code: '409.21' });
      const school = await (await call(focal, 'POST', '/api/agency/units', { name: 'Trường THCS Chi Lăng' })).json();
      const schoolCode = (await (await call(focal, 'POST', '/api/agency/enrolment-codes', { count: 1, unitId: school.id })).json()).codes[0].code;
      expect(await problem(await call(focal, 'PATCH', `/api/agency/units/${school.id}`, { name: 'xã  bắc xa' }))).toEqual({ status: 409, code: '409.20' });
      expect(await problem(await call(focal, 'PATCH', `/api/agency/units/${school.id}`, {}))).toEqual({ status: 400, code: '400.2' });
      const deleted = await call(focal, 'DELETE', `/api/agency/units/${school.id}`);
      expect(deleted.status).toBe(204);
      expect(await problem(await enrolWith(schoolCode))).toEqual({ status: 404, code: '404.10' });
      expect(await problem(await call(focal, 'DELETE', `/api/agency/units/${school.id}`))).toEqual({ status: 404, code: '404.1' });

      // The province sees and edits any agency's units.
      const seen = await call(province, 'GET', '/api/province/agencies/UBND-189/units');
      expect(seen.status).toBe(200);
      const seenUnits = (await seen.json()).units;
      expect(seenUnits).toHaveLength(12);
      expect(seenUnits.find((u: { id: string }) => u.id === BAC_XA)).toEqual({ id: BAC_XA, name: 'Xã Bắc Xa', communeCode: '06619', active: true, people: 1 });
      const made = await call(province, 'POST', '/api/province/agencies/UBND-189/units', { name: 'Trung tâm Y tế thành phố' });
      expect(made.status).toBe(201);
      const madeId = (await made.json()).id;
      expect(await (await call(province, 'PATCH', `/api/province/agencies/UBND-189/units/${madeId}`, { name: 'Trung tâm Y tế TP Lạng Sơn' })).json()).toMatchObject({ name: 'Trung tâm Y tế TP Lạng Sơn' });
      expect(await problem(await call(province, 'PATCH', `/api/province/agencies/UBND-180/units/${madeId}`, { name: 'X y' }))).toEqual({ status: 404, code: '404.1' });
      expect(await problem(await call(province, 'GET', '/api/province/agencies/KHONG-CO/units'))).toEqual({ status: 404, code: '404.1' });
      expect((await call(province, 'DELETE', `/api/province/agencies/UBND-189/units/${madeId}`)).status).toBe(204);
      // An agency without a district starts with none, and its figures have no breakdown.
      const snv = await createAgencyFocalPoint(d.db, 'SNV');
      expect(await (await call(snv, 'GET', '/api/agency/units')).json()).toEqual({ units: [] });
      expect((await (await call(snv, 'GET', '/api/agency/tally')).json()).units).toBeNull();
    });
  });
});
