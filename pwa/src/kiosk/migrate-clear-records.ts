// Version 1 of the kiosk kept names, villages, notes, photos, signatures and the commune roster in clear (only
// phone and ID numbers were sealed, with the PIN's key itself). No key exists when the database is upgraded, so
// each officer's records are sealed anew at their first unlock after it: households and the roster in one
// transaction, then photos a few at a time (a tablet's day of photos would not fit in memory at once). Each record
// says by its shape whether it is sealed yet, and the officer keeps the old derivation (officers.ts `legacy`) until
// all are: a tablet switched off halfway does the rest at the next unlock and loses nothing.
import { del } from 'idb-keyval';
import { db, type ClearHouseholdRecordV1, type ClearPhotoRecordV1, type HouseholdRecord, type PhotoRecord } from './db';
import { loadDevice } from './device';
import { hashKeys, submittedPart } from './household-records';
import { seal, unseal, type OfficerKeys } from './pin-crypto';
import { sealRosterEntry } from './roster';
import { sealedPhoto } from './household-form/photos';
import type { SubmittedHousehold } from '../../../lib/kiosk/household';

const isClearHousehold = (r: object): r is ClearHouseholdRecordV1 => 'plain' in r;
const isClearPhoto = (p: object): p is ClearPhotoRecordV1 => 'blob' in p;
/** Photos read, sealed and written together: a few megabytes. */
const photosAtOnce = 8;

/** Seals what version 1 left in clear of this officer's (and nobody's) records; returns how many records it sealed. */
export async function migrateClearRecords(officerId: string, legacyKey: CryptoKey, keys: OfficerKeys): Promise<number> {
  const all = (await db.households.toArray()) as (HouseholdRecord | ClearHouseholdRecordV1)[];
  const households = await Promise.all(all.filter((r): r is ClearHouseholdRecordV1 => r.officerId === officerId && isClearHousehold(r)).map((r) => sealHousehold(r, legacyKey, keys)));

  // The shared clear roster becomes this officer's sealed copy; the others' copies fill from the collector.
  const roster = await db.roster.toArray();
  const rosters = await Promise.all(roster.map((e) => sealRosterEntry(keys, officerId, e)));

  await db.transaction('rw', db.households, db.rosters, db.roster, async () => {
    await db.households.bulkPut(households);
    await db.rosters.bulkPut(rosters);
    await db.roster.clear();
  });

  // The copy holds what the shared roster held, but not every household's record code (codes came after it): its
  // cursor starts afresh (sending/pull-roster.ts), so the next sync pulls the roster whole once and learns them.
  const device = await loadDevice();
  if (device) {
    await del(`kiosk-roster-cursor-${device.id}`);
    await del(`kiosk-roster-cursor-v2-${device.id}`);
  }

  // Photos of this officer's households; a photo of no household at all (none can open it) is sealed by whoever comes first.
  const owners = new Map(all.map((r) => [r.clientId, r.officerId]));
  const clearPhotoIds: string[] = [];
  await db.photos.each((p: PhotoRecord | ClearPhotoRecordV1) => void (isClearPhoto(p) && (owners.get(p.householdId) ?? officerId) === officerId && clearPhotoIds.push(p.id)));
  for (let i = 0; i < clearPhotoIds.length; i += photosAtOnce) {
    const clear = (await db.photos.bulkGet(clearPhotoIds.slice(i, i + photosAtOnce))) as (ClearPhotoRecordV1 | undefined)[];
    const sealed = await Promise.all(clear.filter((p): p is ClearPhotoRecordV1 => !!p && isClearPhoto(p)).map(({ blob, ...p }) => sealedPhoto(keys, p, blob)));
    await db.photos.bulkPut(sealed);
  }

  return households.length + clearPhotoIds.length + rosters.length;
}

async function sealHousehold(r: ClearHouseholdRecordV1, legacyKey: CryptoKey, keys: OfficerKeys): Promise<HouseholdRecord> {
  const { plain, secret, shopUrl, ...meta } = r;
  // A part the old key cannot open was damaged on the tablet: the rest is kept, and the form asks for phone and ID again.
  const { phone, idNumber } = await unseal<{ phone: string; idNumber: string }>(legacyKey, secret).catch(() => ({ phone: '', idNumber: '' }));
  // The record code (a version 1 tablet with codes kept it among the clear fields) stays in clear (db.ts).
  const { code, ...household } = submittedPart({ ...plain, phone, idNumber } as SubmittedHousehold);
  return { ...meta, code: code ?? null, sealed: await seal(keys.data, { household, shopUrl: shopUrl ?? null }), keyHashes: await hashKeys(keys, household) };
}
