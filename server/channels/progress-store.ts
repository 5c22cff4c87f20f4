import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import { identityHash } from './identity';
import { channels, figuresByCommune, householdGroups, type Channel, type ChannelRecord, type CommuneFigures } from '../../lib/channels/progress';
import { isOperator } from '../../lib/channels/operator-columns';

/**
 * Every channel's progress kept per commune (tables commune_progress and commune_channel_progress, migration 0821),
 * so a progress screen reads a few hundred rows instead of matching the whole province's households on every
 * request. Each write that changes a household's figures (a kiosk signup, the hand-over sheet, an operator's list,
 * the retention purge) calls `refreshProgress` inside its own transaction, after its writes: the figures of the
 * communes it touched, and of every commune whose households meet theirs by an ID number or a match key, are counted
 * again from their records with lib/channels/progress.ts, the one definition of a household.
 */

/** One record as the store reads it: what lib/channels/progress.ts matches on, and where it is stored. */
export interface StoredRecord extends ChannelRecord {
  /** households.id for the kiosk, "operator row_key" for an operator's row. */
  ref: string;
  /** Sorts the records of one channel: kiosk signups by arrival, operators' rows by their key. */
  order: string;
}

const chunk = <T>(xs: T[], n = 500): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));

// One lock for every refresh (PostgreSQL). A refresh counts what is committed plus its own writes; with the lock, the
// later of two writers of the same household (a kiosk signup in one commune, an operator's row with its ID number in
// another) counts after the earlier committed, so it sees both.
const progressLock = 8_210_821;

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Kiosk signups of the given communes, or whose ID hash or match key is one of `keys`. */
async function kioskRecords(db: Kysely<Database>, where: { communes: string[] } | { keys: string[] }): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  const list = 'communes' in where ? where.communes : where.keys;
  for (const part of chunk(list)) {
    const rows = await db
      .selectFrom('households')
      .select(['id', 'commune_code', 'phone', 'id_number', 'id_hash', 'match_key', 'shop_url', 'payment_opened_at', 'products_listed_at', 'details', 'received_at'])
      .where((eb) => ('communes' in where ? eb('commune_code', 'in', part) : eb.or([eb('id_hash', 'in', part), eb('match_key', 'in', part)])))
      .execute();
    for (const h of rows) {
      // The ID's hash is kept beside the number so an operator's row of another commune finds the household by it.
      const idHash = h.id_number ? identityHash('id', h.id_number) : null;
      if (idHash !== h.id_hash) await db.updateTable('households').set({ id_hash: idHash }).where('id', '=', h.id).execute();
      out.push({
        ref: h.id,
        channel: 'kiosk',
        communeCode: h.commune_code,
        // A purged household (npm run admin -- purge) keeps no phone or ID, only its match key.
        phoneHash: h.phone ? identityHash('phone', h.phone) : null,
        idHash,
        matchKey: h.match_key,
        shop: h.shop_url !== null,
        payment: h.payment_opened_at !== null,
        // The products the household brought to the kiosk, once the hand-over says they are listed.
        products: h.products_listed_at ? (JSON.parse(h.details) as { products?: unknown[] }).products?.length ?? 0 : 0,
        order: `${h.received_at} ${h.id}`,
      });
    }
  }
  return out;
}

async function operatorRecords(db: Kysely<Database>, where: { communes: string[] } | { keys: string[] }): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  const list = 'communes' in where ? where.communes : where.keys;
  for (const part of chunk(list)) {
    const rows = await db
      .selectFrom('operator_households')
      .select(['operator', 'row_key', 'commune_code', 'phone_hash', 'id_hash', 'match_key', 'shop_opened', 'payment_opened', 'products_listed'])
      .where((eb) => ('communes' in where ? eb('commune_code', 'in', part) : eb.or([eb('id_hash', 'in', part), eb('match_key', 'in', part)])))
      .execute();
    for (const o of rows) {
      if (!isOperator(o.operator)) continue;
      out.push({
        ref: `${o.operator} ${o.row_key}`,
        channel: o.operator,
        communeCode: o.commune_code,
        phoneHash: o.phone_hash,
        idHash: o.id_hash,
        matchKey: o.match_key,
        shop: Number(o.shop_opened) === 1,
        payment: Number(o.payment_opened) === 1,
        products: Number(o.products_listed),
        order: o.row_key,
      });
    }
  }
  return out;
}

/**
 * The records of the given communes and of every commune their households reach by an ID number or a match key
 * (a phone number only matches in its own commune), in one fixed order so that a household's first record, and so its
 * commune, is the same whichever communes are counted together. Returns the communes covered.
 */
