// The extraction contract (ARCHITECTURE.md "Extraction contract"). Extra fields beyond the contract are
// optional additions: where a value came from and what could not be read.
import type { Marketplace } from './hosts';
import type { OrderStatus } from './status';

export type PageType = 'product' | 'cart' | 'checkout' | 'order-confirmation' | 'order-detail' | 'order-list' | 'other';

/** Which strategy read the page: the site's rules, structured data (JSON-LD, RDFa, microdata, OG), or labels. */
export type Strategy = 'site-rules' | 'structured-data' | 'labels';

/** One line of an order as the contract names it; every later shape of an item (recorded, submitted) extends it. */
export interface ItemFields {
  name: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  shop: string | null;
  productUrl: string | null;
  weightGrams: number | null;
  isFarmProduct: boolean;
}

export interface ExtractedItem extends ItemFields {
  /** Farm category code (farmCategories in lib/farm-products) and why, for the person's override. */
  category?: string | null;
  farmReason?: string;
  /** Fields the page did not give (their value above is 0 or a guess): the person fills them. */
  missing?: string[];
}

export interface ExtractedOrder {
  /** Null on cart and checkout pages: a snapshot of items, joined later with the code from confirmation. */
  orderCode: string | null;
  placedAt: string | null;
  items: ExtractedItem[];
  shippingFee: number | null;
  /** A positive amount taken off the order ("-20.000₫" on the page is 20000 here). */
  discount: number | null;
  total: number | null;
  status?: OrderStatus | null;
  shop?: string | null;
  strategy?: Strategy;
  missing?: string[];
  /** "Cần kiểm tra": what was read does not hold together; shown to the person, never sent as if sure. */
  check?: OrderCheck;
}

/**
 * Why an order needs the person's eye. "items-total": the items' line totals add up to `itemsTotal`, but the
 * order's total less shipping plus discount says `expected` (an item missed, or a price misread).
 */
export interface OrderCheck {
  reason: 'items-total';
  itemsTotal: number;
  expected: number;
}

export interface ExtractedProduct {
  name: string;
  price: number | null;
  shop: string | null;
  productUrl: string | null;
  weightGrams: number | null;
  isFarmProduct: boolean;
  category?: string | null;
  farmReason?: string;
  strategy?: Strategy;
  missing?: string[];
}

/** What `npm run extract` prints. */
export interface ExtractResult {
  marketplace: Marketplace | null;
  pageType: PageType;
  orders: ExtractedOrder[];
  product: ExtractedProduct | null;
  /** The strategy that produced the orders or product; null when nothing was read. */
  strategy?: Strategy | null;
  /** Version of the site rules used, for "Báo trang lỗi" reports. */
  rulesVersion?: string | null;
}
