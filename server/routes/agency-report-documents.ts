/**
 * The agency's submitted report as an official document (agency token; only its own). Routes:
 *   GET /api/agency/reports/:id/document.docx → "bao-cao-<AGENCY>-<period>-lan-<n>.docx", a báo cáo to Sở TT&TT in the
 *       Nghị định 30/2020 layout with the numbers locked at submission (server/reports/documents/agency-document.ts)
 */
import { Hono } from 'hono';
import type { AppDeps } from '../app';
import { requireRole, type AuthEnv } from '../auth/require-role';
import { agencyReportDocx } from '../reports/documents/agency-document';
import { download } from '../export/table';

export function agencyReportDocumentRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();
  r.get('/reports/:id/document.docx', requireRole(db, 'agency'), async (c) => {
    const { body, fileName } = await agencyReportDocx(db, c.get('principal').agencyCode!, c.req.param('id'));
    return download(c, body, fileName, 'docx');
  });
  return r;
}
