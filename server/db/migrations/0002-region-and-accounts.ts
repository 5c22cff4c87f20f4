import type { Kysely, Migration } from 'kysely';

/** The region (districts, communes, agencies, periods) and the people who sign in. */
export const regionAndAccounts0002: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('districts')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('signup_deadline', 'text')
      .execute();
    await db.schema
      .createTable('communes')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('district_code', 'text', (c) => c.notNull().references('districts.code'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      // Household counts are not public: the province enters them (needed for the 50% target).
      .addColumn('household_count', 'integer')
      .execute();
    await db.schema
      .createTable('agencies')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('grp', 'text', (c) => c.notNull())
      .addColumn('district_code', 'text')
      // Unknown until the province enters it; participation rate is shown only where it is known.
      .addColumn('headcount', 'integer')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createTable('periods')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('report_due', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('agency_code', 'text', (c) => c.references('agencies.code'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .execute();
    await db.schema
      .createTable('user_communes')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('commune_code', 'text', (c) => c.notNull().references('communes.code'))
      .addPrimaryKeyConstraint('user_communes_pk', ['user_id', 'commune_code'])
      .execute();
    await db.schema
      .createTable('tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('agency_code', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('tokens_subject').on('tokens').columns(['role', 'subject_id']).execute();
  },
};
