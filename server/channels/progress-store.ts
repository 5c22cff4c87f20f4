import { CompiledQuery, PostgresAdapter, sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { identityHash } from './identity';
import { channels, figuresByCommune, householdGroups, type Channel, type ChannelRecord, type CommuneFigures } from '../../lib/channels/progress';
import { isOperator } from '../../lib/channels/operator-columns';
import { deferred, prepared } from '../db/prepared';

/**
 * Every channel's progress kept per commune (tables commune_progress and commune_channel_progress, migration 0821),
 * so a progress screen reads a few hundred rows instead of matching the whole province's households on each request.
 *
 * A write that changes households (a kiosk batch, the hand-over sheet, an operator's list, the retention purge) names
 * the records it is about to write and the keys they will carry, and calls `trackProgress` inside its transaction
 * before writing, then `after()` once it has written. Both times the households those records belong to are read
 * whole (every record that meets them by an ID number, a phone number in the same commune or a match key) and counted
 * with lib/channels/progress.ts, the one definition of a household; the difference is added to the stored figures.
 * The work is that of the households touched, however the file's rows are spread over the province.
 */

type Db = Kysely<Database>;

/** One record as the store reads it: what lib/channels/progress.ts matches on, and where it is stored. */
export interface StoredRecord extends ChannelRecord {
  /** "kiosk <households.id>" or "<operator> <row_key>". */
  ref: string;
  /** Sorts the records of one channel: kiosk signups by arrival, operators' rows by their key. */
  order: string;
}

/** What a write is about to change: the records (by ref) and the keys they will carry. */
export interface ProgressSeeds {
  refs: string[];
  keys: string[];
}

export const kioskRef = (id: string) => `kiosk ${id}`;
export const operatorRef = (operator: string, rowKey: string) => `${operator} ${rowKey}`;
/** The keys a record meets others by, as lib/channels/progress.ts householdGroups uses them. */
export const keysOf = (r: { communeCode: string; phoneHash?: string | null; idHash?: string | null; matchKey?: string | null }) =>
  [r.idHash && `id:${r.idHash}`, r.phoneHash && `phone:${r.communeCode}:${r.phoneHash}`, r.matchKey && `match:${r.matchKey}`].filter((k): k is string => !!k);

/** A kiosk signup's phone's and ID's hashes, which the store finds it by: stored beside the numbers. */
export const kioskHashes = (r: { phone: string; id_number: string }) => ({ phone_hash: r.phone ? identityHash('phone', r.phone) : null, id_hash: r.id_number ? identityHash('id', r.id_number) : null });
export type KioskHashes = ReturnType<typeof kioskHashes>;

/** What a kiosk signup about to be stored (or changed) is found by; one not stored yet (no `id`) only by its keys. */
export const kioskSeeds = (rows: ({ id?: string; commune_code: string } & KioskHashes)[]): ProgressSeeds => ({
  refs: rows.flatMap((r) => (r.id ? [kioskRef(r.id)] : [])),
  keys: rows.flatMap((r) => keysOf({ communeCode: r.commune_code, phoneHash: r.phone_hash, idHash: r.id_hash })),
});

const chunk = <T>(xs: T[], n = 500): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));

// Locks of the writes that change the figures (PostgreSQL), taken before they read the households they change and held
// to their commit: a second collector's write of the same household (a kiosk signup and an operator's row with its ID
// number) reads them after the first committed. `progressLock` is the whole store: shared by every write that locks its
// households one by one (`householdLocks`, two-key advisory locks on each record's ref and each key), exclusive for
// one that locks them all (progressTransaction) and for a recount. SQLite has one writer by construction.
const progressLock = 8_210_821;
const householdLocks = 821_082;
/**
 * More records and keys than this lock the whole store. The lock table is shared by every connection of the server
 * (max_locks_per_transaction × max_connections, 6.400 by default: docs/scale.md); a tablet sends 25 households, 50 keys.
 */
const maxKeyLocks = 128;
/** The locks of the given refs and keys (hashtext of the same values in SQL would cost a round trip): 32-bit FNV-1a. */
const lockKeys = (refs: string[], keys: string[]) =>
  [...refs, ...keys].map((k) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 16_777_619);
    return h | 0;
  });
