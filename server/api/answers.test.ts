/**
 * Every JSON answer the collector gives has the shape lib/api/ declares for it (the clients' types are those
 * shapes). The table must name every route: a new route without a line fails the first test. Downloads, the
 * printable page and the photo itself are not JSON: they say so with `null`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type * as v from 'valibot';
import { forEachDatabase } from '../test-databases';
import { createAgencyFocalPoint, createAgricultureUser, createEnrolmentCode, createProvinceUser, enrolStaff, sampleOrder, submitOrders, testPassword, type SeededUser } from '../testing/seed';
import { expectShape } from '../testing/shape';
import { enrolKiosk, household } from '../../tests/unit/robustness/people';
import { healthSchema, loginAnswerSchema, periodListSchema, signedInUserSchema } from '../../lib/api/public';
import { enrolAnswerSchema, enrolmentCodePreviewSchema, pageReportAnswerSchema, rulesAnswerSchema, staffMeSchema, staffOrderPhotoAnswerSchema, staffOrdersAnswerSchema, submitOrdersAnswerSchema, withdrawAnswerSchema } from '../../lib/api/staff';
import { deviceAnswerSchema, deviceCodeAnswerSchema, kioskDeviceListSchema, kioskDeviceViewSchema, handoverAnswerSchema, householdsSinceSchema, kioskEnrolAnswerSchema, photoAnswerSchema, photoListSchema, progressAnswerSchema, syncAnswerSchema } from '../../lib/api/kiosk';
import { agencyOrderListSchema, agencyOrderSchema, agencyTallySchema, enrolmentCodeListSchema, enrolmentCodeSchema, headcountSchema, itemReviewListSchema, participantListSchema, reportListSchema, reportSchema, staffRevokeAnswerSchema } from '../../lib/api/agency';
import {
  agencyListSchema,
  agencySchema,
  chartsSchema,
  communePatchAnswerSchema,
  districtPatchAnswerSchema,
  leadingAccountListSchema,
  leadingAccountSchema,
  mostBoughtShopsSchema,
  notStartedSchema,
  pageReportDetailSchema,
  pageReportListSchema,
  periodLimitsSchema,
  provinceReportListSchema,
  provinceReportSchema,
  rollupSchema,
  rulesUploadAnswerSchema,
  userListSchema,
  userSchema,
} from '../../lib/api/province';
import { periodSchema } from '../../lib/api/public';
import { unitListSchema, unitSchema } from '../../lib/api/agency-units';
import { volumeAnswerSchema, volumeDeletedSchema, volumeReportSchema } from '../../lib/api/marketplace-volume';
import { claimListSchema, claimViewSchema } from '../../lib/api/agriculture';
import { registrySchema } from '../../lib/api/registry';
import { channelProgressSchema, columnMapViewSchema, importListSchema, importOutcomeSchema, phaseListSchema, phaseSchema } from '../../lib/api/channels';

type Who = 'none' | 'staff' | 'kiosk' | 'officer' | 'agency' | 'province' | 'agriculture';
interface Call {
  who: Who;
  status: number;
  /** The answer's schema; null for an answer that is not JSON (a file, a page, an image, 204, 304). */
  schema: v.GenericSchema | null;
  body?: () => unknown;
  path?: () => string;
  /** Sent as is (a file), not as JSON. */
  raw?: () => BodyInit;
}

const png = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);

