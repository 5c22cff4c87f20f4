import { test, expect } from './fixtures';
import { createProvinceAdmin, desktop, expectAccessible, keepScreenshot, signIn } from './dashboard-helpers';
import { formatDate } from '../../lib/format';
import { vietnamToday } from '../../lib/periods';

// Fresh install: the first province account comes from `npm run admin`, then everything happens in the browser.

// A collector of its own: the first screen is a fresh install's (only the pack's period, none running today).
test('province admin from the command line signs in, survives an expired session on the same page, signs out', async ({ browser, ownCollector: collector }) => {
  const out = createProvinceAdmin(collector, 'so.tttt', 'mat-khau-rat-dai-2021');
  expect(out).toContain('so.tttt');

  // The collector forgets this person's sessions (as after a password reset), other tests' tokens untouched.
  const endSessions = async () => {
    const user = await collector.db.selectFrom('users').select('id').where('username', '=', 'so.tttt').executeTakeFirstOrThrow();
    await collector.db.updateTable('tokens').set({ revoked_at: new Date().toISOString() }).where('subject_id', '=', user.id).execute();
  };
  const context = await browser.newContext(desktop);
  const page = await context.newPage();
  await page.goto(`${collector.url}/bang-dieu-khien`);
  await expect(page.getByRole('heading', { name: 'Đăng nhập trang báo cáo' })).toBeVisible();
  await expectAccessible(page);

  await signIn(page, 'so.tttt', 'sai-mat-khau-roi');
  await expect(page.getByRole('alert')).toHaveText('Sai tên đăng nhập hoặc mật khẩu. [401.2]');
  await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('so.tttt');

  await signIn(page, 'SO.TTTT', 'mat-khau-rat-dai-2021');
  await expect(page.getByRole('heading', { name: /Sở Thông tin và Truyền thông/ })).toBeVisible();
  await expect(page.getByText('Trần Thị Sở — Sở Thông tin và Truyền thông')).toBeVisible();

  // The first screen is "Hôm nay". The shipped pack's only period is Đợt 1 năm 2021, long over: no agency is shown
  // as overdue for it; the province is told to create the current period, with the link to do it.
  const today = formatDate(vietnamToday());
  const year = vietnamToday().slice(0, 4);
  await expect(page.getByRole('link', { name: 'Hôm nay' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText(`Hôm nay (${today}) không có đợt vận động nào đang diễn ra, nên chưa có gì để tổng hợp.`)).toBeVisible();
  await expect(page.getByText('Quá hạn')).toHaveCount(0);
  await expect(page.getByLabel('Đợt báo cáo')).toHaveValue('');
  await expectAccessible(page);
  await keepScreenshot(page, 'so-hom-nay-chua-co-dot');

  // Go to a sub-page, then let the collector forget the session: the page stays, a sign-in dialog covers it.
  await page.getByRole('link', { name: 'Tạo đợt vận động mới' }).click();
  await expect(page).toHaveURL(/\/bang-dieu-khien\/dot/);
  // The form proposes a period from today (the first of this year), not 2021 dates.
  await expect(page.getByLabel('Tên đợt')).toHaveValue(`Đợt 1 năm ${year}`);
  await expect(page.getByLabel('Từ ngày (dd/mm/yyyy)')).toHaveValue(today);
  await page.getByLabel('Tên đợt').fill('Đợt 2 năm 2021');
  await page.getByLabel('Từ ngày (dd/mm/yyyy)').fill('01/10/2021');
  await page.getByLabel('Đến ngày (dd/mm/yyyy)').fill('31/12/2021');
  await page.getByLabel('Hạn báo cáo (dd/mm/yyyy)').fill('31/02/2022');
  await page.getByRole('button', { name: 'Thêm đợt' }).click();
  await expect(page.getByRole('alert')).toHaveText(`Ngày cần theo dạng dd/mm/yyyy, ví dụ ${today}.`);
  await page.getByLabel('Hạn báo cáo (dd/mm/yyyy)').fill('05/01/2022');
  await endSessions();
  await page.getByRole('button', { name: 'Thêm đợt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Đăng nhập lại' });
  await expect(dialog.getByText('Phiên đăng nhập đã hết hạn')).toBeVisible();
  await signIn(page, 'so.tttt', 'mat-khau-rat-dai-2021');
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\/bang-dieu-khien\/dot/);
  await expect(page.getByLabel('Tên đợt')).toHaveValue('Đợt 2 năm 2021');
  await page.getByRole('button', { name: 'Thêm đợt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã thêm Đợt 2 năm 2021.' })).toBeVisible();
  const second = page.getByRole('table', { name: 'Các đợt' }).locator('tbody tr').nth(1);
  await expect(second.locator('th, td')).toHaveText(['Đợt 2 năm 2021', '01/10/2021', '31/12/2021', '05/01/2022', 'Sửa']);
  // The deadline moves: edited in place.
  await page.getByRole('button', { name: 'Sửa Đợt 2 năm 2021' }).click();
  // The form it fills is under the table: its first field takes focus there.
  await expect(page.getByLabel('Tên đợt')).toBeFocused();
  // The period's plausibility limits, defaults first; saved on their own.
  await expect(page.getByLabel('Số đơn tối đa mỗi người')).toHaveValue('30');
  await expect(page.getByLabel('Số tiền nông sản tối đa mỗi người (₫)')).toHaveValue('20.000.000');
  await page.getByLabel('Số tiền nông sản tối đa mỗi người (₫)').fill('15.000.000');
  await page.getByRole('button', { name: 'Lưu ngưỡng' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu ngưỡng của Đợt 2 năm 2021' })).toBeVisible();
  await expect(page.getByLabel('Hạn báo cáo (dd/mm/yyyy)')).toHaveValue('05/01/2022');
  await page.getByLabel('Hạn báo cáo (dd/mm/yyyy)').fill('10/01/2022');
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu Đợt 2 năm 2021.' })).toBeInViewport();
  await expect(second.locator('td').nth(2)).toHaveText('10/01/2022');
  await expectAccessible(page);

  // Coming back to the tab after the session ended elsewhere shows the same dialog.
  await endSessions();
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(dialog).toBeVisible();
  await signIn(page, 'so.tttt', 'mat-khau-rat-dai-2021');
  await expect(dialog).toHaveCount(0);

  // A reload keeps the session for this tab.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Đợt vận động và hạn báo cáo' })).toBeVisible();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập trang báo cáo' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Đăng nhập trang báo cáo' })).toBeVisible();
  await context.close();
});