/** The shared lock on the store, then each household lock in their order: one array of keys, one text whatever their number. */
// Not waited for (server/db/prepared.ts): the read after it goes on the same round trip and starts once they are held.
const householdLocking = deferred(prepared(
  `select case when o = 0 then pg_advisory_xact_lock_shared(${progressLock}) else pg_advisory_xact_lock(${householdLocks}, h) end from (select 0 as o, 0 as h union all select 1, unnest($1::int[])) as t order by o, h`,
));
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

type KioskRow = { id: string; commune_code: string; phone: string; id_number: string; phone_hash: string | null; id_hash: string | null; match_key: string | null; shop_url: string | null; payment_opened_at: string | null; products_listed_at: string | null; details: string; received_at: string };
type OperatorRow = { operator: string; row_key: string; commune_code: string; phone_hash: string | null; id_hash: string | null; match_key: string | null; shop_opened: number; payment_opened: number; products_listed: number };
const kioskColumns = ['id', 'commune_code', 'phone', 'id_number', 'phone_hash', 'id_hash', 'match_key', 'shop_url', 'payment_opened_at', 'products_listed_at', 'details', 'received_at'] as const;
const operatorColumns = ['operator', 'row_key', 'commune_code', 'phone_hash', 'id_hash', 'match_key', 'shop_opened', 'payment_opened', 'products_listed'] as const;

/**
 * A kiosk signup as the store counts it: its phone's and ID's hashes from its numbers, whatever the row holds
 * (`hashes`: those of a row being written, hashed from its numbers a moment ago).
 */
export function kioskRecordOf(
  h: Pick<KioskRow, 'id' | 'commune_code' | 'phone' | 'id_number' | 'shop_url' | 'payment_opened_at' | 'products_listed_at' | 'details' | 'received_at'> & { match_key?: string | null },
  hashes: KioskHashes = kioskHashes(h),
): StoredRecord {
  return {
    ref: kioskRef(h.id),
    order: `${h.received_at} ${h.id}`,
    channel: 'kiosk',
    communeCode: h.commune_code,
    // A purged household (npm run admin -- purge) keeps no phone or ID, only its match key.
    phoneHash: hashes.phone_hash,
    idHash: hashes.id_hash,
    matchKey: h.match_key ?? null,
    shop: h.shop_url !== null,
    payment: h.payment_opened_at !== null,
    // The products the household brought to the kiosk, once the hand-over says they are listed.
    products: h.products_listed_at ? (JSON.parse(h.details) as { products?: unknown[] }).products?.length ?? 0 : 0,
  };
}

/** The hashes are kept beside the numbers so an operator's row finds the household by them (an index, not a scan). */
async function keepHashes(db: Db, h: KioskRow, r: StoredRecord) {
  if (r.phoneHash !== h.phone_hash || r.idHash !== h.id_hash) await db.updateTable('households').set({ phone_hash: r.phoneHash, id_hash: r.idHash }).where('id', '=', h.id).execute();
}

async function kioskRecord(db: Db, h: KioskRow): Promise<StoredRecord> {
  const r = kioskRecordOf(h);
  await keepHashes(db, h, r);
  return r;
}

const operatorRecord = (o: OperatorRow & { operator: Channel }): StoredRecord => ({
  ref: operatorRef(o.operator, o.row_key),
  order: o.row_key,
  channel: o.operator,
  communeCode: o.commune_code,
  phoneHash: o.phone_hash,
  idHash: o.id_hash,
  matchKey: o.match_key,
  shop: Number(o.shop_opened) === 1,
  payment: Number(o.payment_opened) === 1,
  products: Number(o.products_listed),
});

/**
 * A kiosk signup as the store reads it, with what the kiosk's own checks compare (server/kiosk/households.ts: the same
 * household sent again, a phone or ID number already held): the writer that needs those reads them with the figures.
 */
export type ReadHousehold = KioskRow & { client_id: string; code: string; content_hash: string };
const readColumns = [...kioskColumns, 'client_id', 'code', 'content_hash'] as const;

/** What one look finds: the records wanted, and every kiosk signup read on the way. */
interface Found {
  records: StoredRecord[];
  households: ReadHousehold[];
}

