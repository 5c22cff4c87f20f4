import { test, expect } from './fixtures';
import { enrolKiosk, officerWithCode, typeHousehold, unlockKiosk } from './kiosk-helpers';

// Issue 6: the tablet's storage is nearly full, then full. The officer is warned early; a save that fails is
// said at once (never hidden behind the last "Đã lưu nháp" time); what was saved before is still there.

test('storage nearly full warns; a failed save is said at once and nothing saved is lost', async ({ browser, collector, request }) => {
  const officer = await officerWithCode(request, collector);
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
  // The browser reports the disk 95% used, and IndexedDB refuses writes while window.__diskFull is set.
  await context.addInitScript(() => {
    const w = window as unknown as { __diskFull?: boolean };
    navigator.storage.estimate = async () => ({ usage: 950 * 1024 * 1024, quota: 1000 * 1024 * 1024 });
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (w.__diskFull) throw new DOMException('The disk is full.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const page = await context.newPage();
  await enrolKiosk(page, collector.url, officer.code);
  await expect(page.getByRole('alert').filter({ hasText: 'Bộ nhớ máy sắp đầy (95%)' })).toBeVisible();

  await typeHousehold(page, { village: 'Thôn Bản Cặp', headName: 'Hoàng Văn Thụ' });
  await expect(page.getByRole('status').filter({ hasText: /Đã lưu nháp lúc/ })).toBeVisible();

  await page.evaluate(() => ((window as unknown as { __diskFull?: boolean }).__diskFull = true));
  await page.getByLabel('Tên cửa hàng muốn mở').fill('Na nhà Thụ');
  await expect(page.getByRole('alert').filter({ hasText: 'Bộ nhớ máy đã đầy: thay đổi vừa nhập CHƯA được lưu.' })).toBeVisible();

  // Space is freed; the next keystroke saves everything on the screen and the alarm goes away.
  await page.evaluate(() => ((window as unknown as { __diskFull?: boolean }).__diskFull = false));
  await page.getByLabel('Tên cửa hàng muốn mở').fill('Na nhà Thụ loại 1');
  await expect(page.getByRole('alert').filter({ hasText: 'Bộ nhớ máy đã đầy' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /Đã lưu nháp lúc/ })).toBeVisible();

  await page.reload();
  await unlockKiosk(page);
  await expect(page.getByLabel('Họ tên chủ hộ')).toHaveValue('Hoàng Văn Thụ');
  await expect(page.getByLabel('Tên cửa hàng muốn mở')).toHaveValue('Na nhà Thụ loại 1');
  await context.close();
});
