/**
 * "Báo trang lỗi": a marketplace page the extension could not read, as structure with personal data stripped
 * by the extension, so the province can fix the adapter rules (province/page-reports.ts). Routes:
 *   POST /api/page-reports              (staff) {clientId, url, pageType, structure, extensionVersion, rulesVersion, note?}
 *                                        → 201 {id} (200 when the same clientId+content is sent again; 409.1 different content);
 *                                        only marketplace URLs (query and fragment dropped); structure ≤ 256 KB → else 400.14
 */
import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../app';
import { pageReportRequest } from '../../../lib/api/staff';
import { Problem } from '../../problem';
import { body } from '../../validate';
import type { AuthEnv } from '../../auth/require-role';

export function pageReportRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.post('/', body(pageReportRequest, '400.14'), async (c) => {
    const b = c.req.valid('json');
    const p = c.get('principal');
    const row = { client_id: b.clientId, staff_id: p.subjectId, agency_code: p.agencyCode!, url: b.url, page_type: b.pageType, structure: b.structure, extension_version: b.extensionVersion, rules_version: b.rulesVersion, note: b.note };
    const before = await db.selectFrom('page_reports').selectAll().where('staff_id', '=', p.subjectId).where('client_id', '=', b.clientId).executeTakeFirst();
    if (before) {
      const same = (Object.keys(row) as (keyof typeof row)[]).every((k) => before[k] === row[k]);
      if (!same) throw new Problem('409.1', { field: 'clientId' });
      return c.json({ id: before.id }, 200);
    }
    const id = randomUUID();
    await db.insertInto('page_reports').values({ id, ...row, received_at: new Date().toISOString() }).execute();
    return c.json({ id }, 201);
  });

  return r;
}
