import { CompiledQuery } from 'kysely';
import type { Db } from '../db';
import type { SubmittedOrder } from '../../lib/api/staff';
import { contextOf, periodsOf, type ContextRow, type PeriodWithLimits } from './order-context';
import { heldForPlausibility } from './plausibility';
import type { StoredOrder } from './orders';
import { deferred, prepared } from '../db/prepared';

/** Columns read of a stored order: its answer (resultOf), its content hash, and what settles it as a claim. */
export const orderColumns = ['id', 'client_id', 'content_hash', 'state', 'flag_reason', 'checks', 'review', 'review_note', 'marketplace', 'order_code', 'order_status', 'period_id'] as const;

export const claimKey = (marketplace: string, orderCode: string) => `${marketplace}\u0000${orderCode}`;

/** What a batch meets in the database (whatTheBatchMeets). */
export interface BatchMeets {
  periods: PeriodWithLimits[];
  sent: Map<string, StoredOrder>;
  totals: Map<string, { orders: number; amountVnd: number; reviewedHeld: number }>;
  claims: Map<string, StoredOrder[]>;
}

/**
 * What a batch meets in the database, in one statement (four round trips on PostgreSQL otherwise), read once the
 * person's locks are held: the person's orders sent before under the batch's clientIds, the standing claims (not
 * withdrawn) of the batch's marketplace orders, the person's placed orders and farm money per period with how many
 * reviewed orders still carry a plausibility hold, and the agency's context (its flag, the periods and their limits).
 * Each part reads through its own index (staff_orders_client, staff_orders_claim, the agency's and periods' keys).
 *
 * A plain parameterised statement, like the insert after it (order-insert.ts): Kysely's builder spent 5–7 % of a
 * batch's CPU assembling this same text for every request. The text depends only on how many clientIds, marketplaces
 * and order codes the batch has, and its values are passed in the order of its placeholders.
 */
export async function whatTheBatchMeets(db: Db, tokenHash: string, orders: readonly SubmittedOrder[], postgres: boolean): Promise<BatchMeets> {
  const clientIds = [...new Set(orders.map((o) => o.clientId))];
  const coded = orders.filter((o) => o.orderCode);
  const marketplaces = [...new Set(coded.map((o) => o.marketplace))];
  const codes = [...new Set(coded.map((o) => o.orderCode!))];
  const params: unknown[] = [tokenHash, ...clientIds];
  let text = `${sentPart} and client_id in (${marks(clientIds.length)})`;
  if (coded.length) {
    text += ` union all ${claimPart} and marketplace in (${marks(marketplaces.length)}) and order_code in (${marks(codes.length)})`;
    params.push(...marketplaces, ...codes);
  }
  text += ` union all ${totalsPart} union all ${contextPart}`;
  params.push(tokenHash, tokenHash);
  if (postgres) await db.executeQuery(CompiledQuery.raw(indexesOnly, []));
  const { rows } = await db.executeQuery<MetRow>(CompiledQuery.raw(postgres ? prepared(numbered(text)) : text, params));

  const sent = new Map<string, StoredOrder>();
  const totals: BatchMeets['totals'] = new Map();
  const context: ContextRow[] = [];
  const claims: StoredOrder[] = [];
  for (const r of rows) {
    if (r.part === 'sent') sent.set(r.client_id, r);
    else if (r.part === 'claim') claims.push(r);
    else if (r.part === 'totals') totals.set(r.period_id, { orders: Number(r.orders ?? 0), amountVnd: Number(r.amount ?? 0), reviewedHeld: Number(r.reviewed_held ?? 0) });
    else {
      const row: Record<string, unknown> = {};
      for (const [c, from] of contextPlaces) row[from] = (r as unknown as Record<string, unknown>)[c];
      context.push(row as unknown as ContextRow);
    }
  }
  return { periods: periodsOf(context), sent, totals, claims: byClaim(claims, coded) };
}

/** A row of the statement: every part carries every column, the ones it lacks null. */
type MetRow = StoredOrder & { part: 'sent' | 'claim' | 'totals' | 'context'; orders: number | string | null; amount: number | string | null; reviewed_held: number | string | null };

