// The civil servant's path in real Chromium with the real extension and a real collector.
import { test, expect } from './fixtures';
import { fixture } from './marketplace-server';
import { buyOnPostmart, enrol, openPopup, orderCard, ordersFrom, postmartPages, recorded, total } from './extension-helpers';
import { createAgencyFocalPoint } from '../../server/testing/seed';
import { copyNoticeForAxe, expectNotice, noticeLine, pressNoticeButton } from './notice-reader';

const cancelled10528 = () =>
  fixture('postmart/fixtures/account-orders.html').replace(
    '<td class="order-status"><span class="badge badge-info">Chờ xử lý</span></td>',
    '<td class="order-status"><span class="badge badge-danger">Đã hủy</span></td>',
  );
let ordersPage = () => fixture('postmart/fixtures/account-orders.html');

test.use({
  sitePages: {
    'langson.postmart.vn': postmartPages(() => ordersPage()),
    'langson.voso.vn': { '/dat-hang': fixture('voso/fixtures/order-confirmation.html') },
  },
});

test('product → cart → checkout → confirmation → notice → popup → submit → the collector has it', async ({ extension, collector }) => {
  const { context, extensionId } = extension;
  const { code } = await enrol(context, extensionId, collector);

  const page = await context.newPage();
  await buyOnPostmart(page);
  await expectNotice(page, 'Đã ghi nhận đơn 10528 cho đợt vận động', '2 sản phẩm nông sản');
  expect(Object.keys((await noticeLine(page, '10528')).buttons)).toEqual(['Không tính đơn này']);

  const popup = await openPopup(context, extensionId);
  const card = orderCard(popup, '10528');
  await expect(card).toContainText('Măng khô Bắc Sơn túi 500g');
  await expect(card).toContainText('Khâu nhục Lạng Sơn hộp 1kg');
  await expect(card.locator('.state').first()).toContainText('Chưa gửi');
  await expect(total(popup, 'Đơn hàng')).toHaveText('1');
  await expect(total(popup, 'Sản phẩm nông sản')).toHaveText('2');

  await popup.getByRole('button', { name: /^Gửi/ }).click();
  await expect(card.locator('.state').first()).toContainText('Đã gửi');
  const mine = await ordersFrom(collector, code);
  expect(mine.map((r) => r.order_code)).toEqual(['10528']);
  expect(JSON.parse(mine[0].body).items.map((i: { name: string }) => i.name)).toEqual(['Măng khô Bắc Sơn túi 500g', 'Khâu nhục Lạng Sơn hộp 1kg']);
});

test('history revisits do not double count; a cancelled order drops out of the tally and the collector', async ({ extension, collector }) => {
  const { context, extensionId } = extension;
  ordersPage = () => fixture('postmart/fixtures/account-orders.html');
  const { code } = await enrol(context, extensionId, collector, 'Lương Văn Bình');
  const page = await context.newPage();
  await buyOnPostmart(page);

  for (let n = 0; n < 10; n++) {
    await page.goto('https://langson.postmart.vn/account/orders');
    await recorded(page);
  }
  const popup = await openPopup(context, extensionId);
  await expect(orderCard(popup, '10528')).toHaveCount(1);
  await expect(orderCard(popup, '10377')).toHaveCount(1); // placed before: recorded from history, items to fill
  await expect(orderCard(popup, '10211')).toHaveCount(0); // cancelled before it was ever seen
  await expect(popup.locator('article.order')).toHaveCount(2);
  await expect(total(popup, 'Đơn hàng')).toHaveText('1');
  await popup.getByRole('button', { name: /^Gửi/ }).click();
  await expect(orderCard(popup, '10528').locator('.state').first()).toContainText('Đã gửi');

  ordersPage = cancelled10528;
  await page.goto('https://langson.postmart.vn/account/orders');
  await recorded(page);
  await popup.reload();
  await expect(orderCard(popup, '10528')).toContainText('Đã hủy — không tính');
  await expect(total(popup, 'Đơn hàng')).toHaveText('0');
  await popup.getByRole('button', { name: /^Gửi/ }).click();
  await expect(orderCard(popup, '10528').locator('.state').first()).toContainText('Đã gửi');
  await expect
    .poll(async () => {
      const rows = await ordersFrom(collector, code);
      return rows.filter((r) => r.order_code === '10528' && r.state !== 'withdrawn').map((r) => JSON.parse(r.body).status);
    })
    .toEqual(['cancelled']);
});

