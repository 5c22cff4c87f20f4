// The person's corrections of a recorded order, from the popup: an item's figures, the missing order code,
// "Không tính đơn này". A corrected order that was sent shows as changed until it is sent again (submit.ts).
import { orderKey, type ItemOverrides } from '../../../lib/capture';
import { db } from '../db';

/** "Không tính đơn này" and its undo. */
export async function setOrderExcluded(key: string, excluded: boolean): Promise<void> {
  await db().orders.update(key, { excluded, updatedAt: new Date().toISOString() });
}

/** "Đúng như trang": the person checked an order whose items do not add up to its total. */
export async function acceptCheck(key: string): Promise<void> {
  await db().orders.update(key, { checkAccepted: true, updatedAt: new Date().toISOString() });
}

/** The person corrects an item (quantity, price, weight, farm product or not, excluded). */
export async function correctItem(key: string, index: number, overrides: ItemOverrides): Promise<void> {
  await db().transaction('rw', db().orders, async () => {
    const o = await db().orders.get(key);
    if (!o || !o.items[index]) return;
    const item = o.items[index];
    item.overrides = { ...item.overrides, ...overrides };
    for (const k of Object.keys(item.overrides) as (keyof ItemOverrides)[]) if (item.overrides[k] === undefined) delete item.overrides[k];
    await db().orders.put({ ...o, updatedAt: new Date().toISOString() });
  });
}

/** The order code the page did not give, typed by the person: the order is then keyed by it like any other. */
export async function correctOrder(key: string, fields: { orderCode: string }): Promise<void> {
  const d = db();
  await d.transaction('rw', d.orders, async () => {
    const o = await d.orders.get(key);
    if (!o) return;
    const next = { ...o, orderCode: fields.orderCode.trim(), key: orderKey(o.marketplace, fields.orderCode), updatedAt: new Date().toISOString() };
    next.missing = next.missing.filter((m) => m !== 'orderCode');
    if (next.key !== key && (await d.orders.get(next.key))) throw new Error(`Đơn ${next.orderCode} đã có trong danh sách.`);
    await d.orders.delete(key);
    await d.orders.put(next);
  });
}
