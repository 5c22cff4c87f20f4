import { sql } from 'kysely';
import type { SubmittedOrder } from '../../lib/api/staff';
import type { ItemReview } from '../../lib/api/agency';
import type { Db } from '../db';
import { Problem } from '../problem';
import { checksOf, classifierChecks, settle, verifiedContribution, type ItemVerdict } from './check-order';
import { applyPlausibility } from './plausibility';

type ItemRow = { order_id: string; line_no: number; name: string; is_farm_product: number; farm_verdict: number | null; farm_override: number | null; override_by_name: string | null; override_at: string | null; override_note: string | null };

const verdictOf = (r: Pick<ItemRow, 'is_farm_product' | 'farm_verdict' | 'farm_override'>): ItemVerdict => ({
  sentAsFarm: Number(r.is_farm_product) === 1,
  // Rows stored before the server classified keep the client's word.
  serverVerdict: r.farm_verdict === null ? Number(r.is_farm_product) === 1 : Number(r.farm_verdict) === 1,
  override: r.farm_override === null ? null : Number(r.farm_override) === 1,
});

/** For a query over staff_orders: the order has an item the agency classified. */
export const overriddenItems = (db: Db) =>
  db
    .selectFrom('staff_order_items')
    .select('staff_order_items.order_id')
    .where('staff_order_items.farm_override', 'is not', null)
    .whereRef('staff_order_items.order_id', '=', sql.ref('staff_orders.id'));

/** The items of these orders with their verdicts, by order id. */
export async function itemReviews(db: Db, orderIds: string[]): Promise<Map<string, ItemReview[]>> {
  const byOrder = new Map<string, ItemReview[]>();
  if (!orderIds.length) return byOrder;
  const rows = await db
    .selectFrom('staff_order_items')
    .select(['order_id', 'line_no', 'name', 'is_farm_product', 'farm_verdict', 'farm_override', 'override_by_name', 'override_at', 'override_note'])
    .where('order_id', 'in', orderIds)
    .orderBy('order_id')
    .orderBy('line_no')
    .execute();
  for (const r of rows) {
    const v = verdictOf(r);
    const review: ItemReview = {
      lineNo: Number(r.line_no),
      name: r.name,
      sentAsFarm: v.sentAsFarm,
      serverVerdict: v.serverVerdict,
      counts: v.override ?? v.serverVerdict,
      override: v.override === null ? null : { isFarmProduct: v.override, byName: r.override_by_name ?? '', at: r.override_at ?? '', note: r.override_note ?? '' },
    };
    byOrder.set(r.order_id, [...(byOrder.get(r.order_id) ?? []), review]);
  }
  return byOrder;
}

/**
 * The agency says whether one item is a farm product, with why; the order's contribution, its notes and
 * the person's plausibility are worked out again from the items as they now count.
 */
export async function overrideItem(db: Db, x: { agencyCode: string; orderId: string; lineNo: number; isFarmProduct: boolean; note: string; by: { id: string; fullName: string } }): Promise<void> {
  const order = await db.selectFrom('staff_orders').selectAll().where('id', '=', x.orderId).where('agency_code', '=', x.agencyCode).executeTakeFirst();
  if (!order || order.state === 'withdrawn') throw new Problem('404.12');
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('staff_order_items')
      .set({ farm_override: x.isFarmProduct ? 1 : 0, override_by: x.by.id, override_by_name: x.by.fullName, override_at: now, override_note: x.note })
      .where('order_id', '=', order.id)
      .where('line_no', '=', x.lineNo)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw new Problem('404.13', { field: 'lineNo' });
    const rows = await trx.selectFrom('staff_order_items').selectAll().where('order_id', '=', order.id).orderBy('line_no').execute();
    const sent = (JSON.parse(order.body) as SubmittedOrder).items;
    const items = rows.map((r, i) => ({ ...sent[i], verdict: verdictOf(r) }));
    const c = verifiedContribution(items);
    const checks = [...checksOf(order.checks).filter((k) => k.code !== '422.12'), ...classifierChecks(items)];
    const { state, counted } = settle({ orderStatus: order.order_status, duplicate: order.flag_reason === 'duplicate', checks, review: order.review });
    await trx
      .updateTable('staff_orders')
      .set({
        farm_items: c.farmItems,
        farm_quantity: c.quantity,
        farm_amount: c.amountVnd,
        farm_grams: c.grams,
        farm_items_without_weight: c.itemsWithoutWeight,
        checks: checks.length ? JSON.stringify(checks) : null,
        state,
        counted,
        updated_at: now,
      })
      .where('id', '=', order.id)
      .execute();
  });
  await applyPlausibility(db, order.staff_id, order.period_id);
}
