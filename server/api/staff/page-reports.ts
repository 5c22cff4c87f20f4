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
import { marketplaceOf } from '../../../lib/marketplaces/hosts';
import { Problem, readJson } from '../../problem';
import type { AuthEnv } from '../../auth/require-role';

const pageTypes = ['product', 'cart', 'checkout', 'order-confirmation', 'order-detail', 'order-list', 'other'];
const maxStructure = 256 * 1024;

export function pageReportRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.post('/', async (c) => {
    const b = (await readJson(c.req.raw)) as Record<string, unknown> | null;
    const bad = (field: string, detail: string) => new Problem('400.14', { field, detail });
    if (typeof b?.clientId !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(b.clientId)) throw bad('clientId', 'Mã gửi không hợp lệ.');
    if (typeof b.url !== 'string' || !marketplaceOf(b.url)) throw bad('url', 'Chỉ nhận trang của hai sàn langson.voso.vn, langson.postmart.vn.');
    const u = new URL(b.url);
    const url = `${u.origin}${u.pathname}`;
    if (typeof b.pageType !== 'string' || !pageTypes.includes(b.pageType)) throw bad('pageType', `Loại trang phải là một trong: ${pageTypes.join(', ')}.`);
    if (b.structure === undefined || b.structure === null || typeof b.structure !== 'object') throw bad('structure', 'Thiếu cấu trúc trang.');
    const structure = JSON.stringify(b.structure);
    if (structure.length > maxStructure) throw bad('structure', 'Cấu trúc trang quá 256 KB.');
    if (typeof b.extensionVersion !== 'string' || b.extensionVersion.length > 40) throw bad('extensionVersion', 'Thiếu phiên bản tiện ích.');
    const rulesVersion = b.rulesVersion === null || b.rulesVersion === undefined ? null : String(b.rulesVersion).slice(0, 40);
    if (b.note !== undefined && b.note !== null && (typeof b.note !== 'string' || b.note.length > 1000)) throw bad('note', 'Ghi chú tối đa 1000 ký tự.');
    const note = typeof b.note === 'string' ? b.note.normalize('NFC').trim() || null : null;
    const p = c.get('principal');

    const row = { client_id: b.clientId, staff_id: p.subjectId, agency_code: p.agencyCode!, url, page_type: b.pageType, structure, extension_version: b.extensionVersion, rules_version: rulesVersion, note };
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
