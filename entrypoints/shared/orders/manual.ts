// Orders added by hand (bought in a phone app, or not detected): counted and marked self-declared.
import { orderKey, type RecordedItem } from '../../../lib/capture';
import type { Marketplace } from '../../../lib/marketplaces/hosts';
import { db, unsent, type StoredOrder } from '../db';
import { enqueue } from '../outbox';
import { newClientId } from './record';

export interface ManualOrderInput {
  marketplace: Marketplace;
  orderCode: string | null;
  /** yyyy-mm-dd */
  placedOn: string;
  items: { name: string; quantity: number; unitPrice: number; weightGrams: number | null; isFarmProduct: boolean; shop: string | null }[];
  shippingFee: number | null;
}

export async function addManualOrder(input: ManualOrderInput): Promise<StoredOrder> {
  const now = new Date().toISOString();
  const clientId = newClientId();
  const items: RecordedItem[] = input.items.map((i) => ({
    ...i,
    lineTotal: i.quantity * i.unitPrice,
    productUrl: null,
    category: null,
    missing: i.weightGrams === null ? ['weightGrams'] : [],
    overrides: {},
  }));
  const itemsTotal = items.reduce((s, i) => s + i.lineTotal, 0);
  const order: StoredOrder = {
    key: input.orderCode ? orderKey(input.marketplace, input.orderCode) : `${input.marketplace}:#${clientId}`,
    clientId,
    marketplace: input.marketplace,
    orderCode: input.orderCode?.trim() || null,
    // Noon Vietnam time on the day given: the day stays the same in every time zone that matters here.
    placedAt: `${input.placedOn}T05:00:00.000Z`,
    placedOn: input.placedOn,
    source: 'manual',
    status: 'placed',
    items,
    shippingFee: input.shippingFee,
    discount: null,
    total: itemsTotal + (input.shippingFee ?? 0),
    excluded: false,
    missing: input.orderCode ? [] : ['orderCode'],
    recordedAt: now,
    updatedAt: now,
    submission: unsent(),
  };
  if (input.orderCode && (await db().orders.get(order.key))) throw new Error(`Đơn ${input.orderCode} đã có trong danh sách.`);
  await db().orders.add(order);
  return order;
}

/** Deletes a hand-added order; one the collector holds is withdrawn there too. */
export async function deleteManualOrder(key: string): Promise<void> {
  const o = await db().orders.get(key);
  if (!o || o.source !== 'manual') return;
  if (o.submission.collectorClientId) await enqueue({ kind: 'withdraw', clientId: o.submission.collectorClientId, orderKey: key, body: null });
  await db().orders.delete(key);
}
