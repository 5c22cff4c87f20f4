// Submissions that cannot reach the collector wait in the outbox — offline, across a browser restart — and
// are delivered later. Plus the manual path and "Báo trang lỗi".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, launchWithExtension, startTestCollector } from './fixtures';
import { fixture, startMarketplaceServer } from './marketplace-server';
import { startFailingProxy } from './failing-proxy';
import { expectNotice } from './notice-reader';
import { buyOnPostmart, enrol, ensureCurrentPeriod, openPopup, orderCard, ordersFrom, postmartPages, setCollectorUrl, total } from './extension-helpers';
import { createEnrolmentCode } from '../../server/testing/seed';

const sitePages = {
  'langson.postmart.vn': postmartPages(),
  'langson.voso.vn': { '/dat-hang': fixture('voso/fixtures/order-confirmation.html') },
};
test.use({ sitePages });

const stored = async (collector: { db: import('../../server/db').Db }, orderCode: string) =>
  (await collector.db.selectFrom('staff_orders').selectAll().execute()).filter((r) => JSON.parse(r.body).orderCode === orderCode && r.state !== 'withdrawn');

test('offline "Gửi" queues the order, and it is delivered when the network is back', async ({ extension }) => {
  const { context, extensionId } = extension;
  // A collector of its own, so "stored once" counts this person's order only (other specs read the same page).
  const collector = await startTestCollector();
  await enrol(context, extensionId, collector, 'Nông Văn Dũng');
  const page = await context.newPage();
  await page.goto('https://langson.voso.vn/dat-hang');
  await expectNotice(page, 'VS2611290418');

  const popup = await openPopup(context, extensionId);
  await context.setOffline(true);
  await popup.getByRole('button', { name: /^Gửi/ }).click();
  await expect(popup.locator('.outbox')).toContainText('Không kết nối được máy chủ của tỉnh');
  await expect(orderCard(popup, 'VS2611290418').locator('.state').first()).toContainText('Đang gửi');
  expect(await stored(collector, 'VS2611290418')).toHaveLength(0);

  // Back online: the outbox's next retry (alarm) delivers without the person doing anything.
  await context.setOffline(false);
  await expect(orderCard(popup, 'VS2611290418').locator('.state').first()).toContainText('Đã gửi', { timeout: 45_000 });
  await expect(orderCard(popup, 'VS2611290417').locator('.state').first()).toContainText('Đã gửi');
  await expect(popup.locator('.outbox')).toHaveCount(0);
  expect(await stored(collector, 'VS2611290418')).toHaveLength(1);
  await collector.close();
});

test('a collector answering 502 marks nothing sent; the outbox delivers exactly once when it answers again', async ({ extension }) => {
  const { context, extensionId } = extension;
  // A collector of its own: the worker's shared one may already hold these order codes from the test above (same
  // page), which would make "nothing stored" and "stored once" count another person's order.
  const collector = await startTestCollector();
  const proxy = await startFailingProxy(collector.url);
  try {
    await enrol(context, extensionId, collector, 'Hoàng Thị Nga');
    await setCollectorUrl(context, extensionId, proxy.url);
    const page = await context.newPage();
    await page.goto('https://langson.voso.vn/dat-hang');
    await expectNotice(page, 'VS2611290418');
    const popup = await openPopup(context, extensionId);
    await popup.getByRole('button', { name: /^Gửi/ }).click();
    await expect.poll(() => proxy.state.refused).toBeGreaterThanOrEqual(1);
    // The page holds two orders: both wait, the person is told the server failed, nothing reached the database.
    await expect(popup.locator('.outbox')).toContainText('2 mục đang chờ gửi: Máy chủ gặp lỗi');
    for (const code of ['VS2611290418', 'VS2611290417']) {
      await expect(orderCard(popup, code).locator('.state').first()).toContainText('Đang gửi');
      expect(await stored(collector, code)).toHaveLength(0);
    }

    // The collector is back behind the proxy: the outbox's next retry delivers each, once.
    proxy.state.failing = false;
    for (const code of ['VS2611290418', 'VS2611290417']) await expect(orderCard(popup, code).locator('.state').first()).toContainText('Đã gửi', { timeout: 45_000 });
    await expect(popup.locator('.outbox')).toHaveCount(0);
    expect(await stored(collector, 'VS2611290418')).toHaveLength(1);
    expect(await stored(collector, 'VS2611290417')).toHaveLength(1);
  } finally {
    await proxy.close();
    await collector.close();
  }
});

