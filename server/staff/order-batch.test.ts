/**
 * One person's batch of orders, stored set-based (server/staff/orders.ts): every order of the batch is answered as
 * if judged on its own — sent before, changed, refused, a double claim, over the period's limits — and the rows
 * are as those answers say. Expected answers and rows are worked out by hand from the rules (period limits of 30
 * orders and 20.000.000 ₫ per person; a consistent order of one farm item of 240.000 ₫).
 */
import { describe, expect, it } from 'vitest';
import { forEachDatabase, type TestDeps } from '../test-databases';
import { enrolStaff, submitOrders } from '../testing/seed';
import { hoi, setUpCurrentPeriod, todayOrder, vnDay } from '../testing/current-period';

const json = { 'Content-Type': 'application/json' };
const overThirty = 'Trong đợt này bạn đã khai hơn 30 đơn.';

forEachDatabase((deps) => {
  const setUp = (agency: string) => setUpCurrentPeriod(deps(), agency);
  const rowsOf = (d: TestDeps, staffId: string) => d.db.selectFrom('staff_orders').selectAll().where('staff_id', '=', staffId).execute();
  const itemsOf = (d: TestDeps, staffId: string) =>
    d.db.selectFrom('staff_order_items').innerJoin('staff_orders', 'staff_orders.id', 'staff_order_items.order_id').select('staff_order_items.order_id').where('staff_orders.staff_id', '=', staffId).execute();

  describe('a batch of orders', () => {
    it('50 orders mixing sent-before, changed, refused, double-claimed and over-limit ones: each answered on its own, rows as answered, the same again when resent', async () => {
      const { d, tally } = await setUp('SNV');
      const a = await enrolStaff(d, 'SNV', 'Người gửi lô');
      const b = await enrolStaff(d, 'SNV', 'Người khai trước');
      const earlier = Array.from({ length: 5 }, () => todayOrder());
      expect((await submitOrders(d, a, earlier)).body.results.map((r) => r.status)).toEqual(Array(5).fill('accepted'));
      const theirs = todayOrder({ orderCode: 'VSDOUBLE1' });
      expect((await submitOrders(d, b, [theirs])).body.results[0].status).toBe('accepted');
      const before = new Map((await rowsOf(d, a.id)).map((r) => [r.client_id, r]));

      const twice = 'VSTWICE';
      const batch = [
        earlier[0], // 0, 1: sent before, same content
        earlier[1],
        { ...earlier[2], total: 999_000 }, // 2: same clientId, other content
        { ...todayOrder(), items: [] }, // 3: not an order
        todayOrder({ items: [{ ...hoi, lineTotal: 250_000 }], total: 270_000 }), // 4: 2 × 120.000 is not 250.000
        todayOrder({ placedAt: vnDay(3) }), // 5: dated after today
        todayOrder({ orderCode: 'VSDOUBLE1' }), // 6: B claimed this marketplace order already
        todayOrder({ orderCode: twice }), // 7, 8: claimed twice within the batch
        todayOrder({ orderCode: twice }),
        todayOrder({ status: 'cancelled' }), // 9: cancelled: not one of the orders counted against the limit
        ...Array.from({ length: 40 }, () => todayOrder()), // 10–49: new
      ];
      expect(batch).toHaveLength(50);
      const { status, body } = await submitOrders(d, a, batch);
      expect(status).toBe(200);
      const r = body.results;
      expect(r).toHaveLength(50);
      expect(r.map((x) => x.clientId)).toEqual(batch.map((o) => o.clientId));
      // 5 placed before + 43 placed new (40 + VSDOUBLE1 + VSTWICE × 2) = 48 > 30: every order of A is held now,
      // the five sent earlier too (0 and 1 answer as they are now, not as they were).
      expect(r[0]).toMatchObject({ status: 'flagged', serverId: before.get(earlier[0].clientId)!.id, problem: { code: '422.11' } });
      expect(r[1]).toMatchObject({ status: 'flagged', serverId: before.get(earlier[1].clientId)!.id, problem: { code: '422.11' } });
      expect(r[2]).toEqual({ clientId: earlier[2].clientId, status: 'rejected', problem: { code: '409.1', message: expect.stringContaining('(Mã 409.1.)'), field: 'clientId' } });
      expect(r[3]).toMatchObject({ status: 'rejected', problem: { code: '400.10', field: 'items' } });
      expect(r[4]).toMatchObject({ status: 'rejected', problem: { code: '400.10', field: 'items[0].lineTotal' } });
      expect(r[5]).toMatchObject({ status: 'rejected', problem: { code: '400.15', field: 'placedAt' } });
      for (const i of [6, 7, 8]) {
        expect(r[i]).toMatchObject({ status: 'flagged', problem: { code: '409.13' } });
        expect((r[i] as { reason?: string }).reason).toContain('(Mã 422.11.)');
      }
      for (const i of [9, ...Array.from({ length: 40 }, (_, k) => 10 + k)]) expect(r[i]).toMatchObject({ status: 'flagged', problem: { code: '422.11' } });
      expect(r[10].problem!.message).toContain(overThirty);
      expect(new Set(r.filter((x) => x.serverId).map((x) => x.serverId)).size).toBe(46);

      // Rows: the 5 earlier ones + 44 new (40 + 3 claims + 1 cancelled), one item each; none counted.
      const rows = await rowsOf(d, a.id);
      expect(rows).toHaveLength(49);
      expect(await itemsOf(d, a.id)).toHaveLength(49);
      expect(rows.filter((x) => x.state === 'flagged')).toHaveLength(49);
      expect(rows.filter((x) => Number(x.counted) === 1)).toHaveLength(0);
      expect(rows.filter((x) => (x.checks ?? '').includes('hơn 30 đơn'))).toHaveLength(49);
      expect(rows.filter((x) => x.flag_reason === 'duplicate').map((x) => x.order_code).sort()).toEqual(['VSDOUBLE1', twice, twice]);
      const changed = rows.find((x) => x.client_id === earlier[2].clientId)!;
      expect([changed.content_hash, Number(changed.total)]).toEqual([before.get(earlier[2].clientId)!.content_hash, 260_000]);
      expect(rows.find((x) => x.client_id === batch[4].clientId)).toBeUndefined();
      expect(rows.find((x) => x.client_id === batch[5].clientId)).toBeUndefined();
      // B's claim is now a double claim too, held until the agency decides.
      const bRow = (await rowsOf(d, b.id))[0];
      expect([bRow.state, bRow.flag_reason, Number(bRow.counted)]).toEqual(['flagged', 'duplicate', 0]);
      expect(await tally()).toMatchObject({ participants: 0, orders: 0, amountVnd: 0 });

      // The extension resends the whole batch (its answer was lost): the same answers, nothing stored twice.
      const again = await submitOrders(d, a, batch);
      expect(again.body.results).toEqual(r);
      expect(await rowsOf(d, a.id)).toHaveLength(49);
      expect(await itemsOf(d, a.id)).toHaveLength(49);
    });

    it('a person already over the limit: the new orders arrive held; the earlier rows are not written again', async () => {
      const { d } = await setUp('SYT');
      const c = await enrolStaff(d, 'SYT', 'Đã quá mức');
      expect((await submitOrders(d, c, Array.from({ length: 31 }, () => todayOrder()))).body.results.map((x) => x.problem?.code)).toEqual(Array(31).fill('422.11'));
      const first = new Map((await rowsOf(d, c.id)).map((x) => [x.id, x.updated_at]));
      await new Promise((resolve) => setTimeout(resolve, 5)); // a later updated_at would show a rewrite
      const more = (await submitOrders(d, c, Array.from({ length: 5 }, () => todayOrder()))).body.results;
      expect(more.map((x) => [x.status, x.problem?.code])).toEqual(Array(5).fill(['flagged', '422.11']));
      const rows = await rowsOf(d, c.id);
      expect(rows).toHaveLength(36);
      expect(rows.filter((x) => (x.checks ?? '').includes('hơn 30 đơn') && x.state === 'flagged')).toHaveLength(36);
      expect(rows.filter((x) => first.has(x.id) && first.get(x.id) !== x.updated_at)).toHaveLength(0);
    });

    it('an order the agency counted loses the plausibility hold at the person\'s next batch; the others keep it', async () => {
      const { d, focal, tally } = await setUp('SXD');
      const c = await enrolStaff(d, 'SXD', 'Được xét');
      await submitOrders(d, c, Array.from({ length: 31 }, () => todayOrder()));
      const [reviewed] = await rowsOf(d, c.id);
      const res = await d.app.request(`/api/agency/review/${reviewed.id}`, { method: 'POST', headers: { ...focal.auth, ...json }, body: JSON.stringify({ decision: 'counted', note: 'Đã xem hóa đơn.' }) });
      expect(res.status).toBe(200);
      expect(await tally()).toMatchObject({ participants: 1, orders: 1, amountVnd: 240_000 });
      expect((await submitOrders(d, c, [todayOrder()])).body.results[0]).toMatchObject({ status: 'flagged', problem: { code: '422.11' } });
      const rows = await rowsOf(d, c.id);
      const after = rows.find((x) => x.id === reviewed.id)!;
      expect([after.checks, after.state, Number(after.counted), after.review]).toEqual([null, 'accepted', 1, 'counted']);
      expect(rows.filter((x) => x.id !== reviewed.id && (x.checks ?? '').includes('"422.11"'))).toHaveLength(31);
      expect(await tally()).toMatchObject({ participants: 1, orders: 1, amountVnd: 240_000 });
    });

    it('the same order twice in one batch: stored once and answered alike; a refused one twice: refused twice', async () => {
      const { d } = await setUp('BDT');
      const e = await enrolStaff(d, 'BDT');
      const order = todayOrder();
      const bad = todayOrder({ items: [{ ...hoi, lineTotal: 1 }], total: 20_001 });
      const r = (await submitOrders(d, e, [order, bad, order, bad, { ...order, total: 1 }])).body.results;
      expect(r.map((x) => [x.status, x.problem?.code ?? null])).toEqual([
        ['accepted', null],
        ['rejected', '400.10'],
        ['accepted', null],
        ['rejected', '400.10'],
        ['rejected', '409.1'],
      ]);
      expect(r[2].serverId).toBe(r[0].serverId);
      expect(r[3]).toEqual(r[1]);
      expect(await rowsOf(d, e.id)).toHaveLength(1);
    });

    it("an order code with a quote and a backslash: stored as sent, and a second person's claim of it is a double claim", async () => {
      const { d } = await setUp('SNV');
      const a = await enrolStaff(d, 'SNV', 'Người mua thứ nhất');
      const b = await enrolStaff(d, 'SNV', 'Người mua thứ hai');
      // The code takes part in the submission's locks on PostgreSQL (spelt out in the statement): it must not break it.
      const code = "VS'7\\8";
      const first = (await submitOrders(d, a, [todayOrder({ orderCode: code })])).body.results;
      expect(first.map((x) => x.status)).toEqual(['accepted']);
      const second = (await submitOrders(d, b, [todayOrder({ orderCode: code })])).body.results;
      expect(second.map((x) => [x.status, x.problem?.code])).toEqual([['flagged', '409.13']]);
      const rows = await d.db.selectFrom('staff_orders').select(['order_code', 'flag_reason']).where('order_code', '=', code).execute();
      expect(rows).toEqual([
        { order_code: code, flag_reason: 'duplicate' },
        { order_code: code, flag_reason: 'duplicate' },
      ]);
    });
  });
});
