import { createHash } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';
import { normalizeOrderCode } from '../../../lib/order-code';

/**
 * Order codes stored before the collector normalised them (lib/order-code.ts) are normalised in place, with
 * the stored body and its content hash (server/staff/orders.ts contentHash: sha256 of the body), so an order
 * the extension resends after the upgrade is the same order, not a 409.1. Codes that now coincide are double
 * claims: held for the agency's review like any other.
 */
export const normaliseOrderCodes0107: Migration = {
  async up(db: Kysely<any>) {
    const rows = await db.selectFrom('staff_orders').select(['id', 'order_code', 'body']).where('order_code', 'is not', null).execute();
    for (const r of rows) {
      const code = normalizeOrderCode(r.order_code) || null;
      if (code === r.order_code) continue;
      const body = JSON.stringify({ ...JSON.parse(r.body), orderCode: code });
      await db
        .updateTable('staff_orders')
        .set({ order_code: code, body, content_hash: createHash('sha256').update(body).digest('base64url') })
        .where('id', '=', r.id)
        .execute();
    }
    const claimedTwice = await db
      .selectFrom('staff_orders')
      .select(['marketplace', 'order_code'])
      .where('state', '!=', 'withdrawn')
      .where('order_code', 'is not', null)
      .groupBy(['marketplace', 'order_code'])
      .having(sql`count(*)`, '>', 1)
      .execute();
    for (const c of claimedTwice) {
      await db
        .updateTable('staff_orders')
        .set({ state: 'flagged', flag_reason: 'duplicate', counted: 0 })
        .where('marketplace', '=', c.marketplace)
        .where('order_code', '=', c.order_code)
        .where('state', '!=', 'withdrawn')
        .where('review', 'is', null)
        .execute();
    }
  },
};
