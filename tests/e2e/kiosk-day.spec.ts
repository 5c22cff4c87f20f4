import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { cameraPhoto, consentAndSign, enrolKiosk, officerWithCode, queueHousehold, registerHousehold, sixDigits, storedInClear, typeHousehold, unlockKiosk } from './kiosk-helpers';

async function noSeriousViolations(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test("an officer's day: enrol, offline signups with photos, a closed tab, sync, hand-over status", async ({ browser, collector, request }) => {
  // A long day: about a minute alone, more beside other suites on two cores.
  test.setTimeout(150_000);
  const officer = await officerWithCode(request, collector);
  const [a, b] = [sixDigits(), sixDigits()];
  const thuPhone = `0912${a}`;
  const thuId = `020190${a}`;
  const hoaPhone = `0388${b}`;
  const hoaCmnd = `080${b}`;
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
  let page = await context.newPage();
  await enrolKiosk(page, collector.url, { username: officer.username, password: officer.password });
  await noSeriousViolations(page, 'form');
  // A 10" tablet held either way: nothing runs off the side of the screen.
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await fits()).toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(await fits()).toBe(true);
  await page.setViewportSize({ width: 800, height: 1280 });

  // The commune office has no connection for the rest of the morning.
  await context.setOffline(true);
  await registerHousehold(
    page,
    { village: 'Thôn Bản Cặp', headName: 'Hoàng Văn Thụ', phone: `+84 912 ${a.slice(0, 3)} ${a.slice(3)}`, idNumber: thuId, shopName: 'Na Chi Lăng nhà Thụ', product: 'Na Chi Lăng loại 1' },
    [await cameraPhoto(page, 10), await cameraPhoto(page, 200)],
  );
  // Photos were shrunk on the tablet before being stored, sealed with the officer's key like everything else.
  const stored = await page.evaluate(async () => {
    const req = indexedDB.open('nongsan-kiosk');
    const idb: IDBDatabase = await new Promise((ok) => (req.onsuccess = () => ok(req.result)));
    const all: { kind: string; width: number; height: number; sealed: { data: ArrayBuffer } }[] = await new Promise((ok) => {
      const r = idb.transaction('photos').objectStore('photos').getAll();
      r.onsuccess = () => ok(r.result);
    });
    idb.close();
    return all.filter((p) => p.kind === 'product').map((p) => ({ w: p.width, h: p.height, size: p.sealed.data.byteLength }));
  });
  expect(stored).toHaveLength(2);
  for (const p of stored) expect([p.w, p.h, p.size <= 400 * 1024]).toEqual([1600, 1200, true]);
  // Nothing that says who the household is can be read from the tablet's storage without the PIN.
  const thuFields = ['Hoàng Văn Thụ', 'Thôn Bản Cặp', thuPhone, `912 ${a.slice(0, 3)} ${a.slice(3)}`, thuId, 'Na Chi Lăng nhà Thụ', 'Na Chi Lăng loại 1'];
  expect(await storedInClear(page, thuFields)).toEqual({ found: [], blobs: 0 });
  await noSeriousViolations(page, 'summary');

  // "Hộ tiếp theo" clears the screen. Halfway through the next household the tab is closed.
  await page.getByRole('button', { name: 'Hộ tiếp theo' }).click();
  await expect(page.getByLabel('Họ tên chủ hộ')).toHaveValue('');
  await typeHousehold(page, { village: 'Thôn Nà Pàn', headName: 'Đặng Thị Hoa', phone: `0388 ${b.slice(0, 3)} ${b.slice(3)}`, idNumber: hoaCmnd });
  await page.getByLabel('Ghi chú').fill('Gọi sau 17 giờ');
  await expect(page.getByText(/Đã lưu nháp lúc/)).toBeVisible();
  await page.waitForTimeout(300);
  await page.close();

  // The tablet comes back, still offline: the kiosk opens from the service worker, locked, and nothing is lost.
  page = await context.newPage();
  await page.goto(collector.url + '/kiosk');
  await noSeriousViolations(page, 'lock');
  await unlockKiosk(page);
  await expect(page.getByLabel('Họ tên chủ hộ')).toHaveValue('Đặng Thị Hoa');
  await expect(page.getByLabel('Thôn, bản')).toHaveValue('Thôn Nà Pàn');
  await expect(page.getByLabel('Số điện thoại di động')).toHaveValue(`0388 ${b.slice(0, 3)} ${b.slice(3)}`);
  await expect(page.getByLabel(/Số CCCD/)).toHaveValue(hoaCmnd);
  await expect(page.getByLabel('Ghi chú')).toHaveValue('Gọi sau 17 giờ');
  // The same phone as the first household is caught offline.
  await page.getByLabel('Số điện thoại di động').fill(thuPhone);
  await typeHousehold(page, { shopName: 'Hồi Văn Quan', product: 'Hoa hồi khô' });
  await consentAndSign(page);
  await page.getByRole('button', { name: 'Lưu và đưa vào hàng chờ gửi' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Cần sửa trước khi gửi' })).toContainText('đã đăng ký cho hộ Hoàng Văn Thụ');
  await noSeriousViolations(page, 'form with errors');
  await page.getByLabel('Số điện thoại di động').fill(hoaPhone);
  await queueHousehold(page);

  await page.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
  await expect(page.getByRole('tab', { name: 'Hàng chờ gửi (2)' })).toBeVisible();
  await expect(page.locator('.queue-item--queued')).toHaveCount(2);
  await noSeriousViolations(page, 'queue');

  // Back online: the queue empties by itself, with the server's ids shown.
  await context.setOffline(false);
  await expect(page.locator('.queue-item--sent')).toHaveCount(2, { timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Đã đồng bộ xong.' })).toBeVisible();
  const rows = await collector.db.selectFrom('households').select(['id', 'code', 'head_name', 'phone', 'id_kind', 'client_id']).where('phone', 'in', [thuPhone, hoaPhone]).execute();
  rows.sort((a, b) => a.head_name.localeCompare(b.head_name, 'vi'));
  expect(rows.map((r) => [r.head_name, r.phone, r.id_kind])).toEqual([
    ['Đặng Thị Hoa', hoaPhone, 'cmnd'],
    ['Hoàng Văn Thụ', thuPhone, 'cccd'],
  ]);
  for (const r of rows) await expect(page.getByText(`Mã hồ sơ: ${r.code}`)).toBeVisible();
  const photos = await collector.db.selectFrom('household_photos').select(['kind', 'household_client_id']).where('household_client_id', 'in', rows.map((r) => r.client_id)).execute();
  expect(photos.filter((p) => p.kind === 'product')).toHaveLength(2);
  expect(photos.filter((p) => p.kind === 'signature')).toHaveLength(2);

  // Hand-over from the tablet: the post office gets the list, opens Thụ's shop and account, and the file comes back.
  const thu = rows.find((r) => r.head_name === 'Hoàng Văn Thụ')!;
  await page.getByRole('tab', { name: 'Tiến độ và bàn giao' }).click();
  await expect(page.getByRole('table', { name: 'Tiến độ của xã' }).getByRole('row', { name: /Xã Nhạc Kỳ/ })).toBeVisible();
  await noSeriousViolations(page, 'progress and hand-over');
  // The list carries phone and ID numbers: the officer signs in for it, the tablet's own token may not fetch it.
  await page.getByRole('button', { name: 'Tải danh sách (CSV)' }).click();
  await page.getByLabel('Tên đăng nhập').fill(officer.username);
  await page.getByLabel('Mật khẩu').fill(officer.password);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Đăng nhập và tải' }).click();
  const csv = readFileSync(await (await download).path()!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Đặng Thị Hoa');
  expect(csv).toContain(thu.code);
  expect(csv).not.toContain(thu.id);
  await page.getByLabel('Nhập tệp kết quả (XLSX hoặc CSV)').setInputFiles({
    name: 'ket-qua.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFFMã hồ sơ,Đường dẫn cửa hàng,Đã mở tài khoản thanh toán\r\n${thu.code},https://langson.postmart.vn/shop/na-nha-thu,Có\r\n`),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Đã cập nhật 1 hộ' })).toBeVisible();
  await page.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
  await expect(page.getByText('Đã gửi — Đã mở tài khoản thanh toán')).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://langson.postmart.vn/shop/na-nha-thu' })).toBeVisible();

  // Found again without diacritics, by phone and by ID.
  await page.getByRole('tab', { name: 'Tìm hộ' }).click();
  const find = page.getByLabel(/Họ tên \(gõ không dấu/);
  await find.fill('dang thi hoa');
  await expect(page.getByRole('button', { name: /Đặng Thị Hoa/ })).toBeVisible();
  await find.fill(`0912 ${a.slice(0, 3)}`);
  await expect(page.getByRole('button', { name: /Hoàng Văn Thụ/ })).toBeVisible();
  await find.fill(thuId);
  await expect(page.getByRole('button', { name: /Hoàng Văn Thụ/ })).toBeVisible();
  await noSeriousViolations(page, 'find');

  // After the sync, the roster copy and the collector's answers are sealed too: still nothing readable.
  expect(await storedInClear(page, [...thuFields, 'Đặng Thị Hoa', 'Thôn Nà Pàn', hoaPhone, hoaCmnd, 'Gọi sau 17 giờ', 'https://langson.postmart.vn/shop/na-nha-thu'])).toEqual({ found: [], blobs: 0 });

  await context.close();
});
