import { get, set } from 'idb-keyval';
import type { LeadingAccountRef } from '../../../lib/kiosk/guide';
import type { Device } from './device';

// The communes' leading accounts as the last roster pull brought them (names and ids only): a short list replaced
// whole each pull, so a small setting (idb-keyval) rather than a Dexie table.
const key = (deviceId: string) => `kiosk-leading-accounts-${deviceId}`;

export const saveLeadingAccounts = (device: Device, accounts: LeadingAccountRef[]) => set(key(device.id), accounts);

/** The leading accounts of one commune, by name; none before the first pull. */
export async function leadingAccountsOf(deviceId: string, communeCode: string): Promise<LeadingAccountRef[]> {
  const all = (await get<LeadingAccountRef[]>(key(deviceId))) ?? [];
  return all.filter((a) => a.communeCode === communeCode).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
