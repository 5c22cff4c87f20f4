import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { migrations } from './migrations';

class ListedMigrations implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: new ListedMigrations() }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Không nâng cấp được cơ sở dữ liệu (migration ${failed ?? '?'}): ${String(error)}`);
  }
}
