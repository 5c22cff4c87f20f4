import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

// One list of migrations for SQLite and PostgreSQL. Append only: never edit a migration that has shipped.
const migrations: Record<string, Migration> = {
  '0001_households': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('households')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('client_id', 'text', (c) => c.notNull().unique())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('head_name', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

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

export { sql };
