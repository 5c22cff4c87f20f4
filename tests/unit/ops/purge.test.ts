/**
 * Issue 14: `npm run admin -- purge --before <date>` removes what SECURITY.md ("Retention") says should go, keeps
 * every count, prints what it removed and asks first. Real command, on SQLite and PostgreSQL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../../../server/testing/throwaway-database';
import { seedCampaign, whatPeopleSee } from './campaign';
import { admin } from './admin-command';
import { rebuildProgress } from '../../../server/channels/progress-store';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`${kind}: purge`, () => {
    let drop = async () => {};
    afterAll(() => drop());

    it('clears personal fields and photos of households whose shop opened before the date, and orders of reported periods; counts stay', { timeout: 120_000 }, async () => {
      const database = await throwawayDatabase(kind);
      drop = database.drop;
      const { db } = await database.open();
      try {
        const campaign = await seedCampaign(db, kind);
        const [old1, old2, recent, waiting] = campaign.households.map((h) => h.clientId);
        const opened = async (clientId: string, at: string) =>
          db.updateTable('households').set({ shop_url: `https://langson.voso.vn/shop/${clientId.slice(0, 8)}`, shop_opened_at: at }).where('client_id', '=', clientId).execute();
        await opened(old1, '2022-03-01T02:00:00.000Z');
        // 31/12/2022 08:00 in Vietnam: before 01/01/2023.
        await opened(old2, '2022-12-31T01:00:00.000Z');
        // 01/01/2023 01:00 in Vietnam: not before the date, though still 31/12/2022 in UTC.
        await opened(recent, '2022-12-31T18:00:00.000Z');
        // As the hand-over sheet would have left them: the stored progress counts the three shops.
        await db.transaction().execute((trx) => rebuildProgress(trx));
        // Every order carries a photo (as if declared on a phone): it goes with its order, and only then.
        for (const o of await db.selectFrom('staff_orders').select('id').execute())
          await db.insertInto('staff_order_photos').values({ order_id: o.id, content_type: 'image/jpeg', size: 4, bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), received_at: '2021-09-01T00:00:00.000Z' }).execute();
        const before = await whatPeopleSee(db, kind, campaign);
        const personal = () => db.selectFrom('households').select(['client_id', 'phone', 'id_number', 'head_name', 'shop_url']).orderBy('client_id').execute();
        const stored = await personal();

        // Without --yes and without a terminal: it says what it would remove and removes nothing.
        const asked = admin(database.env, 'purge', '--before', '01/01/2023');
        expect(asked.status).toBe(1);
        expect(asked.out).toContain('- Hộ đã mở cửa hàng trước ngày đó: 2 hộ — sẽ xóa 2 ảnh, số điện thoại, số CCCD/CMND và ghi chú');
        expect(asked.out).toContain('Cần xác nhận: chạy lại với --yes.');
        expect(await personal()).toEqual(stored);

        const done = admin(database.env, 'purge', '--before', '01/01/2023', '--yes');
        expect(done.status).toBe(0);
        expect(done.out).toContain('Dữ liệu hết thời hạn lưu trước ngày 01/01/2023:');
        expect(done.out).toContain('- Hộ đã mở cửa hàng trước ngày đó: 2 hộ — đã xóa 2 ảnh, số điện thoại, số CCCD/CMND và ghi chú');
        expect(done.out).toContain('- Không có dòng danh sách nào của Bưu điện, Viettel Post cần xóa mã băm.');
        expect(done.out).toContain('- Đợt 1 năm 2021 (hạn báo cáo 30/09/2021): đã xóa 3 đơn hàng, 6 dòng hàng của cán bộ');
        expect(done.out).toContain('  Giữ 1 đơn của 1 cơ quan chưa nộp báo cáo đợt này (STC).');

        // The two households opened before the date keep their name and shop, lose phone, ID number, notes and photos.
        const after = new Map((await personal()).map((h) => [h.client_id, h]));
        const was = new Map(stored.map((h) => [h.client_id, h]));
        for (const id of [old1, old2]) expect(after.get(id)).toEqual({ ...was.get(id), phone: '', id_number: '' });
        for (const id of [recent, waiting]) expect(after.get(id)).toEqual(was.get(id));
        const photos = await db.selectFrom('household_photos').select('household_client_id').execute();
        expect(photos.map((p) => p.household_client_id).sort()).toEqual([recent, waiting].sort());
        const notes = await db.selectFrom('households').select(['client_id', 'details']).where('client_id', 'in', [old1, old2]).execute();
        for (const n of notes) expect(JSON.parse(n.details).notes).toBe('');
        // SNV reported period 1: its three orders go; STC did not: its order stays for its report.
        const orders = await db.selectFrom('staff_orders').select('agency_code').execute();
        expect(orders).toEqual([{ agency_code: 'STC' }]);
        const orderPhotos = await db.selectFrom('staff_order_photos').innerJoin('staff_orders', 'staff_orders.id', 'staff_order_photos.order_id').select('staff_orders.agency_code').execute();
        expect(orderPhotos).toEqual([{ agency_code: 'STC' }]);
        const items = await db.selectFrom('staff_order_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(Number(items.n)).toBe(2);

        // The counts the province reports are what they were.
        const now = await whatPeopleSee(db, kind, { ...campaign, households: campaign.households.filter((h) => h.clientId === recent || h.clientId === waiting) });
        expect(now.progress).toEqual(before.progress);
        expect(now.reports).toEqual(before.reports);
        expect(now.rollup.submittedTotals).toEqual(before.rollup.submittedTotals);
        expect(now.rollup.counts).toEqual(before.rollup.counts);

        // Again: nothing left to remove.
        const again = admin(database.env, 'purge', '--before', '01/01/2023', '--yes');
        expect(again.status).toBe(0);
        expect(again.out).toContain('- Không có hộ nào cần xóa thông tin cá nhân.');
        expect(again.out).toContain('Không có gì để xóa.');
      } finally {
        await db.destroy();
      }
    });

    it('a date that is not a date is refused in Vietnamese', async () => {
      const database = await throwawayDatabase(kind);
      const previous = drop;
      drop = async () => {
        await previous();
        await database.drop();
      };
      for (const bad of ['31/02/2023', '2023-13-01', 'hôm qua']) {
        const r = admin(database.env, 'purge', '--before', bad, '--yes');
        expect(r.status).toBe(1);
        expect(r.out).toContain('Thiếu hoặc sai --before: ngày theo dạng dd/mm/yyyy (ví dụ 31/12/2022).');
      }
    });
  });
}
