// The content script on pages that need no extension (issue 12 item 1 and 7): it touches no extension API there (the
// mark "nongsan-so:extension-api" says when a page took it), and still does everything it did: a page that becomes an
// order later is read and noticed, "Báo trang lỗi" still reports such a page, the buyer's note still shows, and a
// newer copy of the script (an extension update) still stops the older.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { fixture } from './marketplace-server';
import { enrol, recorded } from './extension-helpers';
import { expectNotice, BADGE, readLandmark } from './notice-reader';

const bodyOf = (html: string) => html.slice(html.indexOf('<body>') + 6, html.lastIndexOf('</body>'));

/** voso's home page whose "Mua ngay" places an order by XHR and shows its confirmation by pushState, as an SPA would. */
function homeThatOrders(): string {
  const confirmation = fixture('voso/fixtures/order-confirmation.html');
  return `${fixture('voso/fixtures/home.html')}<button id="buy">Mua ngay</button>
<template id="confirmation">${bodyOf(confirmation)}</template>
<script>
document.getElementById('buy').addEventListener('click', () => setTimeout(() => {
  history.pushState({}, '', '/dat-hang');
  document.title = 'Đặt hàng thành công';
  document.body.replaceChildren(document.getElementById('confirmation').content.cloneNode(true));
}, 200));
</script>`;
}

const productPath = '/na-chi-lang-loai-1-hop-2kg-p245871.html';

test.use({
  sitePages: {
    'langson.voso.vn': {
      '/': homeThatOrders,
      [productPath]: fixture('voso/fixtures/product-na-chi-lang.html'),
      '/dat-hang': fixture('voso/fixtures/order-confirmation.html'),
    },
  },
});

/** Waits for the first reading to be over, then says whether the page took the extension API. */
async function tookExtensionApi(page: Page): Promise<boolean> {
  await page.waitForFunction(() => performance.getEntriesByName('nongsan-so:features').length > 0);
  return page.evaluate(() => performance.getEntriesByName('nongsan-so:extension-api').length > 0);
}

/** The registry as the background keeps it after a download (shared/registry.ts): voso's shop 41235, verified. */
const registerShop = (sw: Worker) =>
  sw.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
      'registry:voso:41235': { commune: 'Xã Nhạc Kỳ', district: 'Huyện Văn Lãng', claims: [{ kind: 'ocop', stars: 3, expiresOn: null }] },
    }),
  );

test('a page that is no order takes no extension API; an order page and a product page with a shop link do', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://langson.voso.vn/', { waitUntil: 'domcontentloaded' });
  expect(await tookExtensionApi(page)).toBe(false);
  await page.goto(`https://langson.voso.vn${productPath}`);
  expect(await tookExtensionApi(page)).toBe(true);
  await page.goto('https://langson.voso.vn/dat-hang');
  expect(await tookExtensionApi(page)).toBe(true);
  await recorded(page);
});

test('a page that is no order, then becomes a confirmation by pushState, is read and shows the notice', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://langson.voso.vn/', { waitUntil: 'domcontentloaded' });
  expect(await tookExtensionApi(page)).toBe(false);
  await page.getByRole('button', { name: 'Mua ngay' }).click();
  await expectNotice(page, 'Đã ghi nhận đơn VS2611290417', 'Đã ghi nhận đơn VS2611290418');
});

test('"Báo trang lỗi" reports a page that never needed the extension', async ({ extension, collector }) => {
  const { context, extensionId } = extension;
  const { popup, code } = await enrol(context, extensionId, collector, 'Lộc Văn Hùng');
  const page = await context.newPage();
  await page.goto('https://langson.voso.vn/', { waitUntil: 'domcontentloaded' });
  expect(await tookExtensionApi(page)).toBe(false);
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Báo trang lỗi' }).click();
  await expect(popup.locator('.report-url')).toHaveText('langson.voso.vn/');
  await popup.getByRole('button', { name: 'Gửi báo lỗi' }).click();
  await expect(popup.getByRole('status')).toContainText('Đã ghi nhận báo lỗi');
  const reports = () => collector.db.selectFrom('page_reports').innerJoin('staff', 'staff.id', 'page_reports.staff_id').selectAll('page_reports').where('staff.enrolment_code', '=', code).execute();
  await expect.poll(async () => (await reports()).length).toBe(1);
  expect((await reports())[0].url).toBe('https://langson.voso.vn/');
});

