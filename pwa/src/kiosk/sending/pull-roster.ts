// Status changes and the commune roster (for duplicates) since the last pull; the communes' leading accounts.
import { get, set } from 'idb-keyval';
import { db } from '../db';
import { kioskCollector, type Device } from '../device';
import type { HouseholdsSince } from '../../../../lib/api/kiosk';
import { saveLeadingAccounts } from '../leading-accounts';

const cursorKey = (device: Device) => `kiosk-roster-cursor-${device.id}`;

export async function pullRoster(device: Device): Promise<void> {
  const since = (await get<string>(cursorKey(device))) ?? '';
  const { households, cursor, leadingAccounts } = await kioskCollector(device).get<HouseholdsSince>(`/api/kiosk/households?since=${encodeURIComponent(since)}`);
  await db.transaction('rw', db.roster, db.households, async () => {
    await db.roster.bulkPut(households);
    for (const h of households) await db.households.update(h.clientId, { status: h.status, shopUrl: h.shopUrl, serverId: h.serverId });
  });
  // A collector from before leading accounts sends none.
  await saveLeadingAccounts(device, leadingAccounts ?? []);
  await set(cursorKey(device), cursor);
}
