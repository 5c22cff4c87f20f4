import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db';
import type { TokenRole } from '../db/schema';

/** Opaque bearer tokens: 32 random bytes given to the client once; only their SHA-256 is stored. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface Principal {
  role: TokenRole;
  /** users.id for province/agency/officer; the staff or kiosk device id otherwise. */
  subjectId: string;
  agencyCode: string | null;
}

export async function issueToken(db: Db, principal: Principal, ttlMs: number | null): Promise<{ token: string; expiresAt: string | null }> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const expiresAt = ttlMs === null ? null : new Date(now + ttlMs).toISOString();
  await db
    .insertInto('tokens')
    .values({
      token_hash: hashToken(token),
      role: principal.role,
      subject_id: principal.subjectId,
      agency_code: principal.agencyCode,
      created_at: new Date(now).toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return { token, expiresAt };
}

const day = 86_400_000;

/**
 * Tokens of devices that stay enrolled (a commune tablet, a civil servant's extension) slide: each use pushes the
 * expiry out again, so a device in use never has to re-enrol and one left in a drawer stops by itself.
 */
export const slidingLifetimeMs: Partial<Record<TokenRole, number>> = { kiosk: 30 * day, staff: 180 * day };

/**
 * The principal behind a token; 'revoked' for a tablet or person someone revoked (so the device can say so and
 * ask to be enrolled again); null when unknown, expired or signed out.
 */
export async function principalOf(db: Db, token: string): Promise<Principal | 'revoked' | null> {
  const hash = hashToken(token);
  const row = await db.selectFrom('tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  const now = Date.now();
  if (row?.revoked_at && (row.role === 'kiosk' || row.role === 'staff')) return 'revoked';
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= new Date(now).toISOString())) return null;
  const lifetime = slidingLifetimeMs[row.role];
  // Renewed at most once a day: one write per device per day, not one per request.
  if (lifetime && (!row.expires_at || row.expires_at < new Date(now + lifetime - day).toISOString()))
    await db.updateTable('tokens').set({ expires_at: new Date(now + lifetime).toISOString() }).where('token_hash', '=', hash).where('revoked_at', 'is', null).execute();
  return { role: row.role, subjectId: row.subject_id, agencyCode: row.agency_code };
}

export async function revokeToken(db: Db, token: string): Promise<void> {
  await db.updateTable('tokens').set({ revoked_at: new Date().toISOString() }).where('token_hash', '=', hashToken(token)).execute();
}

/** Revoke every token of a subject (a disabled account, a lost tablet). */
export async function revokeAllTokens(db: Db, role: TokenRole, subjectId: string): Promise<void> {
  await db.updateTable('tokens').set({ revoked_at: new Date().toISOString() }).where('role', '=', role).where('subject_id', '=', subjectId).where('revoked_at', 'is', null).execute();
}