/** Claims by marketplace and order code, of the pairs asked for only (the query matches codes and marketplaces apart). */
export function byClaim(claims: readonly StoredOrder[], coded: readonly { marketplace: string; orderCode: string | null }[]): Map<string, StoredOrder[]> {
  const byKey = new Map<string, StoredOrder[]>();
  const wanted = new Set(coded.map((o) => claimKey(o.marketplace, o.orderCode!)));
  for (const c of claims) {
    const k = claimKey(c.marketplace, c.order_code!);
    if (wanted.has(k)) byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }
  return byKey;
}

/** Where the context's columns ride in the rows: its text columns in the order columns' places, its numbers in the totals'. */
const contextColumns: Partial<Record<(typeof orderColumns)[number], keyof ContextRow>> = {
  id: 'id',
  client_id: 'name',
  content_hash: 'starts_on',
  state: 'ends_on',
  flag_reason: 'report_due',
};
const contextNumbers = [
  ['orders', 'max_orders'],
  ['amount', 'max_amount'],
  ['reviewed_held', 'active'],
] as const satisfies readonly (readonly [string, keyof ContextRow])[];
const contextPlaces: readonly (readonly [string, keyof ContextRow])[] = [...(Object.entries(contextColumns) as [string, keyof ContextRow][]), ...contextNumbers];

// The parts, typed for PostgreSQL's UNION (a null is cast to its column's type).
const noTotals = 'cast(null as bigint) as orders, cast(null as bigint) as amount, cast(null as bigint) as reviewed_held';
const storedColumns = orderColumns.join(', ');
/**
 * The person and their agency, found from their token's hash (a parameter), whose check may still be on its way: a
 * token's person and agency are written once, when it is issued, so they are the check's. A token that is no
 * person's finds no one, and the batch reads nobody's orders and no agency.
 */
const tokens = (column: 'subject_id' | 'agency_code') => `(select ${column} from tokens where token_hash = ? and role = 'staff')`;
const sentPart = `select ${storedColumns}, 'sent' as part, ${noTotals} from staff_orders where staff_id = ${tokens('subject_id')}`;
const claimPart = `select ${storedColumns}, 'claim' as part, ${noTotals} from staff_orders where state != 'withdrawn'`;
const totalsPart =
  `select ${orderColumns.map((c) => (c === 'period_id' ? c : `cast(null as text) as ${c}`)).join(', ')}, 'totals' as part, ` +
  `sum(case when order_status = 'placed' then 1 else 0 end) as orders, ` +
  `sum(case when order_status = 'placed' then farm_amount else 0 end) as amount, ` +
  `sum(case when review is not null and checks like '${heldForPlausibility}' then 1 else 0 end) as reviewed_held ` +
  `from staff_orders where staff_id = ${tokens('subject_id')} and state != 'withdrawn' group by period_id`;
const contextPart =
  `select ${orderColumns.map((c) => (contextColumns[c] ? `c.${contextColumns[c]} as ${c}` : `cast(null as text) as ${c}`)).join(', ')}, 'context' as part, ` +
  `${contextNumbers.map(([c, from]) => `c.${from} as ${c}`).join(', ')} from (${contextOf(tokens('agency_code'))}) as c`;

/**
 * The statement is prepared on each connection (server/db/prepared.ts), and after its first five calls PostgreSQL may
 * run it with one plan made for any values, kept until staff_orders is next analysed. Made while the table holds a few
 * hundred orders and no statistics (a new province's first minutes, or after a restore), that plan reads the whole
 * table for the claims: it is a few pages then, and each batch read every order stored since, until autovacuum's
 * next pass (in `npm run bench -- collector`, a batch of 50 took 11 ms after 10 batches and 31 ms after 150). Planned
 * with sequential scans off, every part reads through its index (the claims through the codes, migration 0890),
 * whatever the table held when the plan was made. The agency's periods, a few rows no index serves, are still read
 * whole, at the planner's penalty cost for a sequential scan turned off: that cost would have PostgreSQL compile the
 * statement to machine code on every call (JIT, 340 ms a call here), so JIT is off too. Both hold to the end of the
 * submission's transaction, whose later statements insert rows and update them by key (nothing a sequential scan
 * would serve better): one prepared statement, sent with the one it precedes (`deferred`), costs PostgreSQL about
 * 12 µs a submission, where setting both and setting them back with four SETs cost 37 µs.
 */
const indexesOnly = deferred(prepared("select set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)"));

const marks = (n: number) => (n === 1 ? '?' : `?${', ?'.repeat(n - 1)}`);
/** PostgreSQL's placeholders: `$1, $2, …` in the order of the `?` (the texts above carry no other `?`). */
const numbered = (text: string) => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};