test('exclude from the notice and undo; exclude an item in the popup', async ({ extension }) => {
  const { context, extensionId } = extension;
  const page = await context.newPage();
  await page.goto('https://langson.voso.vn/dat-hang');
  await expectNotice(page, 'Đã ghi nhận đơn VS2611290417', 'Đã ghi nhận đơn VS2611290418');
  await pressNoticeButton(page, 'VS2611290417', 'Không tính đơn này', 'keyboard');
  await expectNotice(page, 'Đã bỏ đơn VS2611290417 khỏi báo cáo');

  const popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: 'Đơn hàng', exact: true }).click();
  await expect(orderCard(popup, 'VS2611290417').locator('.state').first()).toContainText('Không tính');

  await pressNoticeButton(page, 'VS2611290417', 'Hoàn tác');
  await expectNotice(page, 'Đã ghi nhận đơn VS2611290417 cho đợt vận động');
  await expect(orderCard(popup, 'VS2611290417').locator('.state').first()).toContainText('Chưa gửi');

  const card = orderCard(popup, 'VS2611290418');
  await card.getByRole('button', { name: 'Không tính sản phẩm này' }).first().click();
  await expect(card.locator('li.excluded')).toHaveCount(1);
  await expect(total(popup, 'Sản phẩm nông sản')).toHaveText('2');
});

test('the notice and the popup pass an accessibility check (axe)', async ({ extension }) => {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const { context, extensionId } = extension;
  const page = await context.newPage();
  await page.goto('https://langson.voso.vn/dat-hang');
  await expectNotice(page, 'Đã ghi nhận đơn VS2611290417');
  const notice = await new AxeBuilder({ page }).include(await copyNoticeForAxe(page)).analyze();
  expect(notice.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  const popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: 'Đơn hàng', exact: true }).click();
  await expect(orderCard(popup, 'VS2611290417')).toBeVisible();
  const results = await new AxeBuilder({ page: popup }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('the agency excludes a sent order with a note: the popup says so, with the note, and its totals drop', async ({ extension, collector }) => {
  const { context, extensionId, serviceWorker } = extension;
  ordersPage = () => fixture('postmart/fixtures/account-orders.html');
  const { code } = await enrol(context, extensionId, collector, 'Vi Thị Hoa');
  const page = await context.newPage();
  await buyOnPostmart(page);
  const popup = await openPopup(context, extensionId);
  await expect(total(popup, 'Đơn hàng')).toHaveText('1');
  await popup.getByRole('button', { name: /^Gửi/ }).click();
  await expect(orderCard(popup, '10528').locator('.state').first()).toContainText('Đã gửi');

  // The focal point of Sở Nội vụ reviews it on the dashboard's API.
  const focal = await createAgencyFocalPoint(collector.db, 'SNV');
  const [row] = (await ordersFrom(collector, code)).filter((r) => r.order_code === '10528' && r.state !== 'withdrawn');
  const review = await fetch(`${collector.url}/api/agency/review/${row.id}`, {
    method: 'POST',
    headers: { ...focal.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ decision: 'excluded', note: 'Đơn mua hộ người thân' }),
  });
  expect(review.status).toBe(200);

  // Opened again within minutes, the popup does not ask the collector (no request per opening)…
  await popup.reload();
  await expect(orderCard(popup, '10528')).toBeVisible();
  await expect(orderCard(popup, '10528').locator('.state').first()).not.toHaveText('Cơ quan không tính');
  // …a few minutes later it does: the service worker's last asking is moved back, as time would.
  await serviceWorker.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('nongsan-so');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: 'answersSyncedAt', value: Date.now() - 10 * 60_000 });
          tx.oncomplete = () => (open.result.close(), done());
        };
      }),
  );
  await popup.reload();
  const card = orderCard(popup, '10528');
  await expect(card.locator('.state').first()).toHaveText('Cơ quan không tính');
  await expect(card).toContainText('Ghi chú của cơ quan: Đơn mua hộ người thân');
  await expect(popup.locator('.not-counted')).toContainText('Cơ quan chưa tính 1 đơn:');
  await expect(popup.locator('.not-counted li')).toHaveText(['Đơn 10528 — cơ quan không tính. Ghi chú của cơ quan: Đơn mua hộ người thân (mã 403.10)']);
  await expect(total(popup, 'Đơn hàng')).toHaveText('0');
  await expect(total(popup, 'Sản phẩm nông sản')).toHaveText('0');
  // Not offered for sending again: the agency's decision stands until the person changes the order.
  await expect(popup.getByRole('button', { name: /^Gửi/ })).toBeDisabled();
});
