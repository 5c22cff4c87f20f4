import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { finishTally, gramsToKg, type Tally } from '../../lib/tally';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import { Problem } from '../problem';
import type { ParticipantRow, UnitTally } from '../../lib/api/agency';
import { noUnitName } from '../../lib/vocabulary';
import { listUnits } from '../staff/agency-units';
import { currentPeriod } from '../../lib/periods';
import { listPeriods } from '../periods';

export type { ParticipantRow, UnitTally };

/**
 * Tallies straight from the database. Each order row carries its contribution (lib/tally.ts
 * orderContribution, stored at submission) and whether it counts, so a tally is plain sums here and
 * finishTally gives the same rounding and rates as everywhere else.
 */

/** What a tally covers: a campaign period, or a date range (a month for the province), dates inclusive. */
export type Scope = { periodId: string } | { from: string; to: string };

/** Reads ?period=… or ?month=yyyy-mm from a request; defaults to the current period (lib/periods.ts). */
export async function scopeOf(db: Db, query: { period?: string; month?: string }): Promise<Scope & { label: string }> {
  if (query.month) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(query.month)) throw new Problem('400.2', { field: 'month', detail: 'Tháng theo dạng yyyy-mm.' });
    const [y, m] = query.month.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { from: `${query.month}-01`, to: `${query.month}-${String(last).padStart(2, '0')}`, label: `Tháng ${m}/${y}` };
  }
  const periods = await listPeriods(db);
  const period = query.period ? periods.find((p) => p.id === query.period) : currentPeriod(periods);
  if (!period) throw new Problem('404.1', { field: 'period' });
  return { periodId: period.id, label: period.name };
}

type OrdersQuery<O> = SelectQueryBuilder<Database, 'staff_orders', O>;

/** Orders that count toward a tally, inside the scope. */
export function countedIn<TB extends keyof Database, O>(query: SelectQueryBuilder<Database, TB, O>, scope: Scope): SelectQueryBuilder<Database, TB, O> {
  // Works on any query over staff_orders (joined with items or not); typed through the orders-only shape.
  const q = query as unknown as OrdersQuery<O>;
  const inScope = 'periodId' in scope ? q.where('staff_orders.period_id', '=', scope.periodId) : q.where('staff_orders.placed_on', '>=', scope.from).where('staff_orders.placed_on', '<=', scope.to);
  return inScope.where('staff_orders.counted', '=', 1).where('staff_orders.farm_items', '>', 0) as unknown as SelectQueryBuilder<Database, TB, O>;
}

/**
 * Sums in two steps, per person then per agency (or per sub-unit) counting people: over the covering index
 * (agency, person order) both steps stream, where count(distinct) makes PostgreSQL 15 sort each group.
 */
function perPerson(db: Db, scope: Scope, agencyCode?: string) {
  let orders = db.selectFrom('staff_orders');
  if (agencyCode) orders = orders.where('agency_code', '=', agencyCode);
  return countedIn(orders, scope)
    .select((eb) => [
      'agency_code',
      'staff_id',
      eb.fn.countAll<number>().as('orders'),
      eb.fn.sum<number>('farm_items').as('farm_items'),
      eb.fn.sum<number>('farm_quantity').as('quantity'),
      eb.fn.sum<number>('farm_amount').as('amount'),
      eb.fn.sum<number>('farm_grams').as('grams'),
      eb.fn.sum<number>('farm_items_without_weight').as('no_weight'),
    ])
    .groupBy(['agency_code', 'staff_id']);
}

/** The second step's sums over people (`p`), whatever they are grouped by. */
const peopleSums = (eb: ExpressionBuilder<{ p: PersonSums }, 'p'>) => [
  eb.fn.countAll<number>().as('participants'),
  eb.fn.sum<number>('p.orders').as('orders'),
  eb.fn.sum<number>('p.farm_items').as('farmItems'),
  eb.fn.sum<number>('p.quantity').as('quantity'),
  eb.fn.sum<number>('p.amount').as('amountVnd'),
  eb.fn.sum<number>('p.grams').as('grams'),
  eb.fn.sum<number>('p.no_weight').as('itemsWithoutWeight'),
];
type PersonSums = { agency_code: string; staff_id: string; orders: number; farm_items: number; quantity: number; amount: number; grams: number; no_weight: number };

