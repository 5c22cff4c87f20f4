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
export async function applyPlausibility(db: Db, staffId: string, periodId: string, known?: PlausibilityLimits): Promise<Set<string>> {
  const changed = new Set<string>();
  const limits = known ?? (await limitsOf(db, periodId));
  if (!limits) return changed;
  const mine = () => db.selectFrom('staff_orders').where('staff_id', '=', staffId).where('period_id', '=', periodId).where('state', '!=', 'withdrawn');
  const placed = await mine()
    .where('order_status', '=', 'placed')
    .select((eb) => [eb.fn.countAll<number>().as('orders'), eb.fn.sum<number>('farm_amount').as('amount')])
    .executeTakeFirst();
  const hold = plausibilityCheck({ orders: Number(placed?.orders ?? 0), amountVnd: Number(placed?.amount ?? 0) }, limits);
  // Only the rows whose hold must change are read: the unreviewed ones without this very sentence (when over;
  // a changed limit changes it), the reviewed ones still holding it, and every one holding it when under.
  const holdsIt = heldForPlausibility;
  // (The sentences hold no % or _; the comparison below decides anyway, the pattern only narrows the read.)
  const holdsThis = hold ? `%${JSON.stringify(hold.message).slice(1, -1)}%` : holdsIt;
  const rows = await mine()
    .select(['id', 'order_status', 'flag_reason', 'checks', 'review'])
    .where((eb) =>
      hold
        ? eb.or([eb.and([eb('review', 'is', null), eb.or([eb('checks', 'is', null), eb('checks', 'not like', holdsThis)])]), eb.and([eb('review', 'is not', null), eb('checks', 'like', holdsIt)])])
        : eb('checks', 'like', holdsIt),
    )
    .execute();
  const now = new Date().toISOString();
  // Rows getting the same values are written by one statement (a batch over the limit: every new order held alike).
  const writes = new Map<string, { set: { checks: string | null; state: ReturnType<typeof settle>['state']; counted: number }; ids: string[] }>();
  for (const r of rows) {
    const others = checksOf(r.checks).filter((c) => c.code !== '422.11');
    const checks = hold && r.review === null ? [...others, hold] : others;
    const json = checks.length ? JSON.stringify(checks) : null;
    if (json === r.checks) continue;
    const { state, counted } = settle({ orderStatus: r.order_status, duplicate: r.flag_reason === 'duplicate', checks, review: r.review });
    const key = JSON.stringify([json, state, counted]);
    if (!writes.has(key)) writes.set(key, { set: { checks: json, state, counted }, ids: [] });
    writes.get(key)!.ids.push(r.id);
    changed.add(r.id);
  }
  for (const { set, ids } of writes.values())
    for (let i = 0; i < ids.length; i += 500) await db.updateTable('staff_orders').set({ ...set, updated_at: now }).where('id', 'in', ids.slice(i, i + 500)).execute();
  return changed;
}

/** LIKE pattern of a row's checks that hold the plausibility check (422.11). */
export const heldForPlausibility = '%"422.11"%';

/** Every person with orders in the period, checked again (after the province changes the limits). */
export async function applyPlausibilityToPeriod(db: Db, periodId: string): Promise<void> {
  const people = await db.selectFrom('staff_orders').select('staff_id').distinct().where('period_id', '=', periodId).execute();
  for (const p of people) await applyPlausibility(db, p.staff_id, periodId);
}
