/**
 * Issue 13 item 2, stored: each write that changes a household (a kiosk batch, the hand-over sheet, an operator's
 * list, the retention purge) keeps the commune figures in the same transaction, and they are what counting every
 * commune again from scratch gives. Thất Khê (05995, 10 households) and Trùng Khánh (06127, 20 households); every
 * expected figure is worked out by hand in the comments. Both databases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../test-databases';
import { createProvinceUser, type SeededUser } from '../testing/seed';
import { enrolKiosk, household } from '../../tests/unit/robustness/people';
import { rebuildProgress } from './progress-store';
import { describePurge, purge } from '../ops/purge';
import type { Db } from '../db';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

const C = '05995';
const D = '06127';
const utf8 = (s: string) => new TextEncoder().encode(s);

/** The two stored tables, in a fixed order. */
async function storedTables(db: Kysely<Database>) {
  const totals = await db.selectFrom('commune_progress').selectAll().orderBy('commune_code').execute();
  const byChannel = await db.selectFrom('commune_channel_progress').selectAll().orderBy('commune_code').orderBy('channel').execute();
  const n = <T extends object>(r: T) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && k !== 'commune_code' && k !== 'channel' ? Number(v) : v]));
  return { totals: totals.map(n), byChannel: byChannel.map(n) };
}

/** Every commune counted again from nothing, in a transaction that is then undone. */
async function recounted(db: Db) {
  let out: Awaited<ReturnType<typeof storedTables>> | undefined;
  await db
    .transaction()
    .execute(async (trx) => {
      await trx.deleteFrom('commune_channel_progress').execute();
      await trx.deleteFrom('commune_progress').execute();
      await rebuildProgress(trx);
      out = await storedTables(trx);
      throw new Error('undo');
    })
    .catch((e) => {
      if ((e as Error).message !== 'undo') throw e;
    });
  return out!;
}

const ch = (households: number, shops: number, payments: number, productsListed: number) => ({ households, shops, payments, productsListed });
const none = ch(0, 0, 0, 0);

