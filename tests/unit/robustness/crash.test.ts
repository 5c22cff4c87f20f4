/**
 * Issue 6: the collector process is killed (SIGKILL) in the middle of a batch. After a restart and a resend,
 * every order has all its items and is stored once; every household once. Real processes
 * (`node --import tsx server/main.ts`), on SQLite and PostgreSQL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import type { Db } from '../../../server/db';
import { createApp } from '../../../server/app';
import { enrolStaff, sampleOrder } from '../../../server/testing/seed';
import { enrolKiosk, household } from './people';
import { kill, startCollector } from './collector-process';
import { throwawayDatabase } from '../../../server/testing/throwaway-database';

const items = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `Hồi khô Lạng Sơn gói ${i}`, quantity: 1, unitPrice: 10_000, lineTotal: 10_000, shop: 'HTX Hồi Văn Quan', productUrl: null, weightGrams: 100, isFarmProduct: true, excluded: false }));

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`${kind}: collector killed mid-batch`, () => {
    const procs: ChildProcess[] = [];
    let cleanup = async () => {};
    afterAll(async () => {
      for (const p of procs) await kill(p, 'SIGKILL');
      await cleanup();
    });

    it('a resend after restart completes each order and household exactly once', { timeout: 120_000 }, async () => {
      const database = await throwawayDatabase(kind);
      const { db } = await database.open();
      cleanup = async () => {
        await db.destroy();
        await database.drop();
      };
      const app = createApp({ db, dbKind: kind, startedAt: new Date() });
      const staff = await enrolStaff({ db, app }, 'SNV');
      // One person sends the thousand orders: lift the plausibility limits, or they would be held for review.
      await db.updateTable('periods').set({ max_orders_per_person: 10_000, max_amount_per_person: 10_000_000_000 }).execute();
      const kiosk = await enrolKiosk({ db, app });
      // Ten batches of 100 orders × 20 items and ten of 100 households, each stream sent one batch after another.
      const orderBatches = Array.from({ length: 10 }, () => Array.from({ length: 100 }, () => sampleOrder({ items: items(20), shippingFee: 0, total: 200_000 })));
      const householdBatches = Array.from({ length: 10 }, () => Array.from({ length: 100 }, () => household()));
      const post = (base: string, path: string, token: string, body: unknown) =>
        fetch(`${base}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      // Batches answered so far, per stream: what the devices would have marked sent.
      let answered = { orders: 0, households: 0 };
      const send = async (base: string) => {
        const answers: Response[] = [];
        answered = { orders: 0, households: 0 };
        await Promise.all([
          (async () => {
            for (const orders of orderBatches) answers.push(await post(base, '/api/staff/orders', staff.token, { orders })), answered.orders++;
          })(),
          (async () => {
            for (const households of householdBatches) answers.push(await post(base, '/api/kiosk/households', kiosk.token, { households })), answered.households++;
          })(),
        ]);
        return answers;
      };

      const first = await startCollector(database.env);
      procs.push(first.proc);
      const inFlight = send(first.base).then(() => 'answered', () => 'cut off');
      // Kill once the second household batch is under way: both streams are mid-way.
      for (let i = 0; i < 4000; i++) {
        const n = await db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        if (Number(n.n) > 150) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      await kill(first.proc, 'SIGKILL');
      expect(await inFlight).toBe('cut off');

      const partial = await tallies(db);
      const cutAt = { ...answered };
      // Both streams were cut before their last batch…
      expect(cutAt.households).toBeLessThan(10);
      expect(cutAt.orders).toBeLessThan(10);
      // …while a batch was on its way: each stream's batch in flight is stored whole or not at all (one transaction),
      // never in part, and nothing answered is missing.
      expect(partial.households % 100).toBe(0);
      expect(partial.orders % 100).toBe(0);
      expect([cutAt.households, cutAt.households + 1]).toContain(partial.households / 100);
      expect([cutAt.orders, cutAt.orders + 1]).toContain(partial.orders / 100);
      expect(partial.items).toBe(partial.orders * 20);
      // No order stored without all its items.
      expect(partial.ordersWithMissingItems).toBe(0);

      const second = await startCollector(database.env);
      procs.push(second.proc);
      const answers = await send(second.base);
      for (const a of answers) {
        expect(a.status).toBe(200);
        const body = (await a.json()) as { results: { status: string }[] };
        expect(body.results.every((r) => r.status === 'accepted')).toBe(true);
      }

      const after = await tallies(db);
      expect(after).toEqual({ orders: 1000, items: 20_000, ordersWithMissingItems: 0, households: 1000 });
      await kill(second.proc, 'SIGTERM');
    });
  });
}

async function tallies(db: Db) {
  const count = async (t: 'staff_orders' | 'staff_order_items' | 'households') => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const perOrder = await db
    .selectFrom('staff_orders')
    .leftJoin('staff_order_items', 'staff_order_items.order_id', 'staff_orders.id')
    .select(['staff_orders.id', (eb) => eb.fn.count<number>('staff_order_items.line_no').as('n')])
    .groupBy('staff_orders.id')
    .execute();
  return { orders: await count('staff_orders'), items: await count('staff_order_items'), ordersWithMissingItems: perOrder.filter((r) => Number(r.n) !== 20).length, households: await count('households') };
}
