// Builds contract items and orders from what a strategy read, the same way for every strategy:
// derives what arithmetic allows, parses weight, decides farm products, and lists what is missing.
import { isFarmProduct } from '../farm-products';
import { parseWeightGrams } from '../weight';
import type { ExtractedItem, ExtractedOrder, OrderCheck, PageType, Strategy } from './types';
import type { OrderStatus } from './status';

export interface RawItem {
  name: string | null;
  quantity: number | null;
  unitPrice: number | null;
  lineTotal: number | null;
  shop?: string | null;
  productUrl?: string | null;
  weightGrams?: number | null;
  categories?: string[];
}

export interface RawOrder {
  orderCode: string | null;
  placedAt: string | null;
  items: RawItem[];
  shippingFee: number | null;
  discount: number | null;
  total: number | null;
  status: OrderStatus | null;
  shop?: string | null;
}

const exactDiv = (a: number | null, b: number | null) => (a !== null && b ? (a % b === 0 ? a / b : null) : null);

export function makeItem(raw: RawItem): ExtractedItem | null {
  if (!raw.name) return null;
  const missing: string[] = [];
  let quantity = raw.quantity ?? exactDiv(raw.lineTotal, raw.unitPrice);
  if (quantity === null) {
    missing.push('quantity');
    quantity = 1;
  }
  let unitPrice = raw.unitPrice ?? exactDiv(raw.lineTotal, quantity);
  let lineTotal = raw.lineTotal ?? (unitPrice !== null ? unitPrice * quantity : null);
  if (unitPrice === null) missing.push('unitPrice');
  if (lineTotal === null) missing.push('lineTotal');
  unitPrice ??= 0;
  lineTotal ??= 0;
  const farm = isFarmProduct({ name: raw.name, categories: raw.categories });
  const weightGrams = raw.weightGrams ?? parseWeightGrams(raw.name);
  return {
    name: raw.name,
    quantity,
    unitPrice,
    lineTotal,
    shop: raw.shop ?? null,
    productUrl: raw.productUrl ?? null,
    weightGrams,
    isFarmProduct: farm.isFarmProduct,
    category: farm.category,
    farmReason: farm.reason,
    ...(missing.length && { missing }),
  };
}

const SNAPSHOT: PageType[] = ['cart', 'checkout'];
// Order codes differ by site and are not documented; all seen so far are short, plain and carry a digit.
const CODE = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9_./-]{2,39}$/;

/**
 * A contract order, or null when what was read is not an order: a cart or checkout needs items;
 * anything else needs an order code plus items or an amount (an article quoting "Mã đơn hàng" has neither).
 */
export function makeOrder(raw: RawOrder, pageType: PageType, strategy: Strategy): ExtractedOrder | null {
  const items = raw.items.map(makeItem).filter((i): i is ExtractedItem => i !== null);
  const snapshot = SNAPSHOT.includes(pageType);
  const code = raw.orderCode && CODE.test(raw.orderCode) ? raw.orderCode : null;
  // A confirmation page recognised by its rule may show just the code: the checkout snapshot has the items.
  const enough = items.length > 0 || raw.total !== null || (strategy === 'site-rules' && pageType === 'order-confirmation');
  if (snapshot ? !items.length : !code || !enough) return null;
  const order: ExtractedOrder = {
    orderCode: snapshot ? null : code,
    placedAt: raw.placedAt,
    items,
    shippingFee: raw.shippingFee,
    discount: raw.discount === null ? null : Math.abs(raw.discount),
    total: raw.total,
    status: raw.status ?? (pageType === 'order-confirmation' ? 'placed' : null),
    shop: raw.shop ?? (new Set(items.map((i) => i.shop)).size === 1 ? items[0].shop : null),
    strategy,
  };
  const missing = (['orderCode', 'placedAt', 'shippingFee', 'discount', 'total'] as const).filter(
    (k) => order[k] === null && !(snapshot && (k === 'orderCode' || k === 'placedAt')),
  ) as string[];
  if (!items.length) missing.push('items');
  if (missing.length) order.missing = missing;
  const check = crossCheck(order);
  if (check) order.check = check;
  return order;
}

// A shipping fee the page does not show may explain this much of a gap between the items and the total
// (fees within Lạng Sơn run 15.000–40.000 ₫); a larger gap means an item was missed or misread.
const UNSHOWN_SHIPPING_MAX = 50_000;

/**
 * Items against the total: the line totals must add up to total − shipping + discount (a discount the page does
 * not show counts as 0; an unshown shipping fee may explain up to UNSHOWN_SHIPPING_MAX). Nothing to check
 * without items or a total.
 */
export function crossCheck(o: { items: { lineTotal: number }[] } & Pick<ExtractedOrder, 'total' | 'shippingFee' | 'discount'>): OrderCheck | null {
  if (!o.items.length || o.total === null) return null;
  const itemsTotal = o.items.reduce((sum, i) => sum + i.lineTotal, 0);
  const expected = o.total - (o.shippingFee ?? 0) + (o.discount ?? 0);
  const gap = expected - itemsTotal;
  if (gap === 0 || (o.shippingFee === null && gap > 0 && gap <= UNSHOWN_SHIPPING_MAX)) return null;
  return { reason: 'items-total', itemsTotal, expected };
}
