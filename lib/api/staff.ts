import type { Marketplace } from '../marketplaces/hosts';
import type { ItemFields } from '../marketplaces/types';

/** One order as the extension submits it to the collector (docs/api.md). */
export interface SubmittedItem extends ItemFields {
  /** The person said "không tính" for this item. */
  excluded: boolean;
}

export interface SubmittedOrder {
  clientId: string;
  marketplace: Marketplace;
  orderCode: string | null;
  placedAt: string | null;
  source: 'detected' | 'manual';
  status: 'placed' | 'cancelled';
  items: SubmittedItem[];
  shippingFee: number | null;
  discount: number | null;
  total: number | null;
}

export type SubmissionStatus = 'accepted' | 'flagged' | 'rejected' | 'withdrawn';

export interface SubmissionResult {
  clientId: string;
  status: SubmissionStatus;
  serverId?: string;
  /**
   * Why the agency or the collector refused it (rejected), holds it for review (flagged: 409.13, 422.10, 422.11),
   * or counted an item otherwise than sent (accepted: 422.12); the message ends with its code.
   */
  problem?: { code: string; message: string; field?: string };
}

/** POST /api/staff/orders answer. */
export interface SubmitOrdersResponse {
  results: SubmissionResult[];
}

/** One of my orders as the collector holds it (GET /api/staff/orders). */
export interface StaffOrderView {
  clientId: string;
  serverId: string;
  status: SubmissionStatus;
  /** Why it is flagged or was not counted, in Vietnamese. */
  reason?: string;
  order: SubmittedOrder;
  receivedAt: string;
}

export interface CampaignPeriodView {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  reportDue: string;
}

/** GET /api/enrolment-codes/:code — shown to the person to confirm before enrolling. */
export interface EnrolmentCodePreview {
  agency: { code: string; name: string };
  expiresAt: string;
}

/** POST /api/staff/enrol body. `code` may be typed with spaces, dashes, any case. */
export interface EnrolRequest {
  code: string;
  fullName: string;
  /** A random id the extension keeps for its installation; enrolling again from it keeps the same person. */
  installationId: string;
}

/** GET /api/staff/me; POST /api/staff/enrol adds the token. */
export interface StaffMe {
  staff: { id: string; fullName: string };
  agency: { code: string; name: string };
  periods: CampaignPeriodView[];
}
export interface EnrolResponse extends StaffMe {
  token: string;
  expiresAt: string | null;
}

/** GET /api/rules: adapter rules as data, newest version the province uploaded. */
export interface RulesResponse {
  version: number;
  sites: Partial<Record<Marketplace, Record<string, unknown>>>;
  uploadedAt: string;
}

/** POST /api/page-reports body ("Báo trang lỗi"): page structure with personal data stripped. */
export interface PageReport {
  clientId: string;
  url: string;
  pageType: string;
  structure: unknown;
  extensionVersion: string;
  rulesVersion: string | number | null;
  note?: string | null;
}
