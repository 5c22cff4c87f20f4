import { randomInt, randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { hashToken, issueToken, slidingLifetimeMs } from '../auth/tokens';
import { Problem } from '../problem';
import { readableAlphabet as alphabet } from '../../lib/kiosk/record-code';
import { assignDevicePrefix } from './record-codes';
export const deviceCodeTtlMs = 30 * 60 * 1000;

/** A short single-use code ("KX7M-3QAT") an officer reads to the tablet; only its hash is stored. */
export async function createDeviceCode(db: Db, officerId: string, communeCodes: string[]) {
  const raw = Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('');
  const now = Date.now();
  const expiresAt = new Date(now + deviceCodeTtlMs).toISOString();
  await db
    .insertInto('kiosk_device_codes')
    .values({ code_hash: hashToken(raw), officer_id: officerId, commune_codes: communeCodes.join(','), created_at: new Date(now).toISOString(), expires_at: expiresAt, used_at: null })
    .execute();
  return { code: `${raw.slice(0, 4)}-${raw.slice(4)}`, expiresAt };
}

export const normaliseDeviceCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Spends a code: a new device scoped to the code's communes and its token (30 days, renewed while in use; revocable). */
export async function redeemDeviceCode(db: Db, code: string, deviceName: string) {
  const hash = hashToken(normaliseDeviceCode(code));
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('kiosk_device_codes').selectAll().where('code_hash', '=', hash).executeTakeFirst();
    if (!row || row.used_at || row.expires_at <= now) throw new Problem('404.50', { field: 'code' });
    const spent = await trx.updateTable('kiosk_device_codes').set({ used_at: now }).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) throw new Problem('404.50', { field: 'code' });
    const deviceId = randomUUID();
    const communes = row.commune_codes.split(',').filter(Boolean);
    await trx.insertInto('kiosk_devices').values({ id: deviceId, name: deviceName, enrolled_by: row.officer_id, created_at: now }).execute();
    const codePrefix = await assignDevicePrefix(trx, deviceId);
    if (communes.length) await trx.insertInto('kiosk_device_communes').values(communes.map((c) => ({ device_id: deviceId, commune_code: c }))).execute();
    const { token } = await issueToken(trx, { role: 'kiosk', subjectId: deviceId, agencyCode: null }, slidingLifetimeMs.kiosk!);
    return { token, deviceId, codePrefix, officerId: row.officer_id, communes };
  });
}
