import { type Kysely, type Migration } from 'kysely';

/**
 * Issue 11, who can get in and for how long:
 * - tablets and staff can be revoked by name (kiosk_devices.revoked_at, staff.revoked_at); their tokens stop at once;
 * - tablet tokens expire: the ones enrolled before (no expiry) get 30 days from now, renewed while in use;
 *   staff tokens are capped at 180 days from now, renewed while in use;
 * - guess and login limits live in the database, shared by every collector instance: `rate_limits` is the table
 *   rate-limiter-flexible's PostgreSQL and SQLite stores use (key, points, expire in ms since epoch).
 */
export const accessControl0301: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('kiosk_devices').addColumn('revoked_at', 'text').execute();
    await db.schema.alterTable('staff').addColumn('revoked_at', 'text').execute();
    const now = Date.now();
    await db.updateTable('tokens').set({ expires_at: new Date(now + 30 * 86_400_000).toISOString() }).where('role', '=', 'kiosk').where('expires_at', 'is', null).execute();
    const staffCap = new Date(now + 180 * 86_400_000).toISOString();
    await db
      .updateTable('tokens')
      .set({ expires_at: staffCap })
      .where('role', '=', 'staff')
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', staffCap)]))
      .execute();
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expire', 'bigint')
      .execute();
  },
};
