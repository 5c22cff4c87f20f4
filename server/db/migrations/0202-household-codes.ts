import { randomInt } from 'node:crypto';
import type { Kysely, Migration } from 'kysely';
import { randomCodePrefix, recordCode } from '../../../lib/kiosk/record-code';

/**
 * Issue 15, record codes (lib/kiosk/record-code.ts): each household gets a short code ("KX7A-QVYD") the officer reads
 * aloud, the same on the tablet, in the hand-over sheet and on the dashboards. Tablets number their households
 * offline under a prefix of their own; `household_code_prefixes` holds every prefix given (a tablet's, or the
 * collector's own when `device_id` is null) and, for the collector's, the next serial. Households and tablets
 * already stored get theirs here: households from a collector prefix, in the order they arrived.
 */
export const householdCodes0202: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('household_code_prefixes')
      .addColumn('prefix', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.unique().references('kiosk_devices.id'))
      .addColumn('next_serial', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('households').addColumn('code', 'text').execute();

    const taken = new Set<string>();
    const fresh = () => {
      let p: string;
      do p = randomCodePrefix(randomInt);
      while (taken.has(p));
      taken.add(p);
      return p;
    };
    const now = new Date().toISOString();
    const devices = await db.selectFrom('kiosk_devices').select('id').orderBy('created_at').execute();
    for (const d of devices) await db.insertInto('household_code_prefixes').values({ prefix: fresh(), device_id: d.id, next_serial: 0, created_at: now }).execute();

    const households = await db.selectFrom('households').select('id').orderBy('received_at').orderBy('id').execute();
    if (households.length) {
      const prefix = fresh();
      await db.insertInto('household_code_prefixes').values({ prefix, device_id: null, next_serial: households.length, created_at: now }).execute();
      for (const [serial, h] of households.entries()) await db.updateTable('households').set({ code: recordCode(prefix, serial) }).where('id', '=', h.id).execute();
    }
    await db.schema.createIndex('households_code').on('households').column('code').unique().execute();
  },
};