forEachDatabase((deps) => {
  const tokens = {} as Record<Exclude<Who, 'none'>, string>;
  const ids: Record<string, string> = {};
  let province: SeededUser;

  beforeAll(async () => {
    const { db } = deps();
    const staff = await enrolStaff(deps(), 'SNV');
    const orders = [sampleOrder(), sampleOrder()];
    const sent = await submitOrders(deps(), staff, orders);
    const kiosk = await enrolKiosk(deps());
    const h = household({ vietgap: 'VietGAP-TT-13-09-20-0096' });
    await deps().app.request('/api/kiosk/households', { method: 'POST', headers: { Authorization: `Bearer ${kiosk.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ households: [h] }) });
    const agency = await createAgencyFocalPoint(db, 'SNV');
    province = await createProvinceUser(db);
    const period = await db.selectFrom('periods').select('id').orderBy('starts_on').executeTakeFirstOrThrow();
    const report = await deps().app.request('/api/agency/reports', { method: 'POST', headers: { ...agency.auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ periodId: period.id }) });
    Object.assign(tokens, { staff: staff.token, kiosk: kiosk.token, officer: kiosk.officer.token, agency: agency.token, province: province.token, agriculture: (await createAgricultureUser(db)).token });
    ids.claim = (await db.selectFrom('household_claims').select('id').executeTakeFirstOrThrow()).id;
    Object.assign(ids, {
      periodId: period.id,
      code: await createEnrolmentCode(db, 'SNV'),
      agencyCode: await createEnrolmentCode(db, 'SNV'),
      withdraw: orders[1].clientId as string,
      orderId: sent.body.results[0].serverId!,
      photoOrder: orders[0].clientId as string,
      photoOrderId: sent.body.results[0].serverId!,
      staffId: staff.id,
      reportId: ((await report.json()) as { id: string }).id,
      household: h.clientId,
      photoId: randomUUID(),
      officerId: kiosk.officer.id,
      pageReport: '',
      leadingAccount: randomUUID(),
    });
    const provinceReport = await deps().app.request('/api/province/reports', { method: 'POST', headers: { Authorization: `Bearer ${province.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ periodId: period.id }) });
    ids.provinceReport = ((await provinceReport.json()) as { id: string }).id;
    const made = await deps().app.request('/api/kiosk/device-codes', { method: 'POST', headers: { Authorization: `Bearer ${kiosk.officer.token}` }, body: '{}' });
    ids.deviceCode = ((await made.json()) as { code: string }).code;
    // Revoked by their routes: a tablet and a person of their own, so the others keep working.
    ids.spareDevice = (await enrolKiosk(deps())).deviceId;
    ids.spareStaff = (await enrolStaff(deps(), 'SNV', 'Lã Văn Dự')).id;
    // Sub-units: one the agency renames, one it deletes; one of a district agency the province deletes.
    const unit = async (path: string, token: string, name: string) => {
      const res = await deps().app.request(path, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ name }) });
      return ((await res.json()) as { id: string }).id;
    };
    ids.unit = await unit('/api/agency/units', agency.token, 'Văn phòng Sở');
    ids.spareUnit = await unit('/api/agency/units', agency.token, 'Phòng Tổ chức');
    ids.provinceSpareUnit = await unit('/api/province/agencies/UBND-181/units', province.token, 'Phòng Giáo dục và Đào tạo');
    // A marketplace's day to delete (its own day, so the week the POST line records does not overlap it).
    const volume = await deps().app.request('/api/province/marketplace-volume', { method: 'POST', headers: { Authorization: `Bearer ${province.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ id: randomUUID(), marketplace: 'postmart', span: 'day', startsOn: '2021-08-20', tonnes: 3.5, source: 'Bưu điện tỉnh' }) });
    ids.volume = ((await volume.json()) as { id: string }).id;
  });

  const calls: Record<string, Call> = {
    'GET /api/health': { who: 'none', status: 200, schema: healthSchema },
    'POST /api/auth/login': { who: 'none', status: 200, schema: loginAnswerSchema, body: () => ({ username: province.username, password: testPassword }) },
    'GET /api/auth/me': { who: 'province', status: 200, schema: signedInUserSchema },
    'GET /api/rules': { who: 'none', status: 200, schema: rulesAnswerSchema },
    'GET /api/periods': { who: 'staff', status: 200, schema: periodListSchema },
    'GET /api/enrolment-codes/:code': { who: 'none', status: 200, schema: enrolmentCodePreviewSchema, path: () => `/api/enrolment-codes/${ids.code}` },
    'POST /api/staff/enrol': { who: 'none', status: 200, schema: enrolAnswerSchema, body: () => ({ code: ids.code, fullName: 'Hoàng Thị Mai', installationId: randomUUID() }) },
    'POST /api/kiosk/enrol': { who: 'none', status: 201, schema: kioskEnrolAnswerSchema, body: () => ({ code: ids.deviceCode }) },
    'GET /api/staff/me': { who: 'staff', status: 200, schema: staffMeSchema },
    'POST /api/staff/orders': { who: 'staff', status: 200, schema: submitOrdersAnswerSchema, body: () => ({ orders: [sampleOrder()] }) },
    'PUT /api/staff/orders/:clientId/photo': { who: 'staff', status: 201, schema: staffOrderPhotoAnswerSchema, path: () => `/api/staff/orders/${ids.photoOrder}/photo`, raw: png },
    'GET /api/staff/orders': { who: 'staff', status: 200, schema: staffOrdersAnswerSchema },
    'DELETE /api/staff/orders/:clientId': { who: 'staff', status: 200, schema: withdrawAnswerSchema, path: () => `/api/staff/orders/${ids.withdraw}` },
    'POST /api/page-reports': {
      who: 'staff',
      status: 201,
      schema: pageReportAnswerSchema,
      body: () => ({ clientId: randomUUID(), url: 'https://langson.voso.vn/don-hang/1', pageType: 'order-detail', structure: { tag: 'main' }, extensionVersion: '0.1.0', rulesVersion: null }),
    },
    'POST /api/kiosk/device-codes': { who: 'officer', status: 201, schema: deviceCodeAnswerSchema, body: () => ({}) },
    'GET /api/kiosk/device': { who: 'kiosk', status: 200, schema: deviceAnswerSchema },
    'GET /api/kiosk/devices': { who: 'officer', status: 200, schema: kioskDeviceListSchema },
    'POST /api/kiosk/devices/:id/revoke': { who: 'province', status: 200, schema: kioskDeviceViewSchema, path: () => `/api/kiosk/devices/${ids.spareDevice}/revoke` },
    'POST /api/kiosk/households': { who: 'kiosk', status: 200, schema: syncAnswerSchema, body: () => ({ households: [household()] }) },
    'GET /api/kiosk/households': { who: 'kiosk', status: 200, schema: householdsSinceSchema },
    'PUT /api/kiosk/households/:clientId/photos/:photoId': { who: 'kiosk', status: 201, schema: photoAnswerSchema, path: () => `/api/kiosk/households/${ids.household}/photos/${ids.photoId}?kind=product`, raw: png },
    'GET /api/kiosk/households/:clientId/photos': { who: 'officer', status: 200, schema: photoListSchema, path: () => `/api/kiosk/households/${ids.household}/photos` },
    'GET /api/kiosk/photos/:photoId': { who: 'officer', status: 200, schema: null, path: () => `/api/kiosk/photos/${ids.photoId}` },
    'GET /api/kiosk/handover.xlsx': { who: 'officer', status: 200, schema: null },
    'GET /api/kiosk/handover.csv': { who: 'officer', status: 200, schema: null },
    'POST /api/kiosk/handover': { who: 'officer', status: 200, schema: handoverAnswerSchema, raw: () => 'Mã hồ sơ,Đường dẫn cửa hàng,Đã mở tài khoản thanh toán,Đã đăng sản phẩm\r\n' },
    'GET /api/kiosk/progress': { who: 'province', status: 200, schema: progressAnswerSchema },
    'POST /api/agency/enrolment-codes': { who: 'agency', status: 201, schema: enrolmentCodeListSchema, body: () => ({ count: 2 }) },
    'GET /api/agency/enrolment-codes': { who: 'agency', status: 200, schema: enrolmentCodeListSchema },
    'GET /api/agency/enrolment-codes/print': { who: 'agency', status: 200, schema: null },
    'POST /api/agency/enrolment-codes/:code/revoke': { who: 'agency', status: 200, schema: enrolmentCodeSchema, path: () => `/api/agency/enrolment-codes/${ids.agencyCode}/revoke` },
    'GET /api/agency/units': { who: 'agency', status: 200, schema: unitListSchema },
    'POST /api/agency/units': { who: 'agency', status: 201, schema: unitSchema, body: () => ({ name: 'Thanh tra Sở' }) },
    'PATCH /api/agency/units/:id': { who: 'agency', status: 200, schema: unitSchema, path: () => `/api/agency/units/${ids.unit}`, body: () => ({ name: 'Văn phòng', active: true }) },
    'DELETE /api/agency/units/:id': { who: 'agency', status: 204, schema: null, path: () => `/api/agency/units/${ids.spareUnit}` },
    'GET /api/province/agencies/:code/units': { who: 'province', status: 200, schema: unitListSchema, path: () => '/api/province/agencies/UBND-181/units' },
    'POST /api/province/agencies/:code/units': { who: 'province', status: 201, schema: unitSchema, path: () => '/api/province/agencies/UBND-181/units', body: () => ({ name: 'Trung tâm Y tế huyện' }) },
    'PATCH /api/province/agencies/:code/units/:id': { who: 'province', status: 200, schema: unitSchema, path: () => '/api/province/agencies/UBND-181/units/UBND-181-06067', body: () => ({ name: 'Xã Hưng Đạo (cũ)' }) },
    'DELETE /api/province/agencies/:code/units/:id': { who: 'province', status: 204, schema: null, path: () => `/api/province/agencies/UBND-181/units/${ids.provinceSpareUnit}` },
    'GET /api/agency/headcount': { who: 'agency', status: 200, schema: headcountSchema },
    'PUT /api/agency/headcount': { who: 'agency', status: 200, schema: headcountSchema, body: () => ({ headcount: 120 }) },
    'GET /api/agency/participants': { who: 'agency', status: 200, schema: participantListSchema },
    'GET /api/agency/participants/:staffId/orders': { who: 'agency', status: 200, schema: agencyOrderListSchema, path: () => `/api/agency/participants/${ids.staffId}/orders` },
    'POST /api/agency/participants/:staffId/revoke': { who: 'agency', status: 200, schema: staffRevokeAnswerSchema, path: () => `/api/agency/participants/${ids.spareStaff}/revoke` },
    'GET /api/agency/review': { who: 'agency', status: 200, schema: agencyOrderListSchema, path: () => '/api/agency/review?kind=flagged' },
    'GET /api/agency/orders/:orderId/photo': { who: 'agency', status: 200, schema: null, path: () => `/api/agency/orders/${ids.photoOrderId}/photo` },
    'POST /api/agency/review/:orderId': { who: 'agency', status: 200, schema: agencyOrderSchema, path: () => `/api/agency/review/${ids.orderId}`, body: () => ({ decision: 'counted' }) },
    'POST /api/agency/review/:orderId/items/:lineNo': { who: 'agency', status: 200, schema: itemReviewListSchema, path: () => `/api/agency/review/${ids.orderId}/items/0`, body: () => ({ isFarmProduct: true, note: 'Gạo là nông sản' }) },
    'GET /api/agency/tally': { who: 'agency', status: 200, schema: agencyTallySchema, path: () => `/api/agency/tally?period=${ids.periodId}` },
    'POST /api/agency/reports': { who: 'agency', status: 201, schema: reportSchema, body: () => ({ periodId: ids.periodId, note: 'Lần hai' }) },
    'GET /api/agency/reports': { who: 'agency', status: 200, schema: reportListSchema },
    'GET /api/agency/reports/:id': { who: 'agency', status: 200, schema: reportSchema, path: () => `/api/agency/reports/${ids.reportId}` },
    'GET /api/agency/reports/:id/document.docx': { who: 'agency', status: 200, schema: null, path: () => `/api/agency/reports/${ids.reportId}/document.docx` },
    'GET /api/agency/export.xlsx': { who: 'agency', status: 200, schema: null },
    'GET /api/agency/export.csv': { who: 'agency', status: 200, schema: null },
    'GET /api/province/agencies': { who: 'province', status: 200, schema: agencyListSchema },
    'PATCH /api/province/agencies/:code': { who: 'province', status: 200, schema: agencySchema, path: () => '/api/province/agencies/SNV', body: () => ({ headcount: 120 }) },
    'GET /api/province/users': { who: 'province', status: 200, schema: userListSchema },
    'POST /api/province/users': { who: 'province', status: 201, schema: userSchema, body: () => ({ username: `xa-${randomUUID().slice(0, 6)}`, fullName: 'Lương Văn Tú', password: 'mot-mat-khau-dai', role: 'officer', communeCodes: ['06181'] }) },
    'PATCH /api/province/users/:id': { who: 'province', status: 200, schema: userSchema, path: () => `/api/province/users/${ids.officerId}`, body: () => ({ fullName: 'Lương Thị Hoa' }) },
    'POST /api/province/periods': { who: 'province', status: 201, schema: periodSchema, body: () => ({ id: 'dot-thu', name: 'Đợt thử', startsOn: '2030-01-01', endsOn: '2030-02-01', reportDue: '2030-02-10' }) },
    'PATCH /api/province/periods/:id': { who: 'province', status: 200, schema: periodSchema, path: () => `/api/province/periods/${ids.periodId}`, body: () => ({ name: 'Đợt một' }) },
    'GET /api/province/periods/:id/limits': { who: 'province', status: 200, schema: periodLimitsSchema, path: () => `/api/province/periods/${ids.periodId}/limits` },
    'PUT /api/province/periods/:id/limits': { who: 'province', status: 200, schema: periodLimitsSchema, path: () => `/api/province/periods/${ids.periodId}/limits`, body: () => ({ maxOrdersPerPerson: 40, maxAmountPerPerson: 25_000_000 }) },
    'POST /api/province/reports': { who: 'province', status: 201, schema: provinceReportSchema, body: () => ({ periodId: ids.periodId, docNumber: '15/BC-STTTT' }) },
    'GET /api/province/reports': { who: 'province', status: 200, schema: provinceReportListSchema, path: () => `/api/province/reports?period=${ids.periodId}` },
    'GET /api/province/reports/:id': { who: 'province', status: 200, schema: provinceReportSchema, path: () => `/api/province/reports/${ids.provinceReport}` },
    'GET /api/province/reports/:id/document.docx': { who: 'province', status: 200, schema: null, path: () => `/api/province/reports/${ids.provinceReport}/document.docx` },
    'GET /api/province/rollup': { who: 'province', status: 200, schema: rollupSchema },
    'GET /api/province/rollup/export.xlsx': { who: 'province', status: 200, schema: null },
    'GET /api/province/rollup/export.csv': { who: 'province', status: 200, schema: null },
    'GET /api/province/charts': { who: 'province', status: 200, schema: chartsSchema, path: () => '/api/province/charts?month=2021-08' },
    'GET /api/province/most-bought-shops': { who: 'province', status: 200, schema: mostBoughtShopsSchema, path: () => `/api/province/most-bought-shops?period=${ids.periodId}&by=kg` },
    'GET /api/province/not-started': { who: 'province', status: 200, schema: notStartedSchema },
    'GET /api/province/marketplace-volume': { who: 'province', status: 200, schema: volumeAnswerSchema, path: () => '/api/province/marketplace-volume?month=2021-08' },
    'POST /api/province/marketplace-volume': { who: 'province', status: 201, schema: volumeReportSchema, body: () => ({ id: randomUUID(), marketplace: 'voso', span: 'week', startsOn: '2021-08-09', tonnes: 60, source: 'Báo cáo tuần của Viettel Post' }) },
    'DELETE /api/province/marketplace-volume/:id': { who: 'province', status: 200, schema: volumeDeletedSchema, path: () => `/api/province/marketplace-volume/${ids.volume}` },
    'POST /api/province/leading-accounts': {
      who: 'province',
      status: 201,
      schema: leadingAccountSchema,
      body: () => ({ id: ids.leadingAccount, name: 'Hoàng Thị Nhung', communeCode: '06181', shopUrl: 'https://langson.voso.vn/shop/na-nha-nhung', reason: 'Bán na trên Voso, hướng dẫn nhiều hộ.' }),
    },
    'GET /api/province/leading-accounts': { who: 'province', status: 200, schema: leadingAccountListSchema },
    'POST /api/province/leading-accounts/:id/retire': { who: 'province', status: 200, schema: leadingAccountSchema, path: () => `/api/province/leading-accounts/${ids.leadingAccount}/retire` },
    'PATCH /api/province/communes/:code': { who: 'province', status: 200, schema: communePatchAnswerSchema, path: () => '/api/province/communes/06181', body: () => ({ householdCount: 1200 }) },
    'PATCH /api/province/districts/:code': { who: 'province', status: 200, schema: districtPatchAnswerSchema, path: () => '/api/province/districts/181', body: () => ({ signupDeadline: '2030-03-31' }) },
    'PUT /api/province/rules': {
      who: 'province',
      status: 201,
      schema: rulesUploadAnswerSchema,
      body: () => ({ sites: { voso: { marketplace: 'voso', version: '2030-01-01', hosts: ['langson.voso.vn'], pages: [{ type: 'product', url: '^/', product: { name: ['h1'] } }] } } }),
    },
    'GET /api/province/page-reports': { who: 'province', status: 200, schema: pageReportListSchema },
    'GET /api/province/page-reports/:id': { who: 'province', status: 200, schema: pageReportDetailSchema, path: () => `/api/province/page-reports/${ids.pageReport}` },
    'GET /api/channels/column-maps/:operator': { who: 'province', status: 200, schema: columnMapViewSchema, path: () => '/api/channels/column-maps/voso' },
    'PUT /api/channels/column-maps/:operator': { who: 'province', status: 200, schema: columnMapViewSchema, path: () => '/api/channels/column-maps/voso', body: () => ({ columns: { commune: 'Tên xã', headName: 'Họ và tên' } }) },
    'POST /api/channels/imports/:operator/preview': { who: 'province', status: 200, schema: importOutcomeSchema, path: () => '/api/channels/imports/voso/preview', raw: () => 'Tên xã;Họ và tên\r\nXã Nhạc Kỳ;Hoàng Văn Ánh\r\n' },
    'POST /api/channels/imports/:operator': { who: 'province', status: 200, schema: importOutcomeSchema, path: () => '/api/channels/imports/voso', raw: () => 'Tên xã;Họ và tên\r\nXã Nhạc Kỳ;Hoàng Văn Ánh\r\n' },
    'GET /api/channels/imports': { who: 'province', status: 200, schema: importListSchema },
    'GET /api/channels/progress': { who: 'province', status: 200, schema: channelProgressSchema },
    'GET /api/channels/phases': { who: 'province', status: 200, schema: phaseListSchema },
    'PUT /api/province/phases/:id': { who: 'province', status: 200, schema: phaseSchema, path: () => '/api/province/phases/gd-thu', body: () => ({ name: 'Giai đoạn thử', deadline: '2030-09-20', districtCodes: ['182'] }) },
    'DELETE /api/province/phases/:id': { who: 'province', status: 204, schema: null, path: () => '/api/province/phases/gd-thu' },
    'GET /api/registry/shops': { who: 'none', status: 200, schema: registrySchema },
    'GET /api/agriculture/claims': { who: 'agriculture', status: 200, schema: claimListSchema },
    'GET /api/agriculture/claims/expiring': { who: 'agriculture', status: 200, schema: claimListSchema },
    'POST /api/agriculture/claims/:id/decision': { who: 'agriculture', status: 200, schema: claimViewSchema, path: () => `/api/agriculture/claims/${ids.claim}/decision`, body: () => ({ decision: 'refused', reason: 'Không có hồ sơ gốc' }) },
    // Last: it ends the officer's session.
    'POST /api/auth/logout': { who: 'officer', status: 204, schema: null },
  };

  it('has an answer shape for every route the collector answers', () => {
    const registered = new Set(deps().app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    expect([...registered].filter((r) => !(r in calls))).toEqual([]);
    expect(Object.keys(calls).filter((r) => !registered.has(r))).toEqual([]);
  });

  describe('answers', () => {
    // In table order: a later call may use what an earlier one made (the page report, the uploaded rules).
    for (const [route, call] of Object.entries(calls)) {
      it(route, async () => {
        const [method, template] = route.split(' ');
        const headers: Record<string, string> = call.who === 'none' ? {} : { Authorization: `Bearer ${tokens[call.who]}` };
        const payload = call.raw ? call.raw() : call.body ? JSON.stringify(call.body()) : undefined;
        if (call.body) headers['Content-Type'] = 'application/json';
        const path = call.path?.() ?? template;
        if (route === 'GET /api/rules') await deps().app.request('/api/province/rules', { method: 'PUT', headers: { Authorization: `Bearer ${tokens.province}`, 'Content-Type': 'application/json' }, body: JSON.stringify(calls['PUT /api/province/rules'].body!()) });
        if (route === 'GET /api/province/page-reports/:id') {
          const list = await (await deps().app.request('/api/province/page-reports', { headers })).json();
          ids.pageReport = list.reports[0].id;
        }
        const res = await deps().app.request(call.path ? call.path() : path, { method, headers, body: payload as BodyInit | undefined });
        expect(res.status, await res.clone().text()).toBe(call.status);
        if (call.schema) expectShape(call.schema, await res.json());
      });
    }
  });
});
