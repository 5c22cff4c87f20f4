/**
 * Issue 13, leading accounts ("tài khoản đầu tàu"): Sở TT&TT nominates them, the tablets of their commune list them,
 * the kiosk records which one guided a household, and the province reads each one's spread. Both databases.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { forEachDatabase } from '../../test-databases';
import { createProvinceUser } from '../../testing/seed';
import { enrolKiosk, household } from '../../../tests/unit/robustness/people';
import type { LeadingAccountView } from '../../../lib/api/province';

forEachDatabase((deps) => {
  describe('leading accounts', () => {
    it("nominates, lists on the commune's tablets, records who guided each household and counts each account's spread", async () => {
      const { db, app } = deps();
      const province = await createProvinceUser(db);
      const call = (method: string, path: string, token: string, body?: unknown, raw?: string) =>
        app.request(path, { method, headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) }, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
      const nominate = (body: Record<string, unknown>) => call('POST', '/api/province/leading-accounts', province.token, body);

      const nhung = { id: randomUUID(), name: 'Hoàng Thị Nhung', communeCode: '06181', shopUrl: 'https://langson.voso.vn/shop/na-nha-nhung', reason: 'Bán na Chi Lăng trên Voso từ 2020, hướng dẫn được nhiều hộ trong thôn.' };
      const created = await nominate(nhung);
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({ ...nhung, communeName: 'Xã Nhạc Kỳ', retiredAt: null, households: 0, withShop: 0, productsListed: 0 });
      // The same nomination again (a retried click) is the same account; the same id with other content is refused.
      expect((await nominate(nhung)).status).toBe(200);
      const reused = await nominate({ ...nhung, name: 'Người khác' });
      expect(reused.status).toBe(409);
      expect((await reused.json()).error.code).toBe('409.1');
      // A shop already nominated, a shop link outside the two marketplaces, an unknown commune: refused with their numbers.
      const again = await nominate({ ...nhung, id: randomUUID(), name: 'Hoàng Văn Nhàn' });
      expect([again.status, (await again.json()).error.code]).toEqual([409, '409.80']);
      for (const shopUrl of ['https://shopee.vn/na-nha-nhung', 'langson.voso.vn/shop/x', 'javascript:alert(1)']) {
        const bad = await nominate({ ...nhung, id: randomUUID(), shopUrl });
        expect([bad.status, (await bad.json()).error.code], shopUrl).toEqual([400, '400.81']);
      }
      const noCommune = await nominate({ ...nhung, id: randomUUID(), communeCode: '99999', shopUrl: 'https://langson.postmart.vn/shop/khac' });
      expect([noCommune.status, (await noCommune.json()).error.field]).toEqual([400, 'communeCode']);
      // Another commune's leading account.
      const other = { id: randomUUID(), name: 'Lộc Văn Sơn', communeCode: '06184', shopUrl: 'https://langson.postmart.vn/shop/hoi-son', reason: 'Cửa hàng hoa hồi có doanh số cao nhất huyện.' };
      expect((await nominate(other)).status).toBe(201);

      // The tablet of Nhạc Kỳ lists its own commune's account only: name and id, nothing else.
      const kiosk = await enrolKiosk(deps(), ['06181']);
      const roster = await (await call('GET', '/api/kiosk/households', kiosk.token)).json();
      expect(roster.leadingAccounts).toEqual([{ id: nhung.id, name: 'Hoàng Thị Nhung', communeCode: '06181' }]);

      const first = household({ guidedBy: 'leading', leadingAccountId: nhung.id, products: [{ category: 'trai_cay', name: 'Na dai' }, { category: 'trai_cay', name: 'Na bở' }] });
      const second = household({ guidedBy: 'leading', leadingAccountId: nhung.id, products: [{ category: 'gia_vi', name: 'Hồi khô' }, { category: 'gia_vi', name: 'Quế' }, { category: 'gia_vi', name: 'Thảo quả' }] });
      const byOfficer = household({ guidedBy: 'officer', products: [{ category: 'trai_cay', name: 'Na Chi Lăng' }] });
      const byForeign = household({ guidedBy: 'leading', leadingAccountId: other.id });
      const sent = await (await call('POST', '/api/kiosk/households', kiosk.token, { households: [first, second, byOfficer, byForeign] })).json();
      expect(sent.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'rejected']);
      expect(sent.results[3].problem).toMatchObject({ code: '400.80', field: 'leadingAccountId' });
      const stored = await db.selectFrom('households').select(['client_id', 'guided_by', 'leading_account_id']).where('client_id', 'in', [first.clientId, byOfficer.clientId]).orderBy('guided_by').execute();
      expect(stored).toEqual([
        { client_id: first.clientId, guided_by: 'leading', leading_account_id: nhung.id },
        { client_id: byOfficer.clientId, guided_by: 'officer', leading_account_id: null },
      ]);

      // The post office's hand-over: the first household opened its shop and listed its products; the officer's too;
      // the second has nothing back yet.
      const ids = Object.fromEntries(sent.results.slice(0, 3).map((r: { clientId: string; serverId: string }) => [r.clientId, r.serverId]));
      const sheet = `Mã hồ sơ;Đường dẫn cửa hàng;Đã đăng sản phẩm\r\n${ids[first.clientId]};https://langson.voso.vn/shop/na-nha-1;Có\r\n${ids[byOfficer.clientId]};https://langson.voso.vn/shop/na-nha-3;Có\r\n`;
      expect((await (await call('POST', '/api/kiosk/handover', kiosk.officer.token, undefined, sheet)).json()).updated).toBe(2);

      const spreadOf = async (id: string) => ((await (await call('GET', '/api/province/leading-accounts', province.token)).json()).accounts as LeadingAccountView[]).find((a) => a.id === id)!;
      // Two households brought in, one with a shop, the two products of the first listed; the officer's household is not hers.
      expect(await spreadOf(nhung.id)).toMatchObject({ households: 2, withShop: 1, productsListed: 2 });
      expect(await spreadOf(other.id)).toMatchObject({ households: 0, withShop: 0, productsListed: 0 });

      // Retired: no longer offered on the tablet, her households still count, and one queued offline before still arrives.
      const askedAt = Date.now();
      const retired = await (await call('POST', `/api/province/leading-accounts/${nhung.id}/retire`, province.token)).json();
      // The moment of the call, as an ISO instant (no clock of the test can give it exactly).
      expect(retired.retiredAt).toBe(new Date(Date.parse(retired.retiredAt)).toISOString());
      expect(Date.parse(retired.retiredAt)).toBeGreaterThanOrEqual(askedAt);
      expect(Date.parse(retired.retiredAt)).toBeLessThanOrEqual(Date.now());
      const retiredAgain = await (await call('POST', `/api/province/leading-accounts/${nhung.id}/retire`, province.token)).json();
      expect(retiredAgain.retiredAt).toBe(retired.retiredAt);
      expect((await (await call('GET', '/api/kiosk/households', kiosk.token)).json()).leadingAccounts).toEqual([]);
      const late = await (await call('POST', '/api/kiosk/households', kiosk.token, { households: [household({ guidedBy: 'leading', leadingAccountId: nhung.id })] })).json();
      expect(late.results[0].status).toBe('accepted');
      expect(await spreadOf(nhung.id)).toMatchObject({ households: 3, withShop: 1, productsListed: 2, retiredAt: retired.retiredAt });
      // Active accounts first.
      const order = ((await (await call('GET', '/api/province/leading-accounts', province.token)).json()).accounts as LeadingAccountView[]).map((a) => a.id);
      expect(order).toEqual([other.id, nhung.id]);
      const unknown = await call('POST', `/api/province/leading-accounts/${randomUUID()}/retire`, province.token);
      expect([unknown.status, (await unknown.json()).error.code]).toEqual([404, '404.80']);
    });

    it('refuses a guide the household cannot have, and keeps a household without one as before', async () => {
      const { app } = deps();
      const kiosk = await enrolKiosk(deps(), ['06181']);
      const send = async (h: unknown) =>
        (await (await app.request('/api/kiosk/households', { method: 'POST', headers: { Authorization: `Bearer ${kiosk.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ households: [h] }) })).json()).results[0];
      expect(await send(household({ guidedBy: 'leading', leadingAccountId: null }))).toMatchObject({ status: 'rejected', problem: { code: '400.56', field: 'leadingAccountId' } });
      expect(await send(household({ guidedBy: 'officer', leadingAccountId: randomUUID() }))).toMatchObject({ status: 'rejected', problem: { code: '400.56', field: 'leadingAccountId' } });
      expect(await send({ ...household(), guidedBy: 'hang-xom' })).toMatchObject({ status: 'rejected', problem: { code: '400.56', field: 'guidedBy' } });
      expect(await send(household({ guidedBy: 'leading', leadingAccountId: randomUUID() }))).toMatchObject({ status: 'rejected', problem: { code: '400.80' } });
      // An older tablet never says: accepted, and sent again it is the same household (same content hash).
      const old = household();
      expect((await send(old)).status).toBe('accepted');
      expect((await send({ ...old, guidedBy: null, leadingAccountId: null })).status).toBe('accepted');
      expect((await send(household({ guidedBy: 'viettelpost' }))).status).toBe('accepted');
    });
  });
});
