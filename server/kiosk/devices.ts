import type { Db } from '../db';
import { revokeAllTokens } from '../auth/tokens';
import type { KioskDeviceView } from '../../lib/api/kiosk';

/** Enrolled tablets, newest first: one officer's (the ones they enrolled) or, with null, every commune's. */
export async function listDevices(db: Db, officerId: string | null): Promise<KioskDeviceView[]> {
  let q = db
    .selectFrom('kiosk_devices')
    .innerJoin('users', 'users.id', 'kiosk_devices.enrolled_by')
    .select(['kiosk_devices.id', 'kiosk_devices.name', 'kiosk_devices.created_at', 'kiosk_devices.revoked_at', 'users.id as officer_id', 'users.full_name'])
    .orderBy('kiosk_devices.created_at', 'desc');
  if (officerId) q = q.where('kiosk_devices.enrolled_by', '=', officerId);
  const devices = await q.execute();
  if (!devices.length) return [];
  const ids = devices.map((d) => d.id);
  const communes = await db.selectFrom('kiosk_device_communes').selectAll().where('device_id', 'in', ids).orderBy('commune_code').execute();
  const now = new Date().toISOString();
  const tokens = await db.selectFrom('tokens').select(['subject_id', 'expires_at']).where('role', '=', 'kiosk').where('subject_id', 'in', ids).where('revoked_at', 'is', null).where('expires_at', '>', now).execute();
  return devices.map((d) => ({
    id: d.id,
    name: d.name,
    enrolledBy: { id: d.officer_id, fullName: d.full_name },
    createdAt: d.created_at,
    revokedAt: d.revoked_at,
    expiresAt: tokens.filter((t) => t.subject_id === d.id).map((t) => t.expires_at!).sort().at(-1) ?? null,
    communeCodes: communes.filter((c) => c.device_id === d.id).map((c) => c.commune_code),
  }));
}

/** A lost tablet, or one whose officer left: its token stops now; what it already sent stays. */
export async function revokeDevice(db: Db, deviceId: string): Promise<void> {
  // The token first: if the second write fails, the tablet is already cut off and the revoke can be repeated.
  await revokeAllTokens(db, 'kiosk', deviceId);
  await db.updateTable('kiosk_devices').set({ revoked_at: new Date().toISOString() }).where('id', '=', deviceId).where('revoked_at', 'is', null).execute();
}

/** An officer disabled: every tablet they enrolled stops at once. */
export async function revokeDevicesOf(db: Db, officerId: string): Promise<void> {
  const devices = await db.selectFrom('kiosk_devices').select('id').where('enrolled_by', '=', officerId).where('revoked_at', 'is', null).execute();
  for (const d of devices) await revokeDevice(db, d.id);
}

/**
 * An officer's communes changed: each of their tablets keeps only the communes the officer still has; a tablet left
 * with none is revoked.
 */
export async function narrowDevicesOf(db: Db, officerId: string, communes: string[]): Promise<void> {
  const devices = await db.selectFrom('kiosk_devices').select('id').where('enrolled_by', '=', officerId).where('revoked_at', 'is', null).execute();
  for (const d of devices) {
    await db.deleteFrom('kiosk_device_communes').where('device_id', '=', d.id).where('commune_code', 'not in', communes).execute();
    const left = await db.selectFrom('kiosk_device_communes').select('commune_code').where('device_id', '=', d.id).executeTakeFirst();
    if (!left) await revokeDevice(db, d.id);
  }
}
