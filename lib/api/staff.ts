import type { Marketplace } from '../marketplaces/hosts';

/** One order as the extension submits it to the collector (docs/api.md). */
export interface SubmittedItem {
  name: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  shop: string | null;
  productUrl: string | null;
  weightGrams: number | null;
  isFarmProduct: boolean;
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
  /** Why the agency or the collector refused it, for the person to read. */
  problem?: { code: string; message: string; field?: string };
}
