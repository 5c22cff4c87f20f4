/**
 * Writes of the same households at once (issue 14: several collectors on one PostgreSQL, kiosks syncing together):
 * each locks the households it touches, so the stored figures stay what a recount from scratch gives, and the same ID
 * number sent by two tablets at once is stored once. Thất Khê (05995, 10 households), Trùng Khánh (06127) and Nhạc Kỳ
 * (06181, 10 households). Both
 * databases; on PostgreSQL the requests really run side by side.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../test-databases';
import { createProvinceUser, type SeededUser } from '../testing/seed';
import { enrolKiosk, household } from '../../tests/unit/robustness/people';
import { rebuildProgress } from './progress-store';
import type { Db } from '../db';

const C = '05995';
const D = '06127';
const E = '06181';
const utf8 = (s: string) => new TextEncoder().encode(s);

/** The two stored tables, then the same counted again from nothing (in a transaction that is undone). */
async function storedAndRecounted(db: Db) {
  const tables = async (d: Db) => ({
    totals: (await d.selectFrom('commune_progress').selectAll().orderBy('commune_code').execute()).map((r) => JSON.stringify(r)),
    byChannel: (await d.selectFrom('commune_channel_progress').selectAll().orderBy('commune_code').orderBy('channel').execute()).map((r) => JSON.stringify(r)),
  });
  const stored = await tables(db);
  let recounted: typeof stored | undefined;
  await db
    .transaction()
    .execute(async (trx) => {
      await rebuildProgress(trx);
      recounted = await tables(trx);
      throw new Error('undo');
    })
    .catch((e) => {
      if ((e as Error).message !== 'undo') throw e;
    });
  return { stored, recounted };
}

const ch = (households: number, shops: number, payments: number, productsListed: number) => ({ households, shops, payments, productsListed });
const none = ch(0, 0, 0, 0);

