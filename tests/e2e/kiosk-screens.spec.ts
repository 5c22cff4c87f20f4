import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './fixtures';
import { cameraPhoto, drawSignature, enrolKiosk, officerWithCode, queueHousehold, sixDigits, typeHousehold } from './kiosk-helpers';

// Issue 15, the commune officer's screens as an officer holds the tablet: portrait and landscape, by touch.
// Each screen: axe with no violation at all, one level-one heading, every target at least 44 px, a screenshot kept
// with the run's results (test-results/, not committed).

// Each run's tablet gets a known record-code prefix, so its first code is one worked out by hand
// (lib/kiosk/record-code.test.ts): KX7 + AAAA → 1·8 + 2·18 + 3·23 = 113 ≡ 13 → R; ACD + AAAA → 1·0 + 2·1 + 3·2 = 8 → K.
const viewports = [
  { name: 'doc', width: 800, height: 1280, prefix: 'KX7', code: 'KX7A-AAAR', commune: '06181', communeName: 'Xã Nhạc Kỳ' },
  { name: 'ngang', width: 1280, height: 800, prefix: 'ACD', code: 'ACDA-AAAK', commune: '05995', communeName: 'Thị trấn Thất Khê' },
];

/** Words an older officer stumbled on (issue 15); none may show on any kiosk screen. */
const oldWords = ['Đồng bộ ngay', 'Hàng đợi', 'hàng đợi', 'bền vững', '(kiosk)', 'dd/mm/yyyy'];
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

async function checkScreen(page: Page, info: TestInfo, viewport: string, screen: string, heading: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${screen}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // Every button, link, field, tab and the photo button: 44 × 44 px at least (the hidden file input excepted, its
  // label is the button).
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], input:not(.file-input), select, textarea, .file-button')]
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(({ e, r }) => `${e.tagName.toLowerCase()} "${(e.textContent || e.getAttribute('aria-label') || e.id).trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
  expect(small, `${screen}: targets under 44 px`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${screen}: nothing runs off the side`).toBe(true);
  const text = await page.locator('body').innerText();
  for (const w of oldWords) expect(text, `${screen}: "${w}"`).not.toContain(w);
  expect(text, `${screen}: a long id shown`).not.toMatch(uuid);
  await page.screenshot({ path: info.outputPath(`${viewport}-${screen}.png`), fullPage: true });
}

/** Gives the enrolled tablet a known record-code prefix (collector and tablet), so its codes are the hand-worked ones. */
async function usePrefix(page: Page, collector: { db: import('../../server/db').Db }, prefix: string) {
  const device = await page.evaluate(
    () =>
      new Promise<{ id: string }>((ok) => {
        const req = indexedDB.open('keyval-store');
        req.onsuccess = () => {
          const r = req.result.transaction('keyval').objectStore('keyval').get('kiosk-device');
          r.onsuccess = () => ok(r.result);
        };
      }),
  );
  await collector.db.updateTable('household_code_prefixes').set({ prefix }).where('device_id', '=', device.id).execute();
  await page.evaluate(
    (prefix) =>
      new Promise<void>((ok) => {
        const req = indexedDB.open('keyval-store');
        req.onsuccess = () => {
          const store = req.result.transaction('keyval', 'readwrite').objectStore('keyval');
          const r = store.get('kiosk-device');
          r.onsuccess = () => (store.put({ ...r.result, codePrefix: prefix }, 'kiosk-device').onsuccess = () => ok());
        };
      }),
    prefix,
  );
}

/** Whether the signature pad holds ink (a dark pixel), as the household sees it. */
const padHasInk = (page: Page) =>
  page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('.signature-canvas')!;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 100) return true;
    return false;
  });

