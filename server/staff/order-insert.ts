import { CompiledQuery } from 'kysely';
import type { Db } from '../db';
import type { Insertable, Selectable } from 'kysely';
import type { StaffOrderItemTable, StaffOrderTable } from '../db/schema-staff';

/** The columns a new order is stored with: every one but the agency's review, which it does not have yet. */
export type NewOrderRow = Omit<Selectable<StaffOrderTable>, 'review' | 'review_note' | 'reviewed_by' | 'reviewed_at'>;
/** An item as it arrives: the agency's override columns stay empty. */
export type NewItemRow = Required<Omit<Insertable<StaffOrderItemTable>, 'farm_override' | 'override_by' | 'override_by_name' | 'override_at' | 'override_note'>>;

const orderColumns = [
  'id', 'client_id', 'staff_id', 'agency_code', 'period_id', 'marketplace', 'order_code', 'placed_at', 'placed_on', 'source', 'order_status', 'shipping_fee', 'discount',
  'total', 'content_hash', 'body', 'state', 'flag_reason', 'counted', 'checks', 'farm_items', 'farm_quantity', 'farm_amount', 'farm_grams', 'farm_items_without_weight',
  'received_at', 'updated_at',
] as const satisfies readonly (keyof NewOrderRow)[];
const itemColumns = ['order_id', 'line_no', 'name', 'quantity', 'unit_price', 'line_total', 'shop', 'product_url', 'weight_grams', 'is_farm_product', 'excluded', 'farm_verdict'] as const satisfies readonly (keyof NewItemRow)[];

// Every column of a new row is written: one added to the row types without being added here fails the type check.
type Unwritten<T, C extends readonly unknown[]> = Exclude<keyof T, C[number]>;
export const everyColumnWritten: [Unwritten<NewOrderRow, typeof orderColumns>, Unwritten<NewItemRow, typeof itemColumns>] extends [never, never] ? true : false = true;

/**
 * New orders and their items, written as plain parameterised statements: the busiest write of deadline day. Kysely's
 * insert builder walked every value of every row into a tree and back into text (a sixth of a batch's CPU); these
 * texts depend only on the number of rows, and their values are passed in column order. SQLite allows 32.766
 * parameters a statement: 500 items × 12 columns stay well under it; PostgreSQL 65.535 with 100 orders × 27 more.
 * On PostgreSQL the orders go in a WITH clause of the items' statement (one round trip fewer); the items' foreign
 * key is checked at the statement's end, when the orders are in.
 */
export async function insertOrders(trx: Db, rows: readonly NewOrderRow[], items: readonly NewItemRow[], postgres: boolean) {
  const params: unknown[] = [];
  const orders = `insert into staff_orders (${orderColumns.join(', ')}) values ${valuesOf(rows, orderColumns, params, postgres)}`;
  const chunks = Array.from({ length: Math.ceil(items.length / 500) }, (_, i) => items.slice(i * 500, i * 500 + 500));
  const itemsInto = (chunk: readonly NewItemRow[], into: unknown[]) => `insert into staff_order_items (${itemColumns.join(', ')}) values ${valuesOf(chunk, itemColumns, into, postgres)}`;
  const [head, ...rest] = chunks;
  if (postgres && head) {
    const text = `with new_orders as (${orders}) ${itemsInto(head, params)}`;
    await trx.executeQuery(CompiledQuery.raw(text, params));
  } else {
    await trx.executeQuery(CompiledQuery.raw(orders, params));
    if (head) rest.unshift(head);
  }
  for (const chunk of rest) {
    const into: unknown[] = [];
    const text = itemsInto(chunk, into);
    await trx.executeQuery(CompiledQuery.raw(text, into));
  }
}

/** `(?, ?, …), (…)` (PostgreSQL: `($1, $2, …)`, numbered on from what `params` holds), pushing the rows' values. */
function valuesOf<R>(rows: readonly R[], columns: readonly (keyof R)[], params: unknown[], postgres: boolean): string {
  const tuples: string[] = new Array(rows.length);
  const sqliteTuple = postgres ? '' : `(${columns.map(() => '?').join(', ')})`;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let tuple = '(';
    for (let c = 0; c < columns.length; c++) {
      params.push(row[columns[c]]);
      if (postgres) tuple += c ? `, $${params.length}` : `$${params.length}`;
    }
    tuples[r] = postgres ? `${tuple})` : sqliteTuple;
  }
  return tuples.join(', ');
}
