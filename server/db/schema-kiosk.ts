import type { MatchColumns } from './schema-channels';

/** Tables of the commune kiosk (migration 0201). */
export interface KioskTables {
  households: HouseholdTable & MatchColumns;
  kiosk_device_codes: { code_hash: string; officer_id: string; commune_codes: string; created_at: string; expires_at: string; used_at: string | null };
  kiosk_devices: { id: string; name: string; enrolled_by: string; created_at: string; revoked_at: string | null };
  kiosk_device_communes: { device_id: string; commune_code: string };
  /** Sở TT&TT's leading accounts (migration 0601). */
  leading_accounts: { id: string; commune_code: string; name: string; shop_url: string; reason: string; nominated_by: string; nominated_at: string; retired_at: string | null };
  /** Record-code prefixes (0202): a tablet's (device_id), or the collector's own (device_id null, numbered here). */
  household_code_prefixes: { prefix: string; device_id: string | null; next_serial: number; created_at: string };
  household_photos: { id: string; household_client_id: string; kind: string; content_type: string; size: number; bytes: Uint8Array; received_at: string };
}

export interface HouseholdTable {
  id: string;
  client_id: string;
  /** The record code people read and type ("KX7A-QVYD", lib/kiosk/record-code.ts); unique. */
  code: string;
  content_hash: string;
  commune_code: string;
  village: string;
  head_name: string;
  phone: string;
  id_number: string;
  id_kind: 'cccd' | 'cmnd';
  marketplace: string;
  shop_name: string;
  payment: string;
  has_payment_account: number;
  /** JSON: { products, vietgap, ocopStars, traceability, notes } and, when the kiosk noted them, { vietgapIssuer, vietgapExpiresOn, traceabilityCode }. */
  details: string;
  device_id: string;
  officer_name: string;
  registered_at: string;
  received_at: string;
  updated_at: string;
  shop_url: string | null;
  shop_opened_at: string | null;
  payment_opened_at: string | null;
  products_listed_at: string | null;
  /** Who guided the household (lib/kiosk/guide.ts), null when the tablet did not say (migration 0601). */
  guided_by: string | null;
  leading_account_id: string | null;
}
