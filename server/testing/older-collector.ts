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
