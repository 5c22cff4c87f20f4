// Issue 6, "a day in the province": one fresh install driven end to end through the real UIs — the province
// dashboard, a commune kiosk (offline, then synced), the hand-over, a civil servant's extension buying on
// langson.voso.vn (fixture pages at the real host name), the agency's report, the province roll-up and its XLSX.
// The whole day runs twice: on SQLite and on PostgreSQL, each with its own fresh collector.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parseHTML } from 'linkedom';
import type { Page } from '@playwright/test';
import { test, expect, launchWithExtension } from './fixtures';
import { createProvinceAdmin, signIn } from './dashboard-helpers';
import { enrolKiosk, registerHousehold, sixDigits } from './kiosk-helpers';
import { enrolInPopup, orderCard, recorded, total } from './extension-helpers';
import { fixture, startMarketplaceServer } from './marketplace-server';
import { expectNotice } from './notice-reader';
import { startScenarioCollector, type ScenarioCollector } from './scenario-collector';
import { formatDate } from '../../lib/format';

// What the civil servant buys, from the fixture pages (lib/marketplaces/voso/fixtures): the household's
// "Na Chi Lăng loại 1 hộp 2kg" (product page: 140,000 ₫, 2 kg) twice, and one pair of sneakers
// (product-detail-1: 199,000 ₫, not a farm product) in the same package.
const NA = { name: 'Na Chi Lăng loại 1 hộp 2kg', unitPrice: 140_000, quantity: 2, grams: 2000 };
const SNEAKER = { name: 'Giày Sneaker Nam Đen, Giày Sneaker Nam, Giày Sneaker Nam Thể Thao', unitPrice: 199_000, quantity: 1 };
const SHIPPING = 30_000;
const DISCOUNT = 20_000;
// Only farm products count: one participant, one farm item, its quantity, its line total and its weight.
const expected = {
  participants: 1,
  orders: 1,
  farmItems: 1,
  quantity: NA.quantity,
  vnd: NA.unitPrice * NA.quantity, // 280,000
  kg: (NA.grams * NA.quantity) / 1000, // 4
};
const orderTotal = NA.unitPrice * NA.quantity + SNEAKER.unitPrice * SNEAKER.quantity + SHIPPING - DISCOUNT;
const vnd = (n: number) => `${n.toLocaleString('de-DE')} ₫`;
const commas = (n: number) => n.toLocaleString('en-US');

const ORDER_CODE = 'VS2611290417';
const SHOP_PATH = '/htx-nong-nghiep-chi-lang-s41235';

/**
 * voso's "Đặt hàng thành công" page for this purchase: the fixture's first package (the household's Na) under the
 * household's shop name, the sneakers added as a second line and the package total to match; the fixture's second
 * package left out.
 */
function confirmationPage(shopName: string): string {
  const { document } = parseHTML(fixture('voso/fixtures/order-confirmation.html'));
  const [pkg, other] = document.querySelectorAll('.order-success__package');
  other.remove();
  pkg.querySelector('.merchant-name a')!.textContent = shopName;
  const na = pkg.querySelector('.product-item-cart')!;
  expect(na.textContent).toContain(NA.name);
  const sneakers = na.cloneNode(true) as typeof na;
  const link = sneakers.querySelector('.product-name-cart a')!;
  link.textContent = SNEAKER.name;
  link.setAttribute('href', '/giay-sneaker-nam-den-giay-sneaker-nam-giay-sneaker-nam-the-thao-p101533.html');
  sneakers.querySelector('.group_product-price')!.innerHTML = `${commas(SNEAKER.unitPrice)}<sup>đ</sup> - <span> Số lượng: ${SNEAKER.quantity}</span>`;
  sneakers.querySelector('.group_product-total-price')!.innerHTML = `${commas(SNEAKER.unitPrice * SNEAKER.quantity)}<sup>đ</sup>`;
  na.after(sneakers);
  pkg.querySelector('.package-total')!.innerHTML = `${commas(orderTotal)}<sup>đ</sup>`;
  return document.toString();
}

/** 31/12/2026, or a month from today when run later, so the period is open and the report on time. */
const periodEnd = (() => {
  const day = 86400_000;
  const end = Math.max(Date.parse('2026-12-31'), Date.now() + 30 * day);
  return { ends: formatDate(new Date(end).toISOString().slice(0, 10)), due: formatDate(new Date(end + 10 * day).toISOString().slice(0, 10)) };
})();

const kinds = ['sqlite', 'postgres'] as const;

