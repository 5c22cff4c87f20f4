import type { Kysely, Migration } from 'kysely';

/**
 * The claims of a batch's marketplace orders are looked up by their codes (server/staff/batch-meets.ts, and the agency's
 * participants list by codes alone), so the index leads with the code. Led by the marketplace, whose two values each
 * hold about half of all orders, it let PostgreSQL make a plan that reads every order of the marketplace and keeps
 * those with the batch's codes. PostgreSQL makes that plan for a connection's prepared statement while the table is
 * small or has no statistics yet (a new province, the first minutes after a restore), keeps it until the table is next
 * analysed, and each submission then read the whole marketplace: in `npm run bench -- collector` a batch of 50 orders
 * took 11 ms after 10 batches and 31 ms after 150, where the same lookup read through the codes takes under 1 ms.
 * Building the index locks out order submissions for as long as it takes (a few seconds for a province's orders).
 */
export const claimIndexByCode0890: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.dropIndex('staff_orders_claim').execute();
    await db.schema.createIndex('staff_orders_claim').on('staff_orders').columns(['order_code', 'marketplace']).execute();
  },
};
