/**
 * "Báo trang lỗi" reports the extension sent (staff/page-reports.ts), for the province to fix the adapter rules. Routes:
 *   GET  /api/province/page-reports     → {reports:[{id, url, pageType, agencyCode, extensionVersion, rulesVersion, note, receivedAt}]} newest 500
 *   GET  /api/province/page-reports/:id → the report with its structure
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem } from '../../problem';
import type { AuthEnv } from '../../auth/require-role';

export function provincePageReportRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/', async (c) => {
    const rows = await db
      .selectFrom('page_reports')
      .select(['id', 'url', 'page_type', 'agency_code', 'extension_version', 'rules_version', 'note', 'received_at'])
      .orderBy('received_at', 'desc')
      .limit(500)
      .execute();
    return c.json({
      reports: rows.map((x) => ({ id: x.id, url: x.url, pageType: x.page_type, agencyCode: x.agency_code, extensionVersion: x.extension_version, rulesVersion: x.rules_version, note: x.note, receivedAt: x.received_at })),
    });
  });

  r.get('/:id', async (c) => {
    const x = await db.selectFrom('page_reports').selectAll().where('id', '=', c.req.param('id')).executeTakeFirst();
    if (!x) throw new Problem('404.1');
    return c.json({ id: x.id, url: x.url, pageType: x.page_type, agencyCode: x.agency_code, extensionVersion: x.extension_version, rulesVersion: x.rules_version, note: x.note, receivedAt: x.received_at, structure: JSON.parse(x.structure) });
  });

  return r;
}
