// The capture rules: how pages the person visits become recorded orders. Pure (no browser, no storage):
// the extension's background feeds it what it holds and what a page gave, and stores what it returns.
//
//   checkout (or cart)   → a snapshot of the items, waiting for an order code
//   order-confirmation   → the order code joined with the snapshot (or the page's own items) → an order
//   order-detail / -list → confirms or updates orders already recorded (status, totals, missing fields),
//                          and records orders placed before the extension saw them
// One order is counted once: orders are keyed by marketplace + order code. Reading the same page again
// changes nothing (the merge is idempotent), and a cancelled order ("Đã hủy") leaves the tally.
import type { Marketplace } from './marketplaces/hosts';
import { crossCheck } from './marketplaces/items';
import type { ExtractedItem, ExtractedOrder, ExtractResult, ItemFields, OrderCheck } from './marketplaces/types';
import { foldVietnamese } from './text';
import { vietnamDay } from './periods';

/** What the person changed on an item: never overwritten by what a page says later. */
export interface ItemOverrides {
  isFarmProduct?: boolean;
  excluded?: boolean;
  quantity?: number;
  unitPrice?: number;
  weightGrams?: number;
  name?: string;
}

export interface RecordedItem extends ItemFields {
  category: string | null;
  /** Fields the page did not give: shown as missing for the person to fill, never as a silent zero. */
  missing: string[];
  overrides: ItemOverrides;
}

export type OrderStatus = 'placed' | 'cancelled';

export interface RecordedOrder {
  /** marketplace + ':' + order code; for an order without a code (manual, or a page without one) ':#' + clientId. */
  key: string;
  clientId: string;
  marketplace: Marketplace;
  orderCode: string | null;
  placedAt: string | null;
  /** yyyy-mm-dd (Vietnam) of placedAt, else of recordedAt: the campaign period an order belongs to. */
  placedOn: string;
  source: 'detected' | 'manual';
  status: OrderStatus;
  items: RecordedItem[];
  shippingFee: number | null;
  discount: number | null;
  total: number | null;
  /** "Không tính đơn này": the person does not count this order. */
  excluded: boolean;
  /** The person looked at an order whose items do not add up ("cần kiểm tra") and says it is right as it is. */
  checkAccepted?: boolean;
  missing: string[];
  recordedAt: string;
  updatedAt: string;
}

export interface CheckoutSnapshot {
  marketplace: Marketplace;
  from: 'cart' | 'checkout';
  takenAt: string;
  order: ExtractedOrder;
}

/** How long a checkout snapshot waits for its confirmation page. */
export const SNAPSHOT_TTL_MS = 6 * 3600_000;

export interface CaptureInput {
  page: ExtractResult;
  now: string;
  snapshot: CheckoutSnapshot | null;
  /** The recorded orders the page's order codes refer to (by key). */
  existing: ReadonlyMap<string, RecordedOrder>;
  newClientId: () => string;
}

export interface CaptureOutcome {
  /** A new snapshot to keep, null to drop the current one, undefined to leave it. */
  snapshot?: CheckoutSnapshot | null;
  /** Orders to store (new or changed); unchanged orders are not listed. */
  upserts: RecordedOrder[];
  /** Keys of orders recorded for the first time: the in-page notice says what was recorded. */
  created: string[];
}

export const orderKey = (marketplace: Marketplace, orderCode: string) => `${marketplace}:${orderCode.trim().toUpperCase()}`;

/** The Vietnam day of an order; a date the page gave that is not an instant is kept as written. */
const dayOf = (iso: string) => vietnamDay(iso) ?? iso.slice(0, 10);

const pageStatus = (o: ExtractedOrder): OrderStatus | null =>
  o.status === 'cancelled' ? 'cancelled' : o.status === 'placed' || o.status === 'delivered' ? 'placed' : null;

function toItem(i: ExtractedItem): RecordedItem {
  return {
    name: i.name,
    quantity: i.quantity,
    unitPrice: i.unitPrice,
    lineTotal: i.lineTotal,
    shop: i.shop,
    productUrl: i.productUrl,
    weightGrams: i.weightGrams,
    isFarmProduct: i.isFarmProduct,
    category: i.category ?? null,
    missing: missingOfItem(i),
    overrides: {},
  };
}

