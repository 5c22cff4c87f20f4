import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { test, expect, startTestCollector } from './fixtures';
import { createProvinceAdmin, desktop, expectAccessible, keepScreenshot, signIn } from './dashboard-helpers';
import { enrolAndSubmit } from './collector-api';
import { sampleOrder } from '../../server/testing/seed';
import { readDocx } from '../../server/testing/docx-text';

// "Done when": a fresh install goes from `npm run admin` to an exported province report in the browser.
// Its own collector, so the roll-up holds exactly what this test puts in.

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Các trang của Sở' }).getByRole('link', { name, exact: true });

test('fresh install: province admin from the CLI, accounts, an agency reports, the province rolls up and exports', async ({ browser }) => {
  // Eight screens each checked with axe and kept as screenshots: more than the default minute on a shared machine.
  test.setTimeout(150_000);
  const collector = await startTestCollector();
  try {
    createProvinceAdmin(collector, 'so.tttt', 'mat-khau-rat-dai-2021', 'Trần Thị Sở');
    const province = await browser.newContext({ ...desktop, acceptDownloads: true });
    const page = await province.newPage();
    await page.goto(`${collector.url}/bang-dieu-khien/tai-khoan`);
    await signIn(page, 'so.tttt', 'mat-khau-rat-dai-2021');

    // The province creates the agency focal point's account.
    await expect(page.getByRole('heading', { name: 'Tài khoản' })).toBeVisible();
    const createFocalPoint = async () => {
      await page.getByLabel(/^Tên đăng nhập/).fill('daumoi.stp');
      await page.getByLabel('Họ và tên').fill('Phạm Thị Hoa');
      await page.getByLabel(/^Mật khẩu ban đầu/).fill('mat-khau-dau-moi-1');
      await page.getByRole('combobox', { name: /^Cơ quan/ }).selectOption({ label: 'Sở Tư pháp tỉnh Lạng Sơn' });
      await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    };
    await createFocalPoint();
    await expect(page.getByRole('status').filter({ hasText: 'Đã tạo tài khoản daumoi.stp (Cán bộ đầu mối).' })).toBeVisible();
    await expect(page.getByLabel(/^Tên đăng nhập/)).toHaveValue('');
    await createFocalPoint();
    await expect(page.getByRole('alert')).toHaveText('Chưa tạo được tài khoản: Tên đăng nhập này đã có người dùng. [409.11]');
    await expect(page.getByRole('alert')).toBeInViewport();
    await expect(page.getByLabel('Họ và tên')).toHaveValue('Phạm Thị Hoa');
    await expect(page.getByRole('table', { name: 'Các tài khoản' })).toContainText('Phạm Thị Hoa');
    await expectAccessible(page);

    // Headcount of the agency, found without typing diacritics.
    await tab(page, 'Cơ quan và số CB, CC, VC, NLĐ').click();
    await page.getByLabel('Tìm cơ quan (không cần gõ dấu)').fill('tu phap');
    await expect(page.locator('.data-table tbody tr')).toHaveCount(1);
    await page.getByRole('textbox', { name: 'Tổng số CB, CC, VC, NLĐ (kể cả cấp xã) của Sở Tư pháp tỉnh Lạng Sơn' }).fill('40');
    await page.getByRole('button', { name: 'Lưu tổng số CB, CC, VC, NLĐ của Sở Tư pháp tỉnh Lạng Sơn' }).click();
    // Each outcome is said in the agency's own row, beside the control used.
    const stpRow = page.getByRole('row', { name: /Sở Tư pháp tỉnh Lạng Sơn/ });
    await expect(stpRow.getByRole('status')).toHaveText('Đã lưu tổng số CB, CC, VC, NLĐ của Sở Tư pháp tỉnh Lạng Sơn: 40.');
    await page.getByRole('button', { name: 'Khóa tổng số CB, CC, VC, NLĐ của Sở Tư pháp tỉnh Lạng Sơn' }).click();
    await expect(stpRow.getByRole('status').filter({ hasText: 'Đã khóa tổng số CB, CC, VC, NLĐ của Sở Tư pháp tỉnh Lạng Sơn.' })).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Mở khóa tổng số CB, CC, VC, NLĐ của Sở Tư pháp tỉnh Lạng Sơn' })).toBeVisible();
    await expectAccessible(page);
    await keepScreenshot(page, 'province-agencies');

    // The agency issues codes, two people submit through the staff API, the agency submits its report.
    const agency = await browser.newContext(desktop);
    const ap = await agency.newPage();
    await ap.goto(`${collector.url}/bang-dieu-khien/ma-dang-ky`);
    await signIn(ap, 'daumoi.stp', 'mat-khau-dau-moi-1');
    await ap.getByLabel('Số mã cần cấp').fill('2');
    await ap.getByRole('button', { name: 'Cấp mã' }).click();
    // allTextContents does not wait: the two cards first, as the focal point sees them appear.
    await expect(ap.locator('.dash-qr-card .code')).toHaveCount(2);
    const codes = await ap.locator('.dash-qr-card .code').allTextContents();
    expect(codes).toHaveLength(2);
    await enrolAndSubmit(collector, codes[0], 'Vi Văn Thắng', [sampleOrder()]);
    await enrolAndSubmit(collector, codes[1], 'Lộc Thị Mai', [sampleOrder({ placedAt: '2021-08-21T02:00:00Z' })]);
    await ap.getByRole('link', { name: 'Báo cáo của cơ quan' }).click();
    // No period runs today (the pack's 2021 one is long over): the agency picks it to report on it.
    await expect(ap.getByText(/không có đợt vận động nào đang diễn ra\. Sở Thông tin và Truyền thông sẽ tạo đợt mới/)).toBeVisible();
    await ap.getByLabel('Đợt báo cáo').selectOption('2021-dot-1');
    await ap.getByRole('button', { name: 'Gửi báo cáo cho Sở' }).click();
    // What the báo cáo (Word) prints besides the numbers is entered here and saved with the report.
    await ap.getByLabel(/^Số ký hiệu/).fill('07/BC-STP');
    await ap.getByLabel(/^Chức vụ người ký/).fill('GIÁM ĐỐC');
    await ap.getByLabel('Họ và tên người ký').fill('Hoàng Văn Tư');
    await ap.getByRole('button', { name: 'Xác nhận gửi' }).click();
    await expect(ap.getByRole('status').filter({ hasText: 'Đã gửi báo cáo lần 1' })).toBeVisible();
    const [word] = await Promise.all([ap.waitForEvent('download'), ap.getByRole('button', { name: 'Văn bản Word lần 1' }).click()]);
    expect(word.suggestedFilename()).toBe('bao-cao-STP-2021-dot-1-lan-1.docx');
    const agencyDoc = await readDocx(await readFile((await word.path())!));
    expect(agencyDoc.paragraphs).toContain('Số: 07/BC-STP');
    expect(agencyDoc.paragraphs).toContain('Kính gửi: Sở Thông tin và Truyền thông.');
    expect(agencyDoc.paragraphs.slice(-2)).toEqual(['GIÁM ĐỐC', 'Hoàng Văn Tư']);
    await agency.close();

    // The province roll-up: STP submitted late (the first period ended 30/09/2021), rate against its headcount.
    await tab(page, 'Tổng hợp các cơ quan').click();
    await page.getByLabel('Đợt báo cáo').selectOption('2021-dot-1');
    await expect(page.getByRole('heading', { name: 'Tổng hợp Đợt 1 năm 2021' })).toBeVisible();
    await expect(page.getByText(/: 0 đã nộp đúng hạn, 1 nộp muộn, \d+ chưa nộp/)).toBeVisible();
    // What counts is what the agencies submitted; the live numbers stand beside, labelled "chưa nộp / tạm tính".
    const totals = page.getByRole('list', { name: 'Tổng toàn tỉnh theo báo cáo đã nộp' });
    // 2 of the province's 28.385, said as what it is, to two significant digits (not "0%").
    await expect(totals).toContainText('Số CB, CC, VC, NLĐ tham gia2người tham gia trên 28.385 CB, CC, VC, NLĐ toàn tỉnh: 0,007%');
    await expect(page.getByText('Các cơ quan đã nhập tổng số của mình: 40 người ở 1 trong 42 cơ quan; tỷ lệ của từng cơ quan (bảng dưới) tính trên số của cơ quan đó.', { exact: false })).toBeVisible();
    await expect(totals).toContainText('Số tiền mua (đồng)480.000 ₫');
    await page.getByLabel('Tìm cơ quan (không cần gõ dấu)').fill('so tu phap');
    const row = page.getByRole('table', { name: 'Từng cơ quan' }).locator('tbody tr');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(/Nộp muộn \(lần 1, \d{2}\/\d{2}\/\d{4}\)/);
    await expect(row.locator('td')).toHaveText(['Sở Tư pháp tỉnh Lạng Sơn', /Nộp muộn/, '40', '2', '5%', '2', '4', '480.000 ₫', '2', '2', '480.000 ₫']);
    const rates = page.getByRole('img', { name: /Tỷ lệ cán bộ tham gia theo cơ quan/ });
    await expect(rates).toBeVisible();
    // One agency with a headcount: 2 of 40 = 5%, the axis 0–5% in steps of 1%, so its bar spans the whole 330 px.
    await expect(rates.locator('rect')).toHaveCount(1);
    await expect(rates.locator('rect')).toHaveAttribute('width', '330');
    await expect(rates.locator('text')).toContainText(['0%', '1%', '2%', '3%', '4%', '5%', 'Sở Tư pháp tỉnh Lạng Sơn', '5%']);
    // An amount and its "₫" never part across lines.
    for (const money of await page.locator('data.money').all()) expect(await money.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
    await keepScreenshot(page, 'so-tong-hop-dot-1-2021');
    await expect(page.getByRole('heading', { name: /Cơ quan chưa bắt đầu \(\d+\)/ })).toBeVisible();
    await expect(page.getByText('Sở Nội vụ tỉnh Lạng Sơn — chưa cấp mã đăng ký nào')).toBeVisible();
    await expectAccessible(page);

    // Export the roll-up and read it back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo tổng hợp (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tong-hop-2021-dot-1-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const ws = wb.worksheets[0];
    // Three caption lines (title, what the figures are, date) above the header.
    expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual(['STT', 'Mã', 'Cơ quan, đơn vị', 'Báo cáo', 'Ngày nộp', 'Tổng số CB, CC, VC, NLĐ (kể cả cấp xã)', 'Số CB, CC, VC, NLĐ tham gia', 'Tỷ lệ tham gia', 'Số đơn hàng', 'Số lượng mặt hàng nông sản', 'Số lượng (đơn vị)', 'Số tiền mua (đồng)', 'Ước tính khối lượng (kg)', 'Số CB, CC, VC, NLĐ tham gia (chưa nộp / tạm tính)', 'Số lượng mặt hàng nông sản (chưa nộp / tạm tính)', 'Số tiền mua (đồng) (chưa nộp / tạm tính)']);
    let stp: unknown[] | null = null;
    let last: unknown[] = [];
    ws.eachRow((r) => {
      const v = r.values as unknown[];
      if (v[2] === 'STP') stp = v.slice(1);
      last = v.slice(1);
    });
    expect(stp).toEqual([expect.any(Number), 'STP', 'Sở Tư pháp tỉnh Lạng Sơn', 'Nộp muộn', expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/), 40, 2, 0.05, 2, 2, 4, 480000, 2, 2, 2, 480000]);
    expect(last).toEqual([undefined, undefined, 'Toàn tỉnh', undefined, undefined, 28385, 2, 2 / 28385, 2, 2, 4, 480000, 2, 2, 2, 480000]);

    // Sở TT&TT's báo cáo tổng hợp to UBND tỉnh, from the submitted reports, in Word.
    await page.getByRole('button', { name: 'Lập báo cáo tổng hợp (Word)' }).click();
    await page.getByLabel('Họ và tên người ký').fill('Nguyễn Thị Thanh');
    await page.getByRole('button', { name: 'Lập báo cáo', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lập báo cáo tổng hợp lần 1: 2 người tham gia, 2 mặt hàng, 480.000 ₫.' })).toBeVisible();
    const [summary] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải văn bản Word lần 1' }).click()]);
    expect(summary.suggestedFilename()).toBe('bao-cao-tong-hop-2021-dot-1-lan-1.docx');
    const provinceDoc = await readDocx(await readFile((await summary.path())!));
    expect(provinceDoc.paragraphs).toContain('Kính gửi: Ủy ban nhân dân tỉnh.');
    expect(provinceDoc.paragraphs).toContain('3. Số tiền mua (đồng): 480.000 đồng.');
    expect(provinceDoc.paragraphs.slice(-2)).toEqual(['GIÁM ĐỐC', 'Nguyễn Thị Thanh']);

    // The same period seen month by month.
    await page.getByLabel('Hoặc xem theo tháng').fill('2021-08');
    await expect(page.getByRole('heading', { name: 'Tổng hợp Tháng 8/2021' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Tổng toàn tỉnh (tạm tính theo tháng)' })).toContainText('Số tiền mua (đồng)480.000 ₫');

    // Over time (August 2021): the marketplaces' own volume against the 10 tonnes a day aim. None recorded yet; then
    // the shops staff bought most from.
    await tab(page, 'Theo thời gian').click();
    await expect(page.getByText(/^Chưa có số liệu khối lượng của các sàn từ 01\/08\/2021 đến 31\/08\/2021\./)).toBeVisible();
    await expectAccessible(page);
    // Viettel Post reported 8,5 tonnes for 20/08/2021; typed as a Vietnamese decimal.
    await page.getByRole('link', { name: 'Nhập số liệu khối lượng của các sàn' }).click();
    // The link goes to the form on the same page: it is scrolled into view, not left below the fold.
    await expect(page.getByRole('group', { name: 'Nhập khối lượng theo báo cáo của sàn' })).toBeInViewport();
    await page.getByLabel('Sàn (đơn vị báo cáo)').selectOption({ label: 'Viettel Post (langson.voso.vn)' });
    await page.getByLabel('Ngày (dd/mm/yyyy)').fill('20/08/2021');
    await page.getByLabel('Khối lượng (tấn)').fill('8.5');
    await page.getByLabel('Nguồn số liệu (báo cáo nào, ngày nào)').fill('Báo cáo ngày 21/08/2021 của Viettel Post Lạng Sơn');
    await page.getByRole('button', { name: 'Lưu số liệu' }).click();
    await expect(page.getByRole('alert')).toHaveText('Khối lượng là một số tấn, ví dụ 8,5 (dấu phẩy trước phần lẻ).');
    await page.getByLabel('Khối lượng (tấn)').fill('8,5');
    await page.getByRole('button', { name: 'Lưu số liệu' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu 8,5 tấn của Viettel Post (langson.voso.vn) ngày 20/08/2021.' })).toBeVisible();
    await expect(page.getByText('1 ngày có báo cáo, trung bình 8,5 tấn/ngày so với mục tiêu khoảng 10 tấn/ngày; 0 ngày đạt mục tiêu. 1 ngày chỉ có báo cáo của một sàn (số của ngày đó chưa đủ).', { exact: false })).toBeVisible();
    // Axis 0–10 t (the aim included) drawn from y = 220 up to y = 24: 8,5 t sits at 220 − 0,85 × 196 = 53,4; one day alone is
    // centred between x = 94 and 696, at 395.
    const volume = page.getByRole('img', { name: /Khối lượng các sàn báo cáo, tấn mỗi ngày/ });
    await expect(volume.locator('circle')).toHaveCount(1);
    await expect(volume.locator('circle')).toHaveAttribute('cy', '53.4');
    await expect(volume.locator('circle')).toHaveAttribute('cx', '395');
    // The staff part on its own kg scale: 1 kg on 20/08 and 1 kg on 21/08 (2 × 500 g each), the axis 0–1 kg, both at the top.
    await expect(page.getByText('Trong những ngày các sàn có báo cáo, cán bộ mua 1 kg, bằng 0,012% khối lượng các sàn báo cáo.', { exact: false })).toBeVisible();
    const staffKg = page.getByRole('img', { name: /Cán bộ mua nông sản, kg mỗi ngày/ });
    await expect(staffKg.locator('circle')).toHaveCount(2);
    expect(await staffKg.locator('circle').evaluateAll((cs) => cs.map((c) => [c.getAttribute('cx'), c.getAttribute('cy')]))).toEqual([
      ['94', '24'],
      ['696', '24'],
    ]);
    await expect(page.getByRole('table', { name: 'Số liệu các sàn đã nhập' }).locator('tbody tr td')).toHaveText(['20/08/2021', '20/08/2021', '8,5', 'Báo cáo ngày 21/08/2021 của Viettel Post Lạng Sơn', 'Xóa']);
    await expectAccessible(page);
    await keepScreenshot(page, 'so-theo-thoi-gian-thang-8-2021');

    // "Hôm nay" on the 2021 period: the three figures against 28.385, the deadline long past, who has not reported.
    await tab(page, 'Hôm nay').click();
    await expect(page.getByRole('heading', { name: /^Hôm nay \d{2}\/\d{2}\/\d{4}: Đợt 1 năm 2021$/ })).toBeVisible();
    await expect(page.getByText(/^Hạn báo cáo 30\/09\/2021: đã quá hạn \d+ ngày\.$/)).toBeVisible();
    const now = page.getByRole('list', { name: 'Toàn tỉnh đến hôm nay' });
    await expect(now.locator('li')).toHaveText(['Số CB, CC, VC, NLĐ tham gia2người tham gia trên 28.385 CB, CC, VC, NLĐ toàn tỉnh: 0,007%', 'Số lượng mặt hàng nông sản2', 'Số tiền mua (đồng)480.000 ₫']);
    await expect(page.getByRole('heading', { name: 'Chưa nộp báo cáo: 41 trong 42 cơ quan' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Nộp muộn: 1 cơ quan' })).toBeVisible();
    await expect(page.locator('.dash-agency-list').last().locator('li')).toHaveText([/^Sở Tư pháp tỉnh Lạng Sơn \(nộp \d{2}\/\d{2}\/\d{4}\)$/]);
    await expect(page.locator('.dash-agency-list').first().locator('li', { hasText: 'Sở Nội vụ tỉnh Lạng Sơn' })).toHaveText('Sở Nội vụ tỉnh Lạng Sơn quá hạn');
    await expectAccessible(page);
    await keepScreenshot(page, 'so-hom-nay-dot-1-2021');

    await tab(page, 'Cửa hàng được cán bộ mua nhiều').click();
    await expect(page.locator('.data-table tbody tr').first()).toContainText('HTX Hồi Văn Quan');
    await expectAccessible(page);
    await province.close();
  } finally {
    await collector.close();
  }
});
