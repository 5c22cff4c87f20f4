/**
 * Sở TT&TT's báo cáo tổng hợp to UBND tỉnh (province token). Routes:
 *   POST /api/province/reports {periodId, docNumber?, signerName?, signerPosition?, recipients?} → 201 ProvinceReport:
 *        a versioned snapshot of every agency's newest submitted report (server/reports/province-reports.ts)
 *   GET  /api/province/reports?period=      → {reports:[ProvinceReport without snapshot]} newest first
 *   GET  /api/province/reports/:id          → ProvinceReport
 *   GET  /api/province/reports/:id/document.docx → "bao-cao-tong-hop-<period>-lan-<n>.docx" (Nghị định 30/2020 layout)
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { provinceReportRequest } from '../../../lib/api/province';
import { body } from '../../validate';
import type { AuthEnv } from '../../auth/require-role';
import { createProvinceReport, provinceReport, provinceReports } from '../../reports/province-reports';
import { provinceReportDocx } from '../../reports/documents/province-document';
import { download } from '../../export/table';

export function provinceReportRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();
  r.post('/', body(provinceReportRequest), async (c) => {
    const p = c.get('principal');
    const user = await db.selectFrom('users').select('full_name').where('id', '=', p.subjectId).executeTakeFirstOrThrow();
    return c.json(await createProvinceReport(db, c.req.valid('json'), { id: p.subjectId, fullName: user.full_name }), 201);
  });
  r.get('/', async (c) => c.json({ reports: await provinceReports(db, c.req.query('period')) }));
  r.get('/:id', async (c) => c.json(await provinceReport(db, c.req.param('id'))));
  r.get('/:id/document.docx', async (c) => {
    const { body: file, fileName } = await provinceReportDocx(await provinceReport(db, c.req.param('id')));
    return download(c, file, fileName, 'docx');
  });
  return r;
}