function missingOfItem(i: ExtractedItem): string[] {
  const m = new Set(i.missing ?? []);
  if (!i.quantity) m.add('quantity');
  if (!i.unitPrice && !i.lineTotal) m.add('unitPrice');
  if (i.weightGrams === null) m.add('weightGrams');
  return [...m].sort();
}

function missingOfOrder(o: Pick<RecordedOrder, 'orderCode' | 'placedAt' | 'total' | 'items'>): string[] {
  const m: string[] = [];
  if (!o.orderCode) m.push('orderCode');
  if (!o.placedAt) m.push('placedAt');
  if (o.total === null) m.push('total');
  if (!o.items.length) m.push('items');
  return m;
}

const itemId = (i: { name: string; productUrl: string | null }) => (i.productUrl ? i.productUrl.split(/[?#]/)[0] : foldVietnamese(i.name));

/** Page items win for what the page says; the person's overrides and items the page no longer lists stay. */
function mergeItems(old: RecordedItem[], fresh: ExtractedItem[]): RecordedItem[] {
  if (!fresh.length) return old;
  const byId = new Map(old.map((i) => [itemId(i), i]));
  const merged = fresh.map((f) => {
    const prev = byId.get(itemId(f)) ?? byId.get(foldVietnamese(f.name));
    byId.delete(itemId(f));
    const next = toItem(f);
    if (!prev) return next;
    byId.delete(itemId(prev));
    // A value the page lacks now but gave before is kept.
    if (next.weightGrams === null && prev.weightGrams !== null) next.weightGrams = prev.weightGrams;
    if (!next.productUrl) next.productUrl = prev.productUrl;
    if (!next.shop) next.shop = prev.shop;
    next.missing = next.missing.filter((k) => !(k === 'weightGrams' && next.weightGrams !== null));
    return { ...next, overrides: prev.overrides };
  });
  return [...merged, ...byId.values()];
}

function newOrder(marketplace: Marketplace, o: ExtractedOrder, items: RecordedItem[], input: CaptureInput): RecordedOrder {
  const clientId = input.newClientId();
  const base = {
    orderCode: o.orderCode,
    placedAt: o.placedAt,
    total: o.total,
    items,
  };
  return {
    key: o.orderCode ? orderKey(marketplace, o.orderCode) : `${marketplace}:#${clientId}`,
    clientId,
    marketplace,
    ...base,
    placedOn: dayOf(o.placedAt ?? input.now),
    source: 'detected',
    status: pageStatus(o) ?? 'placed',
    shippingFee: o.shippingFee,
    discount: o.discount,
    excluded: false,
    missing: missingOfOrder(base),
    recordedAt: input.now,
    updatedAt: input.now,
  };
}

/** The order updated with what a history/detail page says; the same order object when nothing changed. */
function updateOrder(prev: RecordedOrder, o: ExtractedOrder, now: string): RecordedOrder {
  const next: RecordedOrder = {
    ...prev,
    status: pageStatus(o) ?? prev.status,
    placedAt: prev.placedAt ?? o.placedAt,
    total: o.total ?? prev.total,
    shippingFee: o.shippingFee ?? prev.shippingFee,
    discount: o.discount ?? prev.discount,
    items: mergeItems(prev.items, o.items),
  };
  next.placedOn = next.placedAt ? dayOf(next.placedAt) : prev.placedOn;
  next.missing = missingOfOrder(next);
  const { updatedAt: _a, ...a } = prev;
  const { updatedAt: _b, ...b } = next;
  if (JSON.stringify(a) === JSON.stringify(b)) return prev;
  return { ...next, updatedAt: now };
}

function snapshotFresh(s: CheckoutSnapshot | null, marketplace: Marketplace, now: string): s is CheckoutSnapshot {
  return !!s && s.marketplace === marketplace && Date.parse(now) - Date.parse(s.takenAt) < SNAPSHOT_TTL_MS;
}

/** What a page read means for the stored orders and the checkout snapshot. */
export function capture(input: CaptureInput): CaptureOutcome {
  const { page, now, snapshot } = input;
  const out: CaptureOutcome = { upserts: [], created: [] };
  const marketplace = page.marketplace;
  if (!marketplace) return out;

  if (page.pageType === 'checkout' || page.pageType === 'cart') {
    const items = page.orders.flatMap((o) => o.items);
    if (!items.length) return out;
    // A cart never replaces the fresher, more exact checkout snapshot.
    if (page.pageType === 'cart' && snapshotFresh(snapshot, marketplace, now) && snapshot.from === 'checkout') return out;
    const one = page.orders.length === 1;
    const order: ExtractedOrder = {
      orderCode: null,
      placedAt: null,
      items,
      shippingFee: one ? page.orders[0].shippingFee : sumOrNull(page.orders.map((o) => o.shippingFee)),
      discount: one ? page.orders[0].discount : sumOrNull(page.orders.map((o) => o.discount)),
      total: one ? page.orders[0].total : sumOrNull(page.orders.map((o) => o.total)),
    };
    out.snapshot = { marketplace, from: page.pageType, takenAt: now, order };
    return out;
  }

  if (page.pageType === 'order-confirmation') {
    const waiting = snapshotFresh(snapshot, marketplace, now) ? snapshot : null;
    const withCode = page.orders.filter((o) => o.orderCode);
    const orders = withCode.length ? withCode : page.orders.length ? page.orders : waiting ? [waiting.order] : [];
    // Items come from the page when it lists them; else from the snapshot (one order per checkout).
    for (const o of orders) {
      const items = o.items.length ? o.items : orders.length === 1 && waiting ? waiting.order.items : [];
      const filled: ExtractedOrder = {
        ...o,
        items,
        total: o.total ?? (orders.length === 1 ? waiting?.order.total ?? null : null),
        shippingFee: o.shippingFee ?? (orders.length === 1 ? waiting?.order.shippingFee ?? null : null),
        discount: o.discount ?? (orders.length === 1 ? waiting?.order.discount ?? null : null),
        placedAt: o.placedAt ?? now,
      };
      recordOrUpdate(marketplace, filled, input, out);
    }
    if (orders.length) out.snapshot = null;
    return out;
  }

  if (page.pageType === 'order-detail' || page.pageType === 'order-list') {
    for (const o of page.orders) if (o.orderCode) recordOrUpdate(marketplace, o, input, out);
  }
  return out;
}

function recordOrUpdate(marketplace: Marketplace, o: ExtractedOrder, input: CaptureInput, out: CaptureOutcome) {
  const prev = o.orderCode ? input.existing.get(orderKey(marketplace, o.orderCode)) : undefined;
  if (prev) {
    const next = updateOrder(prev, o, input.now);
    if (next !== prev) out.upserts.push(next);
    return;
  }
  // A cancelled order never seen before adds nothing worth recording.
  if (pageStatus(o) === 'cancelled') return;
  const created = newOrder(marketplace, o, o.items.map(toItem), input);
  out.upserts.push(created);
  out.created.push(created.key);
}

function sumOrNull(xs: (number | null)[]): number | null {
  return xs.some((x) => x === null) ? null : xs.reduce<number>((s, x) => s + (x ?? 0), 0);
}

/** An item as it counts: the page's values with the person's corrections applied. */
export function effectiveItem(i: RecordedItem) {
  const quantity = i.overrides.quantity ?? i.quantity;
  const unitPrice = i.overrides.unitPrice ?? i.unitPrice;
  const corrected = i.overrides.quantity !== undefined || i.overrides.unitPrice !== undefined;
  return {
    name: i.overrides.name ?? i.name,
    quantity,
    unitPrice,
    lineTotal: corrected || !i.lineTotal ? quantity * unitPrice : i.lineTotal,
    shop: i.shop,
    productUrl: i.productUrl,
    weightGrams: i.overrides.weightGrams ?? i.weightGrams,
    isFarmProduct: i.overrides.isFarmProduct ?? i.isFarmProduct,
    excluded: i.overrides.excluded ?? false,
  };
}

/**
 * "Cần kiểm tra": the items as the page gave them do not add up to the order's total, and the person has not
 * looked yet. Such an order is not sent until they have: corrected a quantity or a price (they read the order
 * then), or said it is right as the page shows it.
 */
export function orderCheck(o: Pick<RecordedOrder, 'items' | 'total' | 'shippingFee' | 'discount' | 'checkAccepted'>): OrderCheck | null {
  if (o.checkAccepted || o.items.some((i) => i.overrides.quantity !== undefined || i.overrides.unitPrice !== undefined)) return null;
  return crossCheck({ items: o.items.map(effectiveItem), total: o.total, shippingFee: o.shippingFee, discount: o.discount });
}

/** Fields still missing after the person's corrections. */
export function stillMissing(i: RecordedItem): string[] {
  return i.missing.filter((k) => i.overrides[k as keyof ItemOverrides] === undefined);
}
