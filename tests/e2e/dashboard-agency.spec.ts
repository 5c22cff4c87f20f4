import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { desktop, expectAccessible, keepScreenshot, signIn } from './dashboard-helpers';
import { enrolAndSubmit } from './collector-api';
import { createAgencyFocalPoint, createEnrolmentCode, sampleOrder, testPassword } from '../../server/testing/seed';

// An agency focal point's whole period, against the real collector: codes → staff enrol and submit through
// the API → review → report submitted and locked → XLSX and CSV downloaded and read back cell by cell.

async function saved(page: Page, click: () => Promise<void>): Promise<{ download: Download; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download, path: (await download.path())! };
}

// A collector of its own: the figures, the participants and the report are all of Sở Nội vụ's, whom other specs enrol.
test('agency issues codes, reviews doubtful entries, submits its report and exports it', async ({ browser, ownCollector: collector }) => {
  // A whole period with an axe check on each of its seven screens: longer than the default minute on a shared machine.
  test.setTimeout(120_000);
  const focal = await createAgencyFocalPoint(collector.db, 'SNV');
  const context = await browser.newContext({ ...desktop, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${collector.url}/bang-dieu-khien/ma-dang-ky`);
  await signIn(page, focal.username, testPassword);
  await expect(page.getByRole('heading', { name: 'Báo cáo của Sở Nội vụ tỉnh Lạng Sơn' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mã đăng ký cho cán bộ' })).toBeVisible();

  // Issue four codes for one room; the printable sheet shows each with its QR and expiry.
  await page.getByLabel('Số mã cần cấp').fill('4');
  await page.getByLabel('Ghi chú (phòng, bộ phận…)').fill('Phòng Tổ chức');
  await page.getByRole('button', { name: 'Cấp mã' }).click();
  // The sheet replaces the form: its heading takes focus; the outcome is said on it.
  await expect(page.getByRole('heading', { name: 'Phiếu mã đăng ký (4 mã)' })).toBeFocused();
  await expect(page.locator('main').getByRole('status')).toHaveText(/^Đã cấp 4 mã, hạn dùng đến \d{2}\/\d{2}\/\d{4}\.$/);
  await expect(page.locator('.dash-qr-card svg')).toHaveCount(4);
  // Each slip names the agency in full and says where to get the extension, and the phone page of this collector.
  await expect(page.locator('.dash-qr-card .agency')).toHaveText(Array(4).fill('Sở Nội vụ tỉnh Lạng Sơn'));
  await expect(page.locator('.dash-qr-card').first().locator('.how li')).toHaveText([
    'Máy tính (Chrome, Edge, Cốc Cốc): cài tiện ích “Nông sản số” từ Chrome Web Store (chromewebstore.google.com, tìm “Nông sản số”).',
    'Firefox (máy tính, điện thoại Android): cài từ addons.mozilla.org (tìm “Nông sản số”).',
    `Mua bằng app trên điện thoại: khai báo đơn tại ${new URL(collector.url).host}/khai-bao.`,
    'Mở tiện ích hoặc trang khai báo, chọn “Đăng ký”, nhập mã này và họ tên của bạn.',
  ]);
  await keepScreenshot(page, 'agency-code-sheet');
  const codes = await page.locator('.dash-qr-card .code').allTextContents();
  expect(codes.every((c) => /^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(c))).toBe(true);
  await expect(page.locator('.dash-qr-card').first()).toContainText('Hạn dùng đến');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Quay lại danh sách mã' }).click();

  // Revoke the fourth: the collector refuses it afterwards.
  await page.getByRole('button', { name: `Thu hồi mã ${codes[3]}` }).click();
  const asked = page.getByRole('group', { name: `Thu hồi mã ${codes[3]}? Người đã đăng ký bằng mã này vẫn giữ tài khoản.` });
  await expect(asked).toBeFocused();
  await asked.getByRole('button', { name: 'Thu hồi', exact: true }).click();
  // Said in the code's own row, and focused there (the confirmation that had focus is gone).
  const revokedLine = page.getByRole('row', { name: new RegExp(codes[3]) }).getByRole('status');
  await expect(revokedLine).toHaveText(`Đã thu hồi mã ${codes[3]}.`);
  await expect(revokedLine).toBeFocused();
  await expect(revokedLine).toBeInViewport();
  await expectAccessible(page);
  const revoked = await fetch(`${collector.url}/api/enrolment-codes/${codes[3]}`);
  expect(revoked.status).toBe(404);

  // Three people enrol with the codes and send orders through the staff API.
  const shared = `VS${Date.now()}`;
  expect((await enrolAndSubmit(collector, codes[0], 'Nguyễn Văn An', [sampleOrder({ orderCode: shared })]))[0].status).toBe('accepted');
  const manual = sampleOrder({
    marketplace: 'postmart',
    orderCode: null,
    source: 'manual',
    items: [{ name: 'Na Chi Lăng hộp 2kg', quantity: 3, unitPrice: 150_000, lineTotal: 450_000, shop: 'HTX Na Chi Lăng', productUrl: null, weightGrams: 2000, isFarmProduct: true, excluded: false }],
    shippingFee: 0,
    total: 450_000,
  });
  expect((await enrolAndSubmit(collector, codes[1], 'Hoàng Thị Đào', [manual]))[0].status).toBe('accepted');
  expect((await enrolAndSubmit(collector, codes[2], 'Lê Văn Bình', [sampleOrder({ orderCode: shared })]))[0].status).toBe('flagged');

  // Who has taken part, searched without diacritics. No period runs today (the pack's 2021 one is over): the
  // agency picks it.
  await page.getByRole('link', { name: 'Người tham gia' }).click();
  await page.getByLabel('Đợt báo cáo').selectOption('2021-dot-1');
  await expect(page.getByText('1 trong 3 cán bộ đã đăng ký có mua nông sản trong đợt này.')).toBeVisible();
  // Sorting works from the keyboard: the column header is a button.
  const people = page.getByRole('table', { name: 'Cán bộ đã đăng ký và số liệu trong đợt' });
  await people.getByRole('button', { name: /^Số tiền/ }).focus();
  await page.keyboard.press('Enter');
  await expect(people.getByRole('columnheader', { name: /^Số tiền/ })).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('Enter');
  await expect(people.getByRole('columnheader', { name: /^Số tiền/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(people.locator('tbody tr').first()).toContainText('Hoàng Thị Đào');
  // An's and Bình's orders wait for review (0 ₫ each): equal rows keep their order (participants first, then by name).
  await expect(people.locator('tbody tr').last()).toContainText('Nguyễn Văn An');
  await page.getByLabel('Tìm theo tên (không cần gõ dấu)').fill('hoang thi dao');
  await expect(page.locator('.data-table tbody tr')).toHaveCount(1);
  await expect(page.locator('.data-table tbody tr')).toContainText('Hoàng Thị Đào');
  // Three people fit on one page: no pager.
  await expect(page.getByRole('navigation', { name: /^Các trang của bảng/ })).toHaveCount(0);
  await expectAccessible(page);
  await keepScreenshot(page, 'agency-participants');

  // Review: the order claimed twice is one card naming both people, and the tab counts it once.
  const reviewTab = page.getByRole('navigation', { name: 'Các trang của cơ quan' }).getByRole('link', { name: /^Đơn cần xem xét/ });
  await expect(reviewTab).toHaveText('Đơn cần xem xét (1)');
  await reviewTab.click();
  await expect(page.locator('.dash-review-card')).toHaveCount(1);
  await expect(page.locator('.dash-review-card h3')).toHaveText(`Voso ${shared} — 2 người cùng khai: Nguyễn Văn An, Lê Văn Bình`);
  await expect(page.getByText('2 đơn, trong đó 1 đơn trên sàn được nhiều người cùng khai (mỗi đơn một thẻ).')).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, 'agency-review-double-claim');
  const claim = (name: string) => page.locator('.dash-claim').filter({ has: page.getByRole('heading', { name: new RegExp(`^${name}`) }) });
  const card = (name: string) => page.locator('.dash-review-card').filter({ has: page.getByRole('heading', { name: new RegExp(`^${name}`) }) });
  const bình = claim('Lê Văn Bình');
  await bình.getByRole('button', { name: /^Không tính/ }).click();
  await expect(bình.getByRole('alert')).toHaveText('Cần ghi lý do không tính để người khai biết.');
  await bình.getByLabel(/Ghi chú của cán bộ đầu mối/).fill('Đơn của anh An, anh Bình nhận hộ.');
  await bình.getByRole('button', { name: /^Không tính/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã ghi không tính đơn Voso ${shared} của Lê Văn Bình; người khai sẽ thấy lý do.` })).toBeFocused();
  // An's claim is left alone on its card, which still says who else claimed the order.
  await expect(page.locator('.dash-review-card')).toHaveCount(1);
  await expect(card('Nguyễn Văn An')).toContainText('Cùng đơn này cũng được khai bởi: Lê Văn Bình (Sở Nội vụ tỉnh Lạng Sơn)');
  await card('Nguyễn Văn An').getByRole('button', { name: /^Tính/ }).click();
  await expect(page.getByText('Không có đơn nào ở mục này.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Đã tính đơn Voso ${shared} của Nguyễn Văn An.` })).toBeFocused();
  await expect(reviewTab).toHaveText('Đơn cần xem xét (0)');
  await page.getByLabel('Tự khai').check();
  await expect(page.locator('.dash-review-card')).toHaveCount(1);
  await expect(page.locator('.dash-review-card')).toContainText('Hoàng Thị Đào');
  await expectAccessible(page);

  // Bình asks why his order does not count: his orders, with the focal point's note.
  await page.getByRole('link', { name: 'Người tham gia' }).click();
  await page.getByRole('button', { name: 'Xem đơn của Lê Văn Bình' }).click();
  // The list opens under the table: its heading takes focus and is scrolled to.
  const ordersHeading = page.getByRole('heading', { name: 'Đơn hàng của Lê Văn Bình' });
  await expect(ordersHeading).toBeFocused();
  await expect(ordersHeading).toBeInViewport();
  const bìnhOrders = page.getByRole('table', { name: /^Các đơn Lê Văn Bình đã gửi/ });
  await expect(bìnhOrders.locator('tbody tr td')).toHaveText(['20/08/2021', 'Voso', shared, 'Tiện ích ghi nhận', 'Không tính — Đơn của anh An, anh Bình nhận hộ.', '240.000 ₫']);
  await expectAccessible(page);
  await keepScreenshot(page, 'agency-person-orders');
  // Closing it gives focus back to the button that opened it.
  await page.getByRole('button', { name: 'Đóng' }).click();
  await expect(page.getByRole('button', { name: 'Xem đơn của Lê Văn Bình' })).toBeFocused();

  // Bình's computer is lost: the focal point revokes him (after a confirmation); his extension stops, his orders stay.
  const revokeClicked = Date.now();
  await page.getByRole('button', { name: 'Thu hồi quyền của Lê Văn Bình' }).click();
  await page.getByRole('button', { name: 'Thu hồi', exact: true }).click();
  await expect(page.getByRole('row', { name: /Lê Văn Bình/ }).getByRole('status')).toHaveText('Đã thu hồi quyền gửi đơn của Lê Văn Bình. Các đơn đã gửi vẫn giữ nguyên.');
  await expect(page.getByRole('row', { name: /Lê Văn Bình/ })).toContainText('Đã thu hồi');
  const bìnhRow = await collector.db.selectFrom('staff').select(['id', 'revoked_at']).where('full_name', '=', 'Lê Văn Bình').executeTakeFirstOrThrow();
  // Revoked by this click: its time lies between the click and now.
  const revokedAt = new Date(bìnhRow.revoked_at!).getTime();
  expect(revokedAt).toBeGreaterThanOrEqual(revokeClicked - 1000);
  expect(revokedAt).toBeLessThanOrEqual(Date.now());
  expect(await collector.db.selectFrom('staff_orders').select('id').where('staff_id', '=', bìnhRow.id).execute()).toHaveLength(1);

  // "Hôm nay": where the agency stands in the period and what to do next (no headcount yet, report overdue).
  await page.getByRole('link', { name: 'Hôm nay' }).click();
  await expect(page.getByRole('heading', { name: /^Hôm nay \d{2}\/\d{2}\/\d{4}: Đợt 1 năm 2021$/ })).toBeVisible();
  await expect(page.getByText(/^Hạn báo cáo 30\/09\/2021: đã quá hạn \d+ ngày\. Cơ quan chưa gửi báo cáo của đợt này\.$/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Cơ quan đến hôm nay' }).locator('li')).toHaveText([
    'Số CB, CC, VC, NLĐ tham gia2chưa có tổng số CB, CC, VC, NLĐ của cơ quan để tính tỷ lệ',
    'Số lượng mặt hàng nông sản2',
    'Số tiền mua (đồng)690.000 ₫',
  ]);
  const steps = page.locator('.dash-steps li');
  await expect(steps).toHaveText([
    'Nhập tổng số CB, CC, VC, NLĐ của cơ quan: tỷ lệ tham gia của cơ quan được tính trên số này. Nhập tổng số',
    /^Gửi báo cáo của cơ quan cho Sở TT&TT \(đã quá hạn \d+ ngày\)\. Gửi báo cáo$/,
  ]);
  await expectAccessible(page);
  await keepScreenshot(page, 'co-quan-hom-nay');

  // The tally, then submit: confirmation, locked version 1 with who and when, marked late (the first period ended in 2021).
  await steps.getByRole('link', { name: 'Nhập tổng số' }).click();
  // The agency enters its own headcount, the base of its participation rate.
  await page.getByLabel('Tổng số CB, CC, VC, NLĐ (kể cả cấp xã) của cơ quan').fill('80');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu tổng số CB, CC, VC, NLĐ của cơ quan: 80 người.' })).toBeVisible();
  const cards = page.getByRole('list', { name: 'Số liệu hiện tại của cơ quan' });
  await expect(cards).toContainText('Số CB, CC, VC, NLĐ tham gia2');
  await expect(cards).toContainText('Số lượng mặt hàng nông sản2');
  await expect(cards).toContainText('Số lượng5');
  await expect(cards).toContainText('Số tiền mua (đồng)690.000 ₫');
  await expect(cards).toContainText('Ước tính khối lượng7 kg');
  await page.getByRole('button', { name: 'Gửi báo cáo cho Sở' }).click();
  await expect(page.getByRole('group', { name: 'Xác nhận gửi báo cáo' })).toContainText('2 người tham gia, 2 mặt hàng, 690.000 ₫, khoảng 7 kg');
  await expect(page.getByRole('group', { name: 'Xác nhận gửi báo cáo' })).toContainText('nộp muộn');
  await page.getByRole('button', { name: 'Xác nhận gửi' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã gửi báo cáo lần 1' })).toContainText('(nộp muộn). Số liệu đã được khóa; tải văn bản báo cáo (Word) ở bảng các lần đã gửi.');
  const versions = page.getByRole('table', { name: 'Các lần đã gửi (số liệu đã khóa)' });
  await expect(versions.locator('tbody tr')).toHaveCount(1);
  await expect(versions.locator('tbody tr')).toContainText('Đầu mối SNV');
  await expect(versions.locator('tbody tr')).toContainText('Muộn');
  await expectAccessible(page);

  // XLSX: read back cell by cell.
  const xlsx = await saved(page, () => page.getByRole('button', { name: 'Tải Excel (XLSX)' }).click());
  expect(xlsx.download.suggestedFilename()).toMatch(/^bao-cao-SNV-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.getByRole('status').filter({ hasText: /Đã tải xong bao-cao-SNV-.*\.xlsx/ })).toBeVisible();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx.path);
  const summary = wb.getWorksheet('Tổng hợp')!;
  const header = summary.getRow(5).values as unknown[];
  expect(header.slice(1)).toEqual(['Cơ quan, đơn vị', 'Tổng số CB, CC, VC, NLĐ (kể cả cấp xã)', 'Số CB, CC, VC, NLĐ tham gia', 'Tỷ lệ tham gia', 'Số đơn hàng', 'Số lượng mặt hàng nông sản', 'Số lượng (đơn vị)', 'Số tiền mua (đồng)', 'Ước tính khối lượng (kg)']);
  expect((summary.getRow(6).values as unknown[]).slice(1)).toEqual(['Sở Nội vụ tỉnh Lạng Sơn', 80, 2, 0.025, 2, 2, 5, 690000, 7]);
  const sheet = wb.getWorksheet('Người tham gia')!;
  expect((sheet.getRow(6).values as unknown[]).slice(1)).toEqual([1, 'Hoàng Thị Đào', 1, 1, 3, 450000, 6, 1]);
  expect((sheet.getRow(7).values as unknown[]).slice(1)).toEqual([2, 'Nguyễn Văn An', 1, 1, 2, 240000, 1, 0]);
  expect((sheet.getRow(8).values as unknown[]).slice(1)).toEqual([undefined, 'Tổng cộng (2 người)', 2, 2, 5, 690000, 7, 1]);
  expect(sheet.getCell('F6').numFmt).toBe('#,##0 "₫"');

  // CSV: UTF-8 with BOM, the participants table with its totals row.
  const csv = await saved(page, () => page.getByRole('button', { name: 'Tải CSV' }).click());
  expect(csv.download.suggestedFilename()).toMatch(/^bao-cao-SNV-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(csv.path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.slice(1).split('\r\n')).toEqual([
    'STT,Họ và tên,Số đơn hàng,Số lượng mặt hàng nông sản,Số lượng (đơn vị),Số tiền mua (đồng),Ước tính khối lượng (kg),Đơn tự khai',
    '1,Hoàng Thị Đào,1,1,3,450000,6,1',
    '2,Nguyễn Văn An,1,1,2,240000,1,0',
    ',Tổng cộng (2 người),2,2,5,690000,7,1',
    '',
  ]);

  // An item sent as a farm product that the collector's classifier does not count: the focal point decides, with why.
  const shoes = { name: 'Giày cỏ gianh thủ công', quantity: 1, unitPrice: 300_000, lineTotal: 300_000, shop: 'HTX Cỏ Gianh', productUrl: null, weightGrams: null, isFarmProduct: true, excluded: false };
  expect((await enrolAndSubmit(collector, await createEnrolmentCode(collector.db, 'SNV'), 'Vi Thị Gianh', [sampleOrder({ items: [shoes], shippingFee: 20_000, total: 320_000 })]))[0].status).toBe('accepted');
  await page.getByRole('navigation', { name: 'Các trang của cơ quan' }).getByRole('link', { name: /^Đơn cần xem xét/ }).click();
  await page.getByLabel('Máy chủ ghi chú, phân loại sản phẩm').check();
  const gianh = card('Vi Thị Gianh');
  await expect(gianh).toContainText('Mã 422.12:');
  await expect(gianh).toContainText('Giày cỏ gianh thủ công — 1 × 300.000 ₫ = 300.000 ₫ · HTX Cỏ Gianh · không phải nông sản — máy chủ phân loại không phải nông sản, khác với tiện ích');
  await gianh.getByRole('button', { name: 'Sửa phân loại "Giày cỏ gianh thủ công": là nông sản' }).click();
  await gianh.getByRole('button', { name: 'Xác nhận: là nông sản' }).click();
  await expect(gianh.getByRole('alert')).toHaveText('Cần ghi lý do để người mua và Sở biết vì sao.');
  await gianh.getByLabel('Lý do').fill('Dệt từ cỏ gianh của HTX, sản phẩm OCOP.');
  await gianh.getByRole('button', { name: 'Xác nhận: là nông sản' }).click();
  await expect(gianh).toContainText(/tính là nông sản — cơ quan xác định là nông sản \(Đầu mối SNV, \d{2}\/\d{2}\/\d{4}: Dệt từ cỏ gianh của HTX, sản phẩm OCOP\.\)/);
  await expectAccessible(page);
  await context.close();
});
