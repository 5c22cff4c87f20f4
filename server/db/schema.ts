import type { Generated } from 'kysely';
import type { StaffTables } from './schema-staff';
import type { KioskTables } from './schema-kiosk';
import type { QualityTables } from './schema-quality';
import type { ChannelTables } from './schema-channels';

/**
 * Tables of the collector. Timestamps are ISO-8601 text and dates yyyy-mm-dd text, so SQLite and
 * PostgreSQL read the same. Each area adds its tables to `Database` below.
 */
export interface Database extends FoundationTables, StaffTables, KioskTables, QualityTables, ChannelTables {
  /** rate-limiter-flexible's store (migration 0301): key, points used, expiry in ms since epoch. */
  rate_limits: { key: string; points: number; expire: number | string | null };
}

export interface FoundationTables {
  districts: { code: string; name: string; signup_deadline: string | null };
  communes: { code: string; district_code: string; name: string; kind: string; household_count: number | null };
  agencies: { code: string; name: string; kind: string; grp: string; district_code: string | null; headcount: number | null; headcount_locked: Generated<number>; active: number };
  periods: { id: string; name: string; starts_on: string; ends_on: string; report_due: string; max_orders_per_person: Generated<number>; max_amount_per_person: Generated<number | string> };
  users: UserTable;
  user_communes: { user_id: string; commune_code: string };
  tokens: TokenTable;
  /** Migration 0701: the marketplaces' volume as their operators report it (kg, a day or a week). */
  marketplace_volumes: { id: string; marketplace: string; span: string; starts_on: string; ends_on: string; kg: number; source: string; recorded_by: string; recorded_at: string };
}

/** agriculture: Sở NN&PTNT, who verifies households' quality claims; district: a district's account (huyện), importing the operators' lists and watching its own communes (issue 13). */
export type UserRole = 'province' | 'agency' | 'officer' | 'agriculture' | 'district';

export interface UserTable {
  id: string;
  username: string;
  password_hash: string;
  role: UserRole;
  full_name: string;
  agency_code: string | null;
  created_at: string;
  disabled_at: string | null;
}

/** Who may hold a token: people who sign in, enrolled staff (extension), enrolled kiosk devices. */
export type TokenRole = UserRole | 'staff' | 'kiosk';

export interface TokenTable {
  token_hash: string;
  role: TokenRole;
  subject_id: string;
  agency_code: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}