/**
 * The records with any of the given refs or keys, and the kiosk signups with the given clientIds (`households` only:
 * they count among the records only when a ref or key reaches them).
 */
async function recordsBy(db: Db, refs: string[], keys: string[], clientIds: string[]): Promise<Found> {
  const kioskIds = new Set(refs.filter((r) => r.startsWith('kiosk ')).map((r) => r.slice(6)));
  const operatorRefs = refs.filter((r) => !r.startsWith('kiosk '));
  const byKind = (kind: string) => new Set(keys.filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(k.lastIndexOf(':') + 1)));
  const [ids, phones, matches] = [byKind('id'), byKind('phone'), byKind('match')];
  const phoneKeys = new Set(keys.filter((k) => k.startsWith('phone:')));
  const wantedRefs = new Set(refs);
  // A phone hash meets only in its own commune; a row key names a row of one operator.
  const wanted = (r: StoredRecord) => wantedRefs.has(r.ref) || (!!r.idHash && ids.has(r.idHash)) || (!!r.matchKey && matches.has(r.matchKey)) || (!!r.phoneHash && phoneKeys.has(`phone:${r.communeCode}:${r.phoneHash}`));
  const read = isPostgres(db)
    ? await readPostgres(db, { kioskIds, operatorRefs, ids, phones, matches, clientIds })
    : await readSqlite(db, { kioskIds, rowKeys: new Set(operatorRefs.map((r) => r.slice(r.indexOf(' ') + 1))), ids, phones, matches, clientIds });
  const out: StoredRecord[] = [];
  for (const h of read.households) {
    const r = kioskRecordOf(h);
    if (!wanted(r)) continue;
    await keepHashes(db, h, r);
    out.push(r);
  }
  for (const o of read.operators) {
    if (!isOperator(o.operator)) continue;
    const r = operatorRecord(o as OperatorRow & { operator: Channel });
    if (wanted(r)) out.push(r);
  }
  return { records: out, households: read.households };
}

interface Lookups {
  kioskIds: Set<string>;
  ids: Set<string>;
  phones: Set<string>;
  matches: Set<string>;
  clientIds: string[];
}

/** SQLite: one query per table (per 500 values), whatever column finds them. */
async function readSqlite(db: Db, l: Lookups & { rowKeys: Set<string> }): Promise<{ households: ReadHousehold[]; operators: OperatorRow[] }> {
  type Column = 'id' | 'row_key' | 'id_hash' | 'phone_hash' | 'match_key' | 'client_id';
  const lookups = (...first: [Column, Iterable<string>][]): [Column, string][] =>
    ([...first, ['id_hash', l.ids], ['phone_hash', l.phones], ['match_key', l.matches]] as [Column, Iterable<string>][]).flatMap(([column, values]) => [...values].map((v): [Column, string] => [column, v]));
  const where = (part: [Column, string][]) => (eb: ExpressionBuilder<Database, 'households' | 'operator_households'>) => {
    const by = new Map<Column, string[]>();
    for (const [column, v] of part) by.get(column)?.push(v) ?? by.set(column, [v]);
    return eb.or([...by].map(([column, values]) => eb(column as 'id_hash', 'in', values)));
  };
  const households: ReadHousehold[] = [];
  const operators: OperatorRow[] = [];
  for (const part of chunk(lookups(['id', l.kioskIds], ['client_id', l.clientIds]))) households.push(...((await db.selectFrom('households').select(readColumns).where(where(part)).execute()) as ReadHousehold[]));
  for (const part of chunk(lookups(['row_key', l.rowKeys]))) operators.push(...((await db.selectFrom('operator_households').select(operatorColumns).where(where(part)).execute()) as OperatorRow[]));
  return { households, operators };
}

/**
 * PostgreSQL: both tables in one statement, each value looked up through its index. One lateral lookup per value
 * (`offset 0` keeps each one a lookup): with `in (…)` lists the planner scanned the whole table while it was small or
 * its statistics old, which on deadline day is every kiosk batch reading a households table that grows by 10.000
 * rows in seconds (docs/scale.md).
 */
const lookup = (table: string, columns: readonly string[], where: string, values: string) =>
  `select x.* from unnest(${values}) as v (a, b), lateral (select ${columns.join(', ')} from ${table} where ${where} offset 0) as x`;
