// Each officer's sealed copy of the commune roster (the collector's households of the tablet's communes): for
// duplicates, search by name and village suggestions offline. Sealed with the officer's key, so each officer
// keeps their own copy; a new officer's copy fills at their first sync.
import { db, type HouseholdSecret, type RosterRecord, type RosterSecret } from './db';
import { blindIndex, seal, unseal, type OfficerKeys } from './pin-crypto';
import type { RosterEntry } from '../../../lib/api/kiosk';

export type RosterHousehold = Omit<RosterRecord, 'sealed'> & RosterSecret;

export async function sealRosterEntry(keys: OfficerKeys, officerId: string, e: RosterEntry): Promise<RosterRecord> {
  return {
    officerId,
    clientId: e.clientId,
    serverId: e.serverId,
    code: e.code,
    communeCode: e.communeCode,
    status: e.status,
    updatedAt: e.updatedAt,
    keyHashes: await Promise.all(e.keyHashes.map((h) => blindIndex(keys, h))),
    sealed: await seal(keys.data, { headName: e.headName, village: e.village, shopUrl: e.shopUrl } satisfies RosterSecret),
  };
}

const open = async (keys: OfficerKeys, r: RosterRecord): Promise<RosterHousehold> => {
  const { sealed, ...rest } = r;
  return { ...rest, ...(await unseal<RosterSecret>(keys.data, sealed)) };
};

/**
 * Stores what the collector sent (sealed), and brings this officer's own households up to date with it: status,
 * record code and shop address (sealed with the household).
 */
export async function storeRoster(keys: OfficerKeys, officerId: string, entries: RosterEntry[]): Promise<void> {
  const records = await Promise.all(entries.map((e) => sealRosterEntry(keys, officerId, e)));
  const mine = await db.households.where('clientId').anyOf(entries.map((e) => e.clientId)).and((r) => r.officerId === officerId).toArray();
  const updates = await Promise.all(
    mine.map(async (r) => {
      const e = entries.find((x) => x.clientId === r.clientId)!;
      const secret = await unseal<HouseholdSecret>(keys.data, r.sealed);
      return { clientId: r.clientId, changes: { status: e.status, serverId: e.serverId, code: e.code, sealed: await seal(keys.data, { ...secret, shopUrl: e.shopUrl } satisfies HouseholdSecret) } };
    }),
  );
  await db.transaction('rw', db.rosters, db.households, async () => {
    await db.rosters.bulkPut(records);
    for (const u of updates) await db.households.update(u.clientId, u.changes);
  });
}

/** The officer's roster copy, opened. */
export async function loadRoster(keys: OfficerKeys, officerId: string): Promise<RosterHousehold[]> {
  return Promise.all((await db.rosters.where('officerId').equals(officerId).toArray()).map((r) => open(keys, r)));
}

/** Roster households with any of these blind indexes. */
export async function rosterMatches(keys: OfficerKeys, officerId: string, hashes: string[]): Promise<RosterHousehold[]> {
  if (!hashes.length) return [];
  return Promise.all((await db.rosters.where('keyHashes').anyOf(hashes).distinct().toArray()).filter((r) => r.officerId === officerId).map((r) => open(keys, r)));
}

/** Villages of the commune in the officer's roster copy. */
export async function rosterVillages(keys: OfficerKeys, officerId: string, communeCode: string): Promise<string[]> {
  const rows = await db.rosters.where('[officerId+communeCode]').equals([officerId, communeCode]).toArray();
  return Promise.all(rows.map(async (r) => (await open(keys, r)).village));
}
