import { test, expect } from './fixtures';
import { enrolKiosk, officerWithCode, registerHousehold, sixDigits, unlockKiosk } from './kiosk-helpers';

const code = /^[ACDEFGHJKMNPQRTUVWXY34679]{4}-[ACDEFGHJKMNPQRTUVWXY34679]{4}$/;

/** The tablet's settings as idb-keyval keeps them ('kiosk-device'). */
const deviceOnTablet = (page: import('@playwright/test').Page, patch: Record<string, unknown> | null = null) =>
  page.evaluate(
    (patch) =>
      new Promise<{ codePrefix?: string }>((ok) => {
        const req = indexedDB.open('keyval-store');
        req.onsuccess = () => {
          const store = req.result.transaction('keyval', 'readwrite').objectStore('keyval');
          const r = store.get('kiosk-device');
          r.onsuccess = () => {
            if (!patch) return ok(r.result);
            const next = { ...r.result, ...patch };
            for (const [k, v] of Object.entries(patch)) if (v === null) delete next[k];
            store.put(next, 'kiosk-device').onsuccess = () => ok(next);
          };
        };
      }),
    patch,
  );

test('a tablet enrolled before record codes: its offline household gets the collector\'s code when sent, and the tablet its prefix at the next unlock', async ({ browser, collector, request }) => {
  const officer = await officerWithCode(request, collector, ['06184']);
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, hasTouch: true });
  const page = await context.newPage();
  await enrolKiosk(page, collector.url, officer.code);
  // As an older build stored it: no prefix. The tablet opens again offline, so it cannot ask for one.
  expect((await deviceOnTablet(page, { codePrefix: null })).codePrefix).toBeUndefined();
  await context.setOffline(true);
  await page.reload();
  await unlockKiosk(page);
  const a = sixDigits();
  await registerHousehold(page, { village: 'Bản Khiếc', headName: 'Lục Văn Mười', phone: `0868${a}`, idNumber: `020191${a}`, shopName: 'Mười', product: 'Chè' });
  await expect(page.locator('.summary dd').first()).toHaveText('Có sau khi gửi được lên máy chủ');

  await context.setOffline(false);
  await page.getByRole('tab', { name: /Hàng chờ gửi/ }).tap();
  await expect(page.locator('.queue-item--sent')).toHaveCount(1, { timeout: 20_000 });
  const row = await collector.db.selectFrom('households').select(['code', 'device_id']).where('phone', '=', `0868${a}`).executeTakeFirstOrThrow();
  expect(row.code).toMatch(code);
  await expect(page.locator('.queue-item--sent')).toContainText(`Mã hồ sơ: ${row.code}`);
  // From the collector's own range, not a tablet's.
  const range = await collector.db.selectFrom('household_code_prefixes').select('device_id').where('prefix', '=', row.code.slice(0, 3)).executeTakeFirstOrThrow();
  expect(range.device_id).toBeNull();

  // The next unlock, online: the tablet learns the prefix the collector gave it.
  await page.getByRole('button', { name: 'Khoá máy' }).tap();
  await unlockKiosk(page);
  const mine = await collector.db.selectFrom('household_code_prefixes').select('prefix').where('device_id', '=', row.device_id).executeTakeFirstOrThrow();
  await expect.poll(async () => (await deviceOnTablet(page)).codePrefix).toBe(mine.prefix);
  await context.close();
});
