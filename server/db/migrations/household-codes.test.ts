/**
 * Upgrading a collector that already holds households and tablets (issue 15): migration 0202 runs after 0301 on such
 * a database, gives every stored household a record code from one collector prefix in the order they arrived, and
 * every enrolled tablet a prefix of its own.
 */
import { describe, expect, it } from 'vitest';
import { olderCollectorDatabase } from '../../testing/older-collector';
import { migrateToLatest } from '../migrate';

const c = '[ACDEFGHJKMNPQRTUVWXY34679]';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`${kind}: upgrading a collector with households`, () => {
    it('gives stored households codes in the order they arrived, and each tablet its own prefix', async () => {
      const { db, drop } = await olderCollectorDatabase(kind, (name) => name !== '0202-household-codes');
      try {
        await db.insertInto('users').values({ id: 'u1', username: 'mai', password_hash: 'x', role: 'officer', full_name: 'Lý Thị Mai', agency_code: null, created_at: '2021-08-01T00:00:00Z', disabled_at: null }).execute();
        await db.insertInto('kiosk_devices').values([
          { id: 'd1', name: 'Máy 1', enrolled_by: 'u1', created_at: '2021-08-01T00:00:00Z', revoked_at: null },
          { id: 'd2', name: 'Máy 2', enrolled_by: 'u1', created_at: '2021-08-02T00:00:00Z', revoked_at: null },
        ]).execute();
        const household = (id: string, receivedAt: string) => ({
          id, client_id: `c-${id}`, content_hash: 'x', commune_code: '06181', village: 'Bản Cặp', head_name: `Hộ ${id}`, phone: `09120000${id.slice(-2)}`, id_number: `0201900000${id.slice(-2)}`,
          id_kind: 'cccd', marketplace: 'postmart', shop_name: 'x', payment: 'postpay', has_payment_account: 0, details: '{"products":[]}', device_id: 'd1', officer_name: 'Lý Thị Mai',
          registered_at: receivedAt, received_at: receivedAt, updated_at: receivedAt, shop_url: null, shop_opened_at: null, payment_opened_at: null, products_listed_at: null,
        });
        // Inserted out of order: codes follow the arrival time.
        await db.insertInto('households').values([household('h-03', '2021-09-03T00:00:00Z'), household('h-01', '2021-09-01T00:00:00Z'), household('h-02', '2021-09-02T00:00:00Z')]).execute();

        await migrateToLatest(db);

        const rows = await db.selectFrom('households').select(['id', 'code']).orderBy('received_at').execute();
        const prefix = rows[0].code.slice(0, 3);
        // Serials 0, 1, 2 of one prefix: tails AAAA, AQVY, CAKR (lib/kiosk/record-code.test.ts works them out).
        expect(rows.map((r) => [r.id, r.code.replace(prefix, 'PPP').slice(0, 8)])).toEqual([
          ['h-01', 'PPPA-AAA'],
          ['h-02', 'PPPA-QVY'],
          ['h-03', 'PPPC-AKR'],
        ]);
        for (const r of rows) expect(r.code).toMatch(new RegExp(`^${c}{4}-${c}{4}$`));
        const prefixes = await db.selectFrom('household_code_prefixes').select(['prefix', 'device_id', 'next_serial']).orderBy('device_id').execute();
        expect(prefixes).toHaveLength(3);
        expect(prefixes.map((p) => [p.device_id, Number(p.next_serial)]).sort()).toEqual([['d1', 0], ['d2', 0], [null, 3]].sort());
        expect(prefixes.find((p) => p.device_id === null)!.prefix).toBe(prefix);
        expect(new Set(prefixes.map((p) => p.prefix)).size).toBe(3);
        // Codes are unique.
        await expect(db.updateTable('households').set({ code: rows[0].code }).where('id', '=', 'h-02').execute()).rejects.toThrow();
      } finally {
        await drop();
      }
    });
  });
}
