import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A tablet's household rarely has a leading account (issue 13) and never a match key (only the retention purge gives
 * one), yet every household stored wrote a NULL entry into both indexes: two of the ten index entries each kiosk row
 * costs. Both are only looked up by value (`in (...)`: server/leading/accounts.ts, server/channels/progress-store.ts),
 * which PostgreSQL and SQLite both answer from an index that holds just the rows that have one.
 */
export const householdRareKeys0870: Migration = {
  async up(db: Kysely<any>) {
    for (const [index, column] of [
      ['households_leading_account', 'leading_account_id'],
      ['households_match_key', 'match_key'],
    ]) {
      await db.schema.dropIndex(index).execute();
      await db.schema.createIndex(index).on('households').column(column).where(sql.ref(column), 'is not', null).execute();
    }
  },
};
