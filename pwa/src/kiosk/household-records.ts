import { db, type HouseholdRecord, type HouseholdSecret } from './db';
import { blindIndex, seal, sha256Hex, unseal, type OfficerKeys } from './pin-crypto';
import { rosterMatches } from './roster';
import { findDuplicates, identityKeys, type KnownHousehold, type SubmittedHousehold } from '../../../lib/kiosk/household';

/** A household as the screens use it: opened, with its record's bookkeeping. */
export type Household = SubmittedHousehold & Omit<HouseholdRecord, 'sealed'> & { shopUrl: string | null };

export function emptyHousehold(officerName: string, communeCode: string, clientId: string = crypto.randomUUID()): SubmittedHousehold {
  return {
    clientId,
    code: null,
    communeCode,
    village: '',
    headName: '',
    phone: '',
    idNumber: '',
    marketplace: 'postmart',
    shopName: '',
    payment: 'postpay',
    hasPaymentAccount: false,
    products: [{ category: '', name: '' }],
    vietgap: null,
    vietgapIssuer: null,
    vietgapExpiresOn: null,
    ocopStars: null,
    traceability: null,
    traceabilityCode: null,
    notes: '',
    consent: false,
    registeredAt: '',
    officerName,
    guidedBy: null,
    leadingAccountId: null,
  };
}

const submittedFields = Object.keys(emptyHousehold('', '', '')) as (keyof SubmittedHousehold)[];

/** Only what is sent: a Household without the tablet's bookkeeping. */
export function submittedPart(h: SubmittedHousehold): SubmittedHousehold {
  return Object.fromEntries(submittedFields.map((f) => [f, h[f]])) as unknown as SubmittedHousehold;
}

/** The blind indexes of a household's phone and ID number (pin-crypto.ts `blindIndex`). */
export const hashKeys = (keys: OfficerKeys, h: Pick<SubmittedHousehold, 'phone' | 'idNumber'>) => Promise.all(identityKeys(h).map(async (k) => blindIndex(keys, await sha256Hex(k))));

/** Writes are chained so a fast typist's last keystroke is also the last one stored. */
let chain: Promise<unknown> = Promise.resolve();

/** Stores the household sealed whole; `shopUrl` (from the collector) is kept as it was unless given. */
export function saveHousehold(keys: OfficerKeys, officerId: string, h: SubmittedHousehold, patch: Partial<HouseholdRecord> & { shopUrl?: string | null } = {}): Promise<void> {
  const write = chain.then(async () => {
    // The record code is kept in clear beside the sealed household (db.ts), the rest sealed.
    const { code, ...household } = submittedPart(h);
    const existing = await db.households.get(h.clientId);
    const { shopUrl: givenShopUrl, ...recordPatch } = patch;
    const shopUrl = givenShopUrl !== undefined ? givenShopUrl : existing ? (await unseal<HouseholdSecret>(keys.data, existing.sealed)).shopUrl : null;
    const now = new Date().toISOString();
    const record: HouseholdRecord = {
      clientId: h.clientId,
      officerId,
      state: 'draft',
      signatureId: null,
      createdAt: now,
      attempts: 0,
      nextAttemptAt: 0,
      serverId: null,
      problem: null,
      status: null,
      ...existing,
      ...recordPatch,
      code: code ?? existing?.code ?? null,
      sealed: await seal(keys.data, { household, shopUrl } satisfies HouseholdSecret),
      keyHashes: await hashKeys(keys, household),
      updatedAt: now,
    };
    await db.households.put(record);
  });
  chain = write.catch(() => undefined);
  return write;
}

export async function openRecord(keys: OfficerKeys, r: HouseholdRecord): Promise<Household> {
  const { sealed, ...meta } = r;
  const { household, shopUrl } = await unseal<HouseholdSecret>(keys.data, sealed);
  return { ...household, ...meta, code: meta.code ?? null, shopUrl };
}

/** Every household of this officer, opened (newest first). */
export async function loadHouseholds(keys: OfficerKeys, officerId: string): Promise<Household[]> {
  const rows = await db.households.where('officerId').equals(officerId).toArray();
  const out = await Promise.all(rows.map((r) => openRecord(keys, r)));
  return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function deleteDraft(clientId: string): Promise<void> {
  await db.transaction('rw', db.households, db.photos, async () => {
    await db.photos.where('householdId').equals(clientId).delete();
    await db.households.delete(clientId);
  });
}

/**
 * Households sharing this one's phone or ID: this officer's on the tablet, or in their copy of the commune
 * roster. Another officer's households on this tablet have other keys: the roster, or the collector's own
 * check (409) when sending, catches those.
 */
export async function duplicatesOf(keys: OfficerKeys, officerId: string, h: SubmittedHousehold): Promise<{ field: 'phone' | 'idNumber'; name: string }[]> {
  const identity = identityKeys(h);
  const hashes = await hashKeys(keys, h);
  if (!hashes.length) return [];
  const local = (await db.households.where('keyHashes').anyOf(hashes).toArray()).filter((r) => r.officerId === officerId);
  const roster = await rosterMatches(keys, officerId, hashes);
  const known: KnownHousehold[] = [
    ...(await Promise.all(local.map(async (r) => ({ key: r.clientId, name: (await openRecord(keys, r)).headName, keys: r.keyHashes })))),
    ...roster.filter((r) => !local.some((l) => l.clientId === r.clientId)).map((r) => ({ key: r.clientId, name: r.headName, keys: r.keyHashes })),
  ];
  return findDuplicates(hashes, h.clientId, known, (hash) => (identity[hashes.indexOf(hash)].startsWith('phone:') ? 'phone' : 'idNumber'));
}
