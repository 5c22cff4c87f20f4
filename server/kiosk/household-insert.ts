import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Db } from '../db';
import type { HouseholdTable } from '../db/schema-kiosk';
import type { HouseholdClaimTable } from '../db/schema-quality';
import { addHouseholdClaims } from '../quality/claims';
import { prepared } from '../db/prepared';
import { additionCtes, type KioskHashes } from '../channels/progress-store';

/** A household about to be stored, with its phone's and ID's hashes (server/channels/progress-store.ts finds it by them). */
export type NewHousehold = HouseholdTable & KioskHashes;

const columns = [
  'id', 'client_id', 'code', 'content_hash', 'commune_code', 'village', 'head_name', 'phone', 'id_number', 'id_kind', 'marketplace', 'shop_name', 'payment',
  'has_payment_account', 'details', 'device_id', 'officer_name', 'registered_at', 'received_at', 'updated_at', 'shop_url', 'shop_opened_at', 'payment_opened_at',
  'products_listed_at', 'guided_by', 'leading_account_id', 'phone_hash', 'id_hash',
] as const satisfies readonly (keyof NewHousehold)[];

// Every column of a new household is written: one added to the row type without being added here fails the type check.
type Unwritten = Exclude<keyof NewHousehold, (typeof columns)[number]>;
export const everyColumnWritten: [Unwritten] extends [never] ? true : false = true;

const claimColumns = [
  'id', 'household_id', 'kind', 'number', 'issuer', 'expires_on', 'stars', 'decision', 'refusal_reason', 'decided_by', 'decided_at', 'submitted', 'created_at', 'updated_at',
] as const satisfies readonly (keyof HouseholdClaimTable)[];
type UnwrittenClaim = Exclude<keyof HouseholdClaimTable, (typeof claimColumns)[number]>;
export const everyClaimColumnWritten: [UnwrittenClaim] extends [never] ? true : false = true;

/**
 * PostgreSQL: one statement whose text never changes, whatever the batch's size; the rows go as one JSON parameter each
 * table, read back into the tables' own row types. As one array per column, the driver escaped each of a tablet's
 * 50 × 28 values in JavaScript (a fifth of the collector's CPU for the batch); JSON.stringify is the engine's own. The
 * claims of the households stored go in the same statement (only of those stored: a clientId stored meanwhile keeps
 * its own).
 */
const postgresInsert = (figures: boolean) => `with stored as (
    insert into households (${columns.join(', ')}) select ${columns.join(', ')} from json_populate_recordset(null::households, $1)
    on conflict (client_id) do nothing returning id, client_id),
  claims as (
    insert into household_claims (${claimColumns.join(', ')}) select ${claimColumns.join(', ')} from json_populate_recordset(null::household_claims, $2)
    where household_id in (select id from stored)
    on conflict (household_id, kind) do nothing)${
  // The figures only when every household was stored (the batch's count is the third parameter).
  figures ? `,
  ${additionCtes(4, '(select count(*) from stored) = $3')}` : ''}
  select client_id from stored`;
const [withoutFigures, withFigures] = [prepared(postgresInsert(false)), prepared(postgresInsert(true))];

/**
 * Stores new households and the claims of those stored (VietGAP, OCOP, traceability: server/quality/claims.ts); a
 * clientId stored meanwhile (a resend through another request) is left as it is. `figures`: on PostgreSQL, the
 * progress figures they add (trackProgress's `addition`), added in the same statement when every one of them is
 * stored. The clientIds stored, and whether the figures were added.
 */
export async function insertHouseholds(
  trx: Db,
  rows: readonly NewHousehold[],
  claims: readonly HouseholdClaimTable[] = [],
  figures: unknown[] | null = null,
): Promise<{ inserted: Set<string>; figuresAdded: boolean }> {
  const inserted = new Set<string>();
  if (!rows.length) return { inserted, figuresAdded: false };
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    const parameters = [JSON.stringify(rows), JSON.stringify(claims)];
    const { rows: done } = await trx.executeQuery<{ client_id: string }>(CompiledQuery.raw(figures ? withFigures : withoutFigures, figures ? [...parameters, rows.length, ...figures] : parameters));
    for (const r of done) inserted.add(r.client_id);
    return { inserted, figuresAdded: !!figures && inserted.size === rows.length };
  }
  // SQLite: 100 rows × 28 columns a statement, under its limit of parameters.
  for (let i = 0; i < rows.length; i += 100) {
    const done = await trx.insertInto('households').values(rows.slice(i, i + 100)).onConflict((oc) => oc.column('client_id').doNothing()).returning('client_id').execute();
    for (const r of done) inserted.add(r.client_id);
  }
  const storedIds = new Set(rows.filter((r) => inserted.has(r.client_id)).map((r) => r.id));
  await addHouseholdClaims(trx, claims.filter((c) => storedIds.has(c.household_id)));
  return { inserted, figuresAdded: false };
}