const postgresRead = prepared(`select
  (select coalesce(json_agg(h), '[]') from (select distinct on (id) * from (${[
    lookup('households', readColumns, 'id = v.a', '$1::text[], null::text[]'),
    lookup('households', readColumns, 'id_hash = v.a', '$2::text[], null::text[]'),
    lookup('households', readColumns, 'phone_hash = v.a', '$3::text[], null::text[]'),
    lookup('households', readColumns, 'match_key = v.a', '$4::text[], null::text[]'),
    lookup('households', readColumns, 'client_id = v.a', '$5::text[], null::text[]'),
  ].join(' union all ')}) as found) as h) as households,
  (select coalesce(json_agg(o), '[]') from (select distinct on (operator, row_key) * from (${[
    lookup('operator_households', operatorColumns, 'operator = v.a and row_key = v.b', '$6::text[], $7::text[]'),
    lookup('operator_households', operatorColumns, 'id_hash = v.a', '$2::text[], null::text[]'),
    lookup('operator_households', operatorColumns, 'phone_hash = v.a', '$3::text[], null::text[]'),
    lookup('operator_households', operatorColumns, 'match_key = v.a', '$4::text[], null::text[]'),
  ].join(' union all ')}) as found) as o) as operators`);

async function readPostgres(db: Db, l: Lookups & { operatorRefs: string[] }): Promise<{ households: ReadHousehold[]; operators: OperatorRow[] }> {
  const split = l.operatorRefs.map((r) => [r.slice(0, r.indexOf(' ')), r.slice(r.indexOf(' ') + 1)]);
  const parameters = [[...l.kioskIds], [...l.ids], [...l.phones], [...l.matches], l.clientIds, split.map(([o]) => o), split.map(([, k]) => k)];
  const { rows } = await db.executeQuery<{ households: ReadHousehold[]; operators: OperatorRow[] }>(CompiledQuery.raw(postgresRead, parameters));
  return rows[0];
}

/** The whole households of the given records and keys: every record they reach, in the order households are read. */
export async function householdsAround(db: Db, seeds: ProgressSeeds): Promise<StoredRecord[]> {
  return (await readAround(db, seeds, [])).records;
}

/** `householdsAround`, and every kiosk signup read on the way, those with the given clientIds among them. */
async function readAround(db: Db, seeds: ProgressSeeds, clientIds: string[]): Promise<Found> {
  const found = new Map<string, StoredRecord>();
  const households = new Map<string, ReadHousehold>();
  const seenKeys = new Set<string>();
  let refs = [...new Set(seeds.refs)];
  let keys = [...new Set(seeds.keys)];
  let clients = [...new Set(clientIds)];
  while (refs.length || keys.length || clients.length) {
    for (const k of keys) seenKeys.add(k);
    const read = await recordsBy(db, refs, keys, clients);
    for (const h of read.households) households.set(h.id, h);
    const fresh = read.records.filter((r) => !found.has(r.ref));
    for (const r of fresh) found.set(r.ref, r);
    refs = [];
    clients = [];
    keys = [...new Set(fresh.flatMap(keysOf))].filter((k) => !seenKeys.has(k));
  }
  return { records: sortRecords([...found.values()]), households: [...households.values()] };
}

const sortRecords = (records: StoredRecord[]) => records.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));

/** Per commune: kiosk signups and the figures of the households whose commune it is. */
type Counted = Map<string, { signedUp: number; figures: CommuneFigures }>;
function count(records: StoredRecord[]): Counted {
  const out: Counted = new Map();
  const at = (c: string) => out.get(c) ?? out.set(c, blank()).get(c)!;
  for (const r of records) if (r.channel === 'kiosk') at(r.communeCode).signedUp++;
  for (const [c, f] of figuresByCommune(records)) at(c).figures = f;
  return out;
}

