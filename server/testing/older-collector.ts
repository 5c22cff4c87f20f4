import { Migrator, type Kysely } from 'kysely';
import type { DbKind } from '../db';
import { migrations } from '../db/migrations';
import { seedRegion } from '../db/seed-region';
import { langSon } from '../../lib/region';
import { throwawayDatabase } from './throwaway-database';

/**
 * A database as an older collector left it, for tests of a migration on stored data: only the migrations `had` keeps
 * have run, and Lạng Sơn is seeded. The test then inserts what such a collector stored and runs migrateToLatest.
 * `drop` closes and removes it.
 */
export async function olderCollectorDatabase(kind: DbKind, had: (migration: string) => boolean): Promise<{ db: Kysely<any>; drop: () => Promise<void> }> {
  const database = await throwawayDatabase(kind);
  const db = database.openBare();
  const drop = async () => {
    await db.destroy();
    await database.drop();
  };
  try {
    const older = Object.fromEntries(Object.entries(migrations).filter(([name]) => had(name)));
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => older } }).migrateToLatest();
    if (error) throw error;
    await seedRegion(db, langSon);
    return { db, drop };
  } catch (e) {
    await drop();
    throw e;
  }
}

/**
 * A voso order of staff member s1 (agency SNV, period 2021-dot-1) as an older collector stored it, with `code` and
 * `id` (also its clientId); its body is the order's JSON and its content hash a placeholder, unless given.
 */
export function olderCollectorOrder(code: string, id: string, body = JSON.stringify({ clientId: id, marketplace: 'voso', orderCode: code, placedAt: '2021-08-20', source: 'detected', status: 'placed', items: [], shippingFee: null, discount: null, total: null })) {
  return {
    id, client_id: id, staff_id: 's1', agency_code: 'SNV', period_id: '2021-dot-1', marketplace: 'voso', order_code: code, placed_at: '2021-08-20', placed_on: '2021-08-20',
    source: 'detected', order_status: 'placed', shipping_fee: null, discount: null, total: null, content_hash: 'old', body, state: 'accepted', flag_reason: null,
    review: null, review_note: null, reviewed_by: null, reviewed_at: null, counted: 1, farm_items: 1, farm_quantity: 1, farm_amount: 100_000, farm_grams: 0,
    farm_items_without_weight: 1, received_at: '2021-08-20T00:00:00Z', updated_at: '2021-08-20T00:00:00Z',
  };
}
