import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Sealed } from './pin-crypto';
import type { HouseholdStatus, SubmittedHousehold } from '../../../lib/kiosk/household';
import type { RosterEntry } from '../../../lib/api/kiosk';

// What the tablet keeps, and what of it is in clear (SECURITY.md, "What a stolen tablet still reveals"): every
// field that says who a household is, where it lives, what it sells or what it wrote is sealed with the officer's
// data key (pin-crypto.ts). In clear stays only what the kiosk handles while locked or without opening a record:
// random ids, the household's record code ("KX7A-QVYD": the tablet's prefix and running number, no person), states and counts for the queue, dates of the tablet's own bookkeeping,
// the commune code, photo sizes.

export type RecordState = 'draft' | 'queued' | 'sent' | 'rejected';

/** What is sealed of a household: all it sends but its record code (kept in clear), and the shop address the collector reports back. */
export interface HouseholdSecret {
  household: Omit<SubmittedHousehold, 'code'>;
  shopUrl: string | null;
}

export interface HouseholdRecord {
  clientId: string;
  officerId: string;
  state: RecordState;
  /**
   * The record code people read (lib/kiosk/record-code.ts), given at queuing or by the collector; null before.
   * Absent on records sealed before codes existed (read as null).
   */
  code?: string | null;
  sealed: Sealed;
  /** Blind index (pin-crypto.ts `blindIndex`) of "phone:…" / "id:…", for duplicates among this officer's households and roster. */
  keyHashes: string[];
  signatureId: string | null;
  createdAt: string;
  updatedAt: string;
  attempts: number;
  nextAttemptAt: number;
  serverId: string | null;
  /** The collector's refusal: a numbered code and its generic message (never a household's data). */
  problem: { code: string; message: string; field?: string } | null;
  status: HouseholdStatus | null;
}

export interface PhotoRecord {
  id: string;
  householdId: string;
  kind: 'product' | 'signature';
  /** The image's bytes, sealed with the data key of the officer whose household it belongs to. */
  sealed: Sealed;
  type: string;
  width: number;
  height: number;
  uploaded: 0 | 1;
  createdAt: string;
}

/** An officer's copy of one roster entry (another household of the commune): names and village sealed. */
export interface RosterRecord {
  officerId: string;
  clientId: string;
  serverId: string;
  /** The record code; absent on copies stored before codes (the roster is pulled whole once more to learn them). */
  code?: string;
  communeCode: string;
  status: HouseholdStatus;
  updatedAt: string;
  /** Blind indexes of the collector's identity-key hashes. */
  keyHashes: string[];
  sealed: Sealed;
}
export type RosterSecret = Pick<RosterEntry, 'headName' | 'village' | 'shopUrl'>;

/** Households as version 1 kept them, read only by migrate-clear-records.ts. */
export interface ClearHouseholdRecordV1 extends Omit<HouseholdRecord, 'sealed'> {
  plain: Omit<SubmittedHousehold, 'phone' | 'idNumber'>;
  /** Phone and ID number, sealed with the PIN's key directly. */
  secret: Sealed;
  shopUrl: string | null;
}
export interface ClearPhotoRecordV1 extends Omit<PhotoRecord, 'sealed' | 'type'> {
  blob: Blob;
}

export const db = new Dexie('nongsan-kiosk') as Dexie & {
  households: EntityTable<HouseholdRecord, 'clientId'>;
  photos: EntityTable<PhotoRecord, 'id'>;
  rosters: Table<RosterRecord, [string, string]>;
  /** Version 1's roster, shared and in clear: emptied by the first unlock after the upgrade. */
  roster: EntityTable<RosterEntry, 'clientId'>;
};

db.version(1).stores({
  households: 'clientId, officerId, [officerId+state], *keyHashes',
  photos: 'id, householdId',
  roster: 'clientId, communeCode, *keyHashes',
});
// Records of version 1 are sealed anew when their officer unlocks (no key exists during the upgrade itself).
db.version(2).stores({
  rosters: '[officerId+clientId], officerId, [officerId+communeCode], *keyHashes',
});
