import type { Generated } from 'kysely';

/** Tables of the operators' lists, phases and district accounts (migration 0401). */
export interface ChannelTables {
  operator_column_maps: { operator: string; columns: string; updated_by: string; updated_at: string };
  operator_imports: { id: string; operator: string; file_name: string; imported_by: string; imported_at: string; rows: number; added: number; changed: number; unchanged: number; refused: number };
  operator_households: OperatorHouseholdTable & Pick<MatchColumns, 'match_key'>;
  phases: { id: string; name: string; starts_on: string | null; deadline: string };
  phase_districts: { phase_id: string; district_code: string };
  user_districts: { user_id: string; district_code: string };
  /** Migration 0821: each commune's progress from every channel (server/channels/progress-store.ts). */
  commune_progress: { commune_code: string; signed_up: number; shops: number; payments: number; both: number; products_listed: number };
  commune_channel_progress: { commune_code: string; channel: string; households: number; shops: number; payments: number; products_listed: number };
}

/** Migration 0821, on households and operators' rows: what matches them without a phone or ID in clear. */
export interface MatchColumns {
  /** The phone's and ID number's hashes (server/channels/identity.ts), kept by server/channels/progress-store.ts. */
  phone_hash: Generated<string | null>;
  id_hash: Generated<string | null>;
  /** Left by the retention purge on every record of a household whose phone and ID hashes it removed. */
  match_key: Generated<string | null>;
}

export interface OperatorHouseholdTable {
  operator: string;
  row_key: string;
  commune_code: string;
  head_name: string;
  /** sha256 of "phone:0912…" / "id:0201…", the keys of the kiosk's roster (server/kiosk/households.ts). */
  phone_hash: string | null;
  id_hash: string | null;
  shop_id: string | null;
  shop_url: string | null;
  shop_opened: number;
  payment_opened: number;
  products_listed: number;
  content_hash: string;
  import_id: string;
  updated_at: string;
}
