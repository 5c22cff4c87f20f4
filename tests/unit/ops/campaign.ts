import ExcelJS from 'exceljs';
import type { Db, DbKind } from '../../../server/db';
import { createApp } from '../../../server/app';
import { createAgencyFocalPoint, createProvinceUser, enrolStaff, sampleOrder, submitOrders } from '../../../server/testing/seed';
import { enrolKiosk, household } from '../robustness/people';

/** The smallest JPEG header the collector accepts as a photo, with a distinguishing tail. */
const jpeg = (n: number) => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, n, n + 1, n + 2]);

export interface Campaign {
  province: string;
  agency: string;
  officer: string;
  households: { clientId: string; photoId: string }[];
}

/**
 * A small campaign through the real API: two agencies' civil servants with orders in period 2021-dot-1 (one agency
 * has submitted its report, the other not), four households at kiosks with a product photo each.
 */
export async function seedCampaign(db: Db, kind: DbKind): Promise<Campaign> {
  const app = createApp({ db, dbKind: kind, startedAt: new Date() });
  const deps = { db, app };
  const an = await enrolStaff(deps, 'SNV', 'Nguyễn Văn An');
  const binh = await enrolStaff(deps, 'SNV', 'Hoàng Thị Bình');
  const cuong = await enrolStaff(deps, 'STC', 'Lý Văn Cường');
  await submitOrders(deps, an, [sampleOrder(), sampleOrder({ placedAt: '2021-09-02T02:00:00Z' })]);
  await submitOrders(deps, binh, [sampleOrder({ marketplace: 'postmart', orderCode: 'PM20210901', placedAt: '2021-09-01T08:00:00Z' })]);
  await submitOrders(deps, cuong, [sampleOrder()]);
  const agency = await createAgencyFocalPoint(db, 'SNV');
  const report = await app.request('/api/agency/reports', { method: 'POST', headers: { ...agency.auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ periodId: '2021-dot-1', note: 'Báo cáo đợt 1' }) });
  if (report.status !== 201) throw new Error(`report: ${report.status} ${await report.text()}`);
  const province = await createProvinceUser(db);
  const kiosk = await enrolKiosk(deps);
  const made = Array.from({ length: 4 }, () => household());
  const sent = await app.request('/api/kiosk/households', { method: 'POST', headers: { Authorization: `Bearer ${kiosk.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ households: made }) });
  if (sent.status !== 200) throw new Error(`households: ${sent.status}`);
  const households = made.map((h, i) => ({ clientId: h.clientId, photoId: `anh-san-pham-${i}-${h.clientId.slice(0, 8)}` }));
  for (const [i, h] of households.entries()) {
    const put = await app.request(`/api/kiosk/households/${h.clientId}/photos/${h.photoId}?kind=product`, { method: 'PUT', headers: { Authorization: `Bearer ${kiosk.token}`, 'Content-Type': 'image/jpeg' }, body: jpeg(i) });
    if (put.status !== 201) throw new Error(`photo: ${put.status}`);
  }
  return { province: province.token, agency: agency.token, officer: kiosk.officer.token, households };
}

/** Every value of every sheet of an XLSX file: what a person sees, without the file's timestamps. */
async function xlsxCells(bytes: ArrayBuffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  return book.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues().map((r) => (Array.isArray(r) ? r.map((v) => (v && typeof v === 'object' && 'result' in v ? v.result : v)) : r)) }));
}

/** What the agency, the province and the commune see: tallies, roll-up, progress, and the XLSX / CSV exports. */
export async function whatPeopleSee(db: Db, kind: DbKind, c: Campaign) {
  const app = createApp({ db, dbKind: kind, startedAt: new Date() });
  const get = async (path: string, token: string) => {
    const res = await app.request(path, { headers: { Authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    const type = res.headers.get('Content-Type') ?? '';
    if (type.includes('json')) return res.json();
    if (type.includes('csv')) return res.text();
    if (type.includes('spreadsheet')) return xlsxCells(await res.arrayBuffer());
    return [...new Uint8Array(await res.arrayBuffer())];
  };
  const period = '?period=2021-dot-1';
  return {
    agencyTally: await get(`/api/agency/tally${period}`, c.agency),
    agencyCsv: await get(`/api/agency/export.csv${period}`, c.agency),
    agencyXlsx: await get(`/api/agency/export.xlsx${period}`, c.agency),
    rollup: await get(`/api/province/rollup${period}`, c.province),
    rollupCsv: await get(`/api/province/rollup/export.csv${period}`, c.province),
    rollupXlsx: await get(`/api/province/rollup/export.xlsx${period}`, c.province),
    reports: await get(`/api/agency/reports${period}`, c.agency),
    progress: await get('/api/kiosk/progress', c.province),
    photos: await Promise.all(c.households.map((h) => get(`/api/kiosk/photos/${h.photoId}`, c.officer))),
  };
}
