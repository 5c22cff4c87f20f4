/**
 * Issue 13, items 1 and 2: a Viettel Post CSV and a Bưu điện XLSX beside three kiosk signups give exact commune and
 * district figures with no household counted twice; the same file twice changes nothing; phases set the deadline and
 * the status. Every expected figure below is worked out by hand from the rows, in the comments. Both databases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { forEachDatabase } from '../test-databases';
import { createDistrictUser, createProvinceUser, type SeededUser } from '../testing/seed';
import { enrolKiosk, household } from '../../tests/unit/robustness/people';

// Nhạc Kỳ (06181) and Trùng Khánh (06127) are in Văn Lãng (182); Thất Khê (05995) is in Tràng Định (180).
const A = '06181';
const B = '06127';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Viettel Post's list: its own column names, semicolons, a title line above the header. */
const vosoCsv = (p: { k2: string }) =>
  [
    'DANH SÁCH HỘ MỞ GIAN HÀNG TRÊN VOSO - VIETTEL POST LẠNG SƠN',
    'STT;Tên xã;Huyện;Họ và tên;SĐT;CCCD;Mã gian hàng;Link gian hàng;Ví Viettel Money;Số sản phẩm',
    // Row 3: the kiosk's household K2, phone typed with spaces → the same household.
    `1;Xã Nhạc Kỳ;Văn Lãng;Nông Thị Hai;${p.k2.slice(0, 4)} ${p.k2.slice(4)};;V1;https://langson.voso.vn/shop/v1;có;4`,
    // Row 4: a new household O1: shop, no payment account, 2 products.
    '2;nhac ky;Văn Lãng;Hoàng Văn Một;0987000001;;V2;https://langson.voso.vn/shop/v2;;2',
    // Row 5: a new household O2: shop and payment, no product yet.
    '3;Nhạc Kỳ;Văn Lãng;Lường Thị Hai;0987000002;;V3;https://langson.voso.vn/shop/v3;x;0',
    // Row 6: O3 in Trùng Khánh, known by its ID only.
    '4;Xã Trùng Khánh;Văn Lãng;Vi Văn Ba;;020190777001;V4;https://langson.voso.vn/shop/v4;có;3',
    // Row 7: no such commune. Row 8: no name. Row 9: the same shop id as row 4.
    '5;Xã Không Có;Văn Lãng;Hà Văn Năm;0987000005;;V9;https://langson.voso.vn/shop/v9;có;1',
    '6;Xã Nhạc Kỳ;Văn Lãng;;0987000006;;V6;https://langson.voso.vn/shop/v6;có;1',
    '7;nhac ky;Văn Lãng;Hoàng Văn Một;0987000001;;V2;https://langson.voso.vn/shop/v2;;2',
    // Row 10: O4 with a phone that is not one: imported with a note, 1 product, shop and payment.
    '8;Xã Nhạc Kỳ;Văn Lãng;Đinh Thị Bốn;12345;;V5;https://langson.voso.vn/shop/v5;có;1',
  ].join('\r\n') + '\r\n';