test('"Báo trang lỗi" reports a product page that took the extension API for the buyer\'s note only', async ({ extension, collector }) => {
  const { context, extensionId } = extension;
  const { popup, code } = await enrol(context, extensionId, collector, 'Hoàng Thị Mai');
  const page = await context.newPage();
  await page.goto(`https://langson.voso.vn${productPath}`, { waitUntil: 'domcontentloaded' });
  expect(await tookExtensionApi(page)).toBe(true);
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Báo trang lỗi' }).click();
  await expect(popup.locator('.report-url')).toHaveText(`langson.voso.vn${productPath}`);
  await popup.getByRole('button', { name: 'Gửi báo lỗi' }).click();
  await expect(popup.getByRole('status')).toContainText('Đã ghi nhận báo lỗi');
  const reports = () => collector.db.selectFrom('page_reports').innerJoin('staff', 'staff.id', 'page_reports.staff_id').selectAll('page_reports').where('staff.enrolment_code', '=', code).execute();
  await expect.poll(async () => (await reports()).length).toBe(1);
  const [report] = await reports();
  expect(report.url).toBe(`https://langson.voso.vn${productPath}`);
  expect(report.page_type).toBe('product');
});

// An order page registers no message listener when it is read (the notice comes in the answer to the reading sent):
// the popup wakes it as it does a page that never needed the extension.
test('"Báo trang lỗi" reports an order page, which listens only once the popup asks', async ({ extension, collector }) => {
  const { context, extensionId } = extension;
  const { popup, code } = await enrol(context, extensionId, collector, 'Vi Văn Thắng');
  const page = await context.newPage();
  await page.goto('https://langson.voso.vn/dat-hang', { waitUntil: 'domcontentloaded' });
  await recorded(page);
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Báo trang lỗi' }).click();
  await expect(popup.locator('.report-url')).toHaveText('langson.voso.vn/dat-hang');
  await popup.getByRole('button', { name: 'Gửi báo lỗi' }).click();
  await expect(popup.getByRole('status')).toContainText('Đã ghi nhận báo lỗi');
  const reports = () => collector.db.selectFrom('page_reports').innerJoin('staff', 'staff.id', 'page_reports.staff_id').selectAll('page_reports').where('staff.enrolment_code', '=', code).execute();
  await expect.poll(async () => (await reports()).length).toBe(1);
  const [report] = await reports();
  expect(report.url).toBe('https://langson.voso.vn/dat-hang');
  expect(report.page_type).toBe('order-confirmation');
});

/** voso's product page of the registered shop, once its note shows. */
async function productPageWithNote({ context, serviceWorker }: { context: BrowserContext; serviceWorker: Worker }): Promise<Page> {
  await registerShop(serviceWorker);
  const page = await context.newPage();
  await page.goto(`https://langson.voso.vn${productPath}`);
  await expect.poll(async () => (await readLandmark(page, BADGE))?.text ?? '').toContain('OCOP 3 sao');
  return page;
}

test('a newer copy of the script in the page (an extension update) stops the older: one note, not two', async ({ extension }) => {
  const { serviceWorker } = extension;
  const page = await productPageWithNote(extension);
  // The copy Firefox puts into open tabs on an update, put in the way Chromium's scripting API does.
  await serviceWorker.evaluate(async (url) => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> }; scripting: { executeScript(i: object): Promise<unknown> } } }).chrome;
    const [tab] = await chrome.tabs.query({ url });
    await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['marketplace.js'] });
  }, `https://langson.voso.vn${productPath}`);
  // The newer copy shows its own note once its reading is over; the older one's has gone with it.
  await page.waitForFunction(() => performance.getEntriesByName('nongsan-so:badge-decided').length === 2);
  await expect(page.locator('nongsan-so-badge')).toHaveCount(1);
});

test('a copy whose extension is gone (reloaded) stops at its next reading on a product page: its note goes', async ({ extension }) => {
  const { serviceWorker } = extension;
  const page = await productPageWithNote(extension);
  // Chromium leaves this copy running with a dead API (runtime.id undefined) and puts no new copy into the tab.
  await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => {});
  // Nothing in the page says when the old copy's API died: the reload is given a moment (no event comes of it).
  await page.waitForTimeout(1000);
  // The same shop's page at another address (a single-page app): nothing new to ask storage, so no call fails first.
  await page.evaluate(() => history.pushState({}, '', location.pathname + '?tu=1'));
  await expect(page.locator('nongsan-so-badge')).toHaveCount(0);
});
