/** Tables of the collector. Timestamps are ISO-8601 text so SQLite and PostgreSQL read the same. */
export interface Database {
  households: HouseholdTable;
}

export interface HouseholdTable {
  id: string;
  client_id: string;
  commune_code: string;
  head_name: string;
  received_at: string;
}
