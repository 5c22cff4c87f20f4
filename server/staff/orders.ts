import { createHash, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { SubmissionResult, SubmittedOrder } from '../../lib/api/staff';
import { problems } from '../../lib/api/problems';
import { formatDate } from '../../lib/format';
import type { Db } from '../db';
import type { StaffOrderTable } from '../db/schema-staff';
import { periodOn, vietnamDateOf, type Period } from '../../lib/periods';
import { clientIdOf, isFault, validateOrder } from './validate-order';
import { checksOf, classifierChecks, isHold, refusalOf, serverVerdictOf, settle, totalCheck, verifiedContribution, type OrderCheck, type PlausibilityLimits } from './check-order';
import { applyPlausibility } from './plausibility';

type OrderRow = Selectable<StaffOrderTable>;
export interface Submitter {
  staffId: string;
  agencyCode: string;
}

/** The sentence a person reads, with the number they can quote to their focal point. */
export const withCode = (code: string, message: string) => `${message} (Mã ${code}.)`;

/**
 * Takes a batch of orders from one person. Each order is judged on its own: a bad one is rejected with a
 * reason, the others go in. The same clientId with the same content gives the same answer again.
 */
export async function ingestOrders(db: Db, who: Submitter, inputs: unknown[], periods: readonly (Period & { limits?: PlausibilityLimits })[], now = new Date()): Promise<SubmissionResult[]> {
  const results: (SubmissionResult | undefined)[] = new Array(inputs.length);
  const ids = inputs.map(clientIdOf).filter((x): x is string => x !== null);
  const existing = new Map<string, OrderRow>();
  if (ids.length) {
    const rows = await db.selectFrom('staff_orders').selectAll().where('staff_id', '=', who.staffId).where('client_id', 'in', ids).execute();
    for (const r of rows) existing.set(r.client_id, r);
  }

  const fresh: { index: number; order: SubmittedOrder; hash: string; row: OrderRow }[] = [];
  const seen = new Map<string, string>();
  inputs.forEach((input, index) => {
    const order = validateOrder(input);
    if (isFault(order)) {
      results[index] = { clientId: clientIdOf(input) ?? '', status: 'rejected', problem: { code: '400.10', message: withCode('400.10', order.message), field: order.field } };
      return;
    }
    const hash = contentHash(order);
    // Sent before (or earlier in this batch): same content → the stored answer; different → conflict.
    const before = existing.get(order.clientId)?.content_hash ?? seen.get(order.clientId);
    if (before !== undefined) {
      if (before !== hash) results[index] = conflict(order.clientId);
      return;
    }
    seen.set(order.clientId, hash);
    const refused = refusalOf(order, now);
    if (refused) {
      results[index] = { clientId: order.clientId, status: 'rejected', problem: { code: refused.code, message: withCode(refused.code, refused.message), field: refused.field } };
      return;
    }
    const day = vietnamDateOf(order.placedAt ?? now.toISOString())!;
    const period = periodOn(periods, day);
    if (!period) {
      const span = periods.map((p) => `${formatDate(p.startsOn)}–${formatDate(p.endsOn)}`).join(', ') || 'chưa có đợt nào';
      results[index] = {
        clientId: order.clientId,
        status: 'rejected',
        problem: { code: '400.11', message: withCode('400.11', `${problems['400.11'].vi} Ngày ${formatDate(day)} không thuộc đợt nào (${span}).`), field: order.placedAt ? 'placedAt' : 'receivedAt' },
      };
      return;
    }
    fresh.push({ index, order, hash, row: newRow(who, order, hash, period.id, day, now) });
  });

  if (fresh.length) {
    // The same order resent at once may have been stored by the other request meanwhile: its items are there.
    const mine = new Set<string>();
    await db.transaction().execute(async (trx) => {
      const inserted = await trx.insertInto('staff_orders').values(fresh.map((f) => f.row)).onConflict((oc) => oc.columns(['staff_id', 'client_id']).doNothing()).returning('id').execute();
      for (const r of inserted) mine.add(r.id);
      const items = fresh.filter((f) => mine.has(f.row.id)).flatMap((f) =>
        f.order.items.map((it, i) => ({
          order_id: f.row.id,
          line_no: i,
          name: it.name,
          quantity: it.quantity,
          unit_price: it.unitPrice,
          line_total: it.lineTotal,
          shop: it.shop,
          product_url: it.productUrl,
          weight_grams: it.weightGrams,
          is_farm_product: it.isFarmProduct ? 1 : 0,
          excluded: it.excluded ? 1 : 0,
          farm_verdict: serverVerdictOf(it) ? 1 : 0,
          farm_override: null,
          override_by: null,
          override_by_name: null,
          override_at: null,
          override_note: null,
        })),
      );
      for (let i = 0; i < items.length; i += 500) await trx.insertInto('staff_order_items').values(items.slice(i, i + 500)).execute();
    });
    const changed = new Set((await reconcileClaims(db, fresh.filter((f) => f.order.orderCode).map((f) => ({ marketplace: f.order.marketplace, orderCode: f.order.orderCode! })))).keys());
    for (const periodId of new Set(fresh.map((f) => f.row.period_id)))
      for (const id of await applyPlausibility(db, who.staffId, periodId, periods.find((p) => p.id === periodId)?.limits)) changed.add(id);
    // Double claims and plausibility may have held what was just stored, and a resend racing this one stored some
    // first: then answer from the rows as they are now; otherwise the rows just inserted are the answer.
    if (fresh.some((f) => !mine.has(f.row.id) || changed.has(f.row.id))) {
      const rows = await db.selectFrom('staff_orders').selectAll().where('staff_id', '=', who.staffId).where('client_id', 'in', fresh.map((f) => f.order.clientId)).execute();
      for (const r of rows) existing.set(r.client_id, r);
    } else for (const f of fresh) existing.set(f.order.clientId, f.row);
    for (const f of fresh) if (!mine.has(f.row.id) && existing.get(f.order.clientId)?.content_hash !== f.hash) results[f.index] = conflict(f.order.clientId);
  }

  // Every order not refused above is stored now (sent before, or just inserted and checked for double claims).
  return inputs.map((input, i) => results[i] ?? resultOf(existing.get(clientIdOf(input)!)!));
}

function conflict(clientId: string): SubmissionResult {
  return { clientId, status: 'rejected', problem: { code: '409.1', message: withCode('409.1', problems['409.1'].vi), field: 'clientId' } };
}

export function contentHash(order: SubmittedOrder): string {
  return createHash('sha256').update(JSON.stringify(order)).digest('base64url');
}

function newRow(who: Submitter, order: SubmittedOrder, hash: string, periodId: string, day: string, now: Date): OrderRow {
  const items = order.items.map((it) => ({ ...it, verdict: { sentAsFarm: it.isFarmProduct, serverVerdict: serverVerdictOf(it), override: null } }));
  const c = verifiedContribution(items);
  const checks = [totalCheck(order), ...classifierChecks(items)].filter((x): x is OrderCheck => x !== null);
  const { state, counted } = settle({ orderStatus: order.status, duplicate: false, checks, review: null });
  return {
    id: randomUUID(),
    client_id: order.clientId,
    staff_id: who.staffId,
    agency_code: who.agencyCode,
    period_id: periodId,
    marketplace: order.marketplace,
    order_code: order.orderCode,
    placed_at: order.placedAt,
    placed_on: day,
    source: order.source,
    order_status: order.status,
    shipping_fee: order.shippingFee,
    discount: order.discount,
    total: order.total,
    content_hash: hash,
    body: JSON.stringify(order),
    state,
    flag_reason: null,
    review: null,
    review_note: null,
    reviewed_by: null,
    reviewed_at: null,
    counted,
    checks: checks.length ? JSON.stringify(checks) : null,
    farm_items: c.farmItems,
    farm_quantity: c.quantity,
    farm_amount: c.amountVnd,
    farm_grams: c.grams,
    farm_items_without_weight: c.itemsWithoutWeight,
    received_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
}

/**
 * A marketplace order claimed more than once (by two people, or twice by one) is flagged until the agency
 * reviews it; when a claim is withdrawn and one remains, the remaining one is no longer in doubt.
 */
export async function reconcileClaims(db: Db, keys: { marketplace: string; orderCode: string }[]): Promise<Map<string, 'flagged' | 'accepted'>> {
  const changed = new Map<string, 'flagged' | 'accepted'>();
  const unique = [...new Map(keys.map((k) => [`${k.marketplace}\u0000${k.orderCode}`, k])).values()];
  if (!unique.length) return changed;
  const claims = await db
    .selectFrom('staff_orders')
    .select(['id', 'marketplace', 'order_code', 'state', 'flag_reason', 'checks', 'review', 'order_status'])
    .where('state', '!=', 'withdrawn')
    .where((eb) => eb.or(unique.map((k) => eb.and([eb('marketplace', '=', k.marketplace), eb('order_code', '=', k.orderCode)]))))
    .execute();
  const byKey = new Map<string, typeof claims>();
  for (const c of claims) {
    const k = `${c.marketplace}\u0000${c.order_code}`;
    byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }
  const now = new Date().toISOString();
  // Claims getting the same values are written by one statement.
  const writes = new Map<string, { set: { state: 'flagged' | 'accepted'; flag_reason: 'duplicate' | null; counted: 0 | 1 }; ids: string[] }>();
  for (const group of byKey.values()) {
    const duplicate = group.length > 1;
    for (const c of group) {
      if (c.review !== null || (c.flag_reason === 'duplicate') === duplicate) continue;
      const { state, counted } = settle({ orderStatus: c.order_status, duplicate, checks: checksOf(c.checks), review: null });
      const key = `${state} ${duplicate} ${counted}`;
      if (!writes.has(key)) writes.set(key, { set: { state, flag_reason: duplicate ? 'duplicate' : null, counted }, ids: [] });
      writes.get(key)!.ids.push(c.id);
      changed.set(c.id, state);
    }
  }
  for (const { set, ids } of writes.values())
    for (let i = 0; i < ids.length; i += 500) await db.updateTable('staff_orders').set({ ...set, updated_at: now }).where('id', 'in', ids.slice(i, i + 500)).execute();
  return changed;
}

/** What the person sees of a stored order: excluded by the agency reads as rejected, with its note. */
export function resultOf(row: OrderRow): SubmissionResult & { reason?: string } {
  const base = { clientId: row.client_id, serverId: row.id };
  if (row.state === 'withdrawn') return { ...base, status: 'withdrawn' };
  if (row.review === 'excluded') {
    const reason = row.review_note ? `Cơ quan không tính đơn này: ${row.review_note}` : 'Cơ quan không tính đơn này.';
    return { ...base, status: 'rejected', reason, problem: { code: '403.10', message: reason } };
  }
  const checks = checksOf(row.checks);
  const notes = checks.filter((c) => !isHold(c));
  if (row.review === 'counted' || row.state === 'accepted') return notes.length ? { ...base, status: 'accepted', ...explained(notes) } : { ...base, status: 'accepted' };
  const holds: OrderCheck[] = [...(row.flag_reason === 'duplicate' ? [{ code: '409.13' as const, message: problems['409.13'].vi }] : []), ...checks.filter(isHold)];
  return { ...base, status: 'flagged', ...explained([...holds, ...notes]) };
}

/** Every check's sentence with its code; the first one is the answer's problem. */
function explained(checks: OrderCheck[]) {
  const [first] = checks;
  return {
    reason: checks.map((c) => withCode(c.code, c.message)).join(' '),
    problem: { code: first.code, message: withCode(first.code, first.message), ...(first.field ? { field: first.field } : {}) },
  };
}


export async function withdrawOrder(db: Db, staffId: string, clientId: string): Promise<OrderRow | undefined> {
  const row = await db.selectFrom('staff_orders').selectAll().where('staff_id', '=', staffId).where('client_id', '=', clientId).executeTakeFirst();
  if (!row || row.state === 'withdrawn') return row;
  await db.updateTable('staff_orders').set({ state: 'withdrawn', counted: 0, updated_at: new Date().toISOString() }).where('id', '=', row.id).execute();
  if (row.order_code) await reconcileClaims(db, [{ marketplace: row.marketplace, orderCode: row.order_code }]);
  await applyPlausibility(db, staffId, row.period_id);
  return { ...row, state: 'withdrawn', counted: 0 };
}