export async function recordsAround(db: Kysely<Database>, seeds: Iterable<string>): Promise<{ communes: Set<string>; records: StoredRecord[] }> {
  const communes = new Set<string>();
  const byRef = new Map<string, StoredRecord>();
  const seenKeys = new Set<string>();
  let next = [...new Set(seeds)];
  while (next.length) {
    for (const c of next) communes.add(c);
    const loaded = [...(await kioskRecords(db, { communes: next })), ...(await operatorRecords(db, { communes: next }))];
    for (const r of loaded) byRef.set(r.ref, r);
    const keys = [...new Set(loaded.flatMap((r) => [r.idHash, r.matchKey]).filter((k): k is string => !!k && !seenKeys.has(k)))];
    for (const k of keys) seenKeys.add(k);
    const reached = keys.length ? [...(await kioskRecords(db, { keys })), ...(await operatorRecords(db, { keys }))] : [];
    next = [...new Set(reached.map((r) => r.communeCode).filter((c) => !communes.has(c)))];
  }
  const records = [...byRef.values()].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  return { communes, records };
}

/**
 * Counts the given communes' figures again and stores them (with the communes their households reach). Call it
 * inside the transaction of the writes, after them.
 */
export async function refreshProgress(trx: Kysely<Database>, touched: Iterable<string>): Promise<void> {
  const seeds = [...new Set(touched)];
  if (!seeds.length) return;
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${progressLock})`.execute(trx);
  const { communes, records } = await recordsAround(trx, seeds);
  await storeFigures(trx, [...communes], figuresByCommune(records), records);
}

/** Counts every commune again (migration 0821, and after a restore from a backup made before it). */
export async function rebuildProgress(trx: Kysely<Database>): Promise<void> {
  const communes = (await trx.selectFrom('communes').select('code').execute()).map((c) => c.code);
  await refreshProgress(trx, communes);
}

async function storeFigures(trx: Kysely<Database>, communes: string[], figures: Map<string, CommuneFigures>, records: ChannelRecord[]) {
  const signedUp = new Map<string, number>();
  for (const r of records) if (r.channel === 'kiosk') signedUp.set(r.communeCode, (signedUp.get(r.communeCode) ?? 0) + 1);
  for (const part of chunk(communes)) {
    await trx.deleteFrom('commune_channel_progress').where('commune_code', 'in', part).execute();
    await trx.deleteFrom('commune_progress').where('commune_code', 'in', part).execute();
    const totals = part
      .map((c) => ({ c, f: figures.get(c), s: signedUp.get(c) ?? 0 }))
      .filter(({ f, s }) => f || s)
      .map(({ c, f, s }) => ({ commune_code: c, signed_up: s, shops: f?.shops ?? 0, payments: f?.payments ?? 0, both: f?.both ?? 0, products_listed: f?.productsListed ?? 0 }));
    const byChannel = part.flatMap((c) => {
      const f = figures.get(c);
      return f ? channels.filter((ch) => f.channels[ch].households).map((ch) => ({ commune_code: c, channel: ch, ...pick(f.channels[ch]) })) : [];
    });
    for (const rows of chunk(totals, 100)) await trx.insertInto('commune_progress').values(rows).execute();
    for (const rows of chunk(byChannel, 100)) await trx.insertInto('commune_channel_progress').values(rows).execute();
  }
}

const pick = (f: CommuneFigures['channels'][Channel]) => ({ households: f.households, shops: f.shops, payments: f.payments, products_listed: f.productsListed });

/** The stored figures of every commune that has any: what `channelProgress` shows. */
export async function storedProgress(db: Db): Promise<Map<string, { signedUp: number; figures: CommuneFigures }>> {
  const [totals, byChannel] = await Promise.all([db.selectFrom('commune_progress').selectAll().execute(), db.selectFrom('commune_channel_progress').selectAll().execute()]);
  const out = new Map<string, { signedUp: number; figures: CommuneFigures }>();
  const empty = () => ({ households: 0, shops: 0, payments: 0, productsListed: 0 });
  for (const t of totals)
    out.set(t.commune_code, {
      signedUp: Number(t.signed_up),
      figures: { shops: Number(t.shops), payments: Number(t.payments), both: Number(t.both), productsListed: Number(t.products_listed), channels: { kiosk: empty(), postmart: empty(), voso: empty() } },
    });
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
export async function keepHouseholdsTogether(trx: Kysely<Database>, communes: Iterable<string>, losing: Set<string>, newKey: () => string): Promise<void> {
  const { records } = await recordsAround(trx, communes);
  for (const group of householdGroups(records)) {
    const members = group.map((i) => records[i]);
    if (members.length < 2 || !members.some((m) => losing.has(m.ref))) continue;
    const key = members.find((m) => m.matchKey)?.matchKey ?? newKey();
    for (const m of members.filter((m) => m.matchKey !== key)) {
      if (m.channel === 'kiosk') await trx.updateTable('households').set({ match_key: key }).where('id', '=', m.ref).execute();
      else {
        const [operator, rowKey] = [m.ref.slice(0, m.ref.indexOf(' ')), m.ref.slice(m.ref.indexOf(' ') + 1)];
        await trx.updateTable('operator_households').set({ match_key: key }).where('operator', '=', operator).where('row_key', '=', rowKey).execute();
      }
    }
  }
}
