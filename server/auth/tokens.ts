import { createHash, randomBytes } from 'node:crypto';
import { CompiledQuery, PostgresAdapter, type QueryResult, type Selectable } from 'kysely';
import type { Db } from '../db';
import type { TokenRole, TokenTable } from '../db/schema';
import { prepared } from '../db/prepared';

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
 *
 * It runs before every authenticated request: plain statements, their texts built once (Kysely's builders cost more
 * than the reads). On PostgreSQL the renewal rides in the lookup's statement (a WITH clause that writes only when the
 * token is due, its new expiry worked out there), one round trip; SQLite, in process, runs it after the lookup only
 * when it is due. The renewal's dates are made only for a token that is due (once a day), not on every request.
 */
export async function principalOf(db: Db, token: string): Promise<Principal | 'revoked' | null> {
  const hash = hashToken(token);
  const now = Date.now();
  const nowText = new Date(now).toISOString();
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const { rows } = await db.executeQuery<TokenRow>(CompiledQuery.raw(postgres ? lookupAndRenew : lookup, postgres ? [hash, nowText] : [hash]));
  const row = rows[0];
  const principal = principalIn(row, nowText);
  if (!principal || principal === 'revoked') return principal;
  const lifetime = slidingLifetimeMs[row.role];
  if (!postgres && lifetime && (!row.expires_at || Date.parse(row.expires_at) < now + lifetime - day)) await db.executeQuery(CompiledQuery.raw(renew, renewalOf(hash, now)));
  return principal;
}

/**
 * principalOf on PostgreSQL, by the token's hash, on the connection a request keeps for its work
 * (server/auth/one-connection.ts), without holding that connection while the lookup is answered. Kysely runs one statement at a time on a connection it lends,
 * so the lookup is handed to the connection itself and not waited for there: the statements the request asks next go
 * in the same write (server/db/prepared.ts) and the answers come back together.
 */
export async function principalAlongside(conn: Db, tokenHash: string): Promise<Principal | 'revoked' | null> {
  const nowText = new Date().toISOString();
  let answer!: Promise<QueryResult<TokenRow>>;
  await conn.getExecutor().provideConnection(async (connection) => {
    answer = connection.executeQuery<TokenRow>(CompiledQuery.raw(lookupAndRenew, [tokenHash, nowText]));
  });
  return principalIn((await answer).rows[0], nowText);
}

/** What a token's row says at `nowText`: its principal; 'revoked' for a revoked tablet or person; null otherwise. */
function principalIn(row: TokenRow | undefined, nowText: string): Principal | 'revoked' | null {
  if (row?.revoked_at && (row.role === 'kiosk' || row.role === 'staff')) return 'revoked';
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= nowText)) return null;
  return { role: row.role, subjectId: row.subject_id, agencyCode: row.agency_code };
}

type TokenRow = Pick<Selectable<TokenTable>, 'role' | 'subject_id' | 'agency_code' | 'expires_at' | 'revoked_at'>;
const slidingRoles = Object.entries(slidingLifetimeMs) as [TokenRole, number][];
const byRole = `case role ${slidingRoles.map(([role]) => `when '${role}' then ?`).join(' ')} end`;
const lookup = 'select role, subject_id, agency_code, expires_at, revoked_at from tokens where token_hash = ?';
/**
 * Renewed at most once a day: one write per device per day, not one per request. A token of a sliding role, neither
 * revoked nor expired, whose expiry is less than its lifetime less a day away (or unset), gets its full lifetime again.
 * Parameters (renewalOf): the new expiry of each sliding role, the token's hash, now, the expiry below which each
 * role is due.
 */
const renew =
  `update tokens set expires_at = ${byRole} where token_hash = ? and revoked_at is null and role in (${slidingRoles.map(([role]) => `'${role}'`).join(', ')}) ` +
  `and (expires_at is null or (expires_at > ? and expires_at < ${byRole}))`;
const renewalOf = (hash: string, now: number) => [
  ...slidingRoles.map(([, lifetime]) => new Date(now + lifetime).toISOString()),
  hash,
  new Date(now).toISOString(),
  ...slidingRoles.map(([, lifetime]) => new Date(now + lifetime - day).toISOString()),
];
/**
 * PostgreSQL: the lookup and the renewal in one statement, with the token's hash ($1) and now ($2, as toISOString
 * writes it) only; the lookup reads the row as it was before. The renewal's dates are worked out by the statement
 * (so only for a row it renews or checks) and written as toISOString writes them (UTC, milliseconds), so they compare
 * as text with the ones written here. Lifetimes in seconds: a day is 86.400 s whatever the server's time zone.
 */
const lookupAndRenew = (() => {
  const isoText = (ms: (lifetime: number) => number) =>
    `to_char(($2::text::timestamptz + case role ${slidingRoles.map(([role, lifetime]) => `when '${role}' then interval '${ms(lifetime) / 1000} seconds'`).join(' ')} end) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const renewed =
    `update tokens set expires_at = ${isoText((lifetime) => lifetime)} where token_hash = $1 and revoked_at is null and role in (${slidingRoles.map(([role]) => `'${role}'`).join(', ')}) ` +
    `and (expires_at is null or (expires_at > $2::text and expires_at < ${isoText((lifetime) => lifetime - day)}))`;
  return prepared(`with renewed as (${renewed}) ${lookup.replace('?', '$1')}`);
})();

export async function revokeToken(db: Db, token: string): Promise<void> {
  await db.updateTable('tokens').set({ revoked_at: new Date().toISOString() }).where('token_hash', '=', hashToken(token)).execute();
}

/** Revoke every token of a subject (a disabled account, a lost tablet). */
export async function revokeAllTokens(db: Db, role: TokenRole, subjectId: string): Promise<void> {
  await db.updateTable('tokens').set({ revoked_at: new Date().toISOString() }).where('role', '=', role).where('subject_id', '=', subjectId).where('revoked_at', 'is', null).execute();
}
