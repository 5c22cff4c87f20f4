import { Dexie, type EntityTable } from 'dexie';
import type { Sealed } from './pin-crypto';
import type { HouseholdStatus, SubmittedHousehold } from '../../../lib/kiosk/household';
import type { RosterEntry } from '../../../lib/api/kiosk';

/** The non-personal part of a household, kept in clear; phone and ID number are sealed with the officer's key. */
export type HouseholdPlain = Omit<SubmittedHousehold, 'phone' | 'idNumber'>;
export interface HouseholdSecret {
  phone: string;
  idNumber: string;
}

export type RecordState = 'draft' | 'queued' | 'sent' | 'rejected';

export interface HouseholdRecord {
  clientId: string;
  officerId: string;
  state: RecordState;
  plain: HouseholdPlain;
  secret: Sealed;
  /** SHA-256 of "phone:…" / "id:…", compared with other officers' records and the roster for duplicates. */
  keyHashes: string[];
  signatureId: string | null;
  createdAt: string;
  updatedAt: string;
  attempts: number;
  nextAttemptAt: number;
  serverId: string | null;
  problem: { code: string; message: string; field?: string } | null;
  status: HouseholdStatus | null;
  shopUrl: string | null;
}

export interface PhotoRecord {
  id: string;
  householdId: string;
  kind: 'product' | 'signature';
  blob: Blob;
  width: number;
  height: number;
  uploaded: 0 | 1;
  createdAt: string;
}

export const db = new Dexie('nongsan-kiosk') as Dexie & {
  households: EntityTable<HouseholdRecord, 'clientId'>;
  photos: EntityTable<PhotoRecord, 'id'>;
  roster: EntityTable<RosterEntry, 'clientId'>;
};

db.version(1).stores({
  households: 'clientId, officerId, [officerId+state], *keyHashes',
  photos: 'id, householdId',
  roster: 'clientId, communeCode, *keyHashes',
});
