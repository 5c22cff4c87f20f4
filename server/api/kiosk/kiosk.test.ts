import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { forEachDatabase } from '../../test-databases';
import { jsonRequest } from '../../testing/json-request';
import { seedOfficer } from '../../kiosk/seed-officer';
import { issueToken } from '../../auth/tokens';
import type { SubmittedHousehold } from '../../../lib/kiosk/household';
import { sampleHousehold } from '../../../lib/kiosk/sample-household';
import { rebuildProgress } from '../../channels/progress-store';

const household = (over: Partial<SubmittedHousehold> = {}): SubmittedHousehold =>
  sampleHousehold({
    clientId: randomUUID(),
    shopName: '=HYPERLINK("http://x")',
    products: [{ category: 'trai_cay', name: 'Na Chi Lăng' }],
    vietgap: 'VietGAP-TT-13-09-20-0096',
    vietgapIssuer: 'QUACERT',
    vietgapExpiresOn: '2099-06-30',
    ocopStars: 3,
    traceability: 'Tem QR truy xuất',
    traceabilityCode: 'VN-LSOR-0012',
    ...over,
  });

// A tiny valid JPEG header is enough: the collector checks the magic bytes, not the pixels.
const jpeg: Uint8Array<ArrayBuffer> = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);

forEachDatabase((deps) => {
  const json = jsonRequest(deps);
  const login = async (username: string) => (await (await json('POST', '/api/auth/login', null, { username, password: 'mat-khau-cua-xa' })).json()).token as string;
  const enrol = async (officerToken: string, communeCodes?: string[]) => {
    const code = await json('POST', '/api/kiosk/device-codes', officerToken, communeCodes ? { communeCodes } : {});
    expect(code.status).toBe(201);
    const { code: c } = await code.json();
    const res = await json('POST', '/api/kiosk/enrol', null, { code: c.toLowerCase(), deviceName: 'Máy xã Nhạc Kỳ' });
    expect(res.status).toBe(201);
    return { code: c as string, ...(await res.json()) };
  };

  describe('kiosk: enrolment, sync, photos, hand-over, progress', () => {
    let mai = '';
    let ba = '';
    it('an officer makes a single-use device code for their communes; the tablet enrols with it', async () => {
      await seedOfficer(deps().db, { username: 'mai', password: 'mat-khau-cua-xa', fullName: 'Lý Thị Mai', communes: ['06181', '06184'] });
      await seedOfficer(deps().db, { username: 'ba', password: 'mat-khau-cua-xa', fullName: 'Nông Văn Ba', communes: ['05995'] });
      mai = await login('mai');
      ba = await login('ba');
      const device = await enrol(mai, ['06181']);
      expect(device.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(device.officer.fullName).toBe('Lý Thị Mai');
      expect(device.communes).toEqual([{ code: '06181', name: 'Xã Nhạc Kỳ', districtCode: '182', districtName: 'Huyện Văn Lãng' }]);
      const again = await json('POST', '/api/kiosk/enrol', null, { code: device.code });
      expect((await again.json()).error.code).toBe('404.50');
      // Not the officer's commune; not an officer.
      expect((await (await json('POST', '/api/kiosk/device-codes', mai, { communeCodes: ['05995'] })).json()).error.code).toBe('403.50');
      expect((await json('POST', '/api/kiosk/device-codes', device.token, {})).status).toBe(403);
    });

    it('refuses an expired code', async () => {
      const res = await json('POST', '/api/kiosk/device-codes', mai, {});
      const { code } = await res.json();
      await deps().db.updateTable('kiosk_device_codes').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('used_at', 'is', null).execute();
      expect((await (await json('POST', '/api/kiosk/enrol', null, { code })).json()).error.code).toBe('404.50');
    });

    it('syncs a batch idempotently with one result per household and numbered refusals', async () => {
      const { token } = await enrol(mai, ['06181']);
      const good = household();
      const batch = [
        good,
        household({ phone: '01688123456', idNumber: '020190001111' }),
        household({ communeCode: '05995', phone: '0388000111', idNumber: '020190002222' }),
        household({ phone: '+84 912345678', idNumber: '020190003333' }),
        household({ phone: '0388000222', idNumber: '020 190 001 234' }),
        household({ consent: false, phone: '0388000333', idNumber: '020190004444' }),
        household({ phone: '0388000444', idNumber: '080123456', headName: 'Lò  Thị   Ca' }),
      ];
      const res = await json('POST', '/api/kiosk/households', token, { households: batch });
      expect(res.status).toBe(200);
      const { results } = await res.json();
      expect(results.map((r: { status: string; problem?: { code: string } }) => r.problem?.code ?? r.status)).toEqual(['accepted', '400.50', '403.50', '409.50', '409.51', '400.53', 'accepted']);
      expect(results[1].problem.message).toContain('0388123456');
      expect(results[1].problem.field).toBe('phone');

      // The answer was lost; the tablet sends the same batch again: same answers, nothing doubled.
      const again = await (await json('POST', '/api/kiosk/households', token, { households: [good, batch[6]] })).json();
      expect(again.results.map((r: { serverId: string }) => r.serverId)).toEqual([results[0].serverId, results[6].serverId]);
      const n = await deps().db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(2);
      const stored = await deps().db.selectFrom('households').selectAll().where('client_id', '=', batch[6].clientId).executeTakeFirstOrThrow();
      expect([stored.head_name, stored.phone, stored.id_kind]).toEqual(['Lò Thị Ca', '0388000444', 'cmnd']);

      // Same client id, other content: 409.1.
      const changed = await (await json('POST', '/api/kiosk/households', token, { households: [{ ...good, shopName: 'Khác' }] })).json();
      expect(changed.results[0].problem.code).toBe('409.1');
      // Other content down to the phone and ID number, which no household holds: found by its client id alone, 409.1,
      // and nothing stored.
      const moved = await (await json('POST', '/api/kiosk/households', token, { households: [{ ...good, phone: '0388000555', idNumber: '020190005555' }] })).json();
      expect(moved.results[0].problem.code).toBe('409.1');
      // A later batch meets the stored households too: the first one's phone with a new ID number (409.50), Lò Thị Ca's
      // ID number with a new phone (409.51); nothing stored.
      const later = await (await json('POST', '/api/kiosk/households', token, { households: [household({ phone: good.phone, idNumber: '020190006666' }), household({ phone: '0388000666', idNumber: '080123456' })] })).json();
      expect(later.results.map((r: { status: string; problem?: { code: string } }) => r.problem?.code ?? r.status)).toEqual(['409.50', '409.51']);
      const after = await deps().db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(2);
      expect((await json('POST', '/api/kiosk/households', token, { households: Array.from({ length: 101 }, () => good) })).status).toBe(400);
      expect((await json('POST', '/api/kiosk/households', mai, { households: [] })).status).toBe(403);
    });

    it('refuses unbounded fields and forged dates with 400.56, storing nothing, and strips control characters', async () => {
      const { token } = await enrol(mai, ['06181']);
      const before = Number((await deps().db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const res = await json('POST', '/api/kiosk/households', token, {
        households: [
          household({ phone: '0388000501', idNumber: '020190005001', notes: 'x'.repeat(1_000_000) }),
          household({ phone: '0388000502', idNumber: '020190005002', products: Array.from({ length: 20_000 }, () => ({ category: 'trai_cay', name: 'Na' })) }),
          household({ phone: '0388000503', idNumber: '020190005003', headName: 'H'.repeat(5000) }),
          household({ phone: '0388000504', idNumber: '020190005004', registeredAt: '<script>99999-99-99' }),
          household({ phone: '0388000505', idNumber: '020190005005', headName: 'Vi\u0000 Văn\u202E Hùng\u0007' }),
        ],
      });
      // A 1 MB note and 20.000 products fit under the 2 MB body limit together: each household is judged on its own.
      expect(res.status).toBe(200);
      const { results } = await res.json();
      expect(results.map((r: { status: string; problem?: { code: string; field?: string } }) => r.problem ? `${r.problem.code} ${r.problem.field}` : r.status)).toEqual([
        '400.56 notes',
        '400.56 products',
        '400.56 headName',
        '400.56 registeredAt',
        'accepted',
      ]);
      const stored = await deps().db.selectFrom('households').select(['head_name']).where('phone', '=', '0388000505').executeTakeFirstOrThrow();
      expect(stored.head_name).toBe('Vi Văn Hùng');
      const after = Number((await deps().db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      expect(after).toBe(before + 1);
      // The later tests count this commune's households.
      await deps().db.deleteFrom('households').where('phone', '=', '0388000505').execute();
      // No write of the collector deletes a household: the stored progress is counted again for the removal above.
      await deps().db.transaction().execute((trx) => rebuildProgress(trx));
    });

    it('pulls the roster with hashed identity keys and status, scoped to the device', async () => {
      const { token } = await enrol(mai, ['06181']);
      const body = await (await json('GET', '/api/kiosk/households', token)).json();
      expect(body.households).toHaveLength(2);
      expect(body.households[0]).toMatchObject({ communeCode: '06181', status: 'received', shopUrl: null });
      expect(JSON.stringify(body)).not.toContain('0912345678');
      expect(body.households[0].keyHashes[0]).toMatch(/^[0-9a-f]{64}$/);
      const none = await (await json('GET', `/api/kiosk/households?since=${encodeURIComponent('2999-01-01')}`, token)).json();
      expect(none.households).toEqual([]);
      const other = await enrol(ba);
      expect((await (await json('GET', '/api/kiosk/households', other.token)).json()).households).toEqual([]);
    });

    it('takes photos apart, resumably, size- and type-checked, only for its own households', async () => {
      const { token } = await enrol(mai, ['06181']);
      const [h] = await deps().db.selectFrom('households').select('client_id').orderBy('received_at').execute();
      const put = (hid: string, pid: string, body: Uint8Array<ArrayBuffer>, t = token, kind = 'product') =>
        deps().app.request(`/api/kiosk/households/${hid}/photos/${pid}?kind=${kind}`, { method: 'PUT', headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'image/jpeg' }, body });
      const pid = randomUUID();
      expect((await put(h.client_id, pid, jpeg)).status).toBe(201);
      expect((await put(h.client_id, pid, jpeg)).status).toBe(200);
      expect((await put(h.client_id, randomUUID(), jpeg, token, 'signature')).status).toBe(201);
      expect((await (await put(h.client_id, randomUUID(), new TextEncoder().encode('<svg/>'))).json()).error.code).toBe('415.50');
      expect((await (await put(h.client_id, randomUUID(), new Uint8Array(1.6 * 1024 * 1024).fill(0xff))).json()).error.code).toBe('413.50');
      expect((await (await put(randomUUID(), randomUUID(), jpeg)).json()).error.code).toBe('404.51');
      const other = await enrol(ba);
      expect((await (await put(h.client_id, randomUUID(), jpeg, other.token)).json()).error.code).toBe('404.51');
      const list = await (await json('GET', `/api/kiosk/households/${h.client_id}/photos`, token)).json();
      expect(list.photos.map((p: { kind: string }) => p.kind).sort()).toEqual(['product', 'signature']);
      const img = await json('GET', `/api/kiosk/photos/${pid}`, mai);
      expect(img.headers.get('Content-Type')).toBe('image/jpeg');
      expect(new Uint8Array(await img.arrayBuffer())).toEqual(jpeg);
      expect((await json('GET', `/api/kiosk/photos/${pid}`, ba)).status).toBe(404);
    });

    it('exports pending households (XLSX, CSV with BOM, formulas neutralised) and imports results by file', async () => {
      const csvRes = await json('GET', '/api/kiosk/handover.csv', mai);
      const bytes = new Uint8Array(await csvRes.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = new TextDecoder().decode(bytes);
      expect(csv).toContain('Hoàng Văn Thụ');
      expect(csv).toContain(`"'=HYPERLINK(""http://x"")`);
      expect(csv).toContain('080123456 (CMND cũ)');
      expect(await (await json('GET', '/api/kiosk/handover.csv', ba)).text()).not.toContain('Hoàng Văn Thụ');
      // The list has phone and ID numbers in clear: a tablet's token may not fetch it (a stolen tablet leaks nothing).
      for (const ext of ['csv', 'xlsx']) {
        const byTablet = await json('GET', `/api/kiosk/handover.${ext}`, (await enrol(mai, ['06181'])).token);
        expect(byTablet.status).toBe(403);
        expect((await byTablet.json()).error.code).toBe('403.1');
      }

      const xlsx = await json('GET', '/api/kiosk/handover.xlsx', mai);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await xlsx.arrayBuffer());
      const ws = wb.worksheets[0];
      expect(ws.rowCount).toBe(3);
      const header = (ws.getRow(1).values as string[]).slice(1);
      const idCol = header.indexOf('Mã hồ sơ') + 1;
      const thu = [2, 3].find((r) => ws.getRow(r).getCell(header.indexOf('Họ tên chủ hộ') + 1).value === 'Hoàng Văn Thụ')!;
      expect(ws.getRow(thu).getCell(header.indexOf('Số điện thoại') + 1).value).toBe('0912345678');
      // What the kiosk noted of the certificates, for the post office to list with the products.
      expect(ws.getRow(thu).getCell(header.indexOf('VietGAP / OCOP / truy xuất') + 1).value).toBe(
        'VietGAP VietGAP-TT-13-09-20-0096, cấp bởi QUACERT, hạn đến 30/06/2099; OCOP 3 sao; Tem QR truy xuất, mã VN-LSOR-0012',
      );
      // The post office fills in the shop URL and the account for Thụ, a wrong URL for the other.
      ws.getRow(thu).getCell(header.indexOf('Đường dẫn cửa hàng') + 1).value = 'https://langson.postmart.vn/shop/na-nha-thu';
      ws.getRow(thu).getCell(header.indexOf('Đã mở tài khoản thanh toán') + 1).value = 'Có';
      ws.getRow(5 - thu).getCell(header.indexOf('Đường dẫn cửa hàng') + 1).value = 'https://example.com/shop';
      const filled = await wb.xlsx.writeBuffer();
      const upload = (body: BodyInit, t = mai) => deps().app.request('/api/kiosk/handover', { method: 'POST', headers: { Authorization: `Bearer ${t}` }, body });
      const res = await (await upload(new Uint8Array(filled as ArrayBuffer))).json();
      expect(res.updated).toBe(1);
      expect(res.problems).toHaveLength(1);
      expect(res.problems[0].message).toContain('langson.postmart.vn');
      // Again: nothing new. Another commune's officer may not touch them.
      expect((await (await upload(new Uint8Array(filled as ArrayBuffer))).json()).unchanged).toBe(1);
      const thuId = String(ws.getRow(thu).getCell(idCol).value);
      const foreign = await (await upload(`Mã hồ sơ;Đã đăng sản phẩm\r\n${thuId};x\r\n`, ba)).json();
      expect(foreign.problems[0].code).toBe('403.50');
      expect((await (await upload('không phải bảng')).json()).error.code).toBe('400.54');
      // The review's attack files: a million short rows (2 MB) and 2 MB + 1 byte. Nothing changes.
      const flood = await upload('Mã hồ sơ\n' + '1\n'.repeat(1_000_000));
      expect(flood.status).toBe(413);
      expect((await flood.json()).error.code).toBe('413.51');
      const huge = await upload('x'.repeat(2 * 1024 * 1024 + 1));
      expect(huge.status).toBe(413);
      expect((await huge.json()).error.code).toBe('413.1');
      // The same household twice in one file, its payment account already marked by the sheet above: both unchanged.
      const twice = await (await upload(`Mã hồ sơ;Đã mở tài khoản thanh toán\r\n${thuId};có\r\n${thuId};có\r\n`)).json();
      expect([twice.updated, twice.unchanged, twice.problems]).toEqual([0, 2, []]);

      // CSV import marks products listed: the household leaves the pending list; the tablet sees the status.
      expect((await (await upload(`\uFEFFMã hồ sơ;Đã đăng sản phẩm\r\n'${thuId};Có\r\n`)).json()).updated).toBe(1);
      expect(await (await json('GET', '/api/kiosk/handover.csv', mai)).text()).not.toContain('Hoàng Văn Thụ');
      const { token } = await enrol(mai, ['06181']);
      const roster = await (await json('GET', '/api/kiosk/households', token)).json();
      expect(roster.households.find((h: { code: string }) => h.code === thuId)).toMatchObject({ status: 'products_listed', shopUrl: 'https://langson.postmart.vn/shop/na-nha-thu' });
    });

    it('reports progress per commune to officers (their communes) and the province (all)', async () => {
      const { db } = deps();
      await db.updateTable('communes').set({ household_count: 4 }).where('code', '=', '06181').execute();
      const mine = await (await json('GET', '/api/kiosk/progress', mai)).json();
      expect(mine.targetPercent).toBe(50);
      expect(mine.communes.map((c: { communeCode: string }) => c.communeCode)).toEqual(['06181', '06184']);
      expect(mine.communes[0]).toMatchObject({ communeName: 'Xã Nhạc Kỳ', householdCount: 4, signedUp: 2, shopsOpened: 1, paymentAccounts: 1, both: 1, percentBoth: 25, deadline: null });
      expect(mine.communes[1]).toMatchObject({ householdCount: null, signedUp: 0, percentBoth: null });
      const province = await issueToken(db, { role: 'province', subjectId: 'p', agencyCode: null }, null);
      const all = await (await json('GET', '/api/kiosk/progress', province.token)).json();
      expect(all.communes).toHaveLength(200);
      expect((await json('GET', '/api/kiosk/progress', ba)).status).toBe(200);
      expect((await (await json('GET', '/api/kiosk/progress', ba)).json()).communes[0].signedUp).toBe(0);
      const staff = await issueToken(db, { role: 'staff', subjectId: 's', agencyCode: 'STTTT' }, null);
      expect((await json('GET', '/api/kiosk/progress', staff.token)).status).toBe(403);
    });
  });
});
