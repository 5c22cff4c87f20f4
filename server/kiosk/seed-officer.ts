import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { hashPassword } from '../auth/passwords';

/**
 * Creates a commune officer with their communes, as the province's user screens do; for tests, benches and
 * first setups before those screens exist.
 */
export async function seedOfficer(db: Db, o: { username: string; password: string; fullName: string; communes: string[] }): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({ id, username: o.username, password_hash: await hashPassword(o.password), role: 'officer', full_name: o.fullName, agency_code: null, created_at: new Date().toISOString(), disabled_at: null })
    .execute();
  if (o.communes.length) await db.insertInto('user_communes').values(o.communes.map((c) => ({ user_id: id, commune_code: c }))).execute();
  return id;
}