forEachDatabase((deps) => {
  let province: SeededUser;
  let tablet: Awaited<ReturnType<typeof enrolKiosk>>;
  const call = (method: string, path: string, body: Uint8Array | object, token = province.token) =>
    deps().app.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body instanceof Uint8Array ? {} : { 'Content-Type': 'application/json' }) },
      body: body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
    });
  const shown = async (code: string) => {
    const res = await call('GET', '/api/channels/progress', undefined as never);
    expect(res.status).toBe(200);
    const c = ((await res.json()) as { communes: { communeCode: string }[] }).communes.find((x) => x.communeCode === code) as Record<string, unknown>;
    const { signedUp, shopsOpened, paymentAccounts, both, productsListed, percentBoth, channels } = c;
    return { signedUp, shopsOpened, paymentAccounts, both, productsListed, percentBoth, channels };
  };

  beforeAll(async () => {
    const { db } = deps();
    province = await createProvinceUser(db);
    tablet = await enrolKiosk(deps(), [C, D, E]);
    await db.updateTable('communes').set({ household_count: 10 }).where('code', '=', C).execute();
    await db.updateTable('communes').set({ household_count: 20 }).where('code', '=', D).execute();
    await db.updateTable('communes').set({ household_count: 10 }).where('code', '=', E).execute();
    const columns = { commune: 'Tên xã', district: 'Huyện', headName: 'Họ và tên', phone: 'SĐT', idNumber: 'CCCD', shopId: 'Mã gian hàng', shop: 'Link gian hàng', payment: 'Ví Viettel Money', products: 'Số sản phẩm' };
    expect((await call('PUT', '/api/channels/column-maps/voso', { columns })).status).toBe(200);
    const postmart = { commune: 'Xã/Phường', headName: 'Họ tên chủ hộ', phone: 'Số điện thoại', idNumber: 'Số CCCD', shop: 'Gian hàng', payment: 'Tài khoản PostPay', products: 'Số mặt hàng' };
    expect((await call('PUT', '/api/channels/column-maps/postmart', { columns: postmart })).status).toBe(200);
  }, 60_000);

  it("ten kiosk signups in Thất Khê and, at the same moment, Viettel Post's ten rows of the same ID numbers in Trùng Khánh", async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `0201907770${String(i).padStart(2, '0')}`);
    const kiosk = ids.map((idNumber) => call('POST', '/api/kiosk/households', { households: [household({ communeCode: C, idNumber })] }, tablet.token));
    // One file per row, each its own import: twenty writes of ten households at once.
    const lists = ids.map((idNumber, i) =>
      call(
        'POST',
        `/api/channels/imports/voso?file=voso-${i}.csv`,
        utf8(`STT;Tên xã;Huyện;Họ và tên;SĐT;CCCD;Mã gian hàng;Link gian hàng;Ví Viettel Money;Số sản phẩm\r\n1;Xã Trùng Khánh;Văn Lãng;Hộ số ${i};;${idNumber};S${i};https://langson.voso.vn/shop/s${i};;3`),
      ),
    );
    const answers = await Promise.all([...kiosk, ...lists]);
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    // Each kiosk signup and its row are one household of Thất Khê (the kiosk's commune): the signup's payment account,
    // the row's voso shop with 3 products. 10 of 10 with both.
    expect(await shown(C)).toEqual({ signedUp: 10, shopsOpened: 10, paymentAccounts: 10, both: 10, productsListed: 30, percentBoth: 100, channels: { kiosk: ch(10, 0, 10, 0), postmart: none, voso: ch(10, 10, 0, 30) } });
    expect(await shown(D)).toEqual({ signedUp: 0, shopsOpened: 0, paymentAccounts: 0, both: 0, productsListed: 0, percentBoth: 0, channels: { kiosk: none, postmart: none, voso: none } });
    const { stored, recounted } = await storedAndRecounted(deps().db);
    expect(stored).toEqual(recounted);
  });

  it('the same ID number from two tablets at once, ten times over: each stored once, the other answered 409.51', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `0201906660${String(i).padStart(2, '0')}`);
    const answers = await Promise.all(
      ids.flatMap((idNumber) => [0, 1].map(() => call('POST', '/api/kiosk/households', { households: [household({ communeCode: C, idNumber })] }, tablet.token))),
    );
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    const results = (await Promise.all(answers.map((r) => r.json()))) as { results: { status: string; problem?: { code: string } }[] }[];
    const outcomes = results.map((r) => r.results[0].problem?.code ?? r.results[0].status);
    for (let i = 0; i < ids.length; i++) expect(outcomes.slice(2 * i, 2 * i + 2).sort()).toEqual(['409.51', 'accepted']);
    const stored = await deps().db.selectFrom('households').select('id_number').where('id_number', 'in', ids).execute();
    expect(stored).toHaveLength(10);
    const { stored: tables, recounted } = await storedAndRecounted(deps().db);
    expect(tables).toEqual(recounted);
  });

  it("ten kiosk households of Nhạc Kỳ, then at once Viettel Post's rows by their ID numbers and Bưu điện's by their phones", async () => {
    // Each list's row reaches the signup by a different key: the two writes meet only through the stored household.
    const people = Array.from({ length: 10 }, (_, i) => ({ idNumber: `0201905550${String(i).padStart(2, '0')}`, phone: `0912555${String(i).padStart(3, '0')}` }));
    const res = await call('POST', '/api/kiosk/households', { households: people.map((p) => household({ communeCode: E, ...p })) }, tablet.token);
    expect(((await res.json()) as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(people.map(() => 'accepted'));
    const answers = await Promise.all(
      people.flatMap((p, i) => [
        call('POST', `/api/channels/imports/voso?file=voso-e${i}.csv`, utf8(`STT;Tên xã;Huyện;Họ và tên;SĐT;CCCD;Mã gian hàng;Link gian hàng;Ví Viettel Money;Số sản phẩm\r\n1;Xã Trùng Khánh;Văn Lãng;Hộ số ${i};;${p.idNumber};E${i};https://langson.voso.vn/shop/e${i};;3`)),
        call('POST', `/api/channels/imports/postmart?file=buudien-e${i}.csv`, utf8(`Xã/Phường,Họ tên chủ hộ,Số điện thoại,Số CCCD,Gian hàng,Tài khoản PostPay,Số mặt hàng\r\nXã Nhạc Kỳ,Hộ số ${i},${p.phone},,có,có,4\r\n`)),
      ]),
    );
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    // Each household: the kiosk's payment account, voso's shop (3 products), Bưu điện's shop and PostPay (4): 7 listed.
    expect(await shown(E)).toEqual({ signedUp: 10, shopsOpened: 10, paymentAccounts: 10, both: 10, productsListed: 70, percentBoth: 100, channels: { kiosk: ch(10, 0, 10, 0), postmart: ch(10, 10, 10, 40), voso: ch(10, 10, 0, 30) } });
    expect((await shown(D)).signedUp).toBe(0);
    const { stored, recounted } = await storedAndRecounted(deps().db);
    expect(stored).toEqual(recounted);
  });
});
