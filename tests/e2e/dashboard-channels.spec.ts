import { test, expect } from './fixtures';
import { expectAccessible, signIn } from './dashboard-helpers';
import { createDistrictUser, createProvinceUser, testPassword } from '../../server/testing/seed';

// Bắc Sơn's district account imports Viettel Post's list in the browser: the preview names each row's problem,
// the columns are picked once, the import counts the households, the same file again has nothing new; the province
// puts Bắc Sơn in phase 1 (20/9/2021) and sees it late.

const vosoCsv = [
  'Địa bàn;Người đăng ký;Điện thoại;Mã shop;Đã mở shop;Ví;SP',
  'Xã Long Đống;Hà Văn Tú;0977204310;VS1;có;có;3',
  'long dong;Nông Thị Lan;0977204311;VS2;có;;2',
  'Xã Long Đống;;0977204312;VS3;có;có;1',
  // Thất Khê is Tràng Định's: not Bắc Sơn's to import.
  'Thị trấn Thất Khê;Lý Văn Ba;0977204313;VS4;có;có;1',
].join('\r\n');

// A collector of its own: Long Đống's figures count every household of the commune; the phases are the province's.
test('a district imports an operator\'s list and follows its communes; the province sets the phases', async ({ browser, ownCollector: collector }) => {
  // Two sign-ins and three accessibility checks: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  await collector.db.updateTable('communes').set({ household_count: 4 }).where('code', '=', '06328').execute();
  const bacSon = await createDistrictUser(collector.db, '185');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${collector.url}/bang-dieu-khien/danh-sach-san`);
  await signIn(page, bacSon.username, testPassword);

  await page.getByLabel('Đơn vị gửi danh sách').selectOption('voso');
  await page.getByLabel('Tệp danh sách').setInputFiles({ name: 'voso-bac-son.csv', mimeType: 'text/csv', buffer: Buffer.from(vosoCsv, 'utf8') });
  // These headers are not the usual names: nothing can be read until the columns are picked.
  await expect(page.getByRole('alert').filter({ hasText: 'Chọn cột xã và cột họ tên chủ hộ' })).toBeVisible();
  await page.getByLabel('Xã, phường, thị trấn (tên hoặc mã) (bắt buộc)').selectOption('Địa bàn');
  await page.getByLabel('Họ tên chủ hộ (bắt buộc)').selectOption('Người đăng ký');
  await page.getByLabel('Số điện thoại').selectOption('Điện thoại');
  await page.getByLabel('Mã cửa hàng của sàn').selectOption('Mã shop');
  await page.getByLabel('Cửa hàng đã mở (đường dẫn, ngày hoặc “có”)').selectOption('Đã mở shop');
  await page.getByLabel('Tài khoản thanh toán đã mở (số tài khoản, ngày hoặc “có”)').selectOption('Ví');
  await page.getByLabel('Số sản phẩm đã đăng').selectOption('SP');
  await page.getByRole('button', { name: 'Lưu cách đọc cột' }).click();
  await expect(page.getByText('Xem trước: 4 dòng — 2 hộ mới, 0 hộ cập nhật, 0 hộ không đổi, 2 dòng không nhận.')).toBeVisible();
  const problems = page.getByRole('table', { name: /Các dòng có vấn đề/ }).locator('tbody tr');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0).locator('td')).toHaveText(['4', 'Thiếu họ tên chủ hộ. [400.63]', 'không nhận']);
  await expect(problems.nth(1).locator('td')).toHaveText(['5', 'Xã này không thuộc huyện của tài khoản. [403.60]', 'không nhận']);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Nhập 2 hộ' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhập voso-bac-son.csv: 2 hộ mới, 0 hộ cập nhật, 0 hộ không đổi, 2 dòng không nhận.' })).toBeVisible();

  // The same file again: nothing new, nothing to import.
  await page.getByLabel('Tệp danh sách').setInputFiles({ name: 'voso-bac-son.csv', mimeType: 'text/csv', buffer: Buffer.from(vosoCsv, 'utf8') });
  await expect(page.getByText('Xem trước: 4 dòng — 0 hộ mới, 0 hộ cập nhật, 2 hộ không đổi, 2 dòng không nhận.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Không có gì mới để nhập' })).toBeDisabled();

  // Progress: Long Đống has 2 shops, 1 with a payment account too (1 of 4 = 25%), 5 products, all Viettel Post's.
  await page.getByRole('link', { name: 'Tiến độ các xã' }).click();
  await page.getByLabel('Tìm xã hoặc huyện (không cần gõ dấu)').fill('long dong');
  const row = page.getByRole('table', { name: 'Theo xã' }).locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td')).toHaveText(['Xã Long Đống', 'Huyện Bắc Sơn', '4', '0', '2', '1', '5', /^25% \(còn thiếu 25%\)/, '0 / 0 / 0', '0 / 0 / 0', '2 / 1 / 5', '—']);
  // A district account sees its own district only.
  await expect(page.getByRole('table', { name: 'Theo huyện' }).locator('tbody tr')).toHaveCount(1);
  await context.close();

  // The province puts Bắc Sơn in phase 1 of 2021: its deadline passed below the target.
  const province = await createProvinceUser(collector.db);
  const provinceContext = await browser.newContext();
  const p = await provinceContext.newPage();
  await p.goto(`${collector.url}/bang-dieu-khien/giai-doan`);
  await signIn(p, province.username, testPassword);
  await p.getByLabel('Tên giai đoạn').fill('Giai đoạn 1 năm 2021');
  await p.getByLabel('Hạn đạt mục tiêu').fill('20/09/2021');
  await p.getByLabel('Huyện Bắc Sơn').check();
  await p.getByRole('button', { name: 'Lưu giai đoạn' }).click();
  await expect(p.getByRole('status').filter({ hasText: 'Đã lưu Giai đoạn 1 năm 2021.' })).toBeVisible();
  await p.getByRole('link', { name: 'Hộ đăng ký theo xã' }).click();
  const district = p.getByRole('table', { name: 'Theo huyện' }).getByRole('row', { name: /Huyện Bắc Sơn/ });
  await expect(district).toContainText('Giai đoạn 1 năm 2021: 20/09/2021');
  await expect(district).toContainText('Quá hạn, chưa đạt');
  await expectAccessible(p);
  await provinceContext.close();
});
