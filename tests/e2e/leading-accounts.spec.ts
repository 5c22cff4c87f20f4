import { test, expect } from './fixtures';
import { expectAccessible, signIn } from './dashboard-helpers';
import { consentAndSign, enrolKiosk, officerWithCode, queueHousehold, sixDigits, typeHousehold } from './kiosk-helpers';
import { createProvinceUser, testPassword } from '../../server/testing/seed';

// Issue 13, leading accounts: Sở TT&TT picks one in the dashboard, the tablet of her commune offers her as the
// household's guide, and the province sees the household in her spread.

// A collector of its own: the table lists every leading account of the province.
test('Sở picks a leading account, the tablet records she guided a household, the province sees her spread', async ({ browser, ownCollector: collector, request }) => {
  const province = await createProvinceUser(collector.db);
  const dash = await (await browser.newContext()).newPage();
  await dash.goto(`${collector.url}/bang-dieu-khien/dau-tau`);
  await signIn(dash, province.username, testPassword);
  await expect(dash.getByRole('heading', { name: 'Tài khoản đầu tàu', exact: true })).toBeVisible();
  await dash.getByLabel('Tên người hoặc hộ').fill('Hoàng Thị Nhung');
  await dash.getByRole('combobox', { name: /^Xã/ }).selectOption('06181');
  await dash.getByLabel(/^Đường dẫn cửa hàng/).fill('https://shopee.vn/na-nha-nhung');
  await dash.getByLabel('Lý do chọn').fill('Bán na Chi Lăng trên Voso từ 2020, hướng dẫn nhiều hộ trong thôn.');
  await dash.getByRole('button', { name: 'Thêm tài khoản đầu tàu' }).click();
  await expect(dash.getByRole('alert')).toHaveText('Đường dẫn cửa hàng phải là một trang trên langson.voso.vn hoặc langson.postmart.vn.');
  await dash.getByLabel(/^Đường dẫn cửa hàng/).fill('https://langson.voso.vn/shop/na-nha-nhung');
  await dash.getByRole('button', { name: 'Thêm tài khoản đầu tàu' }).click();
  await expect(dash.getByRole('status').filter({ hasText: 'Đã thêm Hoàng Thị Nhung làm tài khoản đầu tàu.' })).toBeVisible();
  const row = dash.getByRole('table', { name: 'Sức lan tỏa của từng tài khoản đầu tàu' }).locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(3)).toHaveText('0');
  await expectAccessible(dash);

  // The commune's tablet: synced once, so it knows her; the officer records that she guided the household.
  const { code } = await officerWithCode(request, collector, ['06181']);
  const tablet = await (await browser.newContext()).newPage();
  await enrolKiosk(tablet, collector.url, code);
  await tablet.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
  await tablet.getByRole('button', { name: 'Gửi ngay' }).click();
  await expect(tablet.getByRole('status').filter({ hasText: 'Đã đồng bộ xong.' })).toBeVisible();
  await tablet.getByRole('tab', { name: 'Đăng ký hộ' }).click();
  const d = sixDigits();
  await typeHousehold(tablet, { village: 'Thôn Bản Cặp', headName: 'Vi Văn Lợi', phone: `0912 ${d.slice(0, 3)} ${d.slice(3)}`, idNumber: `020190${d}`, shopName: 'Na nhà Lợi', product: 'Na Chi Lăng' });
  await tablet.getByLabel('Tài khoản đầu tàu của xã').check();
  // The only one of the commune is chosen at once.
  await expect(tablet.getByLabel('Tài khoản đầu tàu', { exact: true }).locator('option:checked')).toHaveText('Hoàng Thị Nhung');
  await consentAndSign(tablet);
  await queueHousehold(tablet);
  await tablet.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
  await tablet.getByRole('button', { name: 'Gửi ngay' }).click();
  await expect(tablet.locator('.queue-item--sent')).toHaveCount(1, { timeout: 20_000 });
  const stored = await collector.db.selectFrom('households').innerJoin('leading_accounts', 'leading_accounts.id', 'households.leading_account_id').select(['households.head_name', 'households.guided_by', 'leading_accounts.name']).execute();
  expect(stored).toEqual([{ head_name: 'Vi Văn Lợi', guided_by: 'leading', name: 'Hoàng Thị Nhung' }]);

  await dash.reload();
  await expect(row.locator('td')).toHaveText(['Hoàng Thị Nhung', 'Xã Nhạc Kỳ (Huyện Văn Lãng)', 'langson.voso.vn/shop/na-nha-nhung', '1', '0', '0', 'Bán na Chi Lăng trên Voso từ 2020, hướng dẫn nhiều hộ trong thôn.', 'Cho thôi']);
});
