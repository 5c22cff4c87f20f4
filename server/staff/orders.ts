import { hash as oneShotHash } from 'node:crypto';
import { PostgresAdapter, type Selectable } from 'kysely';
import type { SubmissionResult, SubmittedOrder } from '../../lib/api/staff';
import { problems } from '../../lib/api/problems';
import { formatDate } from '../../lib/format';
import { orderContribution, type TallyItem } from '../../lib/tally';
import type { Db } from '../db';
import type { StaffOrderTable } from '../db/schema-staff';
import { insertOrders, type NewItemRow, type NewOrderRow } from './order-insert';
import { periodOn, vietnamDateOf } from '../../lib/periods';
import { clientIdOf, isFault, validateOrder } from './validate-order';
import { checksOf, classifierChecks, isHold, plausibilityCheck, refusalOf, serverVerdictOf, settle, totalCheck, type OrderCheck } from './check-order';
import { applyPlausibility } from './plausibility';
import { orderContext, type PeriodWithLimits } from './order-context';
import { byClaim, claimKey, orderColumns, whatTheBatchMeets } from './batch-meets';
import { submissionTransaction } from './submission-transaction';
import { timeOrderedId } from '../db/time-ordered-id';

type OrderRow = Selectable<StaffOrderTable>;
export interface Submitter {
  staffId: string;
  agencyCode: string;
}

/**
 * The person sending, by their token, whose check may still be on its way (api/staff/orders.ts,
 * requireRoleAlongsideWork): the transaction's first statements find the person and their agency from the token's
 * hash, in the same round trip as the check, and the batch awaits `checked` before it uses anything they read.
 */
export interface SubmitterByToken {
  tokenHash: string;
  checked: Promise<Submitter>;
}

/** The sentence a person reads, with the number they can quote to their focal point. */
export const withCode = (code: string, message: string) => `${message} (Mã ${code}.)`;

/**
 * Takes a batch of orders from one person. Each order is judged on its own: a bad one is rejected with a
 * reason, the others go in. The same clientId with the same content gives the same answer again.
 *
 * Set-based, in one transaction, whatever the batch's size: what the batch meets in the database (the agency and its
 * periods, the orders sent before, the person's totals, the other claims of the same marketplace orders) is read in
 * one statement once the person's locks are held (submission-transaction.ts), then
 * every new order is inserted with its final state (double claim, plausibility hold) in one statement and its items
 * in another (on PostgreSQL the same statement). Rows stored earlier are written only when this batch changes them:
 * an older claim of the same marketplace order becomes a double claim, or the person crosses a limit (every
 * unreviewed order then gets the new hold).
 */