function perAgency(db: Db, scope: Scope, agencyCode?: string) {
  return db
    .selectFrom(perPerson(db, scope, agencyCode).as('p'))
    .select((eb) => ['p.agency_code', ...peopleSums(eb)])
    .groupBy('p.agency_code');
}

/** One agency's sums per sub-unit of its people (null: enrolled with the agency-wide code). */
function perUnit(db: Db, scope: Scope, agencyCode: string) {
  return db
    .selectFrom(perPerson(db, scope, agencyCode).as('p'))
    // The agency's own people (its index), not every person's row looked up by id.
    .innerJoin('staff', (j) => j.onRef('staff.id', '=', 'p.staff_id').on('staff.agency_code', '=', agencyCode))
    .select((eb) => ['staff.unit_id', ...peopleSums(eb as unknown as ExpressionBuilder<{ p: PersonSums }, 'p'>)])
    .groupBy('staff.unit_id');
}

type SumRow = { participants: unknown; orders: unknown; farmItems: unknown; quantity: unknown; amountVnd: unknown; grams: unknown; itemsWithoutWeight: unknown };
// PostgreSQL gives counts and sums of bigint as strings, SQLite gives null for an empty sum.
const num = (v: unknown) => Number(v ?? 0);
const toSums = (r: SumRow | undefined) => ({
  participants: num(r?.participants),
  orders: num(r?.orders),
  farmItems: num(r?.farmItems),
  quantity: num(r?.quantity),
  amountVnd: num(r?.amountVnd),
  grams: num(r?.grams),
  itemsWithoutWeight: num(r?.itemsWithoutWeight),
});

export async function agencyTally(db: Db, agencyCode: string, scope: Scope): Promise<Tally> {
  const agency = await db.selectFrom('agencies').select('headcount').where('code', '=', agencyCode).executeTakeFirst();
  const row = await perAgency(db, scope, agencyCode).executeTakeFirst();
  return finishTally(toSums(row), agency?.headcount ?? null);
}

/** Every agency's tally in one grouped query (the province roll-up). */
export async function tallyByAgency(db: Db, scope: Scope): Promise<Map<string, Tally>> {
  const [agencies, rows] = await Promise.all([db.selectFrom('agencies').select(['code', 'headcount']).execute(), perAgency(db, scope).execute()]);
  const byCode = new Map(rows.map((r) => [r.agency_code, r]));
  return new Map(agencies.map((a) => [a.code, finishTally(toSums(byCode.get(a.code)), a.headcount)]));
}

/**
 * The agency's figures by sub-unit: each of its units (a stopped one only while it has figures), then the people
 * enrolled with the agency-wide code (lib/vocabulary.ts noUnitName). A person is in one unit, so the lines add up
 * to agencyTally's. Null for an agency without sub-units.
 */
export async function tallyByUnit(db: Db, agencyCode: string, scope: Scope): Promise<UnitTally[] | null> {
  const units = await listUnits(db, agencyCode);
  if (!units.length) return null;
  const rows = await perUnit(db, scope, agencyCode).execute();
  const byUnit = new Map(rows.map((r) => [r.unit_id, finishTally(toSums(r), null)]));
  const zero = finishTally(toSums(undefined), null);
  return [
    ...units.filter((u) => u.active || byUnit.has(u.id)).map((u) => ({ unitId: u.id, name: u.name, tally: byUnit.get(u.id) ?? zero })),
    { unitId: null, name: noUnitName, tally: byUnit.get(null) ?? zero },
  ];
}

/** The figures by sub-unit locked with a submitted report; null for a report without them (or from before sub-units). */
export const unitsOf = (report: { units: string | null }) => (report.units === null ? null : (JSON.parse(report.units) as UnitTally[]));

/** Everyone enrolled in the agency with what they count for in the scope, participants first, then by name. */
export async function participantRows(db: Db, agencyCode: string, scope: Scope): Promise<ParticipantRow[]> {
  return (await perPersonFigures(db, agencyCode, scope)).participants;
}

