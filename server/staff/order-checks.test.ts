/**
 * Issue 10 item 1: the collector checks every number it counts. Adversarial submissions are refused or held
 * and never counted; the agency's tally (the SQL path) is read back after each one.
 */
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../test-databases';
import { createAgencyFocalPoint, createProvinceUser, enrolStaff, submitOrders, type SeededStaff } from '../testing/seed';
import { hoi, setUpCurrentPeriod, todayOrder, vnDay } from '../testing/current-period';
import type { TestDeps } from '../test-databases';

const json = { 'Content-Type': 'application/json' };

forEachDatabase((deps) => {
  const setUp = (agency: string) => setUpCurrentPeriod(deps(), agency);
  const stored = (d: TestDeps, clientId: string) => d.db.selectFrom('staff_orders').selectAll().where('client_id', '=', clientId).executeTakeFirst();

  describe('order checks', () => {
    it('refuses a line total that is not quantity × unit price (400.10 naming the field), and stores nothing', async () => {
      const { d, tally } = await setUp('SYT');
      const staff = await enrolStaff(d, 'SYT');
      const inflated = todayOrder({ items: [{ ...hoi, lineTotal: 9_000_000_000 }], total: 9_000_020_000 });
      const { body } = await submitOrders(d, staff, [inflated]);
      expect(body.results[0]).toMatchObject({ status: 'rejected', problem: { code: '400.10', field: 'items[0].lineTotal' } });
      expect(body.results[0].problem!.message).toContain('2 × 120.000 ₫ = 240.000 ₫');
      expect(body.results[0].problem!.message).toContain('(Mã 400.10.)');
      expect(await stored(d, inflated.clientId)).toBeUndefined();
      expect(await tally()).toMatchObject({ participants: 0, amountVnd: 0 });
    });

    it('holds an order whose total is not items + shipping − discount, with the reason, until the agency counts it', async () => {
      const { d, focal, tally } = await setUp('SXD');
      const staff = await enrolStaff(d, 'SXD');
      const order = todayOrder({ total: 100_000_000_000_000 / 10_000 });
      const { body } = await submitOrders(d, staff, [order]);
      expect(body.results[0]).toMatchObject({ status: 'flagged', problem: { code: '422.10', field: 'total' } });
      expect(body.results[0].problem!.message).toContain('tiền hàng 240.000 ₫ + phí vận chuyển 20.000 ₫ − giảm giá 0 ₫ = 260.000 ₫');
      expect(await tally()).toMatchObject({ participants: 0, orders: 0, amountVnd: 0 });
      const mine = (await (await d.app.request('/api/staff/orders', { headers: staff.auth })).json()).orders;
      expect(mine[0].reason).toContain('(Mã 422.10.)');

      const pending = (await (await d.app.request('/api/agency/review?period=now&kind=pending', { headers: focal.auth })).json()).orders;
      expect(pending).toHaveLength(1);
      expect(pending[0].checks).toEqual([expect.objectContaining({ code: '422.10', field: 'total' })]);
      const res = await d.app.request(`/api/agency/review/${pending[0].id}`, { method: 'POST', headers: { ...focal.auth, ...json }, body: JSON.stringify({ decision: 'counted', note: 'Sàn cộng phí đóng gói, đã xem hóa đơn.' }) });
      expect(res.status).toBe(200);
      expect(await tally()).toMatchObject({ participants: 1, orders: 1, amountVnd: 240_000 });
      // A page that shows no shipping fee: the difference may be that fee, so the order is not held.
      expect((await submitOrders(d, staff, [todayOrder({ shippingFee: null, total: 290_000 })])).body.results[0].status).toBe('accepted');
    });

    it('counts an item as the server classifies it; the agency may override item by item, with who, when and why', async () => {
      const { d, focal, tally } = await setUp('SKHCN');
      const staff = await enrolStaff(d, 'SKHCN');
      const shoes = { name: 'Giày thể thao nam', quantity: 1, unitPrice: 500_000, lineTotal: 500_000, shop: 'Shop Giày', productUrl: null, weightGrams: null, isFarmProduct: true, excluded: false };
      const order = todayOrder({ items: [shoes], total: 520_000 });
      const { body } = await submitOrders(d, staff, [order]);
      expect(body.results[0]).toMatchObject({ status: 'accepted', problem: { code: '422.12', field: 'items[0].isFarmProduct' } });
      expect(body.results[0].problem!.message).toContain('"Giày thể thao nam" không được máy chủ tính là nông sản');
      // Sent as farm, not counted: no participant, no money.
      expect(await tally()).toMatchObject({ participants: 0, orders: 0, farmItems: 0, amountVnd: 0 });
      const items = await d.db.selectFrom('staff_order_items').selectAll().execute();
      const line = items.find((i) => i.name === 'Giày thể thao nam')!;
      expect([Number(line.is_farm_product), Number(line.farm_verdict), line.farm_override]).toEqual([1, 0, null]);

      const checked = (await (await d.app.request('/api/agency/review?period=now&kind=checked', { headers: focal.auth })).json()).orders;
      expect(checked).toHaveLength(1);
      expect(checked[0].items).toEqual([{ lineNo: 0, name: 'Giày thể thao nam', sentAsFarm: true, serverVerdict: false, counts: false, override: null }]);
      const noReason = await d.app.request(`/api/agency/review/${checked[0].id}/items/0`, { method: 'POST', headers: { ...focal.auth, ...json }, body: JSON.stringify({ isFarmProduct: true, note: '  ' }) });
      expect(noReason.status).toBe(400);
      expect((await noReason.json()).error).toMatchObject({ code: '400.2', field: 'note' });
      expect((await d.app.request(`/api/agency/review/${checked[0].id}/items/7`, { method: 'POST', headers: { ...focal.auth, ...json }, body: JSON.stringify({ isFarmProduct: true, note: 'x' }) })).status).toBe(404);
      const ok = await d.app.request(`/api/agency/review/${checked[0].id}/items/0`, { method: 'POST', headers: { ...focal.auth, ...json }, body: JSON.stringify({ isFarmProduct: true, note: 'Giày cỏ gianh của HTX, làm từ nông sản.' }) });
      expect(ok.status).toBe(200);
      const [after] = (await ok.json()).items;
      expect(after).toMatchObject({ counts: true, override: { isFarmProduct: true, byName: 'Đầu mối SKHCN', note: 'Giày cỏ gianh của HTX, làm từ nông sản.' } });
      expect(after.override.at.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
      expect(await tally()).toMatchObject({ participants: 1, orders: 1, farmItems: 1, amountVnd: 500_000 });
      // The note is gone (the agency decided); the order stays listed with the decision.
      const after2 = (await (await d.app.request('/api/agency/review?period=now&kind=checked', { headers: focal.auth })).json()).orders;
      expect(after2).toHaveLength(1);
      expect(after2[0].checks).toEqual([]);
      expect(after2[0].items[0].override.isFarmProduct).toBe(true);
      // Another agency cannot touch it.
      const other = await createAgencyFocalPoint(d.db, 'SYT');
      expect((await d.app.request(`/api/agency/review/${checked[0].id}/items/0`, { method: 'POST', headers: { ...other.auth, ...json }, body: JSON.stringify({ isFarmProduct: false, note: 'x' }) })).status).toBe(404);
    });

    it('treats order-code variants (case, zero-width space, full width, spaces) as the same order: a double claim, held', async () => {
      const { d, tally } = await setUp('SNGV');
      const [a, b, c, e] = [await enrolStaff(d, 'SNGV', 'Người A'), await enrolStaff(d, 'SNGV', 'Người B'), await enrolStaff(d, 'SNGV', 'Người C'), await enrolStaff(d, 'SNGV', 'Người E')];
      const first = todayOrder({ orderCode: 'VS7700001' });
      expect((await submitOrders(d, a, [first])).body.results[0].status).toBe('accepted');
      const variants: [SeededStaff, string][] = [
        [b, 'vs7700001\u200b'],
        [c, 'ＶＳ７７００００１'],
        [e, ' Vs 77\u2060000\ufeff01 '],
      ];
      for (const [who, code] of variants) {
        const r = (await submitOrders(d, who, [todayOrder({ orderCode: code })])).body.results[0];
        expect(r).toMatchObject({ status: 'flagged', problem: { code: '409.13' } });
      }
      const rows = await d.db.selectFrom('staff_orders').select(['order_code', 'state', 'counted']).where('agency_code', '=', 'SNGV').execute();
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.order_code === 'VS7700001' && r.state === 'flagged' && Number(r.counted) === 0)).toBe(true);
      expect(await tally()).toMatchObject({ participants: 0, amountVnd: 0 });
    });

    it('refuses an order dated after today (Vietnam time) with 400.15', async () => {
      const { d, tally } = await setUp('BDT');
      const staff = await enrolStaff(d, 'BDT');
      const future = todayOrder({ placedAt: vnDay(21) });
      const r = (await submitOrders(d, staff, [future, todayOrder({ placedAt: vnDay(1) })])).body.results;
      expect(r[0]).toMatchObject({ status: 'rejected', problem: { code: '400.15', field: 'placedAt' } });
      expect(r[1]).toMatchObject({ status: 'rejected', problem: { code: '400.15' } });
      const [y, m, dd] = vnDay(21).split('-');
      expect(r[0].problem!.message).toContain(`Ngày ghi: ${dd}/${m}/${y}`);
      expect(await stored(d, future.clientId)).toBeUndefined();
      expect(await tally()).toMatchObject({ participants: 0 });
    });

    it('holds every order of a person above the period limits (31 orders; 21.000.000 ₫), released when the province raises them', async () => {
      const { d, tally } = await setUp('TTT');
      const province = await createProvinceUser(d.db);
      const busy = await enrolStaff(d, 'TTT', 'Mua nhiều');
      const rich = await enrolStaff(d, 'TTT', 'Mua đắt');
      const normal = await enrolStaff(d, 'TTT', 'Bình thường');
      const many = Array.from({ length: 31 }, () => todayOrder());
      const r = (await submitOrders(d, busy, many)).body.results;
      expect(r.every((x) => x.status === 'flagged' && x.problem?.code === '422.11')).toBe(true);
      expect(r[0].problem!.message).toContain('Trong đợt này bạn đã khai hơn 30 đơn.');
      const big = todayOrder({ items: [{ ...hoi, quantity: 100, unitPrice: 210_000, lineTotal: 21_000_000 }], total: 21_020_000 });
      const held = (await submitOrders(d, rich, [big])).body.results[0];
      expect(held).toMatchObject({ status: 'flagged', problem: { code: '422.11' } });
      expect(held.problem!.message).toContain('hơn 20.000.000 ₫ tiền nông sản');
      expect((await submitOrders(d, normal, [todayOrder()])).body.results[0].status).toBe('accepted');
      expect(await tally()).toMatchObject({ participants: 1, orders: 1, amountVnd: 240_000 });

      const limits = (body: unknown) => d.app.request('/api/province/periods/now/limits', { method: 'PUT', headers: { ...province.auth, ...json }, body: JSON.stringify(body) });
      expect((await limits({ maxOrdersPerPerson: 0, maxAmountPerPerson: 1 })).status).toBe(400);
      const res = await limits({ maxOrdersPerPerson: 40, maxAmountPerPerson: 25_000_000 });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ maxOrdersPerPerson: 40, maxAmountPerPerson: 25_000_000 });
      // Under the new limits every hold is gone, and the sentence with it.
      expect((await d.db.selectFrom('staff_orders').select('checks').where('agency_code', '=', 'TTT').where('checks', 'is not', null).execute())).toHaveLength(0);
      expect(await tally()).toMatchObject({ participants: 3, orders: 33, amountVnd: 240_000 * 32 + 21_000_000 });
      // Lowered again below the busy person's 31 orders: held again, naming the new limit.
      expect((await limits({ maxOrdersPerPerson: 20, maxAmountPerPerson: 25_000_000 })).status).toBe(200);
      expect(await tally()).toMatchObject({ participants: 2, orders: 2 });
      const mine = (await (await d.app.request('/api/staff/orders', { headers: busy.auth })).json()).orders;
      expect(mine.every((o: { status: string; reason: string }) => o.status === 'flagged' && o.reason.includes('hơn 20 đơn'))).toBe(true);
    });

    it('makes no participant of an order with only non-farm items, or with every farm item excluded (SQL path)', async () => {
      const { d, tally } = await setUp('SNV');
      const [a, b] = [await enrolStaff(d, 'SNV', 'Chỉ mua túi'), await enrolStaff(d, 'SNV', 'Bỏ hết')];
      const bag = { name: 'Túi vải', quantity: 1, unitPrice: 30_000, lineTotal: 30_000, shop: null, productUrl: null, weightGrams: null, isFarmProduct: false, excluded: false };
      const onlyNonFarm = todayOrder({ items: [bag], total: 50_000 });
      const allExcluded = todayOrder({ items: [{ ...hoi, excluded: true }, bag], total: 290_000 });
      const r = (await submitOrders(d, a, [onlyNonFarm])).body.results.concat((await submitOrders(d, b, [allExcluded])).body.results);
      expect(r.map((x) => x.status)).toEqual(['accepted', 'accepted']);
      expect(await tally()).toMatchObject({ participants: 0, orders: 0, farmItems: 0, amountVnd: 0 });
      const people = (await (await d.app.request('/api/agency/participants?period=now', { headers: (await createAgencyFocalPoint(d.db, 'SNV')).auth })).json()).participants;
      expect(people.filter((p: { participated: boolean }) => p.participated)).toHaveLength(0);
    });
  });
});
