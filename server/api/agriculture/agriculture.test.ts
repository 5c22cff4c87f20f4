/**
 * Issue 13 (5, 6): Sở NN&PTNT verifies households' quality claims; the public registry shows only verified facts
 * still in date. Both databases.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { forEachDatabase } from '../../test-databases';
import { createAgricultureUser, createProvinceUser, testPassword } from '../../testing/seed';
import { enrolKiosk, household } from '../../../tests/unit/robustness/people';

/** yyyy-mm-dd of today in Vietnam (UTC+7) plus `days`, written out here rather than taken from the code under test. */
const vnDay = (days = 0) => new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

forEachDatabase((deps) => {
  const call = (method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) =>
    deps().app.request(path, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  type Claim = { id: string; kind: string; number: string | null; issuer: string | null; expiresOn: string | null; stars: number | null; status: string; refusalReason: string | null; decidedAt: string | null; decidedBy: string | null; submitted: string | null; household: Record<string, unknown> };
  const claimsOf = async (token: string, query = '') => {
    const res = await call('GET', `/api/agriculture/claims${query}`, token);
    expect(res.status).toBe(200);
    return ((await res.json()) as { today: string; claims: Claim[] }).claims;
  };

  describe('quality claims and the registry', () => {
    let agri = '';
    let nhacKy: Awaited<ReturnType<typeof enrolKiosk>>;
    const mine = (claims: Claim[], householdId: string) => claims.filter((c) => c.household.id === householdId);
    const send = async (over: Parameters<typeof household>[0]) => {
      const h = household(over);
      const res = await call('POST', '/api/kiosk/households', nhacKy.token, { households: [h] });
      const { results } = (await res.json()) as { results: { status: string; serverId: string }[] };
      expect(results.map((r) => r.status)).toEqual(['accepted']);
      return { h, id: results[0].serverId };
    };

    it('a household sent from the kiosk brings its VietGAP, OCOP and traceability as unverified claims, with only the fields a check needs', async () => {
      agri = (await createAgricultureUser(deps().db)).token;
      nhacKy = await enrolKiosk(deps(), ['06181']);
      const { h, id } = await send({ headName: 'Hoàng Văn Thụ', village: 'Thôn Bản Cặp', shopName: 'Na nhà Thụ', vietgap: 'VietGAP - TT-13-09-20-0096', ocopStars: 3, traceability: 'QR-LS-0001' });
      // The same batch again (a tablet that lost the answer) adds nothing.
      await call('POST', '/api/kiosk/households', nhacKy.token, { households: [h] });
      const claims = mine(await claimsOf(agri), id);
      expect(claims.map((c) => c.kind).sort()).toEqual(['ocop', 'traceability', 'vietgap']);
      const vietgap = claims.find((c) => c.kind === 'vietgap')!;
      expect(Object.keys(vietgap).sort()).toEqual(['decidedAt', 'decidedBy', 'expiresOn', 'household', 'id', 'issuer', 'kind', 'number', 'refusalReason', 'stars', 'status', 'submitted']);
      expect(vietgap).toMatchObject({ number: 'VietGAP-TT-13-09-20-0096', issuer: null, expiresOn: null, stars: null, status: 'unverified', submitted: 'VietGAP - TT-13-09-20-0096', decidedAt: null });
      expect(vietgap.household).toEqual({
        id,
        headName: 'Hoàng Văn Thụ',
        village: 'Thôn Bản Cặp',
        communeCode: '06181',
        communeName: 'Xã Nhạc Kỳ',
        districtName: 'Huyện Văn Lãng',
        marketplace: 'voso',
        shopName: 'Na nhà Thụ',
        shopUrl: null,
        products: [{ category: 'trai_cay', name: 'Na Chi Lăng' }],
      });
      expect(claims.find((c) => c.kind === 'ocop')).toMatchObject({ stars: 3, submitted: '3 sao', status: 'unverified' });
      expect(claims.find((c) => c.kind === 'traceability')).toMatchObject({ number: 'QR-LS-0001', status: 'unverified' });
      // No phone or ID number anywhere in the answer, in any form.
      const text = await (await call('GET', '/api/agriculture/claims?status=all', agri)).text();
      for (const secret of [h.phone, h.phone.replace(/\s/g, ''), h.idNumber]) expect(text).not.toContain(secret);
    });

    it('verifying VietGAP needs the issuing body and an expiry not yet past; refusing needs a reason; the same decision twice changes nothing', async () => {
      const { id } = await send({ vietgap: 'VietGAP-TT-13-09-20-0100', ocopStars: null, traceability: null });
      const [claim] = mine(await claimsOf(agri), id);
      const decide = (body: unknown) => call('POST', `/api/agriculture/claims/${claim.id}/decision`, agri, body);
      const noIssuer = await decide({ decision: 'verified', expiresOn: vnDay(200) });
      expect(noIssuer.status).toBe(400);
      expect((await noIssuer.json()).error).toMatchObject({ code: '400.2', field: 'issuer', detail: 'Cần tên tổ chức cấp giấy chứng nhận VietGAP.' });
      const past = await decide({ decision: 'verified', issuer: 'Trung tâm Chứng nhận phù hợp (QUACERT)', expiresOn: vnDay(-1) });
      expect(past.status).toBe(400);
      expect((await past.json()).error).toMatchObject({ code: '400.2', field: 'expiresOn' });
      const noDate = await decide({ decision: 'verified', issuer: 'QUACERT', expiresOn: '2027-02-31' });
      expect(noDate.status).toBe(400);
      const noReason = await decide({ decision: 'refused', reason: ' ' });
      expect(noReason.status).toBe(400);
      expect((await noReason.json()).error.field).toBe('reason');
      expect((await call('POST', `/api/agriculture/claims/${randomUUID()}/decision`, agri, { decision: 'refused', reason: 'Không có hồ sơ' })).status).toBe(404);

      const ok = await decide({ decision: 'verified', issuer: 'QUACERT', expiresOn: vnDay(200) });
      expect(ok.status).toBe(200);
      const verified = (await ok.json()) as Claim;
      expect(verified).toMatchObject({ status: 'verified', number: 'VietGAP-TT-13-09-20-0100', issuer: 'QUACERT', expiresOn: vnDay(200), decidedBy: 'Sở Nông nghiệp và Phát triển nông thôn' });
      const again = (await (await decide({ decision: 'verified', issuer: 'QUACERT', expiresOn: vnDay(200) })).json()) as Claim;
      expect(again.decidedAt).toBe(verified.decidedAt);
      expect(mine(await claimsOf(agri), id)).toHaveLength(0);
      expect(mine(await claimsOf(agri, '?status=verified'), id).map((c) => c.id)).toEqual([claim.id]);

      const refused = (await (await decide({ decision: 'refused', reason: 'Giấy chứng nhận đã bị thu hồi' })).json()) as Claim;
      expect(refused).toMatchObject({ status: 'refused', refusalReason: 'Giấy chứng nhận đã bị thu hồi' });
      expect(mine(await claimsOf(agri, '?status=refused'), id).map((c) => c.id)).toEqual([claim.id]);
      expect((await call('GET', '/api/agriculture/claims?status=maybe', agri)).status).toBe(400);
    });

    it('OCOP stars are 3 to 5, the recognised ranks, on the kiosk and in the verification alike', async () => {
      const { id } = await send({ vietgap: null, ocopStars: 4, traceability: null });
      const [claim] = mine(await claimsOf(agri), id);
      for (const stars of [6, 2]) {
        const refused = await call('POST', `/api/agriculture/claims/${claim.id}/decision`, agri, { decision: 'verified', stars });
        expect(refused.status).toBe(400);
        expect((await refused.json()).error).toMatchObject({ code: '400.2', field: 'stars', detail: 'Hạng OCOP là 3, 4 hoặc 5 sao.' });
      }
      const five = await call('POST', `/api/agriculture/claims/${claim.id}/decision`, agri, { decision: 'verified', stars: 5 });
      expect(five.status).toBe(200);
      expect(((await five.json()) as Claim).stars).toBe(5);
      const twoStars = await call('POST', '/api/kiosk/households', nhacKy.token, { households: [household({ ocopStars: 2 })] });
      expect((await twoStars.json()).results).toMatchObject([{ status: 'rejected', problem: { code: '400.52', field: 'ocopStars', message: 'Hạng OCOP là 3, 4 hoặc 5 sao.' } }]);
    });

    it("the kiosk's issuing body, expiry and printed traceability code arrive on the claims, pre-filled for the check", async () => {
      const { id } = await send({
        vietgap: 'VietGAP-TT-13-09-20-0200',
        vietgapIssuer: 'Trung tâm Chứng nhận phù hợp (QUACERT)',
        vietgapExpiresOn: vnDay(400),
        ocopStars: null,
        traceability: 'Tem QR của HTX',
        traceabilityCode: 'VN-LSOR-0012',
      });
      const claims = mine(await claimsOf(agri), id);
      const shownDay = vnDay(400).split('-').reverse().join('/');
      expect(claims.find((c) => c.kind === 'vietgap')).toMatchObject({
        number: 'VietGAP-TT-13-09-20-0200',
        issuer: 'Trung tâm Chứng nhận phù hợp (QUACERT)',
        expiresOn: vnDay(400),
        status: 'unverified',
        submitted: `VietGAP-TT-13-09-20-0200, cấp bởi Trung tâm Chứng nhận phù hợp (QUACERT), hạn đến ${shownDay}`,
      });
      expect(claims.find((c) => c.kind === 'traceability')).toMatchObject({ number: 'VN-LSOR-0012', status: 'unverified', submitted: 'Tem QR của HTX, mã VN-LSOR-0012' });
      // Nothing left to type: the department verifies what the kiosk noted as it is.
      const vietgap = claims.find((c) => c.kind === 'vietgap')!;
      const ok = await call('POST', `/api/agriculture/claims/${vietgap.id}/decision`, agri, { decision: 'verified' });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ status: 'verified', issuer: 'Trung tâm Chứng nhận phù hợp (QUACERT)', expiresOn: vnDay(400) });
      const stored = await deps().db.selectFrom('households').select('details').where('id', '=', id).executeTakeFirstOrThrow();
      expect(JSON.parse(stored.details)).toMatchObject({ vietgapIssuer: 'Trung tâm Chứng nhận phù hợp (QUACERT)', vietgapExpiresOn: vnDay(400), traceabilityCode: 'VN-LSOR-0012' });
    });

    it('a certificate noted as already expired is kept, and waits among the expired; a day that does not exist is refused, storing nothing', async () => {
      const { id } = await send({ vietgap: 'VietGAP-TT-13-09-20-0201', vietgapExpiresOn: vnDay(-3), ocopStars: null, traceability: null });
      expect(mine(await claimsOf(agri), id)).toHaveLength(0);
      expect(mine(await claimsOf(agri, '?status=expired'), id).map((c) => [c.status, c.expiresOn])).toEqual([['expired', vnDay(-3)]]);
      const bad = household({ vietgap: 'VietGAP-TT-13-09-20-0202', vietgapExpiresOn: '31/02/2027' });
      const res = await call('POST', '/api/kiosk/households', nhacKy.token, { households: [bad] });
      expect((await res.json()).results).toEqual([
        { clientId: bad.clientId, status: 'rejected', problem: { code: '400.56', field: 'vietgapExpiresOn', message: 'Ngày hết hạn không đúng: ghi một ngày có thật, ngày/tháng/năm, ví dụ 30/06/2027.' } },
      ]);
      expect(await deps().db.selectFrom('households').select('id').where('client_id', '=', bad.clientId).execute()).toHaveLength(0);
    });

    it("an old tablet's household (no issuing body, expiry or code) still syncs, and the upgraded tablet resending it is the same household", async () => {
      const { vietgapIssuer: _i, vietgapExpiresOn: _e, traceabilityCode: _c, ...old } = household({ vietgap: 'VietGAP-TT-13-09-20-0203', ocopStars: 3, traceability: 'Tem QR của HTX' });
      const first = await (await call('POST', '/api/kiosk/households', nhacKy.token, { households: [old] })).json();
      expect(first.results).toMatchObject([{ status: 'accepted' }]);
      const upgraded = await (await call('POST', '/api/kiosk/households', nhacKy.token, { households: [{ ...old, vietgapIssuer: null, vietgapExpiresOn: null, traceabilityCode: null }] })).json();
      expect(upgraded.results).toEqual([{ clientId: old.clientId, status: 'accepted', serverId: first.results[0].serverId, code: first.results[0].code }]);
      const claims = mine(await claimsOf(agri), first.results[0].serverId);
      expect(claims.map((c) => [c.kind, c.number, c.issuer, c.expiresOn, c.submitted]).sort()).toEqual([
        ['ocop', null, null, null, '3 sao'],
        ['traceability', 'Tem QR của HTX', null, null, 'Tem QR của HTX'],
        ['vietgap', 'VietGAP-TT-13-09-20-0203', null, null, 'VietGAP-TT-13-09-20-0203'],
      ]);
      const stored = await deps().db.selectFrom('households').select('details').where('id', '=', first.results[0].serverId).executeTakeFirstOrThrow();
      expect(Object.keys(JSON.parse(stored.details)).sort()).toEqual(['notes', 'ocopStars', 'products', 'traceability', 'vietgap']);
    });

    it('lists certificates expiring within 30 days; a certificate past its expiry is expired on its own and leaves the registry', async () => {
      const soon = await send({ vietgap: 'VietGAP-TT-01-01-20-0001', ocopStars: null, traceability: null });
      const later = await send({ vietgap: 'VietGAP-TT-01-01-20-0002', ocopStars: null, traceability: null });
      const verify = async (householdId: string, expiresOn: string) => {
        const [c] = mine(await claimsOf(agri), householdId);
        expect((await call('POST', `/api/agriculture/claims/${c.id}/decision`, agri, { decision: 'verified', issuer: 'Chi cục Trồng trọt', expiresOn })).status).toBe(200);
        return c.id;
      };
      const soonId = await verify(soon.id, vnDay(30));
      const laterId = await verify(later.id, vnDay(31));
      const expiring = (await (await call('GET', '/api/agriculture/claims/expiring', agri)).json()) as { claims: Claim[] };
      expect(expiring.claims.map((c) => c.id).filter((x) => [soonId, laterId].includes(x))).toEqual([soonId]);

      // Time passes: the certificate verified earlier is past its expiry date now.
      await deps().db.updateTable('household_claims').set({ expires_on: vnDay(-1) }).where('id', '=', soonId).execute();
      expect(mine(await claimsOf(agri, '?status=expired'), soon.id).map((c) => c.status)).toEqual(['expired']);
      expect(mine(await claimsOf(agri, '?status=verified'), soon.id)).toHaveLength(0);
      const after = (await (await call('GET', '/api/agriculture/claims/expiring', agri)).json()) as { claims: Claim[] };
      expect(after.claims.map((c) => c.id)).not.toContain(soonId);
    });

    it('the registry lists a shop with verified facts in date only: link, commune, district, kind with expiry or stars; ETag and 304', async () => {
      const { db } = deps();
      const registry = async () => ((await (await call('GET', '/api/registry/shops', null)).json()) as { shops: { shopUrl: string }[] }).shops;
      const verifiedShop = await send({ headName: 'Lộc Thị Hằng', vietgap: 'VietGAP-TT-05-05-20-0005', ocopStars: 3, traceability: 'QR-LS-0005' });
      const unverifiedShop = await send({ vietgap: 'VietGAP-TT-05-05-20-0006', ocopStars: null, traceability: null });
      await db.updateTable('households').set({ shop_url: 'https://langson.voso.vn/na-nha-hang-s41235' }).where('id', '=', verifiedShop.id).execute();
      await db.updateTable('households').set({ shop_url: 'https://langson.voso.vn/chua-xac-minh-s50000' }).where('id', '=', unverifiedShop.id).execute();
      const claims = mine(await claimsOf(agri), verifiedShop.id);
      const byKind = (k: string) => claims.find((c) => c.kind === k)!.id;
      await call('POST', `/api/agriculture/claims/${byKind('vietgap')}/decision`, agri, { decision: 'verified', issuer: 'QUACERT', expiresOn: vnDay(100) });
      await call('POST', `/api/agriculture/claims/${byKind('ocop')}/decision`, agri, { decision: 'verified', stars: 3, expiresOn: vnDay(300) });
      await call('POST', `/api/agriculture/claims/${byKind('traceability')}/decision`, agri, { decision: 'refused', reason: 'Mã không tra cứu được' });

      const res = await call('GET', '/api/registry/shops', null);
      expect(res.status).toBe(200);
      const etag = res.headers.get('ETag')!;
      expect(etag).toMatch(/^"[\w-]{27}"$/);
      const { shops } = (await res.json()) as { shops: unknown[] };
      expect(shops.filter((s) => JSON.stringify(s).includes('s41235'))).toEqual([
        {
          marketplace: 'voso',
          shopUrl: 'https://langson.voso.vn/na-nha-hang-s41235',
          commune: 'Xã Nhạc Kỳ',
          district: 'Huyện Văn Lãng',
          claims: [
            { kind: 'ocop', stars: 3, expiresOn: vnDay(300) },
            { kind: 'vietgap', expiresOn: vnDay(100) },
          ],
        },
      ]);
      expect(JSON.stringify(shops)).not.toContain('s50000');
      expect(JSON.stringify(shops)).not.toContain('Lộc Thị Hằng');

      const same = await call('GET', '/api/registry/shops', null, undefined, { 'If-None-Match': etag });
      expect(same.status).toBe(304);
      expect(await same.text()).toBe('');
      // A certificate expiring changes the registry, and so its ETag.
      await db.updateTable('household_claims').set({ expires_on: vnDay(-1) }).where('id', '=', byKind('vietgap')).execute();
      const changed = await call('GET', '/api/registry/shops', null, undefined, { 'If-None-Match': etag });
      expect(changed.status).toBe(200);
      expect((await registry()).filter((s) => s.shopUrl.endsWith('s41235'))).toEqual([
        { marketplace: 'voso', shopUrl: 'https://langson.voso.vn/na-nha-hang-s41235', commune: 'Xã Nhạc Kỳ', district: 'Huyện Văn Lãng', claims: [{ kind: 'ocop', stars: 3, expiresOn: vnDay(300) }] },
      ]);
    });

    it('the province creates a Sở NN&PTNT account, which signs in and reaches its own area only', async () => {
      const province = await createProvinceUser(deps().db);
      const made = await call('POST', '/api/province/users', province.token, { username: 'sonnptnt', fullName: 'Sở NN&PTNT Lạng Sơn', password: testPassword, role: 'agriculture' });
      expect(made.status).toBe(201);
      expect(await made.json()).toMatchObject({ username: 'sonnptnt', role: 'agriculture', agencyCode: null, communeCodes: [] });
      const login = await call('POST', '/api/auth/login', null, { username: 'sonnptnt', password: testPassword });
      expect(login.status).toBe(200);
      const { token, user } = (await login.json()) as { token: string; user: { role: string } };
      expect(user.role).toBe('agriculture');
      expect((await call('GET', '/api/auth/me', token)).status).toBe(200);
      expect((await call('GET', '/api/agriculture/claims', token)).status).toBe(200);
      expect((await call('GET', '/api/province/users', token)).status).toBe(403);
      expect((await call('GET', '/api/kiosk/handover.csv', token)).status).toBe(403);
      expect((await call('GET', `/api/kiosk/households/${randomUUID()}/photos`, token)).status).toBe(403);
    });
  });
});
