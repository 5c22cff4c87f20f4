import { randomUUID } from 'node:crypto';
import { test, expect } from './fixtures';
import { desktop, expectAccessible, keepScreenshot, signIn } from './dashboard-helpers';
import { createProvinceUser, testPassword } from '../../server/testing/seed';
import { sampleHousehold } from '../../lib/kiosk/sample-household';

// The province creates a commune officer in the browser; that officer's tablet sends households through the
// kiosk API; the post office's hand-over sheet marks shops and payment accounts; the province sees the
// commune against the 50% target and the district's deadline.

const household = (n: number) =>
  sampleHousehold({
    clientId: randomUUID(),
    communeCode: '06067',
    headName: ['Hà Văn Tú', 'Nông Thị Lan', 'Lương Văn Tuấn'][n],
    phone: `0966 204 31${n}`,
    idNumber: `02019000567${n}`,
    shopName: `Na Chi Lăng nhà ${n}`,
  });

// A collector of its own: Hưng Đạo's figures count every household of the commune, and its phone numbers are fixed.
test('province creates a commune officer and follows the commune toward 50% of households', async ({ browser, ownCollector: collector }) => {
  const province = await createProvinceUser(collector.db);
  const context = await browser.newContext(desktop);
  const page = await context.newPage();
  await page.goto(`${collector.url}/bang-dieu-khien/tai-khoan`);
  await signIn(page, province.username, testPassword);

  const officer = `canbo.hungdao.${randomUUID().slice(0, 4)}`;
  await page.getByLabel('Cán bộ xã (máy tính bảng)').check();
  await page.getByLabel(/^Tên đăng nhập/).fill(officer);
  await page.getByLabel('Họ và tên').fill('Lý Thị Mai');
  await page.getByLabel(/^Mật khẩu ban đầu/).fill('mat-khau-cua-xa-1');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  // Said under the button pressed, on screen (the form is taller than the window).
  await expect(page.getByRole('alert')).toHaveText('Chọn ít nhất một xã cho cán bộ xã.');
  await expect(page.getByRole('alert')).toBeInViewport();
  await page.getByLabel('Tìm xã để thêm (không cần gõ dấu)').fill('hung dao binh gia');
  await page.getByLabel('Xã Hưng Đạo (Huyện Bình Gia)').check();
  await expect(page.getByText('Đã chọn: Xã Hưng Đạo (Huyện Bình Gia)')).toBeVisible();
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã tạo tài khoản ${officer} (Cán bộ xã).` })).toBeInViewport();
  await expect(page.getByRole('table', { name: 'Các tài khoản' })).toContainText('Xã Hưng Đạo (Huyện Bình Gia)');
  await expectAccessible(page);
  await keepScreenshot(page, 'province-accounts');

  // The officer's tablet: sign in, device code, enrol, send three households.
  const call = async (path: string, body: unknown, token?: string, type = 'application/json') => {
    const res = await fetch(collector.url + path, { method: 'POST', headers: { 'Content-Type': type, ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return res.json();
  };
  const login = await call('/api/auth/login', { username: officer, password: 'mat-khau-cua-xa-1' });
  const { code } = await call('/api/kiosk/device-codes', {}, login.token);
  const kiosk = await call('/api/kiosk/enrol', { code, deviceName: 'Máy xã Hưng Đạo' });
  const sync = await call('/api/kiosk/households', { households: [0, 1, 2].map(household) }, kiosk.token);
  expect(sync.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);

  // The hand-over sheet comes back: two households have a shop and a payment account.
  const csv = ['Mã hồ sơ,Đường dẫn cửa hàng,Đã mở tài khoản thanh toán', ...sync.results.slice(0, 2).map((r: { serverId: string }, i: number) => `${r.serverId},https://langson.postmart.vn/shop/na-${i},có`)].join('\r\n');
  expect(await call('/api/kiosk/handover', csv, province.token, 'text/csv')).toMatchObject({ updated: 2, problems: [] });
  await page.getByRole('link', { name: 'Hộ đăng ký theo xã' }).click();
  await expect(page.getByRole('heading', { name: 'Hộ nông dân mở cửa hàng số và tài khoản thanh toán' })).toBeVisible();
  await page.getByLabel('Tìm xã hoặc huyện (không cần gõ dấu)').fill('hung dao binh gia');
  const row = page.getByRole('table', { name: 'Theo xã' }).locator('tbody tr');
  await expect(row).toHaveCount(1);
  // The region pack ships no household counts: the province enters the commune's figure here.
  await expect(row.locator('td').nth(7)).toContainText('Chưa có số hộ');
  await row.getByRole('textbox', { name: 'Số hộ của Xã Hưng Đạo' }).fill('4');
  await row.getByRole('button', { name: 'Lưu số hộ của xã hưng đạo' }).click();
  // Said in the commune's own row, next to its field, and on screen.
  await expect(row.getByRole('status')).toHaveText('Đã lưu số hộ của Xã Hưng Đạo: 4.');
  await expect(row.getByRole('status')).toBeInViewport();
  await expect(row.getByRole('textbox', { name: 'Số hộ của Xã Hưng Đạo' })).toHaveValue('4');
  // Signed up 3, with a shop 2, with a payment account 2, no product listed yet; all through the kiosk. No deadline
  // until the province sets one (a fresh install does not invent 31/12/2021).
  await expect(row.locator('td')).toHaveText(['Xã Hưng Đạo', 'Huyện Bình Gia', 'LưuĐã lưu số hộ của Xã Hưng Đạo: 4.', '3', '2', '2', '0', /^50% ✓ đạt/, '2 / 2 / 0', '0 / 0 / 0', '0 / 0 / 0', '—']);
  const district = page.getByRole('table', { name: 'Theo huyện' }).getByRole('row', { name: /Huyện Bình Gia/ });
  await expect(district).toContainText('50% ✓ đạt');
  // Phase-1 districts report earlier: the province moves Bình Gia's deadline, and a wrong date is refused.
  await district.getByRole('textbox', { name: 'Hạn của Huyện Bình Gia' }).fill('31/02/2021');
  await district.getByRole('button', { name: 'Lưu hạn của huyện bình gia' }).click();
  await expect(district.getByRole('alert')).toHaveText('Hạn của Huyện Bình Gia cần là một ngày dạng dd/mm/yyyy.');
  await district.getByRole('textbox', { name: 'Hạn của Huyện Bình Gia' }).fill('30/09/2021');
  await district.getByRole('button', { name: 'Lưu hạn của huyện bình gia' }).click();
  await expect(district.getByRole('status')).toHaveText('Đã lưu hạn của Huyện Bình Gia: 30/09/2021.');
  await expect(row.locator('td').nth(11)).toHaveText('30/09/2021');
  await expectAccessible(page);
  await keepScreenshot(page, 'province-households');
  await context.close();
});
