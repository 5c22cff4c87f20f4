// Status changes and the commune roster (for duplicates) since the last pull.
import { get, set } from 'idb-keyval';
import { db } from '../db';
import { kioskCollector, type Device } from '../device';
import type { HouseholdsSince } from '../../../../lib/api/kiosk';

// v2: record codes came with issue 15; a tablet pulls the whole roster once more to learn every household's code.
const cursorKey = (device: Device) => `kiosk-roster-cursor-v2-${device.id}`;

export async function pullRoster(device: Device): Promise<void> {
  const since = (await get<string>(cursorKey(device))) ?? '';
  const { households, cursor } = await kioskCollector(device).get<HouseholdsSince>(`/api/kiosk/households?since=${encodeURIComponent(since)}`);
  await db.transaction('rw', db.roster, db.households, async () => {
    await db.roster.bulkPut(households);
    for (const h of households) await db.households.update(h.clientId, { status: h.status, shopUrl: h.shopUrl, serverId: h.serverId, 'plain.code': h.code });
  });
  await set(cursorKey(device), cursor);
}
