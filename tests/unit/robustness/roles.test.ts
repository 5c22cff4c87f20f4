/**
 * Issue 6, access: every route the collector registers, called with no token and with a token of each role
 * (and an agency token of another agency for agency data). The table must name every route: a new route
 * without an entry fails the first test.
 */
import { beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { forEachDatabase } from '../../../server/test-databases';
import { issueToken, type Principal } from '../../../server/auth/tokens';
import { createAgencyFocalPoint, createEnrolmentCode, createProvinceUser, enrolStaff, sampleOrder, submitOrders } from '../../../server/testing/seed';
import { enrolKiosk, household } from './people';

type Caller = 'none' | 'staff' | 'kiosk' | 'officer' | 'agency' | 'otherAgency' | 'province';
const callers: Caller[] = ['none', 'staff', 'kiosk', 'officer', 'agency', 'otherAgency', 'province'];
const everyone: Caller[] = callers;
const people: Caller[] = ['province', 'agency', 'otherAgency', 'officer'];
const agencies: Caller[] = ['agency', 'otherAgency'];

interface Entry {
  /** Who gets past the door (others: 401 without a token, 403 with the wrong role). */
  allow: Caller[];
  /** The agency's own resource in the path: another agency gets 404, not the data. */
  ownedByAgency?: true;
  body?: unknown;
}

/** Documented access, one line per route (docs/api.md and each route file's header). */
const access: Record<string, Entry> = {
  'GET /api/health': { allow: everyone },
  'POST /api/auth/login': { allow: everyone, body: { username: 'khong-co', password: 'sai-mat-khau-1' } },
  'POST /api/auth/logout': { allow: people },
  'GET /api/auth/me': { allow: people },
  'GET /api/enrolment-codes/:code': { allow: everyone },
  'POST /api/staff/enrol': { allow: everyone },
  'GET /api/staff/me': { allow: ['staff'] },
  'POST /api/staff/orders': { allow: ['staff'] },
  'DELETE /api/staff/orders/:clientId': { allow: ['staff'] },
  'GET /api/staff/orders': { allow: ['staff'] },
  'PUT /api/staff/orders/:clientId/photo': { allow: ['staff'] },
  'GET /api/rules': { allow: everyone },
  'PUT /api/province/rules': { allow: ['province'] },
  'POST /api/page-reports': { allow: ['staff'] },
  'GET /api/province/page-reports': { allow: ['province'] },
  'GET /api/province/page-reports/:id': { allow: ['province'] },
  'POST /api/agency/enrolment-codes': { allow: agencies },
  'GET /api/agency/enrolment-codes': { allow: agencies },
  'POST /api/agency/enrolment-codes/:code/revoke': { allow: agencies, ownedByAgency: true },
  'GET /api/agency/enrolment-codes/print': { allow: agencies },
  'GET /api/agency/headcount': { allow: agencies },
  'PUT /api/agency/headcount': { allow: agencies, body: { headcount: 120 } },
  'GET /api/agency/participants': { allow: agencies },
  'GET /api/agency/participants/:staffId/orders': { allow: agencies, ownedByAgency: true },
  'POST /api/agency/participants/:staffId/revoke': { allow: agencies, ownedByAgency: true },
  'GET /api/agency/review': { allow: agencies },
  'GET /api/agency/orders/:orderId/photo': { allow: agencies, ownedByAgency: true },
  'POST /api/agency/review/:orderId': { allow: agencies, ownedByAgency: true, body: { decision: 'counted' } },
  'GET /api/agency/tally': { allow: agencies },
  'POST /api/agency/reports': { allow: agencies },
  'GET /api/agency/reports': { allow: agencies },
  'GET /api/agency/reports/:id': { allow: agencies, ownedByAgency: true },
  'GET /api/agency/reports/:id/document.docx': { allow: agencies, ownedByAgency: true },
  'POST /api/agency/review/:orderId/items/:lineNo': { allow: agencies, ownedByAgency: true, body: { isFarmProduct: true, note: 'Đã kiểm tra' } },
  'GET /api/agency/export.xlsx': { allow: agencies },
  'GET /api/agency/export.csv': { allow: agencies },
  'GET /api/province/agencies': { allow: ['province'] },
  'PATCH /api/province/agencies/:code': { allow: ['province'] },
  'PATCH /api/province/communes/:code': { allow: ['province'] },
  'PATCH /api/province/districts/:code': { allow: ['province'] },
  'GET /api/province/users': { allow: ['province'] },
  'POST /api/province/users': { allow: ['province'] },
  'PATCH /api/province/users/:id': { allow: ['province'] },
  'GET /api/periods': { allow: ['province', 'agency', 'otherAgency', 'officer', 'staff'] },
  'POST /api/province/periods': { allow: ['province'] },
  'PATCH /api/province/periods/:id': { allow: ['province'] },
  'GET /api/province/periods/:id/limits': { allow: ['province'] },
  'PUT /api/province/periods/:id/limits': { allow: ['province'] },
  'POST /api/province/reports': { allow: ['province'] },
  'GET /api/province/reports': { allow: ['province'] },
  'GET /api/province/reports/:id': { allow: ['province'] },
  'GET /api/province/reports/:id/document.docx': { allow: ['province'] },
  'GET /api/province/rollup': { allow: ['province'] },
  'GET /api/province/rollup/export.xlsx': { allow: ['province'] },
  'GET /api/province/rollup/export.csv': { allow: ['province'] },
  'GET /api/province/charts': { allow: ['province'] },
  'GET /api/province/leading-shops': { allow: ['province'] },
  'GET /api/province/not-started': { allow: ['province'] },
  'POST /api/kiosk/device-codes': { allow: ['officer'] },
  'POST /api/kiosk/enrol': { allow: everyone },
  'GET /api/kiosk/device': { allow: ['kiosk'] },
  'POST /api/kiosk/households': { allow: ['kiosk'] },
  'GET /api/kiosk/households': { allow: ['kiosk'] },
  'PUT /api/kiosk/households/:clientId/photos/:photoId': { allow: ['kiosk'] },
  'GET /api/kiosk/households/:clientId/photos': { allow: ['kiosk', 'officer', 'province'] },
  'GET /api/kiosk/photos/:photoId': { allow: ['officer', 'province'] },
  'GET /api/kiosk/handover.xlsx': { allow: ['officer', 'province'] },
  'GET /api/kiosk/handover.csv': { allow: ['officer', 'province'] },
  'GET /api/kiosk/devices': { allow: ['officer', 'province'] },
  'POST /api/kiosk/devices/:id/revoke': { allow: ['officer', 'province'] },
  'POST /api/kiosk/handover': { allow: ['officer', 'kiosk', 'province'] },
  'GET /api/kiosk/progress': { allow: ['officer', 'province', 'kiosk'] },
};

forEachDatabase((deps) => {
  const principals = {} as Record<Exclude<Caller, 'none'>, Principal>;
  const params: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = deps();
    const staff = await enrolStaff(deps(), 'SNV');
    const order = sampleOrder();
    const sent = await submitOrders(deps(), staff, [order]);
    const kiosk = await enrolKiosk(deps());
    const h = household();
    await deps().app.request('/api/kiosk/households', { method: 'POST', headers: { Authorization: `Bearer ${kiosk.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ households: [h] }) });
    const agency = await createAgencyFocalPoint(db, 'SNV');
    const other = await createAgencyFocalPoint(db, 'STTTT');
    const province = await createProvinceUser(db);
    const period = await db.selectFrom('periods').select('id').orderBy('starts_on').executeTakeFirstOrThrow();
    const report = await deps().app.request('/api/agency/reports', { method: 'POST', headers: { ...agency.auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ periodId: period.id }) });
    expect(report.status).toBe(201);
    Object.assign(principals, {
      staff: { role: 'staff', subjectId: staff.id, agencyCode: 'SNV' },
      kiosk: { role: 'kiosk', subjectId: kiosk.deviceId, agencyCode: null },
      officer: { role: 'officer', subjectId: kiosk.officer.id, agencyCode: null },
      agency: { role: 'agency', subjectId: agency.id, agencyCode: 'SNV' },
      otherAgency: { role: 'agency', subjectId: other.id, agencyCode: 'STTTT' },
      province: { role: 'province', subjectId: province.id, agencyCode: null },
    });
    Object.assign(params, {
      code: await createEnrolmentCode(db, 'SNV'),
      clientId: order.clientId,
      id: randomUUID(),
      staffId: staff.id,
      orderId: sent.body.results[0].serverId!,
      lineNo: '0',
      photoId: randomUUID(),
      reportId: ((await report.json()) as { id: string }).id,
      householdClientId: h.clientId,
    });
  });

  /** Fills a route's path with ids of SNV's own data (so another agency asking for them is refused). */
  function pathOf(route: string) {
    const path = route.split(' ')[1];
    if (path.startsWith('/api/agency/reports/:id')) return path.replace(':id', params.reportId);
    if (path === '/api/province/agencies/:code') return '/api/province/agencies/SNV';
    if (path === '/api/province/communes/:code') return '/api/province/communes/06067';
    if (path === '/api/province/districts/:code') return '/api/province/districts/181';
    if (path.startsWith('/api/kiosk/households/:clientId')) return path.replace(':clientId', params.householdClientId).replace(':photoId', params.photoId);
    return path.replace(/:(\w+)/g, (_, name: string) => params[name]);
  }

  it('names every registered route, and only those', () => {
    const registered = new Set(deps().app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    expect([...registered].filter((r) => !(r in access))).toEqual([]);
    expect(Object.keys(access).filter((r) => !registered.has(r))).toEqual([]);
  });

  for (const [route, entry] of Object.entries(access)) {
    it(route, async () => {
      const method = route.split(' ')[0];
      for (const caller of callers) {
        // A fresh token each call: logout revokes the one it is called with.
        const token = caller === 'none' ? null : (await issueToken(deps().db, principals[caller], 3600_000)).token;
        const res = await deps().app.request(pathOf(route), {
          method,
          headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          body: method === 'GET' ? undefined : JSON.stringify(entry.body ?? {}),
        });
        const where = `${route} as ${caller}: ${res.status}`;
        expect(res.status, where).toBeLessThan(500);
        if (!entry.allow.includes(caller)) {
          expect(res.status, where).toBe(caller === 'none' ? 401 : 403);
          expect(((await res.json()) as { error: { code: string } }).error.code, where).toBe(caller === 'none' ? '401.1' : '403.1');
        } else if (entry.ownedByAgency && caller === 'otherAgency') {
          expect(res.status, where).toBe(404);
        } else {
          // Through the door: any answer but "sign in" / "not your role" (a wrong password is 401.2, fine).
          const code = res.headers.get('content-type')?.includes('json') ? ((await res.json()) as { error?: { code: string } }).error?.code : undefined;
          expect(['401.1', '403.1'], where).not.toContain(code);
        }
      }
    });
  }
});
