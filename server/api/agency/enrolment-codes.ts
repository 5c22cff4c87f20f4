/**
 * Enrolment codes an agency focal point gives its staff (agency token; only its own agency). Routes:
 *   POST /api/agency/enrolment-codes              {count 1–500, maxUses? 1–1000 (1), validDays? 1–180 (30), label?, unitId?}
 *                                                 → 201 {codes:[EnrolmentCodeView], extensionLinks} each with `display` "ABCD-EFGH",
 *                                                 `unit` and `qrSvg`; 403.12 when the agency is inactive; with unitId (GET /api/agency/units)
 *                                                 whoever enrols with them belongs to that sub-unit: 404.1 not one of the agency's, 409.22 stopped
 *   GET  /api/agency/enrolment-codes?qr=1         → {codes:[EnrolmentCodeView], extensionLinks} newest first; `state`
 *                                                 active|expired|revoked|used-up; extensionLinks {chrome?, firefox?}: the
 *                                                 region pack's store pages, printed on the slips (lib/enrolment-slip.ts)
 *   POST /api/agency/enrolment-codes/:code/revoke → the code, now revoked (staff already enrolled stay enrolled)
 *   GET  /api/agency/enrolment-codes/print?codes=A,B,… (default: every active code) → a printable HTML page (A4, one card per
 *        code: agency's full name, its sub-unit, code, QR, expiry, where to get the extension and how to enrol), for the dashboard to open and print
 */
import { Hono } from 'hono';
import { renderSVG } from 'uqr';
import type { Selectable } from 'kysely';
import type { AppDeps } from '../../app';
import { formatEnrolmentCode, normalizeEnrolmentCode } from '../../../lib/enrolment-code';
import type { EnrolmentCodeTable } from '../../db/schema-staff';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { issueCodesRequest } from '../../../lib/api/agency';
import type { AuthEnv } from '../../auth/require-role';
import { assertAgencyActive, generateEnrolmentCode } from '../../staff/enrolment';
import { formatDate } from '../../../lib/format';
import type { Db } from '../../db';
import { unitOf } from '../../staff/agency-units';
import { enrolmentSlipSteps } from '../../../lib/enrolment-slip';
import { activeRegion } from '../../region';

export function agencyCodeRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.post('/', body(issueCodesRequest), async (c) => {
    const { count, maxUses, validDays, label, unitId } = c.req.valid('json');
    const p = c.get('principal');
    await assertAgencyActive(db, p.agencyCode!);
    if (unitId !== null && !Number((await unitOf(db, p.agencyCode!, unitId, 'unitId')).active)) throw new Problem('409.22', { field: 'unitId' });
    const now = new Date();
    const rows = Array.from({ length: count }, () => ({
      code: generateEnrolmentCode(),
      agency_code: p.agencyCode!,
      label,
      max_uses: maxUses,
      used_count: 0,
      created_by: p.subjectId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + validDays * 86400_000).toISOString(),
      revoked_at: null,
      unit_id: unitId,
    }));
    // A collision among 8.5·10^11 codes is vanishingly rare; skip it rather than fail the batch.
    for (let i = 0; i < rows.length; i += 200) await db.insertInto('enrolment_codes').values(rows.slice(i, i + 200)).onConflict((oc) => oc.column('code').doNothing()).execute();
    const stored = await withUnits(db, p.agencyCode!).where('enrolment_codes.code', 'in', rows.map((x) => x.code)).execute();
    return c.json({ codes: stored.map((x) => view(x, true)), extensionLinks: activeRegion().extensionLinks ?? {} }, 201);
  });

  r.get('/', async (c) => {
    const rows = await withUnits(db, c.get('principal').agencyCode!).orderBy('enrolment_codes.created_at', 'desc').orderBy('enrolment_codes.code').limit(5000).execute();
    return c.json({ codes: rows.map((x) => view(x, c.req.query('qr') === '1')), extensionLinks: activeRegion().extensionLinks ?? {} });
  });

  r.get('/print', async (c) => {
    const agencyCode = c.get('principal').agencyCode!;
    const agency = await db.selectFrom('agencies').select('name').where('code', '=', agencyCode).executeTakeFirstOrThrow();
    const wanted = (c.req.query('codes') ?? '').split(',').map((x) => normalizeEnrolmentCode(x)).filter((x): x is string => !!x);
    let q = withUnits(db, agencyCode).orderBy('enrolment_codes.created_at').orderBy('enrolment_codes.code').limit(1000);
    q = wanted.length ? q.where('code', 'in', wanted) : q.where('revoked_at', 'is', null).where('expires_at', '>', new Date().toISOString());
    const codes = (await q.execute()).map((x) => view(x, true)).filter((x) => x.state === 'active');
    c.header('Cache-Control', 'no-store');
    return c.html(printPage(agency.name, codes, enrolmentSlipSteps(activeRegion().extensionLinks ?? {}, new URL(c.req.url).host)));
  });

  r.post('/:code/revoke', async (c) => {
    const code = normalizeEnrolmentCode(c.req.param('code'));
    const agency = c.get('principal').agencyCode!;
    const row = code ? await withUnits(db, agency).where('enrolment_codes.code', '=', code).executeTakeFirst() : undefined;
    if (!row) throw new Problem('404.1', { field: 'code' });
    const revokedAt = row.revoked_at ?? new Date().toISOString();
    await db.updateTable('enrolment_codes').set({ revoked_at: revokedAt }).where('code', '=', row.code).execute();
    return c.json(view({ ...row, revoked_at: revokedAt }, false));
  });

  return r;
}