export async function ingestOrders(db: Db, who: SubmitterByToken, inputs: unknown[], now = new Date()): Promise<SubmissionResult[]> {
  const results: (SubmissionResult | undefined)[] = new Array(inputs.length);
  const received = now.toISOString();
  const today = vietnamDateOf(received)!;
  // Judged without the database first: the shape of each order, and the day it counts on.
  const valid: { index: number; order: SubmittedOrder; body: string; hash: string; day: string }[] = [];
  inputs.forEach((input, index) => {
    const order = validateOrder(input);
    if (isFault(order)) {
      results[index] = { clientId: clientIdOf(input) ?? '', status: 'rejected', problem: { code: '400.10', message: withCode('400.10', order.message), field: order.field } };
      return;
    }
    const body = JSON.stringify(order);
    valid.push({ index, order, body, hash: hashOf(body), day: vietnamDateOf(order.placedAt ?? received)! });
  });
  // An agency that no longer takes orders answers 403.12 whatever the orders (below, read with the rest).
  if (!valid.length) {
    await orderContext(db, (await who.checked).agencyCode);
    return results as SubmissionResult[];
  }

  const stored = new Map<string, StoredOrder | NewOrderRow>();
  const orders = valid.map((v) => v.order);
  await submissionTransaction(db, who.tokenHash, orders, async (trx) => {
    const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
    const reading = whatTheBatchMeets(trx, who.tokenHash, orders, postgres);
    // Nothing read is used before the token's check has answered: a token that is no person's reads no one's orders
    // (its statements find no one), and its refusal is the answer, not what the reading makes of finding no one.
    reading.catch(() => {});
    const submitter = await who.checked;
    const met = await reading;
    const periods = met.periods;
    for (const r of met.sent.values()) stored.set(r.client_id, r);

    const fresh: (typeof valid[number] & { period: PeriodWithLimits })[] = [];
    const first = new Map<string, { hash: string; index: number }>();
    for (const v of valid) {
      const { order, hash, index } = v;
      // Sent before (or earlier in this batch): same content → the same answer; different → conflict.
      const before = met.sent.get(order.clientId)?.content_hash ?? first.get(order.clientId)?.hash;
      if (before !== undefined) {
        if (before !== hash) results[index] = conflict(order.clientId);
        continue;
      }
      first.set(order.clientId, { hash, index });
      const refused = refusalOf(order, order.placedAt ? v.day : null, today);
      if (refused) {
        results[index] = { clientId: order.clientId, status: 'rejected', problem: { code: refused.code, message: withCode(refused.code, refused.message), field: refused.field } };
        continue;
      }
      const period = periodOn(periods, v.day);
      if (!period) {
        const span = periods.map((p) => `${formatDate(p.startsOn)}–${formatDate(p.endsOn)}`).join(', ') || 'chưa có đợt nào';
        results[index] = {
          clientId: order.clientId,
          status: 'rejected',
          problem: { code: '400.11', message: withCode('400.11', `${problems['400.11'].vi} Ngày ${formatDate(v.day)} không thuộc đợt nào (${span}).`), field: order.placedAt ? 'placedAt' : 'receivedAt' },
        };
        continue;
      }
      fresh.push({ ...v, period });
    }
    // A second copy in the batch answers as its first one did (refused, or stored below).
    for (const v of valid) {
      const f = first.get(v.order.clientId);
      if (!results[v.index] && !stored.has(v.order.clientId) && f && f.index !== v.index && f.hash === v.hash) results[v.index] = results[f.index];
    }
    if (!fresh.length) return;

    const built = fresh.map((f) => ({ order: f.order, period: f.period, ...judged(f.order, submitter, f.hash, f.body, f.period.id, f.day, received) }));
    const { totals, claims } = met;
    // Double claims: this batch's orders with the stored claims of the same marketplace order, and with each other.
    const batchClaims = new Map<string, number>();
    const keyOf = (o: SubmittedOrder) => (o.orderCode ? claimKey(o.marketplace, o.orderCode) : null);
    for (const b of built) if (keyOf(b.order)) batchClaims.set(keyOf(b.order)!, (batchClaims.get(keyOf(b.order)!) ?? 0) + 1);
    const doubtful = (o: SubmittedOrder) => keyOf(o) !== null && (claims.get(keyOf(o)!)?.length ?? 0) + batchClaims.get(keyOf(o)!)! > 1;
    // Plausibility: the person's totals in each period once this batch is in. Over a limit, every new order
    // arrives held; rows stored before already carry the hold of the totals before (applyPlausibility runs
    // after every other change), so they are rewritten only when the sentence changes, or when the agency has
    // reviewed one that still carries it (a review leaves the hold for the next run to take off).
    const holds = new Map<string, { hold: OrderCheck | null; rewrite: boolean }>();
    for (const periodId of new Set(fresh.map((f) => f.period.id))) {
      const limits = fresh.find((f) => f.period.id === periodId)!.period.limits;
      const was = totals.get(periodId) ?? { orders: 0, amountVnd: 0, reviewedHeld: 0 };
      const added = built.filter((b) => b.period.id === periodId && b.order.status === 'placed');
      const after = { orders: was.orders + added.length, amountVnd: was.amountVnd + added.reduce((s, b) => s + b.contribution.amountVnd, 0) };
      const hold = limits ? plausibilityCheck(after, limits) : null;
      const holdBefore = limits ? plausibilityCheck(was, limits) : null;
      holds.set(periodId, { hold, rewrite: hold?.message !== holdBefore?.message || was.reviewedHeld > 0 });
    }
    const rowsIn = built.map((b) => settleRow(b, doubtful(b.order), holds.get(b.period.id)!.hold));
    await insertOrders(trx, rowsIn, built.flatMap((b) => b.items), postgres);
    const changed = new Set((await settleClaims(trx, [...batchClaims.keys()].filter((k) => claims.has(k)).map((k) => ({ claims: claims.get(k)!, duplicate: true })), now)).keys());
    for (const [periodId, { rewrite }] of holds)
      if (rewrite) for (const id of await applyPlausibility(trx, submitter.staffId, periodId, fresh.find((f) => f.period.id === periodId)!.period.limits)) changed.add(id);
    for (const r of rowsIn) stored.set(r.client_id, r);
    // Answers come from the rows as this batch leaves them: an order sent again that the batch made a double
    // claim or put over a limit answers held. The new rows carry their final state already.
    const stale = [...stored.values()].filter((r) => changed.has(r.id)).map((r) => r.id);
    if (stale.length) for (const r of await trx.selectFrom('staff_orders').select(orderColumns).where('id', 'in', stale).execute()) stored.set(r.client_id, r);
  });

  // Every order not refused above is stored now (sent before, or just inserted).
  return inputs.map((input, i) => results[i] ?? resultOf(stored.get(clientIdOf(input)!)!));
}

