import type { ProblemCode } from './problems';
import type { HouseholdStatus, SubmittedHousehold } from '../kiosk/household';

/** Shapes of the kiosk API (server/api/kiosk/), shared by the tablet and the collector. */

export interface KioskCommune {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
}

/** One household the collector holds for the device's communes: for duplicates and status, no phone/ID in clear. */
export interface RosterEntry {
  serverId: string;
  clientId: string;
  communeCode: string;
  village: string;
  headName: string;
  /** SHA-256 (hex) of each identity key ("phone:09…", "id:020…"), so the tablet finds duplicates offline. */
  keyHashes: string[];
  status: HouseholdStatus;
  shopUrl: string | null;
  updatedAt: string;
}

export interface EnrolAnswer {
  token: string;
  device: { id: string; name: string };
  officer: { fullName: string };
  communes: KioskCommune[];
}

export interface HouseholdsSince {
  households: RosterEntry[];
  /** Pass back as `since` next time. */
  cursor: string;
}

export interface HouseholdResult {
  clientId: string;
  status: 'accepted' | 'rejected';
  serverId?: string;
  problem?: { code: ProblemCode; message: string; field?: string };
}

export interface SyncAnswer {
  results: HouseholdResult[];
}

export interface CommuneProgress {
  communeCode: string;
  communeName: string;
  districtCode: string;
  districtName: string;
  householdCount: number | null;
  signedUp: number;
  shopsOpened: number;
  paymentAccounts: number;
  both: number;
  /** both / householdCount × 100, when the province has entered the household count. */
  percentBoth: number | null;
  targetPercent: number;
  deadline: string | null;
}

export type { SubmittedHousehold };
