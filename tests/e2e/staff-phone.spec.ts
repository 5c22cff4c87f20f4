// Issue 12, phones: a civil servant whose phone cannot run the extension declares an order on the PWA.
// Phone viewport (360×740, touch): enrol with the agency's code, paste a confirmation, correct what was read,
// send while offline → delivered exactly once when back online; the agency sees it with its photo.
import { devices } from '@playwright/test';
import { test, expect } from './fixtures';
import { createAgencyFocalPoint, createEnrolmentCode, testPassword } from '../../server/testing/seed';
import { expectAccessible, signIn } from './dashboard-helpers';
import { cameraPhoto } from './kiosk-helpers';

const phone = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2, userAgent: devices['Pixel 5'].userAgent };

// A voso confirmation as a person copies it from the app; the second item's price was cut off when copying.
const pasted = ['Đặt hàng thành công!', 'Mã đơn hàng: VS2108201234', 'Ngày đặt hàng: 20/08/2021 09:30', 'Na Chi Lăng hộp 2kg', '120.000 đ x 2', 'Mật ong rừng Mẫu Sơn 500ml', 'Số lượng: 1', 'Tổng thanh toán: 420.000 đ'].join('\n');

test('a phone: enrol, paste, correct, send offline, delivered once; the agency sees it with its photo', async ({ browser, collector }) => {
  const code = await createEnrolmentCode(collector.db, 'SNV');
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(collector.url + '/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.getByRole('link', { name: 'Khai báo đơn hàng đã mua (điện thoại)' }).tap();
  await expect(page.getByRole('heading', { name: 'Khai báo đơn hàng', level: 1 })).toBeVisible();

  // Enrol with the same code as the extension: the agency is named before the person commits.
  await page.getByLabel('Mã đăng ký').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Kiểm tra mã' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'Mã của Sở Nội vụ tỉnh Lạng Sơn' })).toBeVisible();
  await page.getByLabel('Họ và tên của bạn').fill('Hoàng Văn Phúc');
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).tap();
  await expect(page.getByText('Hoàng Văn Phúc · Sở Nội vụ tỉnh Lạng Sơn')).toBeVisible();
  await expect(page.getByText('Chưa có đơn nào đã gửi.')).toBeVisible();
  await expectAccessible(page);

  // Paste the confirmation: read by the lib/ reader; the honey has no price, so it does not add up.
  await page.getByLabel('Nội dung xác nhận đơn hàng').fill(pasted);
  await page.getByRole('button', { name: 'Đọc đơn' }).tap();
  await expect(page.getByRole('heading', { name: 'Kiểm tra và sửa đơn' })).toBeVisible();
  // The text names no marketplace: the person says which.
  await expect(page.getByLabel('Voso')).not.toBeChecked();
  await page.getByLabel('Voso').check();
  await expect(page.getByLabel('Mã đơn hàng')).toHaveValue('VS2108201234');
  await expect(page.getByLabel('Ngày đặt hàng (ngày/tháng/năm)')).toHaveValue('20/08/2021 09:30');
  await expect(page.getByLabel('Tên sản phẩm 1')).toHaveValue('Na Chi Lăng hộp 2kg');
  await expect(page.locator('.staff-items > li')).toHaveCount(1);
  await expect(page.getByRole('alert').filter({ hasText: 'Cần kiểm tra' })).toContainText('các sản phẩm cộng lại 240.000 ₫, nhưng theo tổng đơn phải là 420.000 ₫');
  await expectAccessible(page);

  // Held until corrected: add the honey with its price; it then adds up.
  await page.getByRole('button', { name: 'Thêm sản phẩm' }).tap();
  await page.getByLabel('Tên sản phẩm 2').fill('Mật ong rừng Mẫu Sơn 500ml');
  await page.locator('.staff-items > li').nth(1).getByLabel('Đơn giá (₫)').fill('180.000');
  await expect(page.getByText('Cần kiểm tra')).toHaveCount(0);
  await expect(page.locator('.staff-items > li').nth(1).getByLabel('Là nông sản')).toBeChecked();
  await page.getByLabel(/Ảnh đơn hàng/).setInputFiles(await cameraPhoto(page, 40));
  await expect(page.getByRole('img', { name: 'Ảnh đơn hàng sẽ gửi kèm' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: 'test-results/khai-bao-360x740.png', fullPage: true });

  // Offline: kept on the phone, shown as waiting.
  await context.setOffline(true);
  // Answers the collector gave to POST /api/staff/orders (an attempt while offline gets none).
  let posts = 0;
  page.on('response', (r) => void (r.request().method() === 'POST' && r.url().endsWith('/api/staff/orders') && posts++));
  await page.getByRole('button', { name: 'Gửi đơn tự khai' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu đơn trên máy.' })).toBeVisible();
  await expect(page.locator('.staff-orders li')).toHaveCount(1);
  await expect(page.locator('.staff-orders li')).toContainText('Chờ gửi — sẽ tự gửi khi có mạng');
  await expect(page.locator('.staff-orders li')).toContainText('420.000 ₫');
  // What the collector holds from this person (it is shared with other specs).
  const theirs = () => collector.db.selectFrom('staff_orders').innerJoin('staff', 'staff.id', 'staff_orders.staff_id').select(['staff_orders.id', 'source', 'total', 'order_code']).where('staff.enrolment_code', '=', code).execute();
  expect(await theirs()).toHaveLength(0);

  // Back online: delivered once, with its photo; the collector's state is shown.
  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: 'Đã gửi 1 đơn tới cơ quan.' })).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('.staff-orders li')).toHaveCount(1);
  await expect(page.locator('.staff-orders li')).toContainText('Cơ quan đã nhận');
  const rows = await theirs();
  expect(rows.map((r) => r.order_code)).toEqual(['VS2108201234']);
  expect(rows[0].source).toBe('manual');
  expect(Number(rows[0].total)).toBe(420000);
  await expect.poll(async () => (await collector.db.selectFrom('staff_order_photos').select('size').where('order_id', '=', rows[0].id).execute()).length).toBe(1);
  const photo = await collector.db.selectFrom('staff_order_photos').select(['size', 'content_type']).where('order_id', '=', rows[0].id).executeTakeFirstOrThrow();
  expect(photo.content_type).toBe('image/jpeg');
  expect(photo.size).toBeLessThanOrEqual(400 * 1024);
  expect(posts).toBe(1);
  await expectAccessible(page);
  await context.close();

  // The agency reviews self-declared orders and sees the photo.
  const focal = await createAgencyFocalPoint(collector.db, 'SNV');
  const desk = await browser.newContext();
  const dash = await desk.newPage();
  await dash.goto(`${collector.url}/bang-dieu-khien`);
  await signIn(dash, focal.username, testPassword);
  await dash.getByRole('navigation', { name: 'Các trang của cơ quan' }).getByRole('link', { name: /^Đơn cần xem xét/ }).click();
  // The order was placed on 20/08/2021: its period, not whichever one the dashboard opens on (other specs sharing
  // this collector add a current period of their own).
  const periods = dash.getByLabel('Đợt báo cáo');
  const first2021 = await periods.locator('option', { hasText: 'Đợt 1 năm 2021' }).getAttribute('value');
  await periods.selectOption(first2021!);
  await dash.getByLabel('Tự khai').check();
  const card = dash.locator('.dash-review-card').filter({ hasText: 'VS2108201234' });
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('img', { name: /^Ảnh đơn hàng của Hoàng Văn Phúc/ })).toBeVisible();
  expect(await card.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await desk.close();
});
