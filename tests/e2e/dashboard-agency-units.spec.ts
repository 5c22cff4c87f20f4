import { test, expect } from './fixtures';
import { expectAccessible, signIn } from './dashboard-helpers';
import { enrolAndSubmit } from './collector-api';
import { createAgencyFocalPoint, createProvinceUser, sampleOrder, testPassword } from '../../server/testing/seed';

// Issue 10 item 4 on screen: a district People's Committee manages its sub-units, makes a code for one commune,
// and its report page shows the figures by sub-unit once someone of that commune buys.

// A collector of its own: its figures and sub-units are all of UBND huyện Đình Lập's.
test("a district People's Committee manages its sub-units and sees its figures by them", async ({ browser, ownCollector: collector }) => {
  const focal = await createAgencyFocalPoint(collector.db, 'UBND-189');
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${collector.url}/bang-dieu-khien/don-vi-truc-thuoc`);
  await signIn(page, focal.username, testPassword);
  await expect(page.getByRole('heading', { name: 'Đơn vị trực thuộc' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Các đơn vị trực thuộc' });
  // Huyện Đình Lập's twelve communes and towns, from the region data.
  await expect(table.locator('tbody tr')).toHaveCount(12);
  await expect(table.getByRole('row', { name: /Xã Bắc Xa/ })).toContainText('Xã, phường, thị trấn');

  // Adds its department; the same name again is refused in Vietnamese.
  const name = page.getByLabel('Tên đơn vị mới (phòng, trường, trung tâm…)');
  await name.fill('Phòng Giáo dục và Đào tạo');
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã thêm đơn vị “Phòng Giáo dục và Đào tạo”.' })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(13);
  await name.fill('phòng giáo dục và đào tạo');
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(page.getByText('Cơ quan đã có đơn vị trực thuộc mang tên này.')).toBeVisible();

  // Renames it, then deletes it (nobody is in it).
  await page.getByRole('button', { name: 'Đổi tên Phòng Giáo dục và Đào tạo' }).click();
  await page.getByLabel('Tên mới').fill('Phòng GD&ĐT huyện');
  await page.getByRole('button', { name: 'Lưu tên' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã đổi tên “Phòng Giáo dục và Đào tạo” thành “Phòng GD&ĐT huyện”.' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Xóa Phòng GD&ĐT huyện' }).click();
  await page.getByRole('group', { name: /Xóa đơn vị “Phòng GD&ĐT huyện”/ }).getByRole('button', { name: 'Xóa', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã xóa đơn vị “Phòng GD&ĐT huyện”.' })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(12);

  // A code for Xã Bắc Xa: its card names the commune.
  await page.getByRole('link', { name: 'Mã đăng ký' }).click();
  await page.getByLabel('Số mã cần cấp').fill('1');
  await page.getByLabel('Đơn vị trực thuộc của người đăng ký').selectOption({ label: 'Xã Bắc Xa' });
  await page.getByRole('button', { name: 'Cấp mã' }).click();
  await expect(page.getByRole('heading', { name: 'Phiếu mã đăng ký (1 mã)' })).toBeVisible();
  const card = page.locator('.dash-qr-card');
  await expect(card).toContainText('Xã Bắc Xa');
  const code = (await card.locator('.code').textContent())!;

  // Someone of Xã Bắc Xa enrols with it and buys (Hồi khô 2 × 120.000 đ; the cloth bag is not a farm product).
  expect((await enrolAndSubmit(collector, code, 'Hoàng Văn Xa', [sampleOrder()])).map((r) => r.status)).toEqual(['accepted']);

  await page.goto(`${collector.url}/bang-dieu-khien/bao-cao?dot=2021-dot-1`);
  const figures = page.getByRole('table', { name: 'Số liệu hiện tại theo đơn vị trực thuộc' });
  await expect(figures.getByRole('row', { name: /Xã Bắc Xa/ })).toContainText(/Xã Bắc Xa\s*1\s*1\s*240\.000/);
  await expect(figures.getByRole('row', { name: /Không thuộc đơn vị trực thuộc nào/ })).toContainText(/0\s*0\s*0/);
  await expect(figures.locator('tfoot')).toContainText(/Tổng cộng\s*1\s*1\s*240\.000/);
  await expect(page.getByRole('button', { name: 'Tải CSV theo đơn vị trực thuộc' })).toBeVisible();
  await expectAccessible(page);

  // Sở TT&TT sees the same sub-units from its list of agencies, with the person in Xã Bắc Xa.
  const province = await createProvinceUser(collector.db);
  const provincePage = await (await browser.newContext()).newPage();
  await provincePage.goto(`${collector.url}/bang-dieu-khien/co-quan`);
  await signIn(provincePage, province.username, testPassword);
  await provincePage.getByRole('button', { name: 'Xem đơn vị trực thuộc của UBND huyện Đình Lập' }).click();
  await expect(provincePage.getByRole('heading', { name: 'Đơn vị trực thuộc UBND huyện Đình Lập' })).toBeVisible();
  const theirs = provincePage.getByRole('table', { name: 'Các đơn vị trực thuộc' });
  await expect(theirs.locator('tbody tr')).toHaveCount(12);
  await expect(theirs.getByRole('row', { name: /Xã Bắc Xa/ })).toContainText(/Xã Bắc Xa\s*Xã, phường, thị trấn\s*1\s*Đang hoạt động/);
});