export type StoredOrder = Pick<OrderRow, (typeof orderColumns)[number]>;
type Claim = StoredOrder;

/** The standing claims (not withdrawn) of these marketplace orders. */
const standingClaims = (db: Db, coded: readonly { marketplace: string; orderCode: string | null }[]) =>
  db
    .selectFrom('staff_orders')
    .select(orderColumns)
    .where('state', '!=', 'withdrawn')
    .where('marketplace', 'in', [...new Set(coded.map((o) => o.marketplace))])
    .where('order_code', 'in', [...new Set(coded.map((o) => o.orderCode!))]);

/** The standing claims of these marketplace orders, by marketplace and order code. */
async function claimsOf(db: Db, orders: readonly { marketplace: string; orderCode: string | null }[]): Promise<Map<string, Claim[]>> {
  const coded = orders.filter((o) => o.orderCode);
  return coded.length ? byClaim(await standingClaims(db, coded).execute(), coded) : new Map();
}

function conflict(clientId: string): SubmissionResult {
  return { clientId, status: 'rejected', problem: { code: '409.1', message: withCode('409.1', problems['409.1'].vi), field: 'clientId' } };
}

export function contentHash(order: SubmittedOrder): string {
  return hashOf(JSON.stringify(order));
}

/** The content hash of an order's JSON (the body it is stored with), so the text is made once. */
const hashOf = (body: string) => oneShotHash('sha256', body, 'base64url');

/**
 * Everything about a new order that depends on it alone: its row (its state settled later, with the batch), its own
 * checks, its contribution, its items' rows. Built field by field, once: this runs for every order of deadline day.
 */
