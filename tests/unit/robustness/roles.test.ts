/**
 * Issues 6 and 11, access: every route the collector registers, called with no token and with a token of each role.
 * A caller the route lets in gets the exact success status docs/api.md names for it; a caller of the right role who
 * does not own what the path names (another agency, another person of the agency, an officer or a tablet of other
 * communes) gets 404 with its numbered code, and a list it may read does not show the first owner's things. The
 * table must name every route: a new route without an entry fails the first test. Both databases.
 */
import { beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { forEachDatabase } from '../../../server/test-databases';
import { issueToken, type Principal } from '../../../server/auth/tokens';
import { createAgencyFocalPoint, createEnrolmentCode, createProvinceUser, enrolStaff, sampleOrder, submitOrders, testPassword, type SeededUser } from '../../../server/testing/seed';
import { formatEnrolmentCode } from '../../../lib/enrolment-code';
import { enrolKiosk, household } from './people';

/** `other…` callers have the role of the one without the prefix but own none of the first one's data. */
type Caller = 'none' | 'otherStaff' | 'staff' | 'otherKiosk' | 'kiosk' | 'otherOfficer' | 'officer' | 'otherAgency' | 'agency' | 'province' | 'agriculture';
// The other owner calls first, while the first one's thing is still there to be refused (not withdrawn or revoked yet).
const callers: Caller[] = ['none', 'otherStaff', 'staff', 'otherKiosk', 'kiosk', 'otherOfficer', 'officer', 'otherAgency', 'agency', 'province', 'agriculture'];
const everyone: Caller[] = callers;
const people: Caller[] = ['province', 'agency', 'otherAgency', 'officer', 'otherOfficer', 'agriculture'];
const agencies: Caller[] = ['agency', 'otherAgency'];
const staff: Caller[] = ['staff', 'otherStaff'];
const kiosks: Caller[] = ['kiosk', 'otherKiosk'];
const officers: Caller[] = ['officer', 'otherOfficer'];

interface Entry {
  /** Who gets past the door (others: 401 without a token, 403 with the wrong role). */
  allow: Caller[];
  /** The status an allowed caller gets (docs/api.md), unless `owner` names it. */
  ok: number;
  /** The first owner's thing in the path: these callers (same role, another owner) get 404 with this code. */
  owner?: { others: Caller[]; code: string };
  /** A list: these callers' answers do not mention the first owner's thing (the param named); the others' do. */
  hides?: { others: Caller[]; param: string };
  /** The path with its ids and query, when the template alone cannot succeed. */
  path?: (p: Record<string, string>) => string;
  /** JSON body per caller (fresh each call), or a raw body. */
  body?: (p: Record<string, string>, caller: Caller) => unknown | Promise<unknown>;
  raw?: () => BodyInit;
}

const png = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);
const rules = { sites: { voso: { marketplace: 'voso', version: '2030-01-01', hosts: ['langson.voso.vn'], pages: [{ type: 'product', url: '^/', product: { name: ['h1'] } }] } } };
/** A fresh single-use tablet code of the first officer (set once the officer exists). */
let newDeviceCode: () => Promise<string>;
const pageReport = () => ({ clientId: randomUUID(), url: 'https://langson.voso.vn/don-hang/1', pageType: 'order-detail', structure: { tag: 'main' }, extensionVersion: '0.1.0', rulesVersion: null });