/**
 * Call inside the write's transaction (opened with `progressTransaction`) before writing; call `after()` once written.
 * `seeds`: the records the write changes or adds (refs) and every key they will carry. A write that only adds records
 * whose keys are all among the seeds, and changes nothing else the store reads, may hand them to `after({ added })`:
 * the households around them are then those read before plus them, with no second read; on PostgreSQL such a write
 * may instead add `addition(added)` (the parameters of `additionCtes`) in its own statement, unless it is null (SQLite,
 * or a figure falls: rows of zeros to remove). `clientIds`: kiosk signups
 * the write needs to see as well (a batch's households sent before), read in the same statements: `households` holds
 * them and every other kiosk signup read.
 */
export async function trackProgress(
  trx: Db,
  seeds: ProgressSeeds,
  clientIds: string[] = [],
): Promise<{ households: ReadHousehold[]; addition(added: StoredRecord[]): unknown[] | null; after(written?: { added: StoredRecord[] }): Promise<void> }> {
  if (!seeds.refs.length && !seeds.keys.length && !clientIds.length) return { households: [], addition: () => null, after: async () => {} };
  let read: Found;
  if (!isPostgres(trx)) read = await readAround(trx, seeds, clientIds);
  else if (wholeStore.has(trx)) {
    await sql`select pg_advisory_xact_lock(${progressLock})`.execute(trx);
    read = await readAround(trx, seeds, clientIds);
  } else {
    const held = new Set(lockKeys(seeds.refs, seeds.keys));
    if (held.size > maxKeyLocks) throw new WiderLock();
    // One array of keys: the statement's text is the same whatever their number.
    await trx.executeQuery(CompiledQuery.raw(householdLocking, [[...held]]));
    // The households read may reach records and keys beyond the seeds (an ID number's other records): those are locked
    // too, without waiting (a write holding one waits for none of ours only if we never wait on it), and read again.
    for (;;) {
      read = await readAround(trx, seeds, clientIds);
      const more = [...new Set(lockKeys(read.records.map((r) => r.ref), read.records.flatMap(keysOf)))].filter((h) => !held.has(h));
      if (!more.length) break;
      if (held.size + more.length > maxKeyLocks) throw new WiderLock();
      const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${sql.lit(householdLocks)}, h) as ok from unnest(${more}::int[]) as h`.execute(trx);
      if (rows.some((r) => !r.ok)) throw new WiderLock();
      for (const h of more) held.add(h);
    }
  }
  const { records } = read;
  const before = count(records);
  return {
    households: read.households,
    addition(added) {
      // SQLite has no round trip to save.
      if (!isPostgres(trx)) return null;
      const difference = differenceOf(count(sortRecords([...records, ...added])), before);
      return fellIn(difference).size ? null : additionParameters(difference);
    },
    async after(written) {
      const now = count(written ? sortRecords([...records, ...written.added]) : await householdsAround(trx, seeds));
      await addDifference(trx, now, before);
    },
  };
}

/**
 * A transaction for a write that keeps the figures (`trackProgress`). On PostgreSQL, writes lock only the households
 * they touch (each record and key: an advisory lock under a shared lock on the whole store), so kiosks of different
 * households store side by side. A write whose households reach records it could not lock without waiting, or that
 * touches more than `maxKeyLocks` of them (the purge, a province's list), runs again holding the whole store, as
 * every write did before (`wholeStore`: from the start, for a write known to be that large); one PostgreSQL ended as a
 * deadlock runs again. `work` must be safe to run again.
 */
export async function progressTransaction<T>(db: Db, work: (trx: Db) => Promise<T>, opts: { wholeStore?: boolean } = {}): Promise<T> {
  let whole = !!opts.wholeStore;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((trx) => {
        if (whole) wholeStore.add(trx);
        return work(trx);
      });
    } catch (e) {
      if (e instanceof WiderLock && !whole) whole = true;
      else if (!(isDeadlock(e) && attempt < 3)) throw e;
    }
  }
}

/** Thrown inside a transaction whose households need more than their own locks: it runs again holding the whole store. */
class WiderLock extends Error {}
const wholeStore = new WeakSet<Db>();
const isDeadlock = (e: unknown) => (e as { code?: string })?.code === '40P01';

const totalColumns = ['commune_code', 'signed_up', 'shops', 'payments', 'both', 'products_listed'] as const;
const channelColumns = ['commune_code', 'channel', 'households', 'shops', 'payments', 'products_listed'] as const;
const arrays = (columns: readonly string[], from: number) => columns.map((c, i) => `$${from + i}::${c === 'commune_code' || c === 'channel' ? 'text' : 'integer'}[]`).join(', ');
const added = (table: string, columns: readonly string[], keys: number) =>
  columns.slice(keys).map((c) => `"${c}" = ${table}."${c}" + excluded."${c}"`).join(', ');
/**
 * PostgreSQL: both tables' differences as two parts of a WITH (one array per column, whatever the number of communes),
 * their parameters from `$from`, written only `when` that condition holds: a writer adds the figures in its own
 * statement (`addition` of trackProgress).
 */
export const additionCtes = (from: number, when = 'true') => `totals as (
    insert into commune_progress (${totalColumns.map((c) => `"${c}"`).join(', ')}) select * from unnest(${arrays(totalColumns, from)}) where ${when}
    on conflict (commune_code) do update set ${added('commune_progress', totalColumns, 1)}),
  by_channel as (
    insert into commune_channel_progress (${channelColumns.join(', ')}) select * from unnest(${arrays(channelColumns, from + totalColumns.length)}) where ${when}
    on conflict (commune_code, channel) do update set ${added('commune_channel_progress', channelColumns, 2)})`;
const postgresAddition = prepared(`with ${additionCtes(1)} select 1`);
const additionParameters = ({ totals, byChannel }: Difference) => [...totalColumns.map((c) => totals.map((t) => t[c])), ...channelColumns.map((c) => byChannel.map((t) => t[c]))];

/** What a write changes in the stored figures: the communes it touches and both tables' rows to add. */
interface Difference {
  communes: string[];
  totals: Database['commune_progress'][];
  byChannel: Database['commune_channel_progress'][];
}
/** Communes a figure of which fell: they may be left with rows of zeros, which are removed. */
const fellIn = ({ totals, byChannel }: Difference) => new Set([...totals, ...byChannel].filter((r) => Object.values(r).some((v) => typeof v === 'number' && v < 0)).map((r) => r.commune_code));

function differenceOf(now: Counted, before: Counted): Difference {
  const communes = [...new Set([...now.keys(), ...before.keys()])];
  const totals: Database['commune_progress'][] = [];
  const byChannel: Database['commune_channel_progress'][] = [];
  for (const c of communes) {
    const [n, b] = [now.get(c) ?? blank(), before.get(c) ?? blank()];
    const t = { commune_code: c, signed_up: n.signedUp - b.signedUp, shops: n.figures.shops - b.figures.shops, payments: n.figures.payments - b.figures.payments, both: n.figures.both - b.figures.both, products_listed: n.figures.productsListed - b.figures.productsListed };
    if (t.signed_up || t.shops || t.payments || t.both || t.products_listed) totals.push(t);
    for (const ch of channels) {
      const [x, y] = [n.figures.channels[ch], b.figures.channels[ch]];
      const d = { commune_code: c, channel: ch, households: x.households - y.households, shops: x.shops - y.shops, payments: x.payments - y.payments, products_listed: x.productsListed - y.productsListed };
      if (d.households || d.shops || d.payments || d.products_listed) byChannel.push(d);
    }
  }
  return { communes, totals, byChannel };
}

async function addDifference(trx: Db, now: Counted, before: Counted) {
  const difference = differenceOf(now, before);
  const { communes, totals, byChannel } = difference;
  if (isPostgres(trx)) {
    if (totals.length || byChannel.length) await trx.executeQuery(CompiledQuery.raw(postgresAddition, additionParameters(difference)));
  } else {
    for (const rows of chunk(totals, 100))
      await trx
        .insertInto('commune_progress')
        .values(rows)
        .onConflict((oc) =>
          oc.column('commune_code').doUpdateSet({
            signed_up: sql`commune_progress.signed_up + excluded.signed_up`,
            shops: sql`commune_progress.shops + excluded.shops`,
            payments: sql`commune_progress.payments + excluded.payments`,
            both: sql`commune_progress.both + excluded.both`,
            products_listed: sql`commune_progress.products_listed + excluded.products_listed`,
          }),
        )
        .execute();
    for (const rows of chunk(byChannel, 100))
      await trx
        .insertInto('commune_channel_progress')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['commune_code', 'channel']).doUpdateSet({
            households: sql`commune_channel_progress.households + excluded.households`,
            shops: sql`commune_channel_progress.shops + excluded.shops`,
            payments: sql`commune_channel_progress.payments + excluded.payments`,
            products_listed: sql`commune_channel_progress.products_listed + excluded.products_listed`,
          }),
        )
        .execute();
  }
  // A commune whose households all went elsewhere keeps no row of zeros (only a figure that fell can reach zero).
  const fell = fellIn(difference);
  for (const part of chunk(communes.filter((c) => fell.has(c)))) {
    await trx.deleteFrom('commune_progress').where('commune_code', 'in', part).where('signed_up', '=', 0).where('shops', '=', 0).where('payments', '=', 0).where('both', '=', 0).where('products_listed', '=', 0).execute();
    await trx.deleteFrom('commune_channel_progress').where('commune_code', 'in', part).where('households', '=', 0).where('shops', '=', 0).where('payments', '=', 0).where('products_listed', '=', 0).execute();
  }
}

const noFigures = () => ({ households: 0, shops: 0, payments: 0, productsListed: 0 });
const blank = () => ({ signedUp: 0, figures: { shops: 0, payments: 0, both: 0, productsListed: 0, channels: { kiosk: noFigures(), postmart: noFigures(), voso: noFigures() } } as CommuneFigures });

/** Counts every commune again from every record (migration 0821, and to check the stored figures). */
export async function rebuildProgress(trx: Db): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${progressLock})`.execute(trx);
  const records: StoredRecord[] = [];
  for (const h of (await trx.selectFrom('households').select(kioskColumns).execute()) as KioskRow[]) records.push(await kioskRecord(trx, h));
  for (const o of (await trx.selectFrom('operator_households').select(operatorColumns).execute()) as OperatorRow[]) if (isOperator(o.operator)) records.push(operatorRecord(o as OperatorRow & { operator: Channel }));
  await trx.deleteFrom('commune_channel_progress').execute();
  await trx.deleteFrom('commune_progress').execute();
  await addDifference(trx, count(sortRecords(records)), new Map());
}

/** The stored figures of every commune that has any: what `channelProgress` shows. */
export async function storedProgress(db: Db): Promise<Map<string, { signedUp: number; figures: CommuneFigures }>> {
  const [totals, byChannel] = await Promise.all([db.selectFrom('commune_progress').selectAll().execute(), db.selectFrom('commune_channel_progress').selectAll().execute()]);
  const out = new Map<string, { signedUp: number; figures: CommuneFigures }>();
  for (const t of totals) {
    const stored = blank();
    stored.signedUp = Number(t.signed_up);
    Object.assign(stored.figures, { shops: Number(t.shops), payments: Number(t.payments), both: Number(t.both), productsListed: Number(t.products_listed) });
    out.set(t.commune_code, stored);
  }
  for (const c of byChannel) {
    const f = out.get(c.commune_code)?.figures.channels[c.channel as Channel];
    if (f) Object.assign(f, { households: Number(c.households), shops: Number(c.shops), payments: Number(c.payments), productsListed: Number(c.products_listed) });
  }
  return out;
}

/**
 * Gives every record of a household that is about to lose its phone and ID hashes (the retention purge) one match
 * key, so the household stays one after the purge. `losing`: refs of the records whose hashes go.
 */
export async function keepHouseholdsTogether(trx: Db, losing: string[], newKey: () => string): Promise<void> {
  const records = await householdsAround(trx, { refs: losing, keys: [] });
  const gone = new Set(losing);
  for (const group of householdGroups(records)) {
    const members = group.map((i) => records[i]);
    if (members.length < 2 || !members.some((m) => gone.has(m.ref))) continue;
    const key = members.find((m) => m.matchKey)?.matchKey ?? newKey();
    for (const m of members.filter((m) => m.matchKey !== key)) {
      const at = m.ref.indexOf(' ');
      if (m.channel === 'kiosk') await trx.updateTable('households').set({ match_key: key }).where('id', '=', m.ref.slice(at + 1)).execute();
      else await trx.updateTable('operator_households').set({ match_key: key }).where('operator', '=', m.channel).where('row_key', '=', m.ref.slice(at + 1)).execute();
    }
  }
}