function judged(order: SubmittedOrder, who: Submitter, hash: string, body: string, periodId: string, day: string, received: string) {
  const id = timeOrderedId();
  const items: NewItemRow[] = new Array(order.items.length);
  const tallied: TallyItem[] = new Array(order.items.length);
  let overruled = false;
  for (let i = 0; i < order.items.length; i++) {
    const it = order.items[i];
    const verdict = serverVerdictOf(it);
    if (verdict !== it.isFarmProduct) overruled = true;
    tallied[i] = { quantity: it.quantity, lineTotal: it.lineTotal, weightGrams: it.weightGrams, isFarmProduct: verdict, excluded: it.excluded };
    items[i] = {
      order_id: id,
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
      farm_verdict: verdict ? 1 : 0,
    };
  }
  // The items' own verdicts (ItemVerdict) only where the server overrules the client: what classifierChecks reads.
  const verdicts = overruled ? order.items.map((it, i) => ({ name: it.name, verdict: { sentAsFarm: it.isFarmProduct, serverVerdict: tallied[i].isFarmProduct, override: null } })) : [];
  const contribution = orderContribution(tallied);
  const total = totalCheck(order);
  const checks = total ? [total, ...classifierChecks(verdicts)] : classifierChecks(verdicts);
  const row: NewOrderRow = {
    id,
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
    body,
    state: 'accepted',
    flag_reason: null,
    counted: 0,
    checks: null,
    farm_items: contribution.farmItems,
    farm_quantity: contribution.quantity,
    farm_amount: contribution.amountVnd,
    farm_grams: contribution.grams,
    farm_items_without_weight: contribution.itemsWithoutWeight,
    received_at: received,
    updated_at: received,
  };
  return { row, checks, contribution, items };
}

/** The row as stored: its own checks, then the person's plausibility hold; a double claim flags it. */
function settleRow(b: { order: SubmittedOrder; row: NewOrderRow; checks: OrderCheck[] }, duplicate: boolean, hold: OrderCheck | null): NewOrderRow {
  const checks = hold ? [...b.checks, hold] : b.checks;
  const { state, counted } = settle({ orderStatus: b.order.status, duplicate, checks, review: null });
  b.row.state = state;
  b.row.counted = counted;
  b.row.flag_reason = duplicate ? 'duplicate' : null;
  b.row.checks = checks.length ? JSON.stringify(checks) : null;
  return b.row;
}

/**
 * A marketplace order claimed more than once (by two people, or twice by one) is flagged until the agency
 * reviews it; when a claim is withdrawn and one remains, the remaining one is no longer in doubt.
 */
export async function reconcileClaims(db: Db, keys: { marketplace: string; orderCode: string }[]): Promise<Map<string, 'flagged' | 'accepted'>> {
  const claims = await claimsOf(db, keys);
  return settleClaims(db, [...claims.values()].map((group) => ({ claims: group, duplicate: group.length > 1 })), new Date());
}

/** Writes each claim's flag where it changes; claims getting the same values are written by one statement. */
async function settleClaims(db: Db, groups: { claims: Claim[]; duplicate: boolean }[], now: Date): Promise<Map<string, 'flagged' | 'accepted'>> {
  const changed = new Map<string, 'flagged' | 'accepted'>();
  const writes = new Map<string, { set: { state: 'flagged' | 'accepted'; flag_reason: 'duplicate' | null; counted: 0 | 1 }; ids: string[] }>();
  for (const { claims, duplicate } of groups) {
    for (const c of claims) {
      if (c.review !== null || (c.flag_reason === 'duplicate') === duplicate) continue;
      const { state, counted } = settle({ orderStatus: c.order_status, duplicate, checks: checksOf(c.checks), review: null });
      const key = `${state} ${duplicate} ${counted}`;
      if (!writes.has(key)) writes.set(key, { set: { state, flag_reason: duplicate ? 'duplicate' : null, counted }, ids: [] });
      writes.get(key)!.ids.push(c.id);
      changed.set(c.id, state);
    }
  }
  for (const { set, ids } of writes.values())
    for (let i = 0; i < ids.length; i += 500) await db.updateTable('staff_orders').set({ ...set, updated_at: now.toISOString() }).where('id', 'in', ids.slice(i, i + 500)).execute();
  return changed;
}

/** What the person sees of a stored order: excluded by the agency reads as rejected, with its note. */
export function resultOf(row: Pick<OrderRow, 'id' | 'client_id' | 'state' | 'flag_reason' | 'checks'> & Partial<Pick<OrderRow, 'review' | 'review_note'>>): SubmissionResult & { reason?: string } {
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
