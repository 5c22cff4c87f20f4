import { CompiledQuery } from 'kysely';
import type { Db } from '../db';
import type { Insertable, Selectable } from 'kysely';
import type { StaffOrderItemTable, StaffOrderTable } from '../db/schema-staff';
import { deferred, prepared } from '../db/prepared';

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
 * key is checked at the statement's end, when the orders are in. The caller must send another statement behind it on
 * the same connection (its COMMIT at the latest), which answers with its error if it failed.
 */
export async function insertOrders(trx: Db, rows: readonly NewOrderRow[], items: readonly NewItemRow[], postgres: boolean) {
  const chunks = Array.from({ length: Math.ceil(items.length / 500) }, (_, i) => items.slice(i * 500, i * 500 + 500));
  const [head, ...rest] = chunks;
  if (postgres && head) {
    const params = valuesOf(head, itemColumns, valuesOf(rows, orderColumns, []));
    // Not waited for (server/db/prepared.ts): its answer says nothing, and what follows it in the transaction (the
    // COMMIT at the latest) fails with its error, so it rides on the next statement's round trip.
    const text = statement(`orders and items ${rows.length} ${head.length}`, () => deferred(`with new_orders as (${ordersInto(rows.length, true)}) ${itemsInto(head.length, true, rows.length * orderColumns.length)}`));
    await trx.executeQuery(CompiledQuery.raw(text, params));
  } else {
    await trx.executeQuery(CompiledQuery.raw(statement(`orders ${postgres} ${rows.length}`, () => ordersInto(rows.length, postgres)), valuesOf(rows, orderColumns, [])));
    if (head) rest.unshift(head);
  }
  for (const chunk of rest) await trx.executeQuery(CompiledQuery.raw(statement(`items ${postgres} ${chunk.length}`, () => itemsInto(chunk.length, postgres, 0)), valuesOf(chunk, itemColumns, [])));
}

const ordersInto = (rows: number, postgres: boolean) => `insert into staff_orders (${orderColumns.join(', ')}) values ${placeholders(rows, orderColumns.length, postgres, 0)}`;
const itemsInto = (rows: number, postgres: boolean, from: number) =>
  `insert into staff_order_items (${itemColumns.join(', ')}) values ${placeholders(rows, itemColumns.length, postgres, from)}`;

/** `(?, ?, …), (…)`; PostgreSQL: `($1, $2, …), (…)`, numbered on from `from`. */
function placeholders(rows: number, columns: number, postgres: boolean, from: number): string {
  if (!postgres) return new Array<string>(rows).fill(`(${new Array<string>(columns).fill('?').join(', ')})`).join(', ');
  return Array.from({ length: rows }, (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${from + r * columns + c + 1}`).join(', ')})`).join(', ');
}

/** The rows' values in column order, pushed onto `params`. */
function valuesOf<R>(rows: readonly R[], columns: readonly (keyof R)[], params: unknown[]): unknown[] {
  for (const row of rows) for (const column of columns) params.push(row[column]);
  return params;
}

/**
 * A statement's text, made once for each shape (how many orders and items) and kept: a batch of the same shape as one
 * before reuses the same text, and the database's statement prepared for it (server/db/sqlite-dialect.ts) is found
 * by an identical string instead of one of many kilobytes built anew. Building the text and looking it up were
 * about 3 % of a batch's CPU. Few shapes come back (one order with its items on deadline day, the extension's batches
 * of up to 100): at most `keptTexts` are kept, then they are dropped and kept anew.
 */
function statement(shape: string, text: () => string): string {
  let kept = texts.get(shape);
  if (kept === undefined) {
    kept = prepared(text());
    if (texts.size >= keptTexts) texts.clear();
    texts.set(shape, kept);
  }
  return kept;
}
const keptTexts = 64;
const texts = new Map<string, string>();
