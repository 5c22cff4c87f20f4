import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import type { Db } from '../../db';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { loginRequest } from '../../../lib/api/public';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from '../../auth/passwords';
import { issueToken, revokeToken } from '../../auth/tokens';
import { requireRole, type AuthEnv } from '../../auth/require-role';
import { giveBack, limitsOf, spendTry } from '../../auth/rate-limit';
import { clientAddress } from '../../auth/client-address';

/** Sessions of the people who sign in to the dashboards and the kiosk: 12 hours, then sign in again. */
export const sessionTtlMs = 12 * 60 * 60 * 1000;

export function authRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.post('/login', body(loginRequest), async (c) => {
    const login = c.req.valid('json');
    const username = login.username.trim().toLowerCase();
    // Keyed on the address AND the account: ten wrong tries from one place block that place for that account only,
    // so a guesser cannot lock the province admin out; the address's own cap stops one password sprayed over many.
    const limits = limitsOf(db);
    const address = clientAddress(c);
    const tries: [typeof limits.loginAccount, string][] = [[limits.loginAccount, `${address}|${username}`], [limits.loginAddress, address]];
    await spendTry(...tries);
    const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    // An unknown or disabled user's password is checked against a dummy hash: the same work, the same time.
    const right = await verifyPassword(login.password, user && !user.disabled_at ? user.password_hash : await dummyHash());
    if (!user || user.disabled_at || !right) throw new Problem('401.2');
    await limits.loginAccount.delete(`${address}|${username}`);
    await giveBack(tries[1]);
    if (needsRehash(user.password_hash)) await db.updateTable('users').set({ password_hash: await hashPassword(login.password) }).where('id', '=', user.id).execute();
    const communes = await db.selectFrom('user_communes').select('commune_code').where('user_id', '=', user.id).execute();
    const { token, expiresAt } = await issueToken(db, { role: user.role, subjectId: user.id, agencyCode: user.agency_code }, sessionTtlMs);
    return c.json({
      token,
      expiresAt,
      user: { id: user.id, username: user.username, fullName: user.full_name, role: user.role, agencyCode: user.agency_code, agencyName: await agencyNameOf(db, user.agency_code), communeCodes: communes.map((x) => x.commune_code) },
    });
  });

  r.post('/logout', requireRole(db, 'province', 'agency', 'officer', 'agriculture'), async (c) => {
    await revokeToken(db, c.get('token'));
    return c.body(null, 204);
  });

  r.get('/me', requireRole(db, 'province', 'agency', 'officer', 'agriculture'), async (c) => {
    const p = c.get('principal');
    const user = await db.selectFrom('users').selectAll().where('id', '=', p.subjectId).executeTakeFirstOrThrow();
    const communes = await db.selectFrom('user_communes').select('commune_code').where('user_id', '=', user.id).execute();
    return c.json({ id: user.id, username: user.username, fullName: user.full_name, role: user.role, agencyCode: user.agency_code, agencyName: await agencyNameOf(db, user.agency_code), communeCodes: communes.map((x) => x.commune_code) });
  });

  return r;
}

/** An agency's full name for its code (null for the province and commune officers). */
async function agencyNameOf(db: Db, code: string | null): Promise<string | null> {
  if (!code) return null;
  return (await db.selectFrom('agencies').select('name').where('code', '=', code).executeTakeFirst())?.name ?? null;
}