/**
 * The agency's tally and its participant rows together (a report, an export): the tally is summed from the same
 * per-person sums, so the orders are aggregated once instead of twice. Sums the same groups as agencyTally.
 */
export async function agencyFigures(db: Db, agencyCode: string, scope: Scope): Promise<{ tally: Tally; participants: ParticipantRow[] }> {
  const agency = await db.selectFrom('agencies').select('headcount').where('code', '=', agencyCode).executeTakeFirst();
  const { participants, counted } = await perPersonFigures(db, agencyCode, scope);
  const sums = { participants: counted.length, orders: 0, farmItems: 0, quantity: 0, amountVnd: 0, grams: 0, itemsWithoutWeight: 0 };
  for (const r of counted) {
    sums.orders += num(r.orders);
    sums.farmItems += num(r.farm_items);
    sums.quantity += num(r.quantity);
    sums.amountVnd += num(r.amount);
    sums.grams += num(r.grams);
    sums.itemsWithoutWeight += num(r.no_weight);
  }
  return { tally: finishTally(sums, agency?.headcount ?? null), participants };
}

async function perPersonFigures(db: Db, agencyCode: string, scope: Scope) {
  // Four independent reads: on PostgreSQL they run side by side on the pool (SQLite runs them one by one anyway).
  const [people, counted, manual, pending] = await Promise.all([
    db
      .selectFrom('staff')
      .leftJoin('agency_units', 'agency_units.id', 'staff.unit_id')
      .select(['staff.id', 'staff.full_name', 'staff.enrolled_at', 'staff.revoked_at', 'staff.unit_id', 'agency_units.name as unit_name'])
      .where('staff.agency_code', '=', agencyCode)
      .execute(),
    perPerson(db, scope, agencyCode).execute(),
    // Apart from the sums above so those read the covering index alone; self-declared orders are few, and the
    // partial index staff_orders_self_declared (migration 0841) holds just them.
    countedIn(db.selectFrom('staff_orders').where('agency_code', '=', agencyCode).where('source', '=', 'manual'), scope)
      .select((eb) => ['staff_id', eb.fn.countAll<number>().as('n')])
      .groupBy('staff_id')
      .execute(),
    // Orders awaiting the agency's review are few too: the partial index staff_orders_awaiting_review (migration 0841).
    awaitingReview(db, agencyCode, scope).select((eb) => ['staff_id', eb.fn.countAll<number>().as('n')]).groupBy('staff_id').execute(),
  ]);
  const sumsOf = new Map(counted.map((r) => [r.staff_id, r]));
  const pendingOf = new Map(pending.map((r) => [r.staff_id, num(r.n)]));
  const manualOf = new Map(manual.map((r) => [r.staff_id, num(r.n)]));
  const rows = people.map((p): ParticipantRow => {
    const s = sumsOf.get(p.id);
    return {
      staffId: p.id,
      fullName: p.full_name,
      enrolledAt: p.enrolled_at,
      revokedAt: p.revoked_at,
      unit: p.unit_id !== null && p.unit_name !== null ? { id: p.unit_id, name: p.unit_name } : null,
      participated: !!s,
      orders: num(s?.orders),
      farmItems: num(s?.farm_items),
      quantity: num(s?.quantity),
      amountVnd: num(s?.amount),
      kg: gramsToKg(num(s?.grams)),
      awaitingReview: pendingOf.get(p.id) ?? 0,
      selfDeclared: manualOf.get(p.id) ?? 0,
    };
  });
  const collator = new Intl.Collator('vi');
  return { participants: rows.sort((a, b) => Number(b.participated) - Number(a.participated) || collator.compare(a.fullName, b.fullName)), counted };
}

function awaitingReview(db: Db, agencyCode: string, scope: Scope) {
  const q = db.selectFrom('staff_orders').where('agency_code', '=', agencyCode).where('state', '=', 'flagged').where('review', 'is', null);
  return 'periodId' in scope ? q.where('period_id', '=', scope.periodId) : q.where('placed_on', '>=', scope.from).where('placed_on', '<=', scope.to);
}