/** Bưu điện's list as an XLSX: other names again; the commune by name or by code. */
async function postmartXlsx(p: { k3: string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['Xã/Phường', 'Họ tên chủ hộ', 'Số điện thoại', 'Gian hàng', 'Tài khoản PostPay', 'Số mặt hàng']);
  // Row 2: the kiosk's K3 by phone: shop, payment, 5 products.
  ws.addRow(['Xã Nhạc Kỳ', 'Chu Văn Ba', p.k3, 'có', 'có', 5]);
  // Row 3: O2 again (Viettel Post's row 5, same phone): a postmart shop too, no PostPay, 1 product.
  ws.addRow(['Xã Nhạc Kỳ', 'Lường Thị Hai', '0987000002', 'có', 'chưa', 1]);
  // Row 4: O5 in Trùng Khánh by code: a payment account only.
  ws.addRow(['06127', 'Vy Thị Năm', '0987000055', '', 'có', 0]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const vosoColumns = { commune: 'Tên xã', district: 'Huyện', headName: 'Họ và tên', phone: 'SĐT', idNumber: 'CCCD', shopId: 'Mã gian hàng', shop: 'Link gian hàng', payment: 'Ví Viettel Money', products: 'Số sản phẩm' };
const postmartColumns = { commune: 'Xã/Phường', headName: 'Họ tên chủ hộ', phone: 'Số điện thoại', shop: 'Gian hàng', payment: 'Tài khoản PostPay', products: 'Số mặt hàng' };

forEachDatabase((deps) => {
  let province: SeededUser;
  let vanLang: SeededUser;
  let trangDinh: SeededUser;
  const call = (method: string, path: string, who: SeededUser | null, body?: BodyInit | object) =>
    deps().app.request(path, {
      method,
      headers: { ...(who ? who.auth : {}), ...(body && !(body instanceof Uint8Array) && typeof body !== 'string' ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : body instanceof Uint8Array || typeof body === 'string' ? (body as BodyInit) : JSON.stringify(body),
    });
  const progress = async (who: SeededUser, query = '') => (await call('GET', `/api/channels/progress${query}`, who)).json();

  beforeAll(async () => {
    const { db } = deps();
    province = await createProvinceUser(db);
    vanLang = await createDistrictUser(db, '182');
    trangDinh = await createDistrictUser(db, '180');
    await db.updateTable('communes').set({ household_count: 20 }).where('code', '=', A).execute();
    await db.updateTable('communes').set({ household_count: 10 }).where('code', '=', B).execute();
  }, 60_000);

  describe('operators\' lists and progress from every channel', () => {
    const k = { k1: household({ communeCode: A, headName: 'Lò Văn Một' }), k2: household({ communeCode: A, headName: 'Nông Thị Hai' }), k3: household({ communeCode: A, headName: 'Chu Văn Ba' }) };

    it('three kiosk signups in Nhạc Kỳ (each with a payment account); K1 gets its shop through the hand-over sheet', async () => {
      const tablet = await enrolKiosk(deps(), [A, B]);
      const sent = await deps().app.request('/api/kiosk/households', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tablet.token}` }, body: JSON.stringify({ households: [k.k1, k.k2, k.k3] }) });
      const { results } = await sent.json();
      expect(results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
      const handover = await call('POST', '/api/kiosk/handover', province, utf8(`Mã hồ sơ,Đường dẫn cửa hàng,Đã đăng sản phẩm\r\n${results[0].serverId},https://langson.voso.vn/shop/k1,có\r\n`));
      expect((await handover.json()).updated).toBe(1);
    });

    it('the preview lists every row\'s problem and writes nothing; the columns picked are remembered for the operator', async () => {
      // Nothing picked yet for voso: the preview guesses from the usual names and says what it found.
      const guessed = await (await call('POST', '/api/channels/imports/voso/preview?file=voso.csv', vanLang, utf8(vosoCsv({ k2: k.k2.phone })))).json();
      expect(guessed.header).toEqual(['STT', 'Tên xã', 'Huyện', 'Họ và tên', 'SĐT', 'CCCD', 'Mã gian hàng', 'Link gian hàng', 'Ví Viettel Money', 'Số sản phẩm']);
      expect(guessed.missing).toEqual([]);
      expect(guessed.columns).toMatchObject({ commune: 'Tên xã', headName: 'Họ và tên', phone: 'SĐT', idNumber: 'CCCD' });

      const put = await call('PUT', '/api/channels/column-maps/voso', vanLang, { columns: vosoColumns });
      expect(put.status).toBe(200);
      expect((await (await call('GET', '/api/channels/column-maps/voso', province)).json()).columns).toEqual(vosoColumns);
      expect((await call('PUT', '/api/channels/column-maps/postmart', province, { columns: postmartColumns })).status).toBe(200);

      const preview = await (await call('POST', '/api/channels/imports/voso/preview?file=voso.csv', vanLang, utf8(vosoCsv({ k2: k.k2.phone })))).json();
      expect(preview).toMatchObject({ rows: 8, added: 5, changed: 0, unchanged: 0, refused: 3, problemsLeftOff: 0 });
      expect(preview.problems.map((p: { row: number; code: string; blocking: boolean }) => [p.row, p.code, p.blocking])).toEqual([
        [7, '400.60', true],
        [8, '400.63', true],
        [9, '400.64', true],
        [10, '400.61', false],
      ]);
      expect(preview.problems[0].message).toBe('Không có xã “Xã Không Có” thuộc Văn Lãng trong danh mục của tỉnh.');
      expect(preview.problems[2].message).toBe('Dòng trùng với dòng 4 (cùng mã cửa hàng).');
      expect(await deps().db.selectFrom('operator_households').selectAll().execute()).toHaveLength(0);
    });

    it('imports both lists; each household once: Nhạc Kỳ 5 of 20 with both (25%), Trùng Khánh 1 of 10 (10%), Văn Lãng 6 of 30 (20%)', async () => {
      const voso = await call('POST', '/api/channels/imports/voso?file=voso.csv', vanLang, utf8(vosoCsv({ k2: k.k2.phone })));
      expect(voso.status).toBe(200);
      expect(await voso.json()).toMatchObject({ rows: 8, added: 5, changed: 0, unchanged: 0, refused: 3 });
      const postmart = await call('POST', '/api/channels/imports/postmart?file=buudien.xlsx', province, await postmartXlsx({ k3: k.k3.phone }));
      expect(await postmart.json()).toMatchObject({ rows: 3, added: 3, changed: 0, unchanged: 0, refused: 0, problems: [] });

      const body = await progress(province, '?district=182');
      const a = body.communes.find((c: { communeCode: string }) => c.communeCode === A);
      // Nhạc Kỳ: K1 (kiosk shop + payment, 1 product), K2 (kiosk payment + voso shop/payment, 4), K3 (kiosk payment +
      // postmart shop/payment, 5), O1 (voso shop, 2), O2 (voso shop/payment 0 + postmart shop 1), O4 (voso both, 1).
      expect(a).toMatchObject({ householdCount: 20, signedUp: 3, shopsOpened: 6, paymentAccounts: 5, both: 5, productsListed: 14, percentBoth: 25 });
      expect(a.channels).toEqual({
        kiosk: { households: 3, shops: 1, payments: 3, productsListed: 1 },
        voso: { households: 4, shops: 4, payments: 3, productsListed: 7 },
        postmart: { households: 2, shops: 2, payments: 1, productsListed: 6 },
      });
      const b = body.communes.find((c: { communeCode: string }) => c.communeCode === B);
      // Trùng Khánh: O3 (voso both, 3 products), O5 (postmart payment only).
      expect(b).toMatchObject({ householdCount: 10, signedUp: 0, shopsOpened: 1, paymentAccounts: 2, both: 1, productsListed: 3, percentBoth: 10 });
      expect(body.districts).toHaveLength(1);
      // Văn Lãng: 6 with both over the 30 households of the two communes whose count is known.
      expect(body.districts[0]).toMatchObject({ districtCode: '182', householdCount: 30, signedUp: 3, shopsOpened: 7, paymentAccounts: 7, both: 6, productsListed: 17, percentBoth: 20, phase: null, deadline: null });
      // The kiosk's progress screen shows the same figures for the officer's communes.
      const officer = await enrolKiosk(deps(), [A]);
      const kiosk = await (await deps().app.request('/api/kiosk/progress', { headers: officer.officer.auth })).json();
      expect(kiosk.communes).toEqual([a]);
    });

    it('the same files again change nothing', async () => {
      const before = await progress(province, '?district=182');
      const stored = await deps().db.selectFrom('operator_households').selectAll().orderBy('row_key').execute();
      expect(stored).toHaveLength(8);
      const voso = await (await call('POST', '/api/channels/imports/voso?file=voso.csv', vanLang, utf8(vosoCsv({ k2: k.k2.phone })))).json();
      expect(voso).toMatchObject({ rows: 8, added: 0, changed: 0, unchanged: 5, refused: 3 });
      const postmart = await (await call('POST', '/api/channels/imports/postmart', province, await postmartXlsx({ k3: k.k3.phone }))).json();
      expect(postmart).toMatchObject({ added: 0, changed: 0, unchanged: 3 });
      expect(await progress(province, '?district=182')).toEqual(before);
      expect(await deps().db.selectFrom('operator_households').selectAll().orderBy('row_key').execute()).toEqual(stored);
      // Only the first import of each file is in the log: the repeats wrote nothing.
      expect((await (await call('GET', '/api/channels/imports', province)).json()).imports.map((i: { operator: string; added: number }) => [i.operator, i.added]).sort()).toEqual([
        ['postmart', 3],
        ['voso', 5],
      ]);
    });

    it('a later list changes only what it says: more products for O1, its other columns kept', async () => {
      const later = 'Tên xã;Huyện;Họ và tên;SĐT;Mã gian hàng;Số sản phẩm\r\nXã Nhạc Kỳ;Văn Lãng;Hoàng Văn Một;0987000001;V2;6\r\n';
      expect(await (await call('POST', '/api/channels/imports/voso', vanLang, utf8(later))).json()).toMatchObject({ rows: 1, added: 0, changed: 1, unchanged: 0 });
      const a = (await progress(vanLang)).communes.find((c: { communeCode: string }) => c.communeCode === A);
      // 14 − 2 + 6; O1 still has its shop (the later list had no shop column).
      expect(a).toMatchObject({ shopsOpened: 6, productsListed: 18 });
    });

    it('phases: Văn Lãng in phase 1 (20/9/2021) is late at 20%; the province edits phases, a district cannot', async () => {
      const phase = { name: 'Giai đoạn 1 năm 2021', startsOn: '2021-07-01', deadline: '2021-09-20', districtCodes: ['182', '180'] };
      expect((await call('PUT', '/api/province/phases/gd1-2021', vanLang, phase)).status).toBe(403);
      const put = await call('PUT', '/api/province/phases/gd1-2021', province, phase);
      expect(put.status).toBe(200);
      expect(await put.json()).toEqual({ id: 'gd1-2021', name: 'Giai đoạn 1 năm 2021', startsOn: '2021-07-01', deadline: '2021-09-20', districtCodes: ['180', '182'] });
      const clash = await call('PUT', '/api/province/phases/gd2-2021', province, { name: 'Giai đoạn 2', deadline: '2021-12-31', districtCodes: ['182'] });
      expect(clash.status).toBe(400);
      expect((await call('PUT', '/api/province/phases/gd1-2022', province, { name: 'Giai đoạn 1 năm 2022', deadline: '2099-06-30', districtCodes: ['182'] })).status).toBe(200);
      // Today is past 2021: Văn Lãng answers to its 2022-style phase, on track before that deadline.
      const d = (await progress(vanLang)).districts[0];
      expect(d).toMatchObject({ districtCode: '182', phase: { id: 'gd1-2022', name: 'Giai đoạn 1 năm 2022' }, deadline: '2099-06-30', status: 'on-track', percentBoth: 20 });
      expect((await call('DELETE', '/api/province/phases/gd1-2022', province)).status).toBe(204);
      const late = (await progress(vanLang)).districts[0];
      expect(late).toMatchObject({ phase: { id: 'gd1-2021' }, deadline: '2021-09-20', status: 'late' });
      expect((await call('DELETE', '/api/province/phases/gd1-2022', province)).status).toBe(404);
    });

    it('role boundaries: a district sees and imports only its own communes; others get 403.60 and 404.60', async () => {
      // Trùng Khánh is Văn Lãng's: Tràng Định's account gets the row refused, nothing written.
      const foreign = 'Tên xã;Huyện;Họ và tên;SĐT;Mã gian hàng;Link gian hàng;Ví Viettel Money;Số sản phẩm\r\nXã Trùng Khánh;Văn Lãng;Vi Văn Sáu;0987000066;V66;https://langson.voso.vn/shop/v66;có;1\r\n';
      const refused = await (await call('POST', '/api/channels/imports/voso', trangDinh, utf8(foreign))).json();
      expect(refused).toMatchObject({ rows: 1, added: 0, refused: 1 });
      expect(refused.problems.map((p: { code: string }) => p.code)).toEqual(['403.60']);
      const other = await call('GET', '/api/channels/progress?district=182', trangDinh);
      expect(other.status).toBe(403);
      expect((await other.json()).error.code).toBe('403.60');
      const none = await call('GET', '/api/channels/progress?district=999', province);
      expect(none.status).toBe(404);
      expect((await none.json()).error.code).toBe('404.60');
      const own = await progress(trangDinh);
      expect(own.communes.every((c: { districtCode: string }) => c.districtCode === '180')).toBe(true);
      // No commune of Tràng Định has a household count yet: no percentage, status unknown.
      expect(own.districts).toEqual([expect.objectContaining({ districtCode: '180', householdCount: null, percentBoth: null, status: 'unknown' })]);
      expect((await progress(province)).communes).toHaveLength(200);
      // A district sees the imports it made, not the province's.
      expect((await (await call('GET', '/api/channels/imports', vanLang)).json()).imports.map((i: { operator: string }) => i.operator)).toEqual(['voso', 'voso']);
      // Officers, tablets, agencies and staff have no door here.
      const officer = await enrolKiosk(deps(), [A]);
      for (const who of [officer.officer.auth, { Authorization: `Bearer ${officer.token}` }]) {
        expect((await deps().app.request('/api/channels/progress', { headers: who })).status).toBe(403);
        expect((await deps().app.request('/api/channels/imports/voso', { method: 'POST', headers: who, body: 'x' })).status).toBe(403);
      }
      expect((await deps().app.request('/api/channels/progress')).status).toBe(401);
      expect((await call('GET', '/api/channels/column-maps/shopee', province)).status).toBe(404);
    });

    it('refuses what is not a list (400.67) and a list without the needed columns (400.68), writing nothing', async () => {
      const count = async () => (await deps().db.selectFrom('operator_households').selectAll().execute()).length;
      const before = await count();
      const zip = await call('POST', '/api/channels/imports/voso', province, new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]));
      expect([zip.status, (await zip.json()).error.code]).toEqual([400, '400.67']);
      const noColumns = await call('POST', '/api/channels/imports/voso', province, utf8('Cột một;Cột hai\r\na;b\r\n'));
      expect([noColumns.status, (await noColumns.json()).error.code]).toEqual([400, '400.68']);
      expect(await count()).toBe(before);
    });

    it('reads a list as it arrives and stops past 32 MB (413.61), whatever Content-Length says', async () => {
      // 1 MB pieces of 2 KB rows (16.000 rows in 32 MB: under the row cap, so the byte cap is what stops it).
      const mb = new TextEncoder().encode(`Xã Nhạc Kỳ;${'a'.repeat(2035)}\n`.repeat(512));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ === 0) controller.enqueue(new TextEncoder().encode('Tên xã;Họ và tên\n'));
          if (sent < 40) controller.enqueue(mb);
          else controller.close();
        },
      });
      const res = await deps().app.request('/api/channels/imports/voso/preview', { method: 'POST', headers: province.auth, body, duplex: 'half' } as RequestInit);
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe('413.61');
      // It stopped reading soon after the limit, not at the end of the 40 MB.
      expect(sent).toBeLessThan(40);
    });
  });
});