/** Documented access, one line per route (docs/api.md and each route file's header). */
const access: Record<string, Entry> = {
  'GET /api/health': { allow: everyone, ok: 200 },
  'POST /api/auth/login': { allow: everyone, ok: 200, body: (p) => ({ username: p.provinceUsername, password: testPassword }) },
  'POST /api/auth/logout': { allow: people, ok: 204 },
  'GET /api/auth/me': { allow: people, ok: 200 },
  'GET /api/enrolment-codes/:code': { allow: everyone, ok: 200, path: (p) => `/api/enrolment-codes/${p.enrolCode}` },
  'POST /api/staff/enrol': { allow: everyone, ok: 200, body: (p) => ({ code: p.enrolCode, fullName: 'Hoàng Thị Mai', installationId: randomUUID() }) },
  'GET /api/staff/me': { allow: staff, ok: 200 },
  'POST /api/staff/orders': { allow: staff, ok: 200, body: () => ({ orders: [sampleOrder()] }) },
  'DELETE /api/staff/orders/:clientId': { allow: staff, ok: 200, owner: { others: ['otherStaff'], code: '404.12' }, path: (p) => `/api/staff/orders/${p.withdrawClientId}` },
  'GET /api/staff/orders': { allow: staff, ok: 200, hides: { others: ['otherStaff'], param: 'clientId' } },
  'PUT /api/staff/orders/:clientId/photo': { allow: staff, ok: 201, owner: { others: ['otherStaff'], code: '404.12' }, path: (p) => `/api/staff/orders/${p.photoClientId}/photo`, raw: png },
  'GET /api/rules': { allow: everyone, ok: 200 },
  'PUT /api/province/rules': { allow: ['province'], ok: 201, body: () => rules },
  'POST /api/page-reports': { allow: staff, ok: 201, body: pageReport },
  'GET /api/province/page-reports': { allow: ['province'], ok: 200 },
  'GET /api/province/page-reports/:id': { allow: ['province'], ok: 200, path: (p) => `/api/province/page-reports/${p.pageReportId}` },
  'POST /api/agency/enrolment-codes': { allow: agencies, ok: 201, body: () => ({ count: 1 }) },
  'GET /api/agency/enrolment-codes': { allow: agencies, ok: 200, hides: { others: ['otherAgency'], param: 'code' } },
  'POST /api/agency/enrolment-codes/:code/revoke': { allow: agencies, ok: 200, owner: { others: ['otherAgency'], code: '404.1' } },
  'GET /api/agency/enrolment-codes/print': { allow: agencies, ok: 200, path: (p) => `/api/agency/enrolment-codes/print?codes=${p.printCode}`, hides: { others: ['otherAgency'], param: 'printCode' } },
  'GET /api/agency/headcount': { allow: agencies, ok: 200 },
  'PUT /api/agency/headcount': { allow: agencies, ok: 200, body: () => ({ headcount: 120 }) },
  'GET /api/agency/participants': { allow: agencies, ok: 200, hides: { others: ['otherAgency'], param: 'staffId' } },
  'GET /api/agency/participants/:staffId/orders': { allow: agencies, ok: 200, owner: { others: ['otherAgency'], code: '404.1' } },
  'POST /api/agency/participants/:staffId/revoke': { allow: agencies, ok: 200, owner: { others: ['otherAgency'], code: '404.1' }, path: (p) => `/api/agency/participants/${p.spareStaffId}/revoke` },
  'GET /api/agency/review': { allow: agencies, ok: 200, path: () => '/api/agency/review?kind=reviewed', hides: { others: ['otherAgency'], param: 'orderId' } },
  'GET /api/agency/orders/:orderId/photo': { allow: agencies, ok: 200, owner: { others: ['otherAgency'], code: '404.1' } },
  'POST /api/agency/review/:orderId': { allow: agencies, ok: 200, owner: { others: ['otherAgency'], code: '404.12' }, body: () => ({ decision: 'counted' }) },
  'GET /api/agency/tally': { allow: agencies, ok: 200, path: (p) => `/api/agency/tally?period=${p.periodId}` },
  'POST /api/agency/reports': { allow: agencies, ok: 201, body: (p) => ({ periodId: p.periodId }) },
  'GET /api/agency/reports': { allow: agencies, ok: 200, hides: { others: ['otherAgency'], param: 'reportId' } },
  'GET /api/agency/reports/:id': { allow: agencies, ok: 200, owner: { others: ['otherAgency'], code: '404.1' }, path: (p) => `/api/agency/reports/${p.reportId}` },
  'GET /api/agency/reports/:id/document.docx': { allow: agencies, ok: 200, owner: { others: ['otherAgency'], code: '404.1' }, path: (p) => `/api/agency/reports/${p.reportId}/document.docx` },
  'POST /api/agency/review/:orderId/items/:lineNo': { allow: agencies, ok: 200, owner: { others: ['otherAgency'], code: '404.12' }, body: () => ({ isFarmProduct: true, note: 'Đã kiểm tra' }) },
  'GET /api/agency/export.xlsx': { allow: agencies, ok: 200, owner: { others: ['otherAgency'], code: '404.1' }, path: (p) => `/api/agency/export.xlsx?report=${p.reportId}` },
  'GET /api/agency/export.csv': { allow: agencies, ok: 200, hides: { others: ['otherAgency'], param: 'staffName' } },
  'GET /api/province/agencies': { allow: ['province'], ok: 200 },
  'GET /api/agency/units': { allow: agencies, ok: 200, hides: { others: ['otherAgency'], param: 'unitId' } },
  'POST /api/agency/units': { allow: agencies, ok: 201, body: () => ({ name: `Phòng ${randomUUID().slice(0, 8)}` }) },
  'PATCH /api/agency/units/:id': { allow: agencies, ok: 200, owner: { others: ['otherAgency'], code: '404.1' }, path: (p) => `/api/agency/units/${p.unitId}`, body: () => ({ name: `Văn phòng ${randomUUID().slice(0, 8)}` }) },
  'DELETE /api/agency/units/:id': { allow: agencies, ok: 204, owner: { others: ['otherAgency'], code: '404.1' }, path: (p) => `/api/agency/units/${p.spareUnitId}` },
  // The province's calls name the agency in the path: every agency's units are its business.
  'GET /api/province/agencies/:code/units': { allow: ['province'], ok: 200, path: () => '/api/province/agencies/SNV/units' },
  'POST /api/province/agencies/:code/units': { allow: ['province'], ok: 201, path: () => '/api/province/agencies/SNV/units', body: () => ({ name: `Chi cục ${randomUUID().slice(0, 8)}` }) },
  'PATCH /api/province/agencies/:code/units/:id': { allow: ['province'], ok: 200, path: (p) => `/api/province/agencies/SNV/units/${p.unitId}`, body: () => ({ active: true }) },
  'DELETE /api/province/agencies/:code/units/:id': { allow: ['province'], ok: 204, path: (p) => `/api/province/agencies/SNV/units/${p.provinceSpareUnitId}` },
  'PATCH /api/province/agencies/:code': { allow: ['province'], ok: 200, path: () => '/api/province/agencies/SNV', body: () => ({ headcount: 120 }) },
  'PATCH /api/province/communes/:code': { allow: ['province'], ok: 200, path: () => '/api/province/communes/06067', body: () => ({ householdCount: 1200 }) },
  'PATCH /api/province/districts/:code': { allow: ['province'], ok: 200, path: () => '/api/province/districts/181', body: () => ({ signupDeadline: '2030-03-31' }) },
  'GET /api/province/users': { allow: ['province'], ok: 200 },
  'POST /api/province/users': { allow: ['province'], ok: 201, body: () => ({ username: `xa-${randomUUID().slice(0, 6)}`, fullName: 'Lương Văn Tú', password: 'mot-mat-khau-dai', role: 'officer', communeCodes: ['06184'] }) },
  'PATCH /api/province/users/:id': { allow: ['province'], ok: 200, path: (p) => `/api/province/users/${p.officerId}`, body: () => ({ fullName: 'Lương Thị Hoa' }) },
  'GET /api/periods': { allow: ['province', 'agency', 'otherAgency', 'officer', 'otherOfficer', 'staff', 'otherStaff'], ok: 200 },
  'POST /api/province/periods': { allow: ['province'], ok: 201, body: () => ({ id: 'dot-thu', name: 'Đợt thử', startsOn: '2030-01-01', endsOn: '2030-02-01', reportDue: '2030-02-10' }) },
  'PATCH /api/province/periods/:id': { allow: ['province'], ok: 200, path: (p) => `/api/province/periods/${p.periodId}`, body: () => ({ name: 'Đợt một' }) },
  'GET /api/province/periods/:id/limits': { allow: ['province'], ok: 200, path: (p) => `/api/province/periods/${p.periodId}/limits` },
  'PUT /api/province/periods/:id/limits': { allow: ['province'], ok: 200, path: (p) => `/api/province/periods/${p.periodId}/limits`, body: () => ({ maxOrdersPerPerson: 40, maxAmountPerPerson: 25_000_000 }) },
  // Province reports cover the whole province: there is no other owner to refuse.
  'POST /api/province/reports': { allow: ['province'], ok: 201, body: (p) => ({ periodId: p.periodId }) },
  'GET /api/province/reports': { allow: ['province'], ok: 200, path: (p) => `/api/province/reports?period=${p.periodId}` },
  'GET /api/province/reports/:id': { allow: ['province'], ok: 200, path: (p) => `/api/province/reports/${p.provinceReportId}` },
  'GET /api/province/reports/:id/document.docx': { allow: ['province'], ok: 200, path: (p) => `/api/province/reports/${p.provinceReportId}/document.docx` },
  'GET /api/province/rollup': { allow: ['province'], ok: 200 },
  'GET /api/province/rollup/export.xlsx': { allow: ['province'], ok: 200 },
  'GET /api/province/rollup/export.csv': { allow: ['province'], ok: 200 },
  'GET /api/province/charts': { allow: ['province'], ok: 200, path: () => '/api/province/charts?month=2021-08' },
  'GET /api/province/most-bought-shops': { allow: ['province'], ok: 200, path: (p) => `/api/province/most-bought-shops?period=${p.periodId}&by=kg` },
  'GET /api/province/not-started': { allow: ['province'], ok: 200 },
  'GET /api/province/marketplace-volume': { allow: ['province'], ok: 200, path: () => '/api/province/marketplace-volume?month=2021-08' },
  'POST /api/province/marketplace-volume': { allow: ['province'], ok: 201, body: () => ({ id: randomUUID(), marketplace: 'postmart', span: 'week', startsOn: '2021-08-09', tonnes: 42.5, source: 'Báo cáo tuần của Bưu điện tỉnh' }) },
  'DELETE /api/province/marketplace-volume/:id': { allow: ['province'], ok: 200, path: (p) => `/api/province/marketplace-volume/${p.volumeId}` },
  'GET /api/province/leading-accounts': { allow: ['province'], ok: 200 },
  'POST /api/province/leading-accounts': { allow: ['province'], ok: 201, body: () => ({ id: randomUUID(), name: 'Hoàng Thị Nhung', communeCode: '06181', shopUrl: `https://langson.voso.vn/shop/${randomUUID()}`, reason: 'Bán na trên Voso, hướng dẫn nhiều hộ.' }) },
  'POST /api/province/leading-accounts/:id/retire': { allow: ['province'], ok: 200, path: (p) => `/api/province/leading-accounts/${p.leadingAccountId}/retire` },
  'POST /api/kiosk/device-codes': { allow: officers, ok: 201, body: () => ({}) },
  'POST /api/kiosk/enrol': { allow: everyone, ok: 201, body: async () => ({ code: await newDeviceCode(), deviceName: 'Máy xã' }) },
  'GET /api/kiosk/device': { allow: kiosks, ok: 200 },
  'POST /api/kiosk/households': { allow: kiosks, ok: 200, body: (_, caller) => ({ households: [household(caller === 'otherKiosk' ? { communeCode: '05995' } : {})] }) },
  'GET /api/kiosk/households': { allow: kiosks, ok: 200, hides: { others: ['otherKiosk'], param: 'householdClientId' } },
  'PUT /api/kiosk/households/:clientId/photos/:photoId': { allow: kiosks, ok: 201, owner: { others: ['otherKiosk'], code: '404.51' }, path: (p) => `/api/kiosk/households/${p.householdClientId}/photos/${randomUUID()}?kind=product`, raw: png },
  'GET /api/kiosk/households/:clientId/photos': { allow: [...kiosks, ...officers, 'province'], ok: 200, owner: { others: ['otherKiosk', 'otherOfficer'], code: '404.51' }, path: (p) => `/api/kiosk/households/${p.householdClientId}/photos` },
  'GET /api/kiosk/photos/:photoId': { allow: [...officers, 'province'], ok: 200, owner: { others: ['otherOfficer'], code: '404.1' }, path: (p) => `/api/kiosk/photos/${p.storedPhotoId}` },
  'GET /api/kiosk/handover.xlsx': { allow: [...officers, 'province'], ok: 200 },
  'GET /api/kiosk/handover.csv': { allow: [...officers, 'province'], ok: 200, hides: { others: ['otherOfficer'], param: 'householdCode' } },
  'GET /api/kiosk/devices': { allow: [...officers, 'province'], ok: 200, hides: { others: ['otherOfficer'], param: 'deviceId' } },
  'POST /api/kiosk/devices/:id/revoke': { allow: [...officers, 'province'], ok: 200, owner: { others: ['otherOfficer'], code: '404.1' }, path: (p) => `/api/kiosk/devices/${p.spareDeviceId}/revoke` },
  'POST /api/kiosk/handover': { allow: [...officers, ...kiosks, 'province'], ok: 200, raw: () => 'Mã hồ sơ,Đường dẫn cửa hàng,Đã mở tài khoản thanh toán,Đã đăng sản phẩm\r\n' },
  // Sở NN&PTNT's quality checks: the province-wide queue, one department, no other owner to refuse.
  'GET /api/agriculture/claims': { allow: ['agriculture'], ok: 200 },
  'GET /api/agriculture/claims/expiring': { allow: ['agriculture'], ok: 200 },
  'POST /api/agriculture/claims/:id/decision': { allow: ['agriculture'], ok: 200, path: (p) => `/api/agriculture/claims/${p.claimId}/decision`, body: () => ({ decision: 'refused', reason: 'Không có hồ sơ gốc' }) },
  'GET /api/registry/shops': { allow: everyone, ok: 200 },
  'GET /api/kiosk/progress': { allow: [...officers, 'province', ...kiosks], ok: 200, hides: { others: ['otherOfficer', 'otherKiosk'], param: 'commune' } },
  // Channels: province and district accounts (a district's own boundaries: server/channels/channels.test.ts).
  'GET /api/channels/column-maps/:operator': { allow: ['province'], ok: 200, path: () => '/api/channels/column-maps/voso' },
  'PUT /api/channels/column-maps/:operator': { allow: ['province'], ok: 200, path: () => '/api/channels/column-maps/voso', body: () => ({ columns: { commune: 'Tên xã', headName: 'Họ và tên' } }) },
  'POST /api/channels/imports/:operator/preview': { allow: ['province'], ok: 200, path: () => '/api/channels/imports/voso/preview', raw: () => 'Tên xã;Họ và tên\r\nXã Nhạc Kỳ;Hoàng Văn Ánh\r\n' },
  'POST /api/channels/imports/:operator': { allow: ['province'], ok: 200, path: () => '/api/channels/imports/voso', raw: () => 'Tên xã;Họ và tên\r\nXã Nhạc Kỳ;Hoàng Văn Ánh\r\n' },
  'GET /api/channels/imports': { allow: ['province'], ok: 200 },
  'GET /api/channels/progress': { allow: ['province'], ok: 200 },
  'GET /api/channels/phases': { allow: ['province'], ok: 200 },
  'PUT /api/province/phases/:id': { allow: ['province'], ok: 200, path: () => '/api/province/phases/gd-thu', body: () => ({ name: 'Giai đoạn thử', deadline: '2030-09-20', districtCodes: ['182'] }) },
  'DELETE /api/province/phases/:id': { allow: ['province'], ok: 204, path: () => '/api/province/phases/gd-thu' },
};

