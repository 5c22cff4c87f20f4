/**
 * Upgrading a collector that already holds orders: the migrations added after the kiosk's (0105–0107 sort
 * before 0201) run on a database that has 0201, and codes stored before normalisation become normal ones.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { migrateToLatest } from '../migrate';
import { olderCollectorDatabase, olderCollectorOrder } from '../../testing/older-collector';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`${kind}: upgrading a collector with orders`, () => {
    it('runs the new migrations after the kiosk one, normalises stored codes with their hash, and holds codes that now coincide', async () => {
      const { db, drop } = await olderCollectorDatabase(kind, (name) => !['0105-order-checks', '0106-report-documents', '0107-normalise-order-codes'].includes(name));
      try {
        await db.insertInto('staff').values({ id: 's1', agency_code: 'SNV', full_name: 'Người A', installation_id: 'i1', enrolment_code: 'X', enrolled_at: '2021-08-01T00:00:00Z' }).execute();
        await db.insertInto('staff_orders').values([olderCollectorOrder('vs9900001', 'client-0001'), olderCollectorOrder('VS9900001\u200b', 'client-0002'), olderCollectorOrder('pm 42', 'client-0003')]).execute();

        await migrateToLatest(db);

        const rows = await db.selectFrom('staff_orders').select(['client_id', 'order_code', 'body', 'content_hash', 'state', 'flag_reason', 'counted']).orderBy('client_id').execute();
        expect(rows.map((r) => [r.client_id, r.order_code, JSON.parse(r.body).orderCode, r.state, r.flag_reason, Number(r.counted)])).toEqual([
          ['client-0001', 'VS9900001', 'VS9900001', 'flagged', 'duplicate', 0],
          ['client-0002', 'VS9900001', 'VS9900001', 'flagged', 'duplicate', 0],
          ['client-0003', 'PM42', 'PM42', 'accepted', null, 1],
        ]);
        for (const r of rows) expect(r.content_hash).toBe(createHash('sha256').update(r.body).digest('base64url'));
        const limits = await db.selectFrom('periods').select(['max_orders_per_person', 'max_amount_per_person']).where('id', '=', '2021-dot-1').executeTakeFirstOrThrow();
        expect([Number(limits.max_orders_per_person), Number(limits.max_amount_per_person)]).toEqual([30, 20_000_000]);
      } finally {
        await drop();
      }
    });
  });
}
