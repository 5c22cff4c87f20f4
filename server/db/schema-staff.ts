/** Tables of the staff (extension) side: enrolment codes, staff, their orders, adapter rules, page reports. */
export interface StaffTables {
  enrolment_codes: EnrolmentCodeTable;
  /** An agency's sub-units (đơn vị trực thuộc; migration 0110). */
  agency_units: AgencyUnitTable;
  staff: StaffTable;
  staff_orders: StaffOrderTable;
  staff_order_items: StaffOrderItemTable;
  /** Evidence for a self-declared order, one per order. */
  staff_order_photos: { order_id: string; content_type: string; size: number; bytes: Uint8Array; received_at: string };
  adapter_rules: { version: number; sites: string; uploaded_by: string; uploaded_at: string };
  page_reports: PageReportTable;
  agency_reports: AgencyReportTable;
  province_reports: ProvinceReportTable;
}

export interface AgencyReportTable {
  id: string;
  agency_code: string;
  period_id: string;
  version: number;
  /** JSON of lib/tally.ts Tally. */
  tally: string;
  /** JSON of the participant rows at submission. */
  participants: string;
  note: string | null;
  submitted_by: string;
  submitted_by_name: string;
  submitted_at: string;
  late: number;
  /** Official-document fields entered at submission (server/reports/documents). */
  doc_number: string | null;
  signer_name: string | null;
  signer_position: string | null;
  /** JSON array of the Nơi nhận lines. */
  recipients: string | null;
  parent_body: string | null;
  /** JSON of the figures by sub-unit at submission (lib/api/agency.ts UnitTally[]); null when the agency had none. */
  units: string | null;
}

export interface AgencyUnitTable {
  id: string;
  agency_code: string;
  name: string;
  /** The commune it stands for when it came from the region data; null for a unit the agency added. */
  commune_code: string | null;
  active: number;
  created_at: string;
}

export interface ProvinceReportTable {
  id: string;
  period_id: string;
  version: number;
  snapshot: string;
  doc_number: string | null;
  signer_name: string | null;
  signer_position: string | null;
  recipients: string | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

export interface EnrolmentCodeTable {
  code: string;
  agency_code: string;
  label: string | null;
  max_uses: number;
  used_count: number;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  /** The sub-unit a person enrolled with this code belongs to; null: the agency itself. */
  unit_id: string | null;
}

export interface StaffTable {
  id: string;
  agency_code: string;
  full_name: string;
  installation_id: string;
  enrolment_code: string;
  enrolled_at: string;
  /** The agency revoked this person: their token stopped, their orders stay. */
  revoked_at: string | null;
  /** Their sub-unit (from the enrolment code), or null. */
  unit_id: string | null;
}

/** Bigint columns come back as strings from PostgreSQL: read them through Number(). */
type Bigint = number | string;

export interface StaffOrderTable {
  id: string;
  client_id: string;
  staff_id: string;
  agency_code: string;
  period_id: string;
  marketplace: string;
  order_code: string | null;
  placed_at: string | null;
  placed_on: string;
  source: 'detected' | 'manual';
  order_status: 'placed' | 'cancelled';
  shipping_fee: Bigint | null;
  discount: Bigint | null;
  total: Bigint | null;
  content_hash: string;
  body: string;
  state: 'accepted' | 'flagged' | 'withdrawn';
  flag_reason: string | null;
  review: 'counted' | 'excluded' | null;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  counted: number;
  farm_items: number;
  farm_quantity: number;
  farm_amount: Bigint;
  farm_grams: Bigint;
  farm_items_without_weight: number;
  /** JSON of server/staff/check-order.ts OrderCheck[]; null when every check passed. */
  checks: string | null;
  received_at: string;
  updated_at: string;
}

export interface StaffOrderItemTable {
  order_id: string;
  line_no: number;
  name: string;
  quantity: number;
  unit_price: Bigint;
  line_total: Bigint;
  shop: string | null;
  product_url: string | null;
  weight_grams: number | null;
  /** What the client sent. */
  is_farm_product: number;
  excluded: number;
  /** The collector's classifier (lib/farm-products.ts); null on rows stored before it ran on the server. */
  farm_verdict: number | null;
  /** The agency's decision for this item, with who, when and why. */
  farm_override: number | null;
  override_by: string | null;
  override_by_name: string | null;
  override_at: string | null;
  override_note: string | null;
}

export interface PageReportTable {
  id: string;
  client_id: string;
  staff_id: string;
  agency_code: string;
  url: string;
  page_type: string;
  structure: string;
  extension_version: string;
  rules_version: string | null;
  note: string | null;
  received_at: string;
}
