import type { ClaimDecision, ClaimKind } from '../../lib/quality/claims';

/** Tables of the quality checks by Sở NN&PTNT (migration 0501). */
export interface QualityTables {
  household_claims: HouseholdClaimTable;
}

export interface HouseholdClaimTable {
  id: string;
  household_id: string;
  kind: ClaimKind;
  /** VietGAP certificate number, or the traceability code. */
  number: string | null;
  issuer: string | null;
  /** yyyy-mm-dd, the last day the certificate is valid. */
  expires_on: string | null;
  stars: number | null;
  decision: ClaimDecision;
  refusal_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  /** What the kiosk typed, as typed. */
  submitted: string | null;
  created_at: string;
  updated_at: string;
}