forEachDatabase((deps) => {
  const principals = {} as Record<Exclude<Caller, 'none'>, Principal>;
  const params: Record<string, string> = {};
  let province: SeededUser;

  const send = (path: string, token: string | null, init: { method?: string; json?: unknown; raw?: BodyInit } = {}) =>
    deps().app.request(path, {
      method: init.method ?? (init.json === undefined && init.raw === undefined ? 'GET' : 'POST'),
      headers: { ...(init.json === undefined ? {} : { 'Content-Type': 'application/json' }), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: init.raw ?? (init.json === undefined ? undefined : JSON.stringify(init.json)),
    });
  async function made<T>(res: Response | Promise<Response>, status: number): Promise<T> {
    const r = await res;
    if (r.status !== status) throw new Error(`setup: ${r.status} ${await r.text()}`);
    return (r.status === 204 ? undefined : await r.json()) as T;
  }

  beforeAll(async () => {
    const { db } = deps();
    const person = await enrolStaff(deps(), 'SNV', 'Hà Thị Nguyệt');
    const otherPerson = await enrolStaff(deps(), 'SNV', 'Lã Văn Dự');
    const spare = await enrolStaff(deps(), 'SNV', 'Hoàng Văn Bình');
    const orders = [sampleOrder(), sampleOrder(), sampleOrder()];
    const sent = await submitOrders(deps(), person, orders);
    expect(sent.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    await made(send(`/api/staff/orders/${orders[0].clientId}/photo`, person.token, { method: 'PUT', raw: png() }), 201);

    const kiosk = await enrolKiosk(deps(), ['06181']);
    const otherKiosk = await enrolKiosk(deps(), ['05995']);
    newDeviceCode = async () => (await made<{ code: string }>(send('/api/kiosk/device-codes', kiosk.officer.token, { json: {} }), 201)).code;
    const spareDevice = await made<{ device: { id: string } }>(send('/api/kiosk/enrol', null, { json: { code: await newDeviceCode(), deviceName: 'Máy dự phòng' } }), 201);
    const h = household({ vietgap: 'VietGAP-TT-13-09-20-0096' });
    const synced = await made<{ results: { status: string; serverId: string; code: string }[] }>(send('/api/kiosk/households', kiosk.token, { json: { households: [h] } }), 200);
    expect(synced.results.map((r) => r.status)).toEqual(['accepted']);
    const storedPhotoId = randomUUID();
    await made(send(`/api/kiosk/households/${h.clientId}/photos/${storedPhotoId}?kind=product`, kiosk.token, { method: 'PUT', raw: png() }), 201);

    const agency = await createAgencyFocalPoint(db, 'SNV');
    const other = await createAgencyFocalPoint(db, 'STTTT');
    province = await createProvinceUser(db);
    // Its tokens are issued below like everyone's: the account needs no password here (hashing one is slow).
    const agriculture = randomUUID();
    await db.insertInto('users').values({ id: agriculture, username: 'so-nong-nghiep', password_hash: '-', role: 'agriculture', full_name: 'Sở NN&PTNT', agency_code: null, created_at: new Date().toISOString(), disabled_at: null }).execute();
    const period = await db.selectFrom('periods').select('id').orderBy('starts_on').executeTakeFirstOrThrow();
    // Reviewed once already, so the agency's list of reviewed orders has one to show (and another agency's has not).
    await made(send(`/api/agency/review/${sent.body.results[0].serverId}`, agency.token, { json: { decision: 'counted' } }), 200);
    const report = await made<{ id: string }>(send('/api/agency/reports', agency.token, { json: { periodId: period.id } }), 201);
    const provinceReport = await made<{ id: string }>(send('/api/province/reports', province.token, { json: { periodId: period.id } }), 201);
    await made(send('/api/province/rules', province.token, { method: 'PUT', json: rules }), 201);
    await made(send('/api/page-reports', person.token, { json: pageReport() }), 201);
    const pageReports = await made<{ reports: { id: string }[] }>(send('/api/province/page-reports', province.token), 200);
    const unitOf = async (name: string) => (await made<{ id: string }>(send('/api/agency/units', agency.token, { json: { name } }), 201)).id;
    const volume = await made<{ id: string }>(send('/api/province/marketplace-volume', province.token, { json: { id: randomUUID(), marketplace: 'voso', span: 'day', startsOn: '2021-08-20', tonnes: 9.25, source: 'Viettel Post, báo cáo ngày' } }), 201);
    const leading = await made<{ id: string }>(send('/api/province/leading-accounts', province.token, { json: { id: randomUUID(), name: 'Lộc Văn Sơn', communeCode: '06181', shopUrl: 'https://langson.postmart.vn/shop/hoi-son', reason: 'Cửa hàng hồi bán tốt nhất xã.' } }), 201);

    Object.assign(principals, {
      staff: { role: 'staff', subjectId: person.id, agencyCode: 'SNV' },
      otherStaff: { role: 'staff', subjectId: otherPerson.id, agencyCode: 'SNV' },
      kiosk: { role: 'kiosk', subjectId: kiosk.deviceId, agencyCode: null },
      otherKiosk: { role: 'kiosk', subjectId: otherKiosk.deviceId, agencyCode: null },
      officer: { role: 'officer', subjectId: kiosk.officer.id, agencyCode: null },
      otherOfficer: { role: 'officer', subjectId: otherKiosk.officer.id, agencyCode: null },
      agency: { role: 'agency', subjectId: agency.id, agencyCode: 'SNV' },
      otherAgency: { role: 'agency', subjectId: other.id, agencyCode: 'STTTT' },
      province: { role: 'province', subjectId: province.id, agencyCode: null },
      agriculture: { role: 'agriculture', subjectId: agriculture, agencyCode: null },
    });
    Object.assign(params, {
      provinceUsername: province.username,
      code: await createEnrolmentCode(db, 'SNV'),
      // As the printed card shows it.
      printCode: formatEnrolmentCode(await createEnrolmentCode(db, 'SNV')),
      enrolCode: await createEnrolmentCode(db, 'SNV', { maxUses: 50 }),
      clientId: orders[0].clientId as string,
      photoClientId: orders[1].clientId as string,
      withdrawClientId: orders[2].clientId as string,
      staffId: person.id,
      staffName: 'Hà Thị Nguyệt',
      spareStaffId: spare.id,
      orderId: sent.body.results[0].serverId!,
      lineNo: '0',
      periodId: period.id,
      volumeId: volume.id,
      reportId: report.id,
      provinceReportId: provinceReport.id,
      pageReportId: pageReports.reports[0].id,
      leadingAccountId: leading.id,
      householdClientId: h.clientId,
      householdServerId: synced.results[0].serverId,
      // The record code ("KX7A-QVYD"): what the hand-over sheet lists and reads back.
      householdCode: synced.results[0].code,
      storedPhotoId,
      commune: '06181',
      deviceId: kiosk.deviceId,
      spareDeviceId: spareDevice.device.id,
      officerId: kiosk.officer.id,
      unitId: await unitOf('Văn phòng Sở'),
      spareUnitId: await unitOf('Phòng Tổ chức'),
      provinceSpareUnitId: await unitOf('Phòng Pháp chế'),
      claimId: (await db.selectFrom('household_claims').select('id').executeTakeFirstOrThrow()).id,
    });
  });

  it('names every registered route, and only those', () => {
    const registered = new Set(deps().app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    expect([...registered].filter((r) => !(r in access))).toEqual([]);
    expect(Object.keys(access).filter((r) => !registered.has(r))).toEqual([]);
  });

  const codeOf = async (res: Response) => ((await res.json()) as { error?: { code: string } }).error?.code;

  for (const [route, entry] of Object.entries(access)) {
    it(route, async () => {
      const [method, template] = route.split(' ');
      const path = entry.path?.(params) ?? template.replace(/:(\w+)/g, (_, name: string) => params[name]);
      for (const caller of callers) {
        // A fresh token each call: logout revokes the one it is called with.
        const token = caller === 'none' ? null : (await issueToken(deps().db, principals[caller], 3600_000)).token;
        const res = await send(path, token, {
          method,
          raw: entry.raw?.(),
          json: entry.raw || method === 'GET' ? undefined : ((await entry.body?.(params, caller)) ?? {}),
        });
        const where = `${route} as ${caller}: ${res.status}`;
        if (!entry.allow.includes(caller)) {
          expect(res.status, where).toBe(caller === 'none' ? 401 : 403);
          expect(await codeOf(res), where).toBe(caller === 'none' ? '401.1' : '403.1');
        } else if (entry.owner?.others.includes(caller)) {
          expect(res.status, where).toBe(404);
          expect(await codeOf(res), where).toBe(entry.owner.code);
        } else {
          expect(res.status, `${where} ${res.status === entry.ok ? '' : await res.clone().text()}`).toBe(entry.ok);
          if (entry.hides) {
            const text = await res.text();
            const id = params[entry.hides.param];
            if (entry.hides.others.includes(caller)) expect(text, `${where}: shows ${id}`).not.toContain(id);
            else expect(text, `${where}: lacks ${id}`).toContain(id);
          }
        }
      }
    });
  }

  it("a hand-over file from an officer or a tablet of other communes changes nothing of another commune's household", async () => {
    const file = `Mã hồ sơ,Đã đăng sản phẩm\r\n${params.householdCode},Có\r\n`;
    const listed = async () => (await deps().db.selectFrom('households').select('products_listed_at').where('id', '=', params.householdServerId).executeTakeFirstOrThrow()).products_listed_at;
    for (const caller of ['otherOfficer', 'otherKiosk'] as const) {
      const token = (await issueToken(deps().db, principals[caller], 3600_000)).token;
      const res = await made<{ updated: number; problems: { code: string }[] }>(send('/api/kiosk/handover', token, { raw: file }), 200);
      expect(res.updated, caller).toBe(0);
      expect(res.problems.map((x) => x.code), caller).toEqual(['403.50']);
      expect(await listed(), caller).toBeNull();
    }
    const own = (await issueToken(deps().db, principals.officer, 3600_000)).token;
    expect((await made<{ updated: number }>(send('/api/kiosk/handover', own, { raw: file }), 200)).updated).toBe(1);
    expect(await listed()).not.toBeNull();
  });
});
