import { db, type HouseholdPlain, type HouseholdRecord, type HouseholdSecret } from './db';
import { seal, sha256Hex, unseal } from './pin-crypto';
import { findDuplicates, identityKeys, type KnownHousehold, type SubmittedHousehold } from '../../../lib/kiosk/household';

/** A household as the screens use it: decrypted, with its record's bookkeeping. */
export type Household = SubmittedHousehold & Omit<HouseholdRecord, 'plain' | 'secret'>;

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
    ocopStars: null,
    traceability: null,
    notes: '',
    consent: false,
    registeredAt: '',
    officerName,
  };
}

const submittedFields = Object.keys(emptyHousehold('', '', '')) as (keyof SubmittedHousehold)[];

/** Only what is sent: a Household without the tablet's bookkeeping. */
export function submittedPart(h: SubmittedHousehold): SubmittedHousehold {
  return Object.fromEntries(submittedFields.map((f) => [f, h[f]])) as unknown as SubmittedHousehold;
}

export const hashKeys = (h: Pick<SubmittedHousehold, 'phone' | 'idNumber'>) => Promise.all(identityKeys(h).map(sha256Hex));

/** Writes are chained so a fast typist's last keystroke is also the last one stored. */
let chain: Promise<unknown> = Promise.resolve();

export function saveHousehold(key: CryptoKey, officerId: string, h: SubmittedHousehold, patch: Partial<HouseholdRecord> = {}): Promise<void> {
  const write = chain.then(async () => {
    const { phone, idNumber, ...plain } = submittedPart(h);
    const existing = await db.households.get(h.clientId);
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
      shopUrl: null,
      ...existing,
      ...patch,
      plain: plain as HouseholdPlain,
      secret: await seal(key, { phone, idNumber } satisfies HouseholdSecret),
      keyHashes: await hashKeys({ phone, idNumber }),
      updatedAt: now,
    };
    await db.households.put(record);
  });
  chain = write.catch(() => undefined);
  return write;
}

export async function openRecord(key: CryptoKey, r: HouseholdRecord): Promise<Household> {
  const { plain, secret, ...meta } = r;
  const s = await unseal<HouseholdSecret>(key, secret);
  return { ...plain, ...s, ...meta };
}

/** Every household of this officer, decrypted (newest first). */
export async function loadHouseholds(key: CryptoKey, officerId: string): Promise<Household[]> {
  const rows = await db.households.where('officerId').equals(officerId).toArray();
  const out = await Promise.all(rows.map((r) => openRecord(key, r)));
  return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function deleteDraft(clientId: string): Promise<void> {
  await db.transaction('rw', db.households, db.photos, async () => {
    await db.photos.where('householdId').equals(clientId).delete();
    await db.households.delete(clientId);
  });
}

/** Households sharing this one's phone or ID: on this tablet (any officer) or in the commune roster. */
export async function duplicatesOf(h: SubmittedHousehold): Promise<{ field: 'phone' | 'idNumber'; name: string }[]> {
  const keys = identityKeys(h);
  const hashes = await Promise.all(keys.map(sha256Hex));
  if (!hashes.length) return [];
  const local = await db.households.where('keyHashes').anyOf(hashes).toArray();
  const roster = await db.roster.where('keyHashes').anyOf(hashes).toArray();
  const known: KnownHousehold[] = [
    ...local.map((r) => ({ key: r.clientId, name: r.plain.headName, keys: r.keyHashes })),
    ...roster.filter((r) => !local.some((l) => l.clientId === r.clientId)).map((r) => ({ key: r.clientId, name: r.headName, keys: r.keyHashes })),
  ];
  return findDuplicates(hashes, h.clientId, known, (hash) => (keys[hashes.indexOf(hash)].startsWith('phone:') ? 'phone' : 'idNumber'));
}