test('a browser restart keeps queued orders; they are delivered once the collector answers', async () => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'nongsan-so-profile-'));
  const site = await startMarketplaceServer(sitePages);
  // A collector of its own: other specs buy the same postmart order 10528 on the shared one, in parallel.
  const collector = await startTestCollector();
  try {
    const first = await launchWithExtension(site.port, userDataDir);
    await enrol(first.context, first.extensionId, collector, 'Vi Thị Hoa');
    await setCollectorUrl(first.context, first.extensionId, 'http://localhost:9'); // nothing answers there
    const page = await first.context.newPage();
    await buyOnPostmart(page);
    const popup = await openPopup(first.context, first.extensionId);
    await popup.getByRole('button', { name: /^Gửi/ }).click();
    await expect(popup.locator('.outbox')).toContainText('1 mục đang chờ gửi');
    await first.context.close();

    const second = await launchWithExtension(site.port, userDataDir);
    const again = await openPopup(second.context, second.extensionId);
    await expect(orderCard(again, '10528').locator('.state').first()).toContainText('Đang gửi');
    await expect(again.locator('.outbox')).toContainText('1 mục đang chờ gửi');
    await setCollectorUrl(second.context, second.extensionId, collector.url);
    await expect(orderCard(again, '10528').locator('.state').first()).toContainText('Đã gửi');
    await expect(again.locator('.outbox')).toHaveCount(0);
    expect(await stored(collector, '10528')).toHaveLength(1);
    await second.context.close();
  } finally {
    await site.close();
    await collector.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

test('add an order by hand (self-declared), fill what is missing, submit it', async ({ extension, collector }) => {
  const { context, extensionId } = extension;
  const { popup, code } = await enrol(context, extensionId, collector, 'Hà Văn Sơn');
  await popup.getByRole('button', { name: 'Thêm đơn tự khai' }).first().click();
  await popup.getByLabel('Sàn').selectOption('postmart');
  await popup.getByLabel('Ngày đặt hàng (dd/mm/yyyy)').fill('31/02/2026');
  await popup.getByLabel('Tên sản phẩm').fill('Hồi khô Văn Quan');
  await popup.getByLabel('Đơn giá (₫)').fill('150.000');
  await popup.getByLabel('Số lượng').fill('2');
  await popup.getByRole('button', { name: 'Lưu đơn tự khai' }).click();
  await expect(popup.getByRole('alert')).toContainText('Ngày đặt hàng phải có dạng dd/mm/yyyy');
  await popup.getByLabel('Ngày đặt hàng (dd/mm/yyyy)').fill('15/11/2026');
  await popup.getByRole('button', { name: 'Lưu đơn tự khai' }).click();

  const card = popup.locator('article.order').filter({ hasText: 'Hồi khô Văn Quan' });
  await expect(card).toContainText('Tự khai');
  await expect(card).toContainText('Đơn chưa có mã');
  await expect(card).toContainText('chưa rõ khối lượng');
  await expect(total(popup, 'Thành tiền')).toContainText('300.000');
  await card.getByRole('button', { name: 'Sửa' }).click();
  await card.getByLabel('Khối lượng mỗi đơn vị (kg)').fill('0,5');
  await card.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(card).not.toContainText('chưa rõ khối lượng');
  await expect(total(popup, 'Khối lượng (ước tính)')).toHaveText('1 kg');

  await popup.getByRole('button', { name: /^Gửi/ }).click();
  await expect(card.locator('.state').first()).toContainText('Đã gửi');
  const manual = (await ordersFrom(collector, code)).map((r) => JSON.parse(r.body));
  expect(manual.map((o) => [o.source, o.items[0].name])).toEqual([['manual', 'Hồi khô Văn Quan']]);
  expect(manual[0].items[0]).toMatchObject({ quantity: 2, unitPrice: 150000, weightGrams: 500, isFarmProduct: true });
});

test('"Báo trang lỗi" sends the page structure without the buyer’s personal data', async ({ extension, collector }) => {
  const { context, extensionId } = extension;
  const { popup, code } = await enrol(context, extensionId, collector, 'Chu Thị Lan');
  const page = await context.newPage();
  await page.goto('https://langson.voso.vn/dat-hang');
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Báo trang lỗi' }).click();
  await expect(popup.locator('.report-url')).toHaveText('langson.voso.vn/dat-hang');
  await popup.getByRole('button', { name: 'Gửi báo lỗi' }).click();
  await expect(popup.getByRole('status')).toContainText('Đã ghi nhận báo lỗi');
  const reports = () => collector.db.selectFrom('page_reports').innerJoin('staff', 'staff.id', 'page_reports.staff_id').selectAll('page_reports').where('staff.enrolment_code', '=', code).execute();
  await expect.poll(async () => (await reports()).length).toBe(1);
  const [report] = await reports();
  expect(report.url).toBe('https://langson.voso.vn/dat-hang');
  expect(report.structure).toContain('order-success');
  expect(report.structure).not.toContain('REDACTED');
});

test('enrolling while the collector does not answer says plainly it did not happen; "Thử lại" enrols once it answers', async ({ extension, collector }) => {
  const { context, extensionId } = extension;
  await ensureCurrentPeriod(collector);
  await setCollectorUrl(context, extensionId, 'http://localhost:9'); // nothing answers there
  const code = await createEnrolmentCode(collector.db, 'SNV');
  const popup = await openPopup(context, extensionId);
  await popup.getByLabel('Họ và tên đầy đủ').fill('Nông Văn Tú');
  await popup.getByLabel('Mã đăng ký do cơ quan cấp').fill(code);
  await popup.getByRole('button', { name: 'Kiểm tra mã' }).click();
  const error = popup.getByRole('alert');
  await expect(error).toContainText('Chưa đăng ký được:');
  await expect(error).toContainText('Đăng ký không tự thử lại; hãy bấm “Thử lại” khi có mạng.');
  await expect(error).not.toContainText('sẽ tự gửi lại');
  await expect(popup.locator('.who')).toHaveCount(0);

  await setCollectorUrl(context, extensionId, collector.url);
  await popup.getByRole('button', { name: 'Thử lại' }).click();
  await expect(popup.locator('.agency')).toContainText('Sở Nội vụ');
  await expect(popup.getByRole('button', { name: 'Thử lại' })).toHaveCount(0);
  await popup.getByRole('button', { name: 'Đúng, đăng ký' }).click();
  await expect(popup.locator('.who')).toContainText('Nông Văn Tú — Sở Nội vụ');
});
