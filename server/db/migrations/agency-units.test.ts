/**
 * Upgrading a collector seeded before sub-units (migration 0110): each district People's Committee gets its
 * district's communes as sub-units, other agencies none; people enrolled before belong to none.
 */
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrate';
import { olderCollectorDatabase } from '../../testing/older-collector';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`${kind}: upgrading to sub-units`, () => {
    it("gives each district People's Committee its communes, and nobody a sub-unit", async () => {
      const { db, drop } = await olderCollectorDatabase(kind, (name) => name !== '0110-agency-units');
      try {
        await db.insertInto('staff').values({ id: 's1', agency_code: 'UBND-189', full_name: 'Người A', installation_id: 'i1', enrolment_code: 'X', enrolled_at: '2021-08-01T00:00:00Z' }).execute();
        await migrateToLatest(db);
        const units = await db.selectFrom('agency_units').select(['id', 'agency_code', 'name', 'commune_code', 'active']).orderBy('id').execute();
        // 11 districts, 200 communes and wards (lib/region/lang-son/lang-son-admin-units.json).
        expect(units).toHaveLength(200);
        expect(new Set(units.map((u) => u.agency_code)).size).toBe(11);
        const dinhLap = units.filter((u) => u.agency_code === 'UBND-189');
        expect(dinhLap).toHaveLength(12);
        expect(dinhLap[0]).toEqual({ id: 'UBND-189-06613', agency_code: 'UBND-189', name: 'Thị trấn Đình Lập', commune_code: '06613', active: 1 });
        expect(units.some((u) => u.agency_code === 'SNV')).toBe(false);
        expect(await db.selectFrom('staff').select('unit_id').execute()).toEqual([{ unit_id: null }]);
      } finally {
        await drop();
      }
    });
  });
}
