/**
 * The report's numbers, computed one way everywhere: the collector (stored per order, summed by SQL),
 * the dashboards and the extension's popup all use these functions.
 *
 * - An item counts when it is a farm product the person did not exclude.
 * - An order counts when it was placed (not cancelled), is not withdrawn, and the agency has not excluded
 *   it; an order flagged for review counts only once the agency says so.
 * - farmItems = counted farm-product lines (each distinct product of an order), quantity = their units,
 *   amountVnd = their line totals, kg = their known weights × quantity (an estimate: weights the page did
 *   not give are missing, counted in `itemsWithoutWeight`).
 * - orders = counted orders with at least one counted farm-product item; participants = distinct people
 *   with at least one such order.
 */

export interface TallyItem {
  quantity: number;
  lineTotal: number;
  weightGrams: number | null;
  isFarmProduct: boolean;
  excluded: boolean;
}

/** What one order adds to a tally. */
export interface OrderContribution {
  farmItems: number;
  quantity: number;
  amountVnd: number;
  grams: number;
  itemsWithoutWeight: number;
}

export function orderContribution(items: readonly TallyItem[]): OrderContribution {
  const c: OrderContribution = { farmItems: 0, quantity: 0, amountVnd: 0, grams: 0, itemsWithoutWeight: 0 };
  for (const item of items) {
    if (!item.isFarmProduct || item.excluded) continue;
    c.farmItems += 1;
    c.quantity += item.quantity;
    c.amountVnd += item.lineTotal;
    if (item.weightGrams === null) c.itemsWithoutWeight += 1;
    else c.grams += item.weightGrams * item.quantity;
  }
  return c;
}

export type OrderState = 'accepted' | 'flagged' | 'withdrawn';
export type Review = 'counted' | 'excluded' | null;

/** Whether an order counts toward the agency's numbers (see the rules above). */
export function isOrderCounted(o: { orderStatus: 'placed' | 'cancelled'; state: OrderState; review: Review }): boolean {
  if (o.orderStatus !== 'placed' || o.state === 'withdrawn' || o.review === 'excluded') return false;
  return o.state === 'accepted' || o.review === 'counted';
}

export interface Tally {
  /** People the agency employs, when the province has entered it. */
  headcount: number | null;
  participants: number;
  orders: number;
  farmItems: number;
  quantity: number;
  amountVnd: number;
  /** Known weight bought, grams (kg is derived from it). */
  grams: number;
  /** Estimated kilograms, one decimal. */
  kg: number;
  itemsWithoutWeight: number;
  /** participants / headcount, 0..1 (may exceed 1 when headcount is out of date); null without headcount. */
  participationRate: number | null;
}

/** Sums an order's contribution; `personId` makes participants distinct. */
export interface TalliedOrder {
  personId: string;
  counted: boolean;
  contribution: OrderContribution;
}

export function tally(orders: Iterable<TalliedOrder>, headcount: number | null = null): Tally {
  const people = new Set<string>();
  const sums = { orders: 0, farmItems: 0, quantity: 0, amountVnd: 0, grams: 0, itemsWithoutWeight: 0 };
  for (const o of orders) {
    if (!o.counted || o.contribution.farmItems === 0) continue;
    people.add(o.personId);
    sums.orders += 1;
    sums.farmItems += o.contribution.farmItems;
    sums.quantity += o.contribution.quantity;
    sums.amountVnd += o.contribution.amountVnd;
    sums.grams += o.contribution.grams;
    sums.itemsWithoutWeight += o.contribution.itemsWithoutWeight;
  }
  return finishTally({ participants: people.size, ...sums }, headcount);
}

/** Builds a Tally from sums already added up elsewhere (SQL), so rounding and rate are the same everywhere. */
export function finishTally(
  sums: { participants: number; orders: number; farmItems: number; quantity: number; amountVnd: number; grams: number; itemsWithoutWeight: number },
  headcount: number | null,
): Tally {
  return {
    headcount,
    participants: sums.participants,
    orders: sums.orders,
    farmItems: sums.farmItems,
    quantity: sums.quantity,
    amountVnd: sums.amountVnd,
    grams: sums.grams,
    kg: gramsToKg(sums.grams),
    itemsWithoutWeight: sums.itemsWithoutWeight,
    participationRate: headcount ? sums.participants / headcount : null,
  };
}

export const gramsToKg = (grams: number) => Math.round(grams / 100) / 10;

/** Adds agency tallies into a province total (participants are distinct per agency: a person has one agency). */
export function sumTallies(tallies: readonly Tally[], headcount: number | null = null): Tally {
  const known = tallies.filter((t) => t.headcount !== null);
  const hc = headcount ?? (known.length ? known.reduce((s, t) => s + (t.headcount ?? 0), 0) : null);
  const sum = (key: 'participants' | 'orders' | 'farmItems' | 'quantity' | 'amountVnd' | 'grams' | 'itemsWithoutWeight') =>
    tallies.reduce((s, t) => s + t[key], 0);
  return finishTally(
    { participants: sum('participants'), orders: sum('orders'), farmItems: sum('farmItems'), quantity: sum('quantity'), amountVnd: sum('amountVnd'), grams: sum('grams'), itemsWithoutWeight: sum('itemsWithoutWeight') },
    hc,
  );
}
