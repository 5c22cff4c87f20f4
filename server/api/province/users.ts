/**
 * Accounts the province creates: agency focal points and commune officers (province token). Routes:
 *   GET   /api/province/users      → {users:[{id, username, fullName, role, agencyCode, agencyName, communeCodes, districtCode, createdAt, disabled}]}
 *   POST  /api/province/users      {username, fullName, password (≥ 10), role:'agency'|'officer'|'province'|'agriculture'|'district', agencyCode? (agency), communeCodes? (officer), districtCode? (district)}
 *                                  → 201 the user; 409.11 username taken
 *   PATCH /api/province/users/:id  {fullName?, password?, communeCodes?, disabled?} → the user; disabling or a new password signs them out everywhere;
 *                                  disabling an officer revokes every tablet they enrolled, new communes narrow those tablets to them
 */
import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../app';
import type { Db } from '../../db';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { communeCodesMessage, newUserRequest, userPatchRequest } from '../../../lib/api/province';
import type { AuthEnv } from '../../auth/require-role';
import { hashPassword, passwordProblem } from '../../auth/passwords';
import { revokeAllTokens } from '../../auth/tokens';
import { narrowDevicesOf, revokeDevicesOf } from '../../kiosk/devices';

export function provinceUserRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/', async (c) => c.json({ users: await userViews(db) }));

  r.post('/', body(newUserRequest), async (c) => {
    const b = c.req.valid('json');
    const { username, fullName, role } = b;
    const password = passwordOf(b.password);
    let agencyCode: string | null = null;
    if (role === 'agency') {
      const agency = b.agencyCode ? await db.selectFrom('agencies').select('code').where('code', '=', b.agencyCode).executeTakeFirst() : undefined;
      if (!agency) throw new Problem('400.2', { field: 'agencyCode', detail: 'Chọn cơ quan của cán bộ đầu mối.' });
      agencyCode = agency.code;
    }
    const communes = role === 'officer' ? await communesOf(db, b.communeCodes) : [];
    let districtCode: string | null = null;
    if (role === 'district') {
      const district = b.districtCode ? await db.selectFrom('districts').select('code').where('code', '=', b.districtCode).executeTakeFirst() : undefined;
      if (!district) throw new Problem('400.2', { field: 'districtCode', detail: 'Chọn huyện của tài khoản.' });
      districtCode = district.code;
    }
    if (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) throw new Problem('409.11', { field: 'username' });
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values({ id, username, password_hash: await hashPassword(password), role, full_name: fullName, agency_code: agencyCode, created_at: new Date().toISOString(), disabled_at: null }).execute();
      if (communes.length) await trx.insertInto('user_communes').values(communes.map((commune_code) => ({ user_id: id, commune_code }))).execute();
      if (districtCode) await trx.insertInto('user_districts').values({ user_id: id, district_code: districtCode }).execute();
    });
    return c.json((await userViews(db, id))[0], 201);
  });

  r.patch('/:id', body(userPatchRequest), async (c) => {
    const id = c.req.param('id');
    const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!user) throw new Problem('404.1');
    const b = c.req.valid('json');
    if (b.fullName !== undefined) await db.updateTable('users').set({ full_name: b.fullName }).where('id', '=', id).execute();
    if (b.password !== undefined) {
      await db.updateTable('users').set({ password_hash: await hashPassword(passwordOf(b.password)) }).where('id', '=', id).execute();
      await revokeAllTokens(db, user.role, id);
    }
    if (b.communeCodes !== undefined) {
      if (user.role !== 'officer') throw new Problem('400.2', { field: 'communeCodes', detail: 'Chỉ cán bộ xã mới gắn với xã.' });
      const communes = await communesOf(db, b.communeCodes);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('user_communes').where('user_id', '=', id).execute();
        await trx.insertInto('user_communes').values(communes.map((commune_code) => ({ user_id: id, commune_code }))).execute();
        await narrowDevicesOf(trx, id, communes);
      });
    }
    if (b.disabled !== undefined) {
      if (b.disabled && id === c.get('principal').subjectId) throw new Problem('400.2', { field: 'disabled', detail: 'Không thể tự khóa tài khoản đang dùng.' });
      await db.updateTable('users').set({ disabled_at: b.disabled ? user.disabled_at ?? new Date().toISOString() : null }).where('id', '=', id).execute();
      if (b.disabled) {
        await revokeAllTokens(db, user.role, id);
        await revokeDevicesOf(db, id);
      }
    }
    return c.json((await userViews(db, id))[0]);
  });

  return r;
}

/** How strong a password must be is the collector's own rule (the schema only says it is text). */
function passwordOf(password: string): string {
  const weak = passwordProblem(password);
  if (weak) throw new Problem('400.2', { field: 'password', detail: weak });
  return password;
}

/** An officer's communes: the list's shape is the schema's (lib/api/province.ts); that each code exists is the database's. */
async function communesOf(db: Db, listed: string[] | undefined): Promise<string[]> {
  if (!listed?.length || listed.length > 50) throw new Problem('400.2', { field: 'communeCodes', detail: communeCodesMessage });
  const codes = [...new Set(listed)];
  const found = await db.selectFrom('communes').select('code').where('code', 'in', codes).execute();
  if (found.length !== codes.length) throw new Problem('400.2', { field: 'communeCodes', detail: 'Có mã xã không có trong danh mục.' });
  return codes;
}

async function userViews(db: Db, id?: string) {
  let q = db
    .selectFrom('users')
    .leftJoin('agencies', 'agencies.code', 'users.agency_code')
    .select(['users.id', 'users.username', 'users.full_name', 'users.role', 'users.agency_code', 'agencies.name as agency_name', 'users.created_at', 'users.disabled_at'])
    .orderBy('users.role')
    .orderBy('users.username');
  if (id) q = q.where('users.id', '=', id);
  const users = await q.execute();
  const links = await db.selectFrom('user_communes').selectAll().execute();
  const districts = new Map((await db.selectFrom('user_districts').selectAll().execute()).map((d) => [d.user_id, d.district_code]));
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role,
    agencyCode: u.agency_code,
    agencyName: u.agency_name ?? null,
    communeCodes: links.filter((l) => l.user_id === u.id).map((l) => l.commune_code),
    districtCode: districts.get(u.id) ?? null,
    createdAt: u.created_at,
    disabled: u.disabled_at !== null,
  }));
}
