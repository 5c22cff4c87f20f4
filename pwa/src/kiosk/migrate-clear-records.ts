// Version 1 of the kiosk kept names, villages, notes, photos, signatures and the commune roster in clear (only
// phone and ID numbers were sealed, with the PIN's key itself). No key exists when the database is upgraded, so
// each officer's records are sealed anew at their first unlock after it, all in one transaction: a tablet
// switched off halfway keeps the old records and the old derivation (officers.ts `legacy`) and does it again.
import { get, del, set } from 'idb-keyval';
import { db, type ClearHouseholdRecordV1, type ClearPhotoRecordV1, type HouseholdRecord, type PhotoRecord } from './db';
import { loadDevice } from './device';
import { hashKeys, submittedPart } from './household-records';
import { seal, unseal, type OfficerKeys } from './pin-crypto';
import { sealRosterEntry } from './roster';
import { sealedPhoto } from './household-form/photos';
import { rosterCursorKey } from './sending/pull-roster';
import type { SubmittedHousehold } from '../../../lib/kiosk/household';

const isClearHousehold = (r: object): r is ClearHouseholdRecordV1 => 'plain' in r;
const isClearPhoto = (p: object): p is ClearPhotoRecordV1 => 'blob' in p;

/** Seals what version 1 left in clear of this officer's (and nobody's) records; returns how many records it sealed. */
export async function migrateClearRecords(officerId: string, legacyKey: CryptoKey, keys: OfficerKeys): Promise<number> {
  const all = (await db.households.toArray()) as (HouseholdRecord | ClearHouseholdRecordV1)[];
  const households = await Promise.all(all.filter((r): r is ClearHouseholdRecordV1 => r.officerId === officerId && isClearHousehold(r)).map((r) => sealHousehold(r, legacyKey, keys)));

  // Photos of this officer's households; a photo of no household at all (none can open it) is sealed by whoever comes first.
  const owners = new Map(all.map((r) => [r.clientId, r.officerId]));
  const clearPhotos = ((await db.photos.toArray()) as (PhotoRecord | ClearPhotoRecordV1)[]).filter((p): p is ClearPhotoRecordV1 => isClearPhoto(p) && (owners.get(p.householdId) ?? officerId) === officerId);
  const photos = await Promise.all(clearPhotos.map(({ blob, ...p }) => sealedPhoto(keys, p, blob)));

  // The shared clear roster becomes this officer's sealed copy; the others' copies fill from the collector.
  const roster = await db.roster.toArray();
  const rosters = await Promise.all(roster.map((e) => sealRosterEntry(keys, officerId, e)));

  await db.transaction('rw', db.households, db.photos, db.rosters, db.roster, async () => {
    await db.households.bulkPut(households);
    await db.photos.bulkPut(photos);
    await db.rosters.bulkPut(rosters);
    await db.roster.clear();
  });
  const device = await loadDevice();
  if (device && roster.length) {
    const cursor = await get<string>(`kiosk-roster-cursor-${device.id}`);
    if (cursor) await set(rosterCursorKey(device, officerId), cursor);
    await del(`kiosk-roster-cursor-${device.id}`);
  }
  return households.length + photos.length + rosters.length;
}

async function sealHousehold(r: ClearHouseholdRecordV1, legacyKey: CryptoKey, keys: OfficerKeys): Promise<HouseholdRecord> {
  const { plain, secret, shopUrl, ...meta } = r;
  // A part the old key cannot open was damaged on the tablet: the rest is kept, and the form asks for phone and ID again.
  const { phone, idNumber } = await unseal<{ phone: string; idNumber: string }>(legacyKey, secret).catch(() => ({ phone: '', idNumber: '' }));
  const household = submittedPart({ ...plain, phone, idNumber } as SubmittedHousehold);
  return { ...meta, sealed: await seal(keys.data, { household, shopUrl: shopUrl ?? null }), keyHashes: await hashKeys(keys, household) };
}
