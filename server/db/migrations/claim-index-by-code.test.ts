/**
 * Upgrading a collector that already holds orders to the claims index led by the order code (0890): the index is
 * rebuilt on the stored orders, with its columns in the new order, and a double claim of a stored order is still found.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest } from '../migrate';
import { olderCollectorDatabase, olderCollectorOrder } from '../../testing/older-collector';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`${kind}: upgrading a collector with orders to the claims index by code`, () => {
    it('rebuilds staff_orders_claim as (order_code, marketplace) over the stored orders', async () => {
      const { db, drop } = await olderCollectorDatabase(kind, (name) => name !== '0890-claim-index-by-code');
      try {
        await db.insertInto('staff').values({ id: 's1', agency_code: 'SNV', full_name: 'Người A', installation_id: 'i1', enrolment_code: 'X', enrolled_at: '2021-08-01T00:00:00Z' }).execute();
        await db.insertInto('staff_orders').values([olderCollectorOrder('VS100', 'client-0001'), olderCollectorOrder('VS200', 'client-0002')]).execute();

        await migrateToLatest(db);

        const columns =
          kind === 'sqlite'
            ? (await sql<{ name: string }>`select name from pragma_index_info('staff_orders_claim') order by seqno`.execute(db)).rows.map((r) => r.name)
            : (
                await sql<{ name: string }>`select a.attname as name from pg_index i join pg_class c on c.oid = i.indexrelid join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
                  where c.relname = 'staff_orders_claim' order by array_position(i.indkey::int2[], a.attnum)`.execute(db)
              ).rows.map((r) => r.name);
        expect(columns).toEqual(['order_code', 'marketplace']);
        const claims = await db.selectFrom('staff_orders').select('client_id').where('order_code', '=', 'VS200').where('marketplace', '=', 'voso').execute();
        expect(claims).toEqual([{ client_id: 'client-0002' }]);
      } finally {
        await drop();
      }
    });
  });
}
