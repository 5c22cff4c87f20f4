import type { Db } from '../db';
import { checksOf, plausibilityCheck, settle, type PlausibilityLimits } from './check-order';

/** The province's limits for a period (periods.max_orders_per_person / max_amount_per_person). */
export async function limitsOf(db: Db, periodId: string): Promise<PlausibilityLimits | undefined> {
  const p = await db.selectFrom('periods').select(['max_orders_per_person', 'max_amount_per_person']).where('id', '=', periodId).executeTakeFirst();
  return p && { maxOrdersPerPerson: Number(p.max_orders_per_person), maxAmountPerPerson: Number(p.max_amount_per_person) };
}

/**
 * Above the period's limits (orders placed, or farm-product money), every one of the person's orders the
 * agency has not reviewed yet waits for review (422.11) instead of being counted silently; back under them
 * (an order withdrawn, a limit raised), the hold goes.
 */
export async function applyPlausibility(db: Db, staffId: string, periodId: string): Promise<void> {
  const limits = await limitsOf(db, periodId);
  if (!limits) return;
  const rows = await db
    .selectFrom('staff_orders')
    .select(['id', 'order_status', 'flag_reason', 'checks', 'review', 'state', 'counted', 'farm_amount'])
    .where('staff_id', '=', staffId)
    .where('period_id', '=', periodId)
    .where('state', '!=', 'withdrawn')
    .execute();
  const placed = rows.filter((r) => r.order_status === 'placed');
  const hold = plausibilityCheck({ orders: placed.length, amountVnd: placed.reduce((s, r) => s + Number(r.farm_amount), 0) }, limits);
  const now = new Date().toISOString();
  for (const r of rows) {
    const others = checksOf(r.checks).filter((c) => c.code !== '422.11');
    const checks = hold && r.review === null ? [...others, hold] : others;
    const json = checks.length ? JSON.stringify(checks) : null;
    if (json === r.checks) continue;
    const { state, counted } = settle({ orderStatus: r.order_status, duplicate: r.flag_reason === 'duplicate', checks, review: r.review });
    await db.updateTable('staff_orders').set({ checks: json, state, counted, updated_at: now }).where('id', '=', r.id).execute();
  }
}

/** Every person with orders in the period, checked again (after the province changes the limits). */
export async function applyPlausibilityToPeriod(db: Db, periodId: string): Promise<void> {
  const people = await db.selectFrom('staff_orders').select('staff_id').distinct().where('period_id', '=', periodId).execute();
  for (const p of people) await applyPlausibility(db, p.staff_id, periodId);
}
