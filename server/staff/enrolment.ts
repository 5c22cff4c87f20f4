import { randomInt } from 'node:crypto';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { codeAlphabet, codeLength } from '../../lib/enrolment-code';
import type { Db } from '../db';
import type { StaffMe } from '../../lib/api/staff';
import { Problem } from '../problem';
import { listPeriods } from '../periods';

/** A fresh random code (31^8 ≈ 8.5·10^11 possibilities; guessing is rate-limited). */
export function generateEnrolmentCode(): string {
  let s = '';
  for (let i = 0; i < codeLength; i++) s += codeAlphabet[randomInt(codeAlphabet.length)];
  return s;
}

/** A code that may still be used to enrol, with its agency; undefined when unknown, expired or revoked. */
export async function usableCode(db: Db, code: string) {
  const row = await db
    .selectFrom('enrolment_codes')
    .innerJoin('agencies', 'agencies.code', 'enrolment_codes.agency_code')
    .select(['enrolment_codes.code', 'enrolment_codes.agency_code', 'enrolment_codes.expires_at', 'enrolment_codes.revoked_at', 'enrolment_codes.max_uses', 'enrolment_codes.used_count', 'agencies.name as agency_name', 'agencies.active'])
    .where('enrolment_codes.code', '=', code)
    .executeTakeFirst();
  if (!row || row.revoked_at || row.expires_at <= new Date().toISOString() || !Number(row.active)) return undefined;
  return row;
}

/**
 * The caller's address for rate limiting: the socket's peer, not a header a client could forge — unless
 * TRUST_PROXY=1 says the collector sits behind a reverse proxy that sets X-Forwarded-For (otherwise every
 * caller would share the proxy's address and one person's typos would lock out the province).
 */
export function clientIp(c: Context): string {
  const forwarded = process.env.TRUST_PROXY === '1' ? c.req.header('X-Forwarded-For')?.split(',')[0]?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Who an enrolled person is, for the extension (GET /api/staff/me and the enrolment answer). */
export async function staffMe(db: Db, staffId: string): Promise<StaffMe> {
  const row = await db
    .selectFrom('staff')
    .innerJoin('agencies', 'agencies.code', 'staff.agency_code')
    .select(['staff.id', 'staff.full_name', 'agencies.code', 'agencies.name'])
    .where('staff.id', '=', staffId)
    .executeTakeFirst();
  if (!row) throw new Problem('401.1');
  return { staff: { id: row.id, fullName: row.full_name }, agency: { code: row.code, name: row.name }, periods: await listPeriods(db) };
}
