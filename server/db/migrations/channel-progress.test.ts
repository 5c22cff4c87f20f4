/**
 * Upgrading a collector that already holds kiosk signups and operators' rows (before 0821): the migration counts every
 * commune's progress into the stored tables, each household once, and gives the kiosk's households their phone's and
 * ID's hashes. Expected figures worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { olderCollectorDatabase } from '../../testing/older-collector';
import { migrateToLatest } from '../migrate';
import { identityHash } from '../../channels/identity';

const at = '2021-09-01T02:00:00.000Z';

const household = (id: string, over: Record<string, unknown>) => ({
  id, client_id: `client-${id}`, content_hash: 'h', commune_code: '06181', village: 'Thôn Bản Cặp', head_name: `Hộ ${id}`, phone: `09123456${id.slice(-2)}`,
  id_number: `0201900012${id.slice(-2)}`, id_kind: 'cccd', marketplace: 'voso', shop_name: 'Na nhà Thụ', payment: 'viettelmoney', has_payment_account: 1,
  details: JSON.stringify({ products: [{ category: 'trai_cay', name: 'Na' }], notes: '' }), device_id: 'd1', officer_name: 'Lý Thị Mai',
  registered_at: at, received_at: at, updated_at: at, shop_url: null, shop_opened_at: null, payment_opened_at: at, products_listed_at: null, ...over,
});
const operatorRow = (operator: string, rowKey: string, over: Record<string, unknown>) => ({
  operator, row_key: rowKey, commune_code: '06127', head_name: 'Vi Văn Ba', phone_hash: null, id_hash: null, shop_id: null, shop_url: null,
  shop_opened: 1, payment_opened: 0, products_listed: 0, content_hash: 'c', import_id: 'imp-1', updated_at: at, ...over,
});

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`${kind}: upgrading a collector with households from every channel`, () => {
    it('counts every commune into the stored progress', async () => {
      const { db, drop } = await olderCollectorDatabase(kind, (name) => name < '0821');
      try {
        await db.insertInto('users').values({ id: 'u1', username: 'sotttt', password_hash: 'x', role: 'province', full_name: 'Sở TT&TT', agency_code: null, created_at: at, disabled_at: null }).execute();
        await db.insertInto('operator_imports').values({ id: 'imp-1', operator: 'voso', file_name: 'ds.csv', imported_by: 'u1', imported_at: at, rows: 2, added: 2, changed: 0, unchanged: 0, refused: 0 }).execute();
        // Nhạc Kỳ: h-01 with a shop, a payment account and its 1 product listed; h-02 with a payment account only.
        await db.insertInto('households').values([household('h-01', { shop_url: 'https://langson.voso.vn/shop/h01', shop_opened_at: at, products_listed_at: at }), household('h-02', {})]).execute();
        // Viettel Post lists h-02 by its ID number under Trùng Khánh (a shop, 5 products); Bưu điện a household of its own there.
        await db
          .insertInto('operator_households')
          .values([operatorRow('voso', 'shop:V1', { id_hash: identityHash('id', '020190001202'), products_listed: 5 }), operatorRow('postmart', 'name:06127:vi van ba', { products_listed: 2 })])
          .execute();
        await migrateToLatest(db);

        const totals = await db.selectFrom('commune_progress').selectAll().orderBy('commune_code').execute();
        // Nhạc Kỳ: 2 signups; shops h-01 and h-02 (Viettel Post's), both with payment: 2 both; 1 + 5 products.
        // Trùng Khánh: Bưu điện's household only: a shop, no payment, 2 products.
        expect(totals.map((t) => Object.values(t).map(String))).toEqual([
          ['06127', '0', '1', '0', '0', '2'],
          ['06181', '2', '2', '2', '2', '6'],
        ]);
        const byChannel = await db.selectFrom('commune_channel_progress').selectAll().orderBy('commune_code').orderBy('channel').execute();
        expect(byChannel.map((c) => Object.values(c).map(String))).toEqual([
          ['06127', 'postmart', '1', '1', '0', '2'],
          ['06181', 'kiosk', '2', '1', '2', '1'],
          ['06181', 'voso', '1', '1', '0', '5'],
        ]);
        const hashes = await db.selectFrom('households').select(['id', 'phone_hash', 'id_hash']).orderBy('id').execute();
        expect(hashes).toEqual([
          { id: 'h-01', phone_hash: identityHash('phone', '0912345601'), id_hash: identityHash('id', '020190001201') },
          { id: 'h-02', phone_hash: identityHash('phone', '0912345602'), id_hash: identityHash('id', '020190001202') },
        ]);
      } finally {
        await drop();
      }
    });
  });
}