for (const kind of kinds) {
  test.describe(`a day in the province (${kind})`, () => {
    let collector: ScenarioCollector;
    test.beforeAll(async () => {
      collector = await startScenarioCollector(kind);
    });
    test.afterAll(async () => {
      await collector?.close();
    });

    test('fresh install → kiosk household offline → shop opened → extension purchase → agency report → province roll-up and XLSX', async ({ browser }) => {
      test.setTimeout(240_000);
      const run = randomUUID().slice(0, 6);
      const admin = { username: `so.tttt.${run}`, password: 'mat-khau-rat-dai-2026' };
      const snv = { username: `daumoi.snv.${run}`, password: 'mat-khau-dau-moi-snv' };
      const stp = { username: `daumoi.stp.${run}`, password: 'mat-khau-dau-moi-stp' };
      const officer = { username: `canbo.hungdao.${run}`, password: 'mat-khau-cua-xa-1' };
      const digits = sixDigits();
      const shopName = `Na Chi Lăng nhà Tú ${run}`;
      const staffName = `Hoàng Thị Mai ${run}`;

      // 1. Fresh install: the first account comes from `npm run admin -- create-province-admin`.
      const out = createProvinceAdmin(collector, admin.username, admin.password);
      expect(out).toContain(admin.username);

      const province = await browser.newContext({ acceptDownloads: true });
      const page = await province.newPage();
      await page.goto(`${collector.url}/bang-dieu-khien/dot`);
      await signIn(page, admin.username, admin.password);
      const tab = (name: string) => page.getByRole('navigation', { name: 'Các trang của Sở' }).getByRole('link', { name, exact: true });

      // The campaign period holding the purchase (dated 29/11/2026) and running today, its report not yet due.
      await expect(page.getByRole('heading', { name: 'Đợt vận động và hạn báo cáo' })).toBeVisible();
      await page.getByLabel('Tên đợt').fill(`Đợt cuối năm 2026 ${run}`);
      await page.getByLabel('Từ ngày (dd/mm/yyyy)').fill('01/09/2026');
      await page.getByLabel('Đến ngày (dd/mm/yyyy)').fill(periodEnd.ends);
      await page.getByLabel('Hạn báo cáo (dd/mm/yyyy)').fill(periodEnd.due);
      await page.getByRole('button', { name: 'Thêm đợt' }).click();
      await expect(page.getByRole('status').filter({ hasText: `Đã thêm Đợt cuối năm 2026 ${run}.` })).toBeVisible();

      // Two agency focal points and a commune officer, created in the browser.
      await tab('Tài khoản').click();
      await expect(page.getByRole('heading', { name: 'Tài khoản' })).toBeVisible();
      for (const [who, name, agency] of [
        [snv, 'Phạm Thị Hoa', 'Sở Nội vụ tỉnh Lạng Sơn'],
        [stp, 'Vi Văn Thắng', 'Sở Tư pháp tỉnh Lạng Sơn'],
      ] as const) {
        await page.getByLabel('Cán bộ đầu mối của cơ quan').check();
        await page.getByLabel(/^Tên đăng nhập/).fill(who.username);
        await page.getByLabel('Họ và tên').fill(name);
        await page.getByLabel(/^Mật khẩu ban đầu/).fill(who.password);
        await page.getByRole('combobox', { name: /^Cơ quan/ }).selectOption({ label: agency });
        await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
        await expect(page.getByRole('status').filter({ hasText: `Đã tạo tài khoản ${who.username} (Cán bộ đầu mối).` })).toBeVisible();
      }
      await page.getByLabel('Cán bộ xã (máy tính bảng)').check();
      await page.getByLabel(/^Tên đăng nhập/).fill(officer.username);
      await page.getByLabel('Họ và tên').fill('Lý Thị Mai');
      await page.getByLabel(/^Mật khẩu ban đầu/).fill(officer.password);
      await page.getByLabel('Tìm xã để thêm (không cần gõ dấu)').fill('hung dao binh gia');
      await page.getByLabel('Xã Hưng Đạo (Huyện Bình Gia)').check();
      await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
      await expect(page.getByRole('status').filter({ hasText: `Đã tạo tài khoản ${officer.username} (Cán bộ xã).` })).toBeVisible();
      const accounts = page.getByRole('table', { name: 'Các tài khoản' });
      for (const u of [snv, stp, officer]) await expect(accounts).toContainText(u.username);

      // SNV's headcount, so its participation rate is exact.
      await tab('Cơ quan và số CB, CC, VC, NLĐ').click();
      await page.getByLabel('Tìm cơ quan (không cần gõ dấu)').fill('so noi vu');
      await page.getByRole('textbox', { name: 'Tổng số CB, CC, VC, NLĐ (kể cả cấp xã) của Sở Nội vụ tỉnh Lạng Sơn' }).fill('50');
      await page.getByRole('button', { name: 'Lưu tổng số CB, CC, VC, NLĐ của Sở Nội vụ tỉnh Lạng Sơn' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Đã lưu tổng số CB, CC, VC, NLĐ của Sở Nội vụ tỉnh Lạng Sơn: 50.' })).toBeVisible();

      // The commune before the day: its progress row.
      const communeRow = await communeProgress(page);
      const before = await communeRow.locator('td').allTextContents();

      // 2. The officer's tablet: enrol online, then the connection drops; a household signs up offline.
      const tablet = await browser.newContext({ viewport: { width: 800, height: 1280 } });
      const kiosk = await tablet.newPage();
      await enrolKiosk(kiosk, collector.url, officer);
      await tablet.setOffline(true);
      await kiosk.getByRole('radiogroup', { name: 'Sàn thương mại điện tử' }).getByLabel('langson.voso.vn').check();
      const phone = `0966${digits}`;
      await registerHousehold(kiosk, { village: 'Thôn Bản Cặp', headName: `Hà Văn Tú ${run}`, phone, idNumber: `020190${digits}`, shopName, product: 'Na Chi Lăng loại 1' });
      await kiosk.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
      await expect(kiosk.locator('.queue-item--queued')).toHaveCount(1);
      expect(await collector.db.selectFrom('households').select('id').where('phone', '=', phone).execute()).toEqual([]);

      // Back online: the queue empties by itself.
      await tablet.setOffline(false);
      await expect(kiosk.locator('.queue-item--sent')).toHaveCount(1, { timeout: 30_000 });
      const households = await collector.db.selectFrom('households').select(['id', 'commune_code', 'marketplace', 'shop_name']).where('phone', '=', phone).execute();
      expect(households).toHaveLength(1);
      expect(households[0]).toMatchObject({ commune_code: '06067', marketplace: 'voso', shop_name: shopName });
      const householdId = households[0].id;

      // 3. Hand-over: the post office opens the shop on langson.voso.vn and the payment account; the file comes back.
      await kiosk.getByRole('tab', { name: 'Tiến độ và bàn giao' }).click();
      await kiosk.getByLabel('Nhập tệp kết quả (XLSX hoặc CSV)').setInputFiles({
        name: 'ket-qua.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`\uFEFFMã hồ sơ,Đường dẫn cửa hàng,Đã mở tài khoản thanh toán\r\n${householdId},https://langson.voso.vn${SHOP_PATH},Có\r\n`),
      });
      await expect(kiosk.getByRole('status').filter({ hasText: 'Đã cập nhật 1 hộ' })).toBeVisible();
      await kiosk.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
      await expect(kiosk.getByRole('link', { name: `https://langson.voso.vn${SHOP_PATH}` })).toBeVisible();
      await tablet.close();

      // 4. SNV's focal point issues one enrolment code.
      const agency = await browser.newContext();
      const ap = await agency.newPage();
      await ap.goto(`${collector.url}/bang-dieu-khien/ma-dang-ky`);
      await signIn(ap, snv.username, snv.password);
      await ap.getByLabel('Số mã cần cấp').fill('1');
      await ap.getByRole('button', { name: 'Cấp mã' }).click();
      await expect(ap.getByRole('heading', { name: 'Phiếu mã đăng ký (1 mã)' })).toBeVisible();
      const [code] = await ap.locator('.dash-qr-card .code').allTextContents();
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

      // 5. The civil servant: the real extension, enrolled with that code, buys on langson.voso.vn.
      let checkoutDone = false;
      const site = await startMarketplaceServer({
        'langson.voso.vn': {
          '/na-chi-lang-loai-1-hop-2kg-p245871.html': fixture('voso/fixtures/product-na-chi-lang.html'),
          '/gio-hang': fixture('voso/fixtures/cart.html'),
          // voso shows checkout and the confirmation at the same address, before and after "Đặt hàng".
          '/dat-hang': () => (checkoutDone ? confirmationPage(shopName) : fixture('voso/fixtures/checkout.html')),
        },
      });
      const ext = await launchWithExtension(site.port);
      try {
        const popup = await enrolInPopup(ext.context, ext.extensionId, collector.url, code, staffName);

        const shop = await ext.context.newPage();
        await shop.goto('https://langson.voso.vn/na-chi-lang-loai-1-hop-2kg-p245871.html');
        for (const path of ['/gio-hang', '/dat-hang']) {
          await shop.goto(`https://langson.voso.vn${path}`);
          await recorded(shop);
        }
        checkoutDone = true;
        await shop.goto('https://langson.voso.vn/dat-hang');
        await recorded(shop);
        await expectNotice(shop, `Đã ghi nhận đơn ${ORDER_CODE} cho đợt vận động`);

        // Reviewed in the popup: the farm product counts, the sneakers do not.
        await popup.reload();
        const card = orderCard(popup, ORDER_CODE);
        await expect(card).toContainText(NA.name);
        await expect(card).toContainText(SNEAKER.name);
        await expect(card.locator('.state').first()).toContainText('Chưa gửi');
        await expect(total(popup, 'Đơn hàng')).toHaveText(String(expected.orders));
        await expect(total(popup, 'Sản phẩm nông sản')).toHaveText(String(expected.farmItems));
        await popup.getByRole('button', { name: /^Gửi/ }).click();
        await expect(card.locator('.state').first()).toContainText('Đã gửi');
      } finally {
        await ext.context.close();
        await site.close();
      }
      const stored = await collector.db.selectFrom('staff_orders').selectAll().execute();
      expect(stored).toHaveLength(1);
      const body = JSON.parse(stored[0].body);
      expect(body.orderCode).toBe(ORDER_CODE);
      expect(body).toMatchObject({ marketplace: 'voso', shippingFee: SHIPPING, discount: DISCOUNT, total: orderTotal });
      type Item = { name: string; shop: string; isFarmProduct: boolean; quantity: number; unitPrice: number; weightGrams: number | null };
      expect(body.items.map((i: Item) => [i.name, i.shop, i.isFarmProduct, i.quantity, i.unitPrice, i.weightGrams])).toEqual([
        [NA.name, shopName, true, NA.quantity, NA.unitPrice, NA.grams],
        [SNEAKER.name, shopName, false, SNEAKER.quantity, SNEAKER.unitPrice, null],
      ]);

      // 6. The agency reviews its numbers and submits its report.
      await ap.getByRole('link', { name: 'Báo cáo của cơ quan' }).click();
      const cards = ap.getByRole('list', { name: 'Số liệu hiện tại của cơ quan' });
      await expect(cards).toContainText(`Số CB, CC, VC, NLĐ tham gia${expected.participants}`);
      await expect(cards).toContainText(`Số lượng mặt hàng nông sản${expected.farmItems}`);
      await expect(cards).toContainText(`Số lượng${expected.quantity}`);
      await expect(cards).toContainText(`Số tiền mua (đồng)${vnd(expected.vnd)}`);
      await expect(cards).toContainText(`Ước tính khối lượng${expected.kg} kg`);
      await ap.getByRole('button', { name: 'Gửi báo cáo cho Sở' }).click();
      await expect(ap.getByRole('group', { name: 'Xác nhận gửi báo cáo' })).toContainText(
        `${expected.participants} người tham gia, ${expected.farmItems} mặt hàng, ${vnd(expected.vnd)}, khoảng ${expected.kg} kg`,
      );
      await ap.getByRole('button', { name: 'Xác nhận gửi' }).click();
      await expect(ap.getByRole('status').filter({ hasText: 'Đã gửi báo cáo lần 1' })).toBeVisible();
      await agency.close();

      // 7. The province: roll-up on screen, SNV submitted on time, STP not yet; then the XLSX read back.
      await tab('Tổng hợp các cơ quan').click();
      await expect(page.getByRole('heading', { name: `Tổng hợp Đợt cuối năm 2026 ${run}` })).toBeVisible();
      await expect(page.getByText(/: 1 đã nộp đúng hạn, 0 nộp muộn, \d+ chưa nộp/)).toBeVisible();
      const totals = page.getByRole('list', { name: 'Tổng toàn tỉnh theo báo cáo đã nộp' });
      // 1 of the province's 28.385, to two significant digits: 0,0035%.
      await expect(totals).toContainText(`Số CB, CC, VC, NLĐ tham gia${expected.participants}người tham gia trên 28.385 CB, CC, VC, NLĐ toàn tỉnh: 0,0035%`);
      await expect(totals).toContainText(`Số tiền mua (đồng)${vnd(expected.vnd)}`);
      const rows = page.getByRole('table', { name: 'Từng cơ quan' }).locator('tbody tr');
      await page.getByLabel('Tìm cơ quan (không cần gõ dấu)').fill('so noi vu');
      await expect(rows).toHaveCount(1);
      // Submitted figures, then the live ones ("chưa nộp / tạm tính"): the same, nothing came after the report.
      await expect(rows.locator('td')).toHaveText(['Sở Nội vụ tỉnh Lạng Sơn', /^Đã nộp/, '50', '1', '2%', '1', '2', vnd(expected.vnd), String(expected.kg), '1', vnd(expected.vnd)]);
      await page.getByLabel('Tìm cơ quan (không cần gõ dấu)').fill('so tu phap');
      await expect(rows).toHaveCount(1);
      await expect(rows.locator('td')).toHaveText(['Sở Tư pháp tỉnh Lạng Sơn', /^Chưa nộp/, /.*/, '0', /.*/, '0', '0', vnd(0), '0', '0', vnd(0)]);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo tổng hợp (XLSX)' }).click()]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile((await download.path())!);
      const ws = wb.worksheets[0];
      expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual(['STT', 'Mã', 'Cơ quan, đơn vị', 'Báo cáo', 'Ngày nộp', 'Tổng số CB, CC, VC, NLĐ (kể cả cấp xã)', 'Số CB, CC, VC, NLĐ tham gia', 'Tỷ lệ tham gia', 'Số đơn hàng', 'Số lượng mặt hàng nông sản', 'Số lượng (đơn vị)', 'Số tiền mua (đồng)', 'Ước tính khối lượng (kg)', 'Số CB, CC, VC, NLĐ tham gia (chưa nộp / tạm tính)', 'Số lượng mặt hàng nông sản (chưa nộp / tạm tính)', 'Số tiền mua (đồng) (chưa nộp / tạm tính)']);
      const byCode = new Map<string, unknown[]>();
      let last: unknown[] = [];
      ws.eachRow((r, n) => {
        const v = (r.values as unknown[]).slice(1);
        if (n > 5 && typeof v[1] === 'string') byCode.set(v[1], v);
        last = v;
      });
      expect(byCode.get('SNV')).toEqual([expect.any(Number), 'SNV', 'Sở Nội vụ tỉnh Lạng Sơn', 'Đã nộp', expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/), 50, expected.participants, expected.participants / 50, expected.orders, expected.farmItems, expected.quantity, expected.vnd, expected.kg, expected.participants, expected.farmItems, expected.vnd]);
      // Every other agency, STP included, has nothing.
      expect(byCode.get('STP')?.slice(3, 4)).toEqual(['Chưa nộp']);
      for (const [c, v] of byCode) if (c !== 'SNV') expect([c, v.slice(6, 7), v.slice(8)]).toEqual([c, [0], [0, 0, 0, 0, 0, 0, 0, 0]]);
      expect(last).toEqual([undefined, undefined, 'Toàn tỉnh', undefined, undefined, 28385, expected.participants, expected.participants / 28385, expected.orders, expected.farmItems, expected.quantity, expected.vnd, expected.kg, expected.participants, expected.farmItems, expected.vnd]);

      // The household's shop leads the province's shops, with exactly this purchase's farm product.
      await tab('Cửa hàng được cán bộ mua nhiều').click();
      const shops = page.locator('.data-table tbody tr');
      await expect(shops).toHaveCount(1);
      await expect(shops.locator('td')).toHaveText([shopName, '1', '1', String(expected.quantity), vnd(expected.vnd), String(expected.kg)]);

      // 8. The commune moved by exactly one household, with its shop and payment account.
      const after = await (await communeProgress(page)).locator('td').allTextContents();
      const n = (s: string) => Number(s.replace(/\D/g, '') || 0);
      expect([n(after[3]) - n(before[3]), n(after[4]) - n(before[4]), n(after[5]) - n(before[5])]).toEqual([1, 1, 1]);
      await province.close();
    });
  });
}

/** The province's "Hộ đăng ký theo xã" row of Xã Hưng Đạo (Bình Gia). */
async function communeProgress(page: Page) {
  await page.getByRole('navigation', { name: 'Các trang của Sở' }).getByRole('link', { name: 'Hộ đăng ký theo xã' }).click();
  await expect(page.getByRole('heading', { name: 'Hộ nông dân mở cửa hàng số và tài khoản thanh toán' })).toBeVisible();
  await page.getByLabel('Tìm xã hoặc huyện (không cần gõ dấu)').fill('hung dao binh gia');
  const row = page.getByRole('table', { name: 'Theo xã' }).locator('tbody tr');
  await expect(row).toHaveCount(1);
  return row;
}