/** The agency's codes with the name of their sub-unit. */
function withUnits(db: Db, agencyCode: string) {
  return db
    .selectFrom('enrolment_codes')
    .leftJoin('agency_units', 'agency_units.id', 'enrolment_codes.unit_id')
    .selectAll('enrolment_codes')
    .select('agency_units.name as unit_name')
    .where('enrolment_codes.agency_code', '=', agencyCode);
}

function view(x: Selectable<EnrolmentCodeTable> & { unit_name: string | null }, withQr: boolean) {
  const state = x.revoked_at ? 'revoked' : x.expires_at <= new Date().toISOString() ? 'expired' : x.used_count >= x.max_uses ? 'used-up' : 'active';
  return {
    code: x.code,
    display: formatEnrolmentCode(x.code),
    label: x.label,
    maxUses: Number(x.max_uses),
    usedCount: Number(x.used_count),
    createdAt: x.created_at,
    expiresAt: x.expires_at,
    revokedAt: x.revoked_at,
    state,
    unit: x.unit_id && x.unit_name !== null ? { id: x.unit_id, name: x.unit_name } : null,
    ...(withQr ? { qrSvg: renderSVG(formatEnrolmentCode(x.code), { border: 2, pixelSize: 4 }) } : {}),
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Cards to cut out and hand to staff; the QR holds the code itself, for phones that read it aloud or copy it. */
/** The printable page's only style, inline so the page prints alone; the CSP allows it by hash (server/security-headers.ts). */
export const printStyle = `body{font-family:system-ui,sans-serif;margin:1cm}h1{font-size:16pt}.grid{display:grid;grid-template-columns:1fr 1fr;gap:6mm}
.card{display:flex;gap:4mm;border:1px dashed #666;padding:4mm;break-inside:avoid}.qr svg{width:28mm;height:28mm}
.code{font:bold 20pt ui-monospace,monospace;letter-spacing:1px;margin:1mm 0}.agency{font-weight:600;margin:0}.how{font-size:9pt;color:#333}
p{margin:1mm 0}@media print{.noprint{display:none}}`;

function printPage(agencyName: string, codes: ReturnType<typeof view>[], steps: string[]): string {
  const cards = codes
    .map(
      (x) => `<section class="card"><div class="qr" aria-hidden="true">${x.qrSvg}</div><div>
<p class="agency">${esc(agencyName)}</p>${x.unit ? `<p class="unit">${esc(x.unit.name)}</p>` : ''}<p class="code" aria-label="Mã đăng ký">${esc(x.display)}</p>
<p>Hạn dùng: ${formatDate(x.expiresAt)}${x.maxUses > 1 ? ` · dùng cho ${x.maxUses} người` : ''}${x.label ? ` · ${esc(x.label)}` : ''}</p>
${steps.map((step) => `<p class="how">${esc(step)}</p>`).join('')}</div></section>`,
    )
    .join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Mã đăng ký — ${esc(agencyName)}</title>
<style>${printStyle}</style></head><body>
<h1>Mã đăng ký tham gia “Mua nông sản trực tuyến” — ${esc(agencyName)}</h1>
<p class="noprint">${codes.length} mã còn dùng được. Bấm Ctrl+P để in, cắt theo đường chấm và phát cho từng người.</p>
${codes.length ? `<div class="grid">${cards}</div>` : '<p>Không có mã nào còn dùng được.</p>'}
</body></html>`;
}