for (const vp of viewports) {
  // A collector of its own: the record codes worked out by hand need their prefix free.
  test(`kiosk screens on a ${vp.width}×${vp.height} touch tablet: record codes, signature, photos, words, targets, axe`, async ({ browser, ownCollector: collector, request }, info) => {
    test.setTimeout(180_000);
    const officer = await officerWithCode(request, collector, [vp.commune]);
    const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, hasTouch: true, locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();

    // The chooser installs the site; the kiosk installs itself, opening at /kiosk, with the whole site in scope.
    await page.goto(collector.url + '/');
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
    await page.goto(collector.url + '/kiosk');
    await expect(page.getByRole('heading', { name: 'Kích hoạt máy tính bảng cho xã' })).toBeVisible();
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/kiosk.webmanifest');
    const manifest = await (await page.request.get(collector.url + '/kiosk.webmanifest')).json();
    expect([manifest.id, manifest.start_url, manifest.scope, manifest.short_name]).toEqual(['/kiosk', '/kiosk', '/', 'Đăng ký hộ']);
    await checkScreen(page, info, vp.name, 'kich-hoat', 'Kích hoạt máy tính bảng cho xã');

    await enrolKiosk(page, collector.url, { username: officer.username, password: officer.password });
    await usePrefix(page, collector, vp.prefix);
    // A new form: a plain hint, not a green "saved".
    const hint = page.getByRole('status').filter({ hasText: 'Không cần bấm lưu: máy tự lưu mỗi khi nhập.' });
    await expect(hint).toHaveClass('hint');
    await expect(page.getByText('Thông tin được lưu ngay khi nhập.')).toHaveCount(0);
    await checkScreen(page, info, vp.name, 'ho-moi', 'Đăng ký hộ mới');
    // The storage line in a unit people read (the quota was "10.240,5 MB").
    await expect(page.locator('.storage span')).toHaveText(/^Bộ nhớ máy: đã dùng \d{1,3}(,\d)? (KB|MB) trên \d{1,3}(,\d)? (MB|GB)\.( Trình duyệt sẽ không tự xoá dữ liệu này\.)?$/);

    // The rest of the morning offline.
    await context.setOffline(true);
    const a = sixDigits();
    await typeHousehold(page, { village: 'Thôn Bản Cặp', headName: 'Hoàng Văn Thụ', phone: `0912${a}`, idNumber: `020190${a}`, shopName: 'Hồi nhà Thụ', product: 'Hoa hồi khô' });
    await expect(page.getByRole('status').filter({ hasText: /^Đã lưu nháp lúc / })).toHaveClass('saved');
    // The longest category is shown whole, also with a second product (its "Bỏ sản phẩm" button takes a column).
    await page.getByRole('button', { name: '+ Thêm sản phẩm' }).tap();
    const category = page.locator('#category-0');
    await category.selectOption({ label: 'Gia vị, dược liệu' });
    const fits = await category.evaluate((s: HTMLSelectElement) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = getComputedStyle(s).font;
      const style = getComputedStyle(s);
      return { text: Math.ceil(ctx.measureText('Gia vị, dược liệu').width), room: s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24 };
    });
    expect(fits.room).toBeGreaterThanOrEqual(fits.text);
    await page.getByRole('button', { name: 'Bỏ sản phẩm 2' }).tap();

    // Photos: a labelled button that counts them, never the browser's "No file chosen".
    await page.getByLabel('Chụp hoặc chọn ảnh sản phẩm').setInputFiles([await cameraPhoto(page, 20), await cameraPhoto(page, 220)]);
    await expect(page.getByRole('img', { name: 'Ảnh sản phẩm 2' })).toBeVisible();
    await expect(page.locator('label[for="photos"]')).toHaveText('Thêm ảnh sản phẩm (đã có 2 ảnh)');
    expect(await page.locator('#photos').evaluate((i) => [getComputedStyle(i).opacity, i.getBoundingClientRect().width])).toEqual(['0', 1]);

    // Radios and checkboxes are 44 px themselves.
    for (const box of [page.getByRole('radio', { name: 'langson.voso.vn' }), page.getByRole('checkbox', { name: 'Hộ đã có tài khoản này' })]) {
      expect(await box.evaluate((e) => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])).toEqual([44, 44]);
    }

    // The VietGAP certificate as printed on it, and the traceability code: a day that does not exist is said when
    // queuing, in the officer's words.
    await page.getByLabel('Số chứng nhận VietGAP (nếu có)').fill('VietGAP-TT-13-09-20-0096');
    await page.getByLabel('Tổ chức cấp giấy chứng nhận VietGAP (nếu có)').fill('Trung tâm Chứng nhận phù hợp (QUACERT)');
    const expiry = page.getByLabel('Giấy chứng nhận VietGAP có hạn đến ngày (ngày/tháng/năm, nếu có)');
    const expiredFlag = 'Giấy chứng nhận đã hết hạn (hạn đến 30/06/2020). Vẫn ghi lại được, nhưng Sở NN&PTNT chỉ xác minh giấy còn hạn.';
    // A certificate already past its expiry is flagged as it is typed, before anything is queued.
    await expiry.fill('30/06/2020');
    await expect(page.locator('#vietgapExpiresOn-err')).toHaveText(expiredFlag);
    await expiry.fill('31/02/2027');
    await expect(page.locator('#vietgapExpiresOn-err')).toHaveCount(0);
    await page.getByLabel('Mã truy xuất nguồn gốc, ghi đúng như trên giấy chứng nhận hoặc tem (nếu có)').fill('VN-LSOR-0012');
    await expect(page.getByLabel('Sản phẩm OCOP').locator('option')).toHaveText(['Không có', 'OCOP 3 sao', 'OCOP 4 sao', 'OCOP 5 sao']);

    // Not signed yet: said once asked to queue. A fresh drawing (no "save" button) takes the error away at once.
    await page.getByLabel(/Hộ đồng ý cung cấp thông tin/).check();
    await page.getByRole('button', { name: 'Lưu và đưa vào hàng chờ gửi' }).click();
    await expect(page.locator('#signature-err')).toHaveText('Chủ hộ chưa ký tên.');
    await expect(page.locator('#vietgapExpiresOn-err')).toHaveText('Ngày hết hạn không đúng: ghi một ngày có thật, ngày/tháng/năm, ví dụ 30/06/2027.');
    await expect(page.locator('#vietgapExpiresOn-err')).toHaveClass('error');
    await checkScreen(page, info, vp.name, 'ho-co-loi', 'Hộ Hoàng Văn Thụ');
    // A certificate already past its expiry is kept, flagged so the officer knows (it does not stop the household).
    await expiry.fill('30.06.2020');
    await expect(page.locator('#vietgapExpiresOn-err')).toHaveText(expiredFlag);
    await expect(page.locator('#vietgapExpiresOn-err')).toHaveClass('warning');
    await checkScreen(page, info, vp.name, 'ho-het-han', 'Hộ Hoàng Văn Thụ');
    await drawSignature(page);
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu chữ ký.' })).toBeVisible();
    await expect(page.locator('#signature-err')).toHaveCount(0);
    await expect(page.getByRole('alert').filter({ hasText: 'Cần sửa trước khi gửi' })).toHaveCount(0);
    // One signature on screen: the pad itself holds it.
    await expect(page.locator('.signature canvas, .signature img, img[alt*="Chữ ký"]')).toHaveCount(1);
    // Reopened (the tab reloads): the saved signature is back in the pad, still one.
    await page.reload();
    await checkScreen(page, info, vp.name, 'mo-khoa', 'Mở khoá máy');
    await page.getByLabel('Mã PIN').fill('246810');
    await page.getByRole('button', { name: 'Mở khoá' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu chữ ký.' })).toBeVisible();
    await expect.poll(() => padHasInk(page)).toBe(true);
    await expect(page.locator('.signature canvas, .signature img, img[alt*="Chữ ký"]')).toHaveCount(1);
    await expect(expiry).toHaveValue('30/06/2020');
    await queueHousehold(page);

    // The code, given offline: the tablet's first.
    await expect(page.locator('.summary dd').first()).toHaveText(vp.code);
    await checkScreen(page, info, vp.name, 'phieu-tom-tat', 'Phiếu tóm tắt cho hộ Hoàng Văn Thụ');
    // "Hộ tiếp theo": one tap, in sight without scrolling.
    await expect(page.getByRole('button', { name: 'Hộ tiếp theo' })).toBeInViewport();
    await page.getByRole('button', { name: 'Hộ tiếp theo' }).tap();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký hộ mới');
    await expect(page.getByLabel('Họ tên chủ hộ')).toHaveValue('');

    await page.getByRole('tab', { name: 'Hàng chờ gửi (1)' }).tap();
    await expect(page.getByRole('button', { name: 'Gửi ngay' })).toBeVisible();
    await expect(page.locator('.queue-item--queued')).toContainText(`Mã hồ sơ: ${vp.code}`);
    await checkScreen(page, info, vp.name, 'hang-cho-gui', 'Hàng chờ gửi');

    // Online again: the collector keeps the same code; the queue still shows it, not a long id.
    await context.setOffline(false);
    await expect(page.locator('.queue-item--sent')).toContainText(`Mã hồ sơ: ${vp.code}`, { timeout: 20_000 });
    const row = await collector.db.selectFrom('households').select(['code']).where('phone', '=', `0912${a}`).executeTakeFirstOrThrow();
    expect(row.code).toBe(vp.code);
    // The certificate's details reach Sở NN&PTNT's claims, pre-filled for its check.
    const claims = await collector.db
      .selectFrom('household_claims as c')
      .innerJoin('households as h', 'h.id', 'c.household_id')
      .select(['c.kind', 'c.number', 'c.issuer', 'c.expires_on'])
      .where('h.phone', '=', `0912${a}`)
      .orderBy('c.kind')
      .execute();
    expect(claims).toEqual([
      { kind: 'traceability', number: 'VN-LSOR-0012', issuer: null, expires_on: null },
      { kind: 'vietgap', number: 'VietGAP-TT-13-09-20-0096', issuer: 'Trung tâm Chứng nhận phù hợp (QUACERT)', expires_on: '2020-06-30' },
    ]);
    await checkScreen(page, info, vp.name, 'da-gui', 'Hàng chờ gửi');

    await page.getByRole('tab', { name: 'Tìm hộ' }).tap();
    await page.getByLabel(/Họ tên \(gõ không dấu/).fill(vp.code.toLowerCase().replace('-', ' '));
    await expect(page.getByRole('button', { name: /Hoàng Văn Thụ/ })).toContainText(`mã ${vp.code}`);
    await checkScreen(page, info, vp.name, 'tim-ho', 'Tìm hộ');

    // Hand-over: the file downloads with a confirmation next to the buttons; it lists the same code.
    await page.getByRole('tab', { name: 'Tiến độ và bàn giao' }).tap();
    await expect(page.getByRole('table', { name: 'Tiến độ của xã' }).getByRole('row', { name: new RegExp(vp.communeName) })).toBeVisible();
    await checkScreen(page, info, vp.name, 'tien-do', 'Tiến độ của xã');
    await page.getByRole('button', { name: 'Tải danh sách (CSV)' }).tap();
    await page.getByLabel('Tên đăng nhập').fill(officer.username);
    await page.getByLabel('Mật khẩu').fill(officer.password);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Đăng nhập và tải' }).tap();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    // The worker's collector is shared with other specs of the same commune: the file may list their households too.
    const listed = csv.split('\r\n').slice(1).filter(Boolean).map((line) => line.split(',')[0]);
    expect(listed).toContain(vp.code);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
    await expect(page.getByRole('status').filter({ hasText: 'Đã tải tệp' })).toHaveText(`Đã tải tệp “ban-giao-ho-${today}.csv” vào thư mục Tải về của máy. Tệp có ${listed.length} hộ chờ mở cửa hàng.`);
    await checkScreen(page, info, vp.name, 'da-tai-ban-giao', 'Tiến độ của xã');

    // The brand link still opens the chooser inside the installed kiosk.
    await page.getByRole('link', { name: 'Nông sản số Lạng Sơn' }).tap();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nông sản số Lạng Sơn');
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
    await context.close();
  });
}
