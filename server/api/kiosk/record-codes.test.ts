import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { forEachDatabase } from '../../test-databases';
import { jsonRequest } from '../../testing/json-request';
import { seedOfficer } from '../../kiosk/seed-officer';
import type { SubmittedHousehold } from '../../../lib/kiosk/household';
import { sampleHousehold } from '../../../lib/kiosk/sample-household';

// Codes worked out by hand (lib/kiosk/record-code.test.ts has the arithmetic): the tablet "KX7" gives KX7A-AAAR,
// then KX7A-QVYD; the collector's range "CCC" gives CCCA-AAAH (1 + 2 + 3 = 6 → H), then CCCA-QVY3; another tablet
// "ACD" would give ACDA-AAAK (2 + 6 = 8 → K).
forEachDatabase((deps) => {
  const json = jsonRequest(deps);
  let n = 0;
  const household = (over: Partial<SubmittedHousehold> = {}): SubmittedHousehold => {
    n++;
    return sampleHousehold({ clientId: randomUUID(), phone: `03880007${String(n).padStart(2, '0')}`, idNumber: `0201900070${String(n).padStart(2, '0')}`, ...over });
  };
  const send = async (token: string, households: SubmittedHousehold[]) => {
    const res = await json('POST', '/api/kiosk/households', token, { households });
    expect(res.status).toBe(200);
    return (await res.json()).results as { status: string; code?: string; serverId?: string; problem?: { code: string } }[];
  };

  describe('record codes (mã hồ sơ): given offline by the tablet, kept by the collector, read back from the hand-over', () => {
    let officer = '';
    let tablet = '';
    it("gives each enrolled tablet a prefix of its own, the same when it asks again", async () => {
      const { db } = deps();
      await seedOfficer(db, { username: 'mai', password: 'mat-khau-cua-xa', fullName: 'Lý Thị Mai', communes: ['06181'] });
      officer = (await (await json('POST', '/api/auth/login', null, { username: 'mai', password: 'mat-khau-cua-xa' })).json()).token;
      const { code } = await (await json('POST', '/api/kiosk/device-codes', officer, {})).json();
      const enrolled = await (await json('POST', '/api/kiosk/enrol', null, { code, deviceName: 'Máy xã' })).json();
      tablet = enrolled.token;
      expect(enrolled.device.codePrefix).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{3}$/);
      expect((await (await json('GET', '/api/kiosk/device', tablet)).json()).device.codePrefix).toBe(enrolled.device.codePrefix);
      // Known prefixes from here on, so the codes below are the ones worked out by hand.
      await db.updateTable('household_code_prefixes').set({ prefix: 'KX7' }).where('device_id', '=', enrolled.device.id).execute();
      await db.deleteFrom('household_code_prefixes').where('device_id', 'is', null).execute();
      await db.insertInto('household_code_prefixes').values({ prefix: 'CCC', device_id: null, next_serial: 0, created_at: '2000-01-01T00:00:00.000Z' }).execute();
      expect((await (await json('GET', '/api/kiosk/device', tablet)).json()).device.codePrefix).toBe('KX7');
    });

    it("keeps the tablet's own code; gives its own to a household sent without one, with a code of another tablet, or with a code already held", async () => {
      const own = household({ code: 'KX7A-AAAR' });
      const results = await send(tablet, [own, household({ code: null }), household({ code: 'ACDA-AAAK' }), household({ code: 'KX7A-AAAR' }), household({ code: 'KX7A-QVYE' })]);
      expect(results.map((r) => [r.status, r.code])).toEqual([
        ['accepted', 'KX7A-AAAR'],
        ['accepted', 'CCCA-AAAH'],
        ['accepted', 'CCCA-QVY3'],
        ['accepted', recordCodeAt(2)],
        ['accepted', recordCodeAt(3)],
      ]);
      const stored = await deps().db.selectFrom('households').select('code').where('client_id', '=', own.clientId).executeTakeFirstOrThrow();
      expect(stored.code).toBe('KX7A-AAAR');
      // The answer was lost; the tablet sends again, this time with the code it was told: the same household.
      const again = await send(tablet, [{ ...own, code: 'KX7A-AAAR' }, { ...own, code: null }]);
      expect(again.map((r) => [r.status, r.code, r.serverId])).toEqual([
        ['accepted', 'KX7A-AAAR', results[0].serverId],
        ['accepted', 'KX7A-AAAR', results[0].serverId],
      ]);
      // Alone, through the one-by-one path, the same.
      const alone = await send(tablet, [household({ code: 'KX7A-QVYD' })]);
      expect(alone.map((r) => r.code)).toEqual(['KX7A-QVYD']);
    });

    it('lists codes, not long ids, in the hand-over sheet and the roster, and reads them back however they were typed', async () => {
      const csvRes = await json('GET', '/api/kiosk/handover.csv', officer);
      expect(csvRes.headers.get('X-Household-Count')).toBe('6');
      const csv = await csvRes.text();
      expect(csv.split('\r\n')[1].split(',')[0]).toBe('KX7A-AAAR');
      expect(csv).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      const roster = (await (await json('GET', '/api/kiosk/households', tablet)).json()).households as { code: string }[];
      expect(roster.map((h) => h.code).sort()).toEqual(['CCCA-AAAH', 'CCCA-QVY3', 'KX7A-AAAR', 'KX7A-QVYD', recordCodeAt(2), recordCodeAt(3)].sort());

      const kx7 = await deps().db.selectFrom('households').select(['id', 'products_listed_at']).where('code', '=', 'KX7A-AAAR').executeTakeFirstOrThrow();
      const before = new Date().toISOString();
      const upload = (body: string) => deps().app.request('/api/kiosk/handover', { method: 'POST', headers: { Authorization: `Bearer ${officer}` }, body });
      const res = await (await upload(`Mã hồ sơ;Đã đăng sản phẩm\r\nkx7a aaar;Có\r\nKX7A-AAAE;Có\r\nCCCA-QVYD;Có\r\n${kx7.id};Có\r\n`)).json();
      expect(res.updated).toBe(1);
      expect(res.unchanged).toBe(1);
      expect(res.problems).toEqual([
        { row: 3, recordCode: 'KX7A-AAAE', code: '404.1', message: 'Mã hồ sơ không đúng (có 8 ký tự như KX7A-QVYD; xem lại từng ký tự).' },
        { row: 4, recordCode: 'CCCA-QVYD', code: '404.1', message: 'Mã hồ sơ không đúng (có 8 ký tự như KX7A-QVYD; xem lại từng ký tự).' },
      ]);
      const after = await deps().db.selectFrom('households').select('products_listed_at').where('id', '=', kx7.id).executeTakeFirstOrThrow();
      // Marked listed by this upload: a time between the upload and now (it was null before).
      expect(kx7.products_listed_at).toBeNull();
      const listedAt = new Date(String(after.products_listed_at)).toISOString();
      expect(listedAt >= before && listedAt <= new Date().toISOString()).toBe(true);
      const x = await json('GET', '/api/kiosk/handover.xlsx', officer);
      expect(x.headers.get('X-Household-Count')).toBe('5');
    });
  });
});

/** The collector's range CCC, serials 2 and 3: 7919·2 = 15838 = 1·25³ + 0·25² + 8·25 + 13 → CAKR (check 6 + 4·1 + 5·0 + 6·8 + 7·13 = 149 ≡ 24 → 9); 7919·3 = 23757 = 1·25³ + 13·25² + 0·25 + 7 → CRAJ (6 + 4 + 65 + 0 + 49 = 124 ≡ 24 → 9). */
function recordCodeAt(serial: 2 | 3): string {
  return { 2: 'CCCC-AKR9', 3: 'CCCC-RAJ9' }[serial];
}