forEachDatabase((deps) => {
  let province: SeededUser;
  let tablet: Awaited<ReturnType<typeof enrolKiosk>>;
  const call = (method: string, path: string, body?: Uint8Array | object, token = province.token) =>
    deps().app.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body && !(body instanceof Uint8Array) ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
    });
  const sync = async (households: object[]) => {
    const res = await call('POST', '/api/kiosk/households', { households }, tablet.token);
    expect(res.status).toBe(200);
    return ((await res.json()) as { results: { status: string; serverId: string }[] }).results;
  };
  const handover = async (rows: string) => {
    const res = await call('POST', '/api/kiosk/handover', utf8(`Mã hồ sơ,Đường dẫn cửa hàng,Đã đăng sản phẩm\r\n${rows}`));
    expect(res.status).toBe(200);
    return (await res.json()).updated as number;
  };
  /** A commune as the province's progress screen shows it. */
  const shown = async (code: string) => {
    const res = await call('GET', '/api/channels/progress');
    expect(res.status).toBe(200);
    const c = ((await res.json()) as { communes: { communeCode: string }[] }).communes.find((x) => x.communeCode === code) as Record<string, unknown>;
    const { signedUp, shopsOpened, paymentAccounts, both, productsListed, percentBoth, channels } = c;
    return { signedUp, shopsOpened, paymentAccounts, both, productsListed, percentBoth, channels };
  };
  const storedIsRecount = async () => expect(await storedTables(deps().db)).toEqual(await recounted(deps().db));

  const k1 = household({ communeCode: C, headName: 'Lò Văn Một', products: [{ category: 'trai_cay', name: 'Na Chi Lăng' }, { category: 'rau_cu', name: 'Khoai môn' }] });
  const k2 = household({ communeCode: C, headName: 'Nông Thị Hai' });
  // Bưu điện lists this ID number in Trùng Khánh before the kiosk signs K3 up in Thất Khê.
  const y = '020190888003';
  const k3 = household({ communeCode: C, headName: 'Lường Văn Ba', idNumber: y });
  let ids: string[] = [];

  beforeAll(async () => {
    const { db } = deps();
    province = await createProvinceUser(db);
    tablet = await enrolKiosk(deps(), [C, D]);
    await db.updateTable('communes').set({ household_count: 10 }).where('code', '=', C).execute();
    await db.updateTable('communes').set({ household_count: 20 }).where('code', '=', D).execute();
  }, 60_000);

  describe('the stored progress follows every write', () => {
    it('a kiosk batch: K1, K2 in Thất Khê with payment accounts, no shop yet', async () => {
      const results = await sync([k1, k2]);
      expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
      ids = results.map((r) => r.serverId);
      // 2 signed up, 2 payment accounts, no shop: 0 of 10 with both.
      expect(await shown(C)).toEqual({ signedUp: 2, shopsOpened: 0, paymentAccounts: 2, both: 0, productsListed: 0, percentBoth: 0, channels: { kiosk: ch(2, 0, 2, 0), postmart: none, voso: none } });
      await storedIsRecount();
    });

    it('the hand-over sheet: K1 gets its shop and lists its 2 products', async () => {
      expect(await handover(`${ids[0]},https://langson.voso.vn/shop/k1,có\r\n`)).toBe(1);
      // K1 has both: 1 of 10 = 10%.
      expect(await shown(C)).toEqual({ signedUp: 2, shopsOpened: 1, paymentAccounts: 2, both: 1, productsListed: 2, percentBoth: 10, channels: { kiosk: ch(2, 1, 2, 2), postmart: none, voso: none } });
      await storedIsRecount();
    });

    it("Viettel Post's list: K2 by its ID though listed in Trùng Khánh, and a new household in Thất Khê", async () => {
      const csv = [
        'STT;Tên xã;Huyện;Họ và tên;SĐT;CCCD;Mã gian hàng;Link gian hàng;Ví Viettel Money;Số sản phẩm',
        // O1: K2's ID number, in another commune: K2's household (Thất Khê), a voso shop, no wallet, 3 products.
        `1;Xã Trùng Khánh;Văn Lãng;Nông Thị Hai;;${k2.idNumber};V1;https://langson.voso.vn/shop/v1;;3`,
        // O2: a new household of Thất Khê, keyed by its phone (no shop id): shop, wallet, 2 products.
        '2;Thị trấn Thất Khê;Tràng Định;Hoàng Thị Hai;0987000201;;;https://langson.voso.vn/shop/v2;có;2',
      ].join('\r\n');
      const columns = { commune: 'Tên xã', district: 'Huyện', headName: 'Họ và tên', phone: 'SĐT', idNumber: 'CCCD', shopId: 'Mã gian hàng', shop: 'Link gian hàng', payment: 'Ví Viettel Money', products: 'Số sản phẩm' };
      expect((await call('PUT', '/api/channels/column-maps/voso', { columns })).status).toBe(200);
      const res = await call('POST', '/api/channels/imports/voso?file=voso.csv', utf8(csv));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ rows: 2, added: 2, refused: 0 });
      // K1 (shop, payment, 2), K2+O1 (voso shop, kiosk payment: both; 3), O2 (both; 2): 3 of 10 = 30%, 7 products.
      expect(await shown(C)).toEqual({ signedUp: 2, shopsOpened: 3, paymentAccounts: 3, both: 3, productsListed: 7, percentBoth: 30, channels: { kiosk: ch(2, 1, 2, 2), postmart: none, voso: ch(2, 2, 1, 5) } });
      // O1 is K2's, not a Trùng Khánh household.
      expect(await shown(D)).toEqual({ signedUp: 0, shopsOpened: 0, paymentAccounts: 0, both: 0, productsListed: 0, percentBoth: 0, channels: { kiosk: none, postmart: none, voso: none } });
      await storedIsRecount();
    });

    it("Bưu điện's list: O3 in Trùng Khánh by its ID number only", async () => {
      expect((await call('PUT', '/api/channels/column-maps/postmart', { columns: { commune: 'Xã/Phường', headName: 'Họ tên chủ hộ', phone: 'Số điện thoại', idNumber: 'Số CCCD', shop: 'Gian hàng', payment: 'Tài khoản PostPay', products: 'Số mặt hàng' } })).status).toBe(200);
      const csv = `Xã/Phường,Họ tên chủ hộ,Số điện thoại,Số CCCD,Gian hàng,Tài khoản PostPay,Số mặt hàng\r\nXã Trùng Khánh,Lường Văn Ba,,${y},có,có,4\r\n`;
      const res = await call('POST', '/api/channels/imports/postmart?file=buudien.csv', utf8(csv));
      expect(await res.json()).toMatchObject({ rows: 1, added: 1, refused: 0 });
      // 1 of 20 = 5%.
      expect(await shown(D)).toEqual({ signedUp: 0, shopsOpened: 1, paymentAccounts: 1, both: 1, productsListed: 4, percentBoth: 5, channels: { kiosk: none, postmart: ch(1, 1, 1, 4), voso: none } });
      await storedIsRecount();
    });

    it('a kiosk batch in Thất Khê moves O3 there: K3 has its ID number', async () => {
      expect((await sync([k3])).map((r) => r.status)).toEqual(['accepted']);
      // K3+O3: kiosk payment, postmart shop and payment, 4 products: Thất Khê 4 of 10 = 40%, 11 products.
      expect(await shown(C)).toEqual({ signedUp: 3, shopsOpened: 4, paymentAccounts: 4, both: 4, productsListed: 11, percentBoth: 40, channels: { kiosk: ch(3, 1, 3, 2), postmart: ch(1, 1, 1, 4), voso: ch(2, 2, 1, 5) } });
      expect(await shown(D)).toEqual({ signedUp: 0, shopsOpened: 0, paymentAccounts: 0, both: 0, productsListed: 0, percentBoth: 0, channels: { kiosk: none, postmart: none, voso: none } });
      await storedIsRecount();
    });

    it('the retention purge clears the operators\' hashes and K1\'s phone and ID; the figures stay, and stay after a later write', async () => {
      const { db } = deps();
      const figuresBefore = await shown(C);
      // Two days ahead: every shop above was opened before it, whatever the hour in Vietnam.
      const cutOff = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      const plan = await purge(db, cutOff);
      // K1 is the only kiosk household with a shop; O1, O2 and O3 all say the shop is open.
      expect(plan.households).toEqual({ count: 1, photos: 0 });
      expect(plan.operatorRows).toBe(3);
      expect(describePurge(plan, true)).toContain('- Dòng danh sách của Bưu điện, Viettel Post có cửa hàng mở trước ngày đó: 3 dòng — đã xóa mã băm số điện thoại và số CCCD/CMND; giữ xã, tên hộ, cửa hàng và số liệu (tiến độ theo xã không đổi).');
      expect(await shown(C)).toEqual(figuresBefore);
      await storedIsRecount();

      const rows = await db.selectFrom('operator_households').select(['operator', 'row_key', 'head_name', 'phone_hash', 'id_hash', 'match_key']).orderBy('head_name').execute();
      expect(rows.map((r) => [r.operator, r.head_name, r.phone_hash, r.id_hash])).toEqual([
        ['voso', 'Hoàng Thị Hai', null, null],
        ['postmart', 'Lường Văn Ba', null, null],
        ['voso', 'Nông Thị Hai', null, null],
      ]);
      // The keys made of a phone or an ID number are gone; the shop id stays.
      expect(rows.map((r) => r.row_key.replace(/^purged:[0-9a-f-]{36}$/, 'purged'))).toEqual(['purged', 'purged', 'shop:V1']);
      const kiosk = await db.selectFrom('households').select(['head_name', 'phone', 'id_number', 'id_hash', 'match_key']).orderBy('head_name').execute();
      expect(kiosk.map((h) => [h.head_name, h.phone, h.id_number, h.id_hash === null])).toEqual([
        ['Lò Văn Một', '', '', true],
        ['Lường Văn Ba', k3.phone, y, false],
        ['Nông Thị Hai', k2.phone, k2.idNumber, false],
      ]);
      // K2 and O1, K3 and O3 each share a match key; K1 and O2 were alone.
      const key = (name: string, list: { head_name: string; match_key: string | null }[]) => list.find((x) => x.head_name === name)!.match_key;
      expect(key('Nông Thị Hai', kiosk)).toMatch(/^[0-9a-f-]{36}$/);
      expect(key('Nông Thị Hai', rows)).toBe(key('Nông Thị Hai', kiosk));
      expect(key('Lường Văn Ba', rows)).toBe(key('Lường Văn Ba', kiosk));
      expect(key('Lường Văn Ba', rows)).not.toBe(key('Nông Thị Hai', rows));
      expect([key('Lò Văn Một', kiosk), key('Hoàng Thị Hai', rows)]).toEqual([null, null]);

      // A later write counts Thất Khê again: K2 lists its 1 product, and O1 is still K2's (12 products, 40%).
      expect(await handover(`${ids[1]},,có\r\n`)).toBe(1);
      expect(await shown(C)).toEqual({ signedUp: 3, shopsOpened: 4, paymentAccounts: 4, both: 4, productsListed: 12, percentBoth: 40, channels: { kiosk: ch(3, 1, 3, 3), postmart: ch(1, 1, 1, 4), voso: ch(2, 2, 1, 5) } });
      expect((await shown(D)).shopsOpened).toBe(0);
      await storedIsRecount();
    });
  });
});
