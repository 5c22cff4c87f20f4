import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { migrations } from './migrations';

class ListedMigrations implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

// Each area owns a number range (migrations/index.ts): a new 01xx runs on a database that already has 0201.
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: new ListedMigrations(), allowUnorderedMigrations: true }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Không nâng cấp được cơ sở dữ liệu (migration ${failed ?? '?'}): ${String(error)}`);
  }
}
