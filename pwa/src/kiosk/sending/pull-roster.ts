// Status changes and the commune roster (for duplicates) since this officer's last pull, into their sealed copy;
// the communes' leading accounts (names the province publishes, kept in clear).
import { get, set } from 'idb-keyval';
import { kioskCollector, type Device } from '../device';
import { storeRoster } from '../roster';
import type { OfficerKeys } from '../pin-crypto';
import type { HouseholdsSince } from '../../../../lib/api/kiosk';
import { saveLeadingAccounts } from '../leading-accounts';

/**
 * Each officer's copy has its own cursor: a new officer's copy starts from the beginning. v2: record codes came
 * with issue 15; every copy is pulled whole once more to learn each household's code.
 */
const rosterCursorKey = (device: Device | { id: string }, officerId: string) => `kiosk-roster-cursor-v2-${device.id}-${officerId}`;

export async function pullRoster(device: Device, keys: OfficerKeys, officerId: string): Promise<void> {
  const since = (await get<string>(rosterCursorKey(device, officerId))) ?? '';
  const { households, cursor, leadingAccounts } = await kioskCollector(device).get<HouseholdsSince>(`/api/kiosk/households?since=${encodeURIComponent(since)}`);
  await storeRoster(keys, officerId, households);
  // A collector from before leading accounts sends none.
  await saveLeadingAccounts(device, leadingAccounts ?? []);
  await set(rosterCursorKey(device, officerId), cursor);
}
