import { randomInt } from 'node:crypto';
import { CompiledQuery, PostgresAdapter } from 'kysely';
import { prepared } from '../db/prepared';
import type { Db } from '../db';
import { isCodePrefix, prefixOfCode, randomCodePrefix, readRecordCode, recordCode, serialsPerPrefix } from '../../lib/kiosk/record-code';

/**
 * Record-code prefixes (lib/kiosk/record-code.ts): one per enrolled tablet, which numbers its own households offline,
 * and the collector's own, for what a tablet sent without a usable code (older builds, tests, a clash).
 */

/** A fresh prefix no tablet and no collector range holds (a few tries at most while under a few thousand are taken). */
async function newPrefix(db: Db, deviceId: string | null): Promise<string> {
  for (;;) {
    const prefix = randomCodePrefix(randomInt);
    const res = await db
      .insertInto('household_code_prefixes')
      .values({ prefix, device_id: deviceId, next_serial: 0, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('prefix').doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 1) === 1) return prefix;
  }
}

/** The tablet's prefix, given at enrolment (and to tablets enrolled before codes existed, when they first ask). */
export async function assignDevicePrefix(db: Db, deviceId: string): Promise<string> {
  const had = await db.selectFrom('household_code_prefixes').select('prefix').where('device_id', '=', deviceId).executeTakeFirst();
  return had?.prefix ?? newPrefix(db, deviceId);
}

/** One statement: the collector's first prefix nobody holds, its next `$1` serials taken (as many as it has left). */
const freeRange = prepared(`with range as (
    select prefix, next_serial from household_code_prefixes where device_id is null and next_serial < ${serialsPerPrefix} order by created_at limit 1 for update skip locked)
  update household_code_prefixes as p set next_serial = least(range.next_serial + $1::integer, ${serialsPerPrefix}) from range
  where p.prefix = range.prefix returning p.prefix, range.next_serial as first, p.next_serial as last`);

/**
 * `count` codes from the collector's own prefixes, in order. On PostgreSQL a batch's transaction holds the prefix row
 * it took until it commits: another one takes a prefix nobody holds (a new one when all are held), so kiosks' batches
 * never queue behind each other for codes.
 */
export async function collectorCodes(db: Db, count: number): Promise<string[]> {
  const out: string[] = [];
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  while (out.length < count) {
    if (postgres) {
      // One statement: the free range taken and moved on.
      const { rows } = await db.executeQuery<{ prefix: string; first: number; last: number }>(CompiledQuery.raw(freeRange, [count - out.length]));
      if (!rows.length) await newPrefix(db, null);
      for (const { prefix, first, last } of rows) for (let s = Number(first); s < Number(last); s++) out.push(recordCode(prefix, s));
      continue;
    }
    const range = await db.selectFrom('household_code_prefixes').select(['prefix', 'next_serial']).where('device_id', 'is', null).where('next_serial', '<', serialsPerPrefix).orderBy('created_at').executeTakeFirst();
    if (!range) {
      await newPrefix(db, null);
      continue;
    }
    const take = Math.min(count - out.length, serialsPerPrefix - range.next_serial);
    // Compare-and-set: two requests never take the same serials.
    const res = await db
      .updateTable('household_code_prefixes')
      .set({ next_serial: range.next_serial + take })
      .where('prefix', '=', range.prefix)
      .where('next_serial', '=', range.next_serial)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) continue;
    for (let s = range.next_serial; s < range.next_serial + take; s++) out.push(recordCode(range.prefix, s));
  }
  return out;
}

/**
 * The codes new households of a tablet are stored under: the code the tablet gave when it is well formed, of its own
 * prefix and not held already (by a stored household or an earlier one of `wanted`); otherwise one of the collector's
 * (the answer carries it, and the tablet shows that one from then on).
 */
export async function settleCodes(db: Db, deviceId: string, wanted: (string | null | undefined)[]): Promise<string[]> {
  const readable = wanted.map((w) => (w ? readRecordCode(w) : null));
  // The tablet's prefix only when it sent a code to check against it (older tablets send none).
  const own = readable.some(Boolean) ? (await db.selectFrom('household_code_prefixes').select('prefix').where('device_id', '=', deviceId).executeTakeFirst())?.prefix : undefined;
  const read = readable.map((c) => (c && own && isCodePrefix(own) && prefixOfCode(c) === own ? c : null));
  const asked = [...new Set(read.filter((c): c is string => !!c))];
  const held = new Set(asked.length ? (await db.selectFrom('households').select('code').where('code', 'in', asked).execute()).map((r) => r.code) : []);
  const settled = read.map((c) => {
    if (!c || held.has(c)) return null;
    held.add(c);
    return c;
  });
  const extra = await collectorCodes(db, settled.filter((c) => c === null).length);
  return settled.map((c) => c ?? extra.shift()!);
}
