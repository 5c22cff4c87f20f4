/**
 * Enrolment codes an agency focal point gives its staff (agency token; only its own agency). Routes:
 *   POST /api/agency/enrolment-codes              {count 1–500, maxUses? 1–1000 (1), validDays? 1–180 (30), label?}
 *                                                 → 201 {codes:[EnrolmentCodeView]} each with `display` "ABCD-EFGH" and `qrSvg`
 *   GET  /api/agency/enrolment-codes?qr=1         → {codes:[EnrolmentCodeView]} newest first; `state` active|expired|revoked|used-up
 *   POST /api/agency/enrolment-codes/:code/revoke → the code, now revoked (staff already enrolled stay enrolled)
 */
import { Hono } from 'hono';
import { renderSVG } from 'uqr';
import type { Selectable } from 'kysely';
import type { AppDeps } from '../app';
import { formatEnrolmentCode, normalizeEnrolmentCode } from '../../lib/enrolment-code';
import type { EnrolmentCodeTable } from '../db/schema-staff';
import { Problem, readJson } from '../problem';
import { requireRole, type AuthEnv } from '../auth/require-role';
import { generateEnrolmentCode } from '../staff/enrolment';

export function agencyCodeRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();
  r.use('*', requireRole(db, 'agency'));

  r.post('/', async (c) => {
    const b = (await readJson(c.req.raw)) as Record<string, unknown> | null;
    const count = intIn(b?.count, 1, 500, 'count', 1);
    const maxUses = intIn(b?.maxUses, 1, 1000, 'maxUses', 1);
    const validDays = intIn(b?.validDays, 1, 180, 'validDays', 30);
    if (b?.label !== undefined && b.label !== null && (typeof b.label !== 'string' || b.label.length > 120)) throw new Problem('400.2', { field: 'label' });
    const label = typeof b?.label === 'string' ? b.label.normalize('NFC').trim() || null : null;
    const p = c.get('principal');
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
    }));
    // A collision among 8.5·10^11 codes is vanishingly rare; skip it rather than fail the batch.
    for (let i = 0; i < rows.length; i += 200) await db.insertInto('enrolment_codes').values(rows.slice(i, i + 200)).onConflict((oc) => oc.column('code').doNothing()).execute();
    const stored = await db.selectFrom('enrolment_codes').selectAll().where('code', 'in', rows.map((x) => x.code)).where('agency_code', '=', p.agencyCode!).execute();
    return c.json({ codes: stored.map((x) => view(x, true)) }, 201);
  });

  r.get('/', async (c) => {
    const rows = await db.selectFrom('enrolment_codes').selectAll().where('agency_code', '=', c.get('principal').agencyCode!).orderBy('created_at', 'desc').orderBy('code').limit(5000).execute();
    return c.json({ codes: rows.map((x) => view(x, c.req.query('qr') === '1')) });
  });

  r.post('/:code/revoke', async (c) => {
    const code = normalizeEnrolmentCode(c.req.param('code'));
    const agency = c.get('principal').agencyCode!;
    const row = code ? await db.selectFrom('enrolment_codes').selectAll().where('code', '=', code).where('agency_code', '=', agency).executeTakeFirst() : undefined;
    if (!row) throw new Problem('404.1', { field: 'code' });
    const revokedAt = row.revoked_at ?? new Date().toISOString();
    await db.updateTable('enrolment_codes').set({ revoked_at: revokedAt }).where('code', '=', row.code).execute();
    return c.json(view({ ...row, revoked_at: revokedAt }, false));
  });

  return r;
}

function view(x: Selectable<EnrolmentCodeTable>, withQr: boolean) {
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
    ...(withQr ? { qrSvg: renderSVG(formatEnrolmentCode(x.code), { border: 2, pixelSize: 4 }) } : {}),
  };
}

function intIn(v: unknown, min: number, max: number, field: string, fallback: number): number {
  if (v === undefined || v === null) return fallback;
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) throw new Problem('400.2', { field, detail: `Từ ${min} đến ${max}.` });
  return v as number;
}
