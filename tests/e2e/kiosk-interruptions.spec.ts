import { cpSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect, startTestCollector } from './fixtures';
import { startFailingProxy } from './failing-proxy';
import { identityHash } from '../../server/channels/identity';
import { cameraPhoto, consentAndSign, enrolKiosk, officerWithCode, pin, registerHousehold, sixDigits, typeHousehold, unlockKiosk, unlockTimeout } from './kiosk-helpers';

test('a sync interrupted halfway (answer lost, a photo cut off) resumes without duplicates', async ({ browser, collector, request }) => {
  const { code } = await officerWithCode(request, collector);
  const context = await browser.newContext();
  const page = await context.newPage();
  await enrolKiosk(page, collector.url, code);
  await context.setOffline(true);
  const names = ['Lò Văn Một', 'Lò Văn Hai', 'Lò Văn Ba'];
  const phones = names.map(() => `0388${sixDigits()}`);
  for (const [i, headName] of names.entries()) {
    await registerHousehold(page, { village: 'Bản Khuổi', headName, phone: phones[i], idNumber: `020${phones[i].slice(1)}`, shopName: `Cửa hàng ${headName}`, product: 'Măng khô' }, [await cameraPhoto(page, i * 90)]);
    await page.getByRole('button', { name: 'Hộ tiếp theo' }).click();
  }

  // The first batch reaches the collector but its answer is lost; the second photo upload is cut off mid-way.
  let batches = 0;
  let puts = 0;
  await page.route('**/api/kiosk/households', async (route) => {
    if (route.request().method() === 'POST' && batches++ === 0) {
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await page.route('**/api/kiosk/households/*/photos/*', async (route) => {
    if (puts++ === 1) {
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await page.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
  await expect(page.locator('.queue-item--queued')).toHaveCount(3);
  // Back online: the outbox sends, loses the answer, retries with backoff, loses a photo, retries again.
  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: 'Đã đồng bộ xong.' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.queue-item--sent')).toHaveCount(3);
  expect(batches).toBe(2);

  const rows = await collector.db.selectFrom('households').select(['id', 'code', 'client_id']).where('phone', 'in', phones).execute();
  expect(rows).toHaveLength(3);
  for (const r of rows) await expect(page.getByText(`Mã hồ sơ: ${r.code}`)).toBeVisible();
  const photoKinds = async () => (await collector.db.selectFrom('household_photos').select(['kind']).where('household_client_id', 'in', rows.map((r) => r.client_id)).execute()).map((p) => p.kind).sort();
  await expect.poll(photoKinds).toEqual(['product', 'product', 'product', 'signature', 'signature', 'signature']);
  expect(puts).toBe(7);
  await context.close();
});

test('a collector answering 502 marks nothing sent; the household is delivered exactly once when it answers again', async ({ browser, collector, request }) => {
  const proxy = await startFailingProxy(collector.url, false);
  try {
    const { code } = await officerWithCode(request, collector);
    const context = await browser.newContext();
    const page = await context.newPage();
    await enrolKiosk(page, proxy.url, code);
    proxy.state.failing = true;
    const phone = `0388${sixDigits()}`;
    await registerHousehold(page, { village: 'Bản Khuổi', headName: 'Hà Văn Năm', phone, idNumber: `020${phone.slice(1)}`, shopName: 'Cửa hàng Hà Văn Năm', product: 'Măng khô' }, [await cameraPhoto(page, 30)]);
    await expect.poll(() => proxy.state.refused).toBeGreaterThanOrEqual(1);
    await page.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
    await expect(page.locator('.queue-item--queued')).toHaveCount(1);
    await expect(page.locator('.queue-item--sent')).toHaveCount(0);
    expect(await collector.db.selectFrom('households').select('id').where('phone', '=', phone).execute()).toHaveLength(0);

    proxy.state.failing = false;
    await expect(page.getByRole('status').filter({ hasText: 'Đã đồng bộ xong.' })).toBeVisible({ timeout: 45_000 });
    await expect(page.locator('.queue-item--sent')).toHaveCount(1);
    const rows = await collector.db.selectFrom('households').select(['id', 'client_id']).where('phone', '=', phone).execute();
    expect(rows).toHaveLength(1);
    const photoKinds = async () => (await collector.db.selectFrom('household_photos').select(['kind']).where('household_client_id', '=', rows[0].client_id).execute()).map((p) => p.kind).sort();
    await expect.poll(photoKinds).toEqual(['product', 'signature']);
    await context.close();
  } finally {
    await proxy.close();
  }
});

test('a refused household is shown with its reason, fixed and sent again; a draft is deleted only after confirmation', async ({ browser, collector, request }) => {
  const { code } = await officerWithCode(request, collector);
  const context = await browser.newContext();
  const page = await context.newPage();
  await enrolKiosk(page, collector.url, code);
  const [x, y, z] = [sixDigits(), sixDigits(), sixDigits()];
  // Another tablet already registered this ID number in the province: only the collector knows. Stored as the
  // collector stores a household, with its numbers' hashes (the collector finds the holders of a number by them).
  await collector.db.insertInto('households').values({
    phone_hash: identityHash('phone', `0977${x}`), id_hash: identityHash('id', `020190${x}`),
    id: `da-co-${x}`, client_id: `da-co-${x}`, code: `KHAC-${x}`, content_hash: 'x', commune_code: '05995', village: 'Khối 1', head_name: 'Người khác', phone: `0977${x}`, id_number: `020190${x}`, id_kind: 'cccd',
    marketplace: 'voso', shop_name: 'x', payment: 'viettelmoney', has_payment_account: 0, details: '{"products":[]}', device_id: 'x', officer_name: 'x',
    registered_at: '2021-09-01T00:00:00.000Z', received_at: '2021-09-01T00:00:00.000Z', updated_at: '2021-09-01T00:00:00.000Z', shop_url: null, shop_opened_at: null, payment_opened_at: null, products_listed_at: null,
  }).execute();
  await registerHousehold(page, { village: 'Bản Rọ', headName: 'Vi Thị Sáu', phone: `0978${y}`, idNumber: `020190${x}`, shopName: 'Sáu', product: 'Chè' });
  await page.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
  await expect(page.locator('.queue-item--rejected')).toContainText('Số CCCD/CMND này đã đăng ký cho một hộ khác.');
  await page.getByRole('button', { name: 'Sửa hộ Vi Thị Sáu' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Máy chủ đã từ chối' })).toBeVisible();
  await page.getByLabel(/Số CCCD/).fill(`020191${y}`);
  await page.getByRole('button', { name: 'Lưu và đưa vào hàng chờ gửi' }).click();
  await page.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
  await expect(page.locator('.queue-item--sent')).toContainText('Vi Thị Sáu');

  // Queued offline, then corrected before it leaves the tablet.
  await context.setOffline(true);
  await page.getByRole('tab', { name: 'Đăng ký hộ' }).click();
  await registerHousehold(page, { village: 'Bản Sai', headName: 'Hà Văn Chín', phone: `0979${z}`, idNumber: `020192${z}`, shopName: 'Chín', product: 'Chè' });
  await page.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
  await page.getByRole('button', { name: 'Sửa trước khi gửi' }).click();
  await expect(page.getByLabel('Họ tên chủ hộ')).toHaveValue('Hà Văn Chín');
  await page.getByLabel('Thôn, bản').fill('Bản Đúng');
  await page.getByRole('button', { name: 'Lưu và đưa vào hàng chờ gửi' }).click();
  await context.setOffline(false);
  await page.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
  await expect(page.locator('.queue-item--sent').filter({ hasText: 'Hà Văn Chín' })).toBeVisible({ timeout: 20_000 });
  expect((await collector.db.selectFrom('households').select('village').where('phone', '=', `0979${z}`).executeTakeFirstOrThrow()).village).toBe('Bản Đúng');

  // A draft: deleting asks first; "Không xoá" keeps it.
  await page.getByRole('tab', { name: 'Đăng ký hộ' }).click();
  await typeHousehold(page, { headName: 'Nháp Thử' });
  await expect(page.getByText(/Đã lưu nháp lúc/)).toBeVisible();
  await page.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
  await page.getByRole('button', { name: 'Xoá nháp' }).click();
  await page.getByRole('button', { name: 'Không xoá' }).click();
  await expect(page.getByText('Nháp Thử')).toBeVisible();
  await page.getByRole('button', { name: 'Xoá nháp' }).click();
  await expect(page.getByRole('group', { name: 'Xoá hẳn hộ Nháp Thử?' })).toBeFocused();
  await page.getByRole('button', { name: 'Xoá', exact: true }).click();
  await expect(page.getByText('Nháp Thử')).toHaveCount(0);
  await context.close();
});

test('the officer goes to the queue while a household is still being stored: its summary does not pull them back', async ({ browser, collector, request }) => {
  const { code } = await officerWithCode(request, collector);
  const context = await browser.newContext();
  const page = await context.newPage();
  await enrolKiosk(page, collector.url, code);
  const y = sixDigits();
  await typeHousehold(page, { village: 'Bản Chậm', headName: 'Nông Văn Chậm', phone: `0976${y}`, idNumber: `020193${y}`, shopName: 'Chậm', product: 'Chè' });
  await consentAndSign(page);
  // A slow tablet: from now on every decryption takes a second longer (reading the list of households is one).
  await page.evaluate(() => {
    const decrypt = SubtleCrypto.prototype.decrypt;
    SubtleCrypto.prototype.decrypt = function (this: SubtleCrypto, ...args: Parameters<SubtleCrypto['decrypt']>) {
      return decrypt.apply(this, args).then((plain) => new Promise<ArrayBuffer>((resolve) => setTimeout(() => resolve(plain), 1000)));
    };
  });
  await page.getByRole('button', { name: 'Lưu và đưa vào hàng chờ gửi' }).click();
  await page.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
  await expect(page.locator('.queue-item--sent')).toContainText('Nông Văn Chậm', { timeout: 20_000 });
  await expect(page.getByRole('tab', { name: /Hàng chờ gửi/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: /Phiếu tóm tắt/ })).toHaveCount(0);
  await context.close();
});

test('the kiosk counts 5 minutes from the last touch: the page scrolling by itself is no touch', async ({ browser, collector, request }) => {
  const { code } = await officerWithCode(request, collector);
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
  const page = await context.newPage();
  await page.clock.install();
  await enrolKiosk(page, collector.url, code);
  await typeHousehold(page, { village: 'Bản Yên', headName: 'Hoàng Thị Yên' });
  await page.clock.fastForward('04:00');
  await expect(page.getByRole('button', { name: 'Khoá máy' })).toBeVisible();
  // The app scrolls the page itself (as when a screen opens), with no finger on it.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        addEventListener('scroll', () => resolve(), { once: true });
        scrollTo(0, document.documentElement.scrollHeight);
      }),
  );
  await page.clock.fastForward('01:01');
  await expect(page.getByRole('heading', { name: 'Mở khoá máy' })).toBeVisible();

  // A touch does count: typing at 4 minutes keeps it open past 5.
  await unlockKiosk(page);
  await page.clock.fastForward('04:00');
  await page.getByLabel('Thôn, bản').fill('Bản Yên Mới');
  await page.clock.fastForward('01:01');
  await expect(page.getByRole('button', { name: 'Khoá máy' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mở khoá máy' })).toHaveCount(0);
  await context.close();
});

test('a shared tablet: each officer has their own PIN and data; the kiosk locks itself when left alone', async ({ browser, collector, request }) => {
  const { code } = await officerWithCode(request, collector);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.install();
  await enrolKiosk(page, collector.url, code);
  await context.setOffline(true);
  await typeHousehold(page, { village: 'Bản Mạ', headName: 'Hoàng Thị Bảy', phone: '0912000777' });
  await consentAndSign(page);
  await expect(page.getByText(/Đã lưu nháp lúc/)).toBeVisible();

  // Five minutes without a touch: locked. Typed data stays.
  await page.clock.fastForward('05:01');
  await expect(page.getByRole('heading', { name: 'Mở khoá máy' })).toBeVisible();

  // A second officer joins with their own passphrase and sees none of the first one's households.
  await page.getByRole('button', { name: 'Thêm cán bộ khác dùng máy này' }).click();
  await page.getByLabel('Họ tên cán bộ').fill('Nông Văn Tám');
  await page.getByRole('radio', { name: /Cụm mật khẩu/ }).check();
  await expect(page.getByText('Dữ liệu sao chép khỏi máy không dò ra được trong thực tế.', { exact: false })).toBeVisible();
  await page.getByLabel('Cụm mật khẩu mới').fill('đồi chè xanh');
  await page.getByLabel('Nhập lại cụm mật khẩu').fill('đồi chè xanh');
  await page.getByRole('button', { name: 'Thêm và mở máy' }).click();
  await expect(page.getByRole('alert')).toHaveText('Cụm mật khẩu cần ít nhất 4 từ và 16 ký tự.');
  await page.getByLabel('Cụm mật khẩu mới').fill('mây trắng suối đá đồi chè');
  await page.getByLabel('Nhập lại cụm mật khẩu').fill('mây trắng suối đá đồi chè');
  await page.getByRole('button', { name: 'Thêm và mở máy' }).click();
  await expect(page.getByText('Cán bộ: Nông Văn Tám')).toBeVisible({ timeout: unlockTimeout });
  await expect(page.getByLabel('Họ tên chủ hộ')).toHaveValue('');
  await page.getByRole('tab', { name: 'Tìm hộ' }).click();
  await page.getByLabel(/Họ tên \(gõ không dấu/).fill('hoang thi bay');
  await expect(page.getByText('Không tìm thấy hộ nào.')).toBeVisible();
  await page.getByRole('button', { name: 'Khoá máy' }).click();

  // The first officer: a wrong PIN is refused, the right one brings back the draft exactly.
  await page.getByRole('radio', { name: 'Lý Thị Mai' }).check();
  await page.getByLabel('Mã PIN').fill('000000');
  await page.getByRole('button', { name: 'Mở khoá' }).click();
  await expect(page.getByRole('alert')).toContainText('Sai mã PIN.', { timeout: unlockTimeout });
  await page.getByLabel('Mã PIN').fill(pin);
  await page.getByRole('button', { name: 'Mở khoá' }).click();
  await expect(page.getByLabel('Họ tên chủ hộ')).toHaveValue('Hoàng Thị Bảy', { timeout: unlockTimeout });
  await expect(page.getByLabel('Số điện thoại di động')).toHaveValue('0912000777');
  await expect(page.getByText('Đã lưu chữ ký.')).toBeVisible();

  // The second officer: a wrong passphrase is refused in Vietnamese, theirs (as the keyboard capitalised it) opens.
  await page.getByRole('button', { name: 'Khoá máy' }).click();
  await page.getByRole('radio', { name: 'Nông Văn Tám' }).check();
  await page.getByLabel('Cụm mật khẩu').fill('mây trắng suối đá đồi cỏ');
  await page.getByRole('button', { name: 'Mở khoá' }).click();
  await expect(page.getByRole('alert')).toHaveText('Sai cụm mật khẩu. Dữ liệu trên máy vẫn còn nguyên.', { timeout: unlockTimeout });
  await page.getByLabel('Cụm mật khẩu').fill('Mây trắng suối đá đồi chè');
  await page.getByRole('button', { name: 'Mở khoá' }).click();
  await expect(page.getByText('Cán bộ: Nông Văn Tám')).toBeVisible({ timeout: unlockTimeout });

  // They go back to a PIN: the old passphrase is asked first, then the next unlock takes the PIN.
  await page.getByRole('button', { name: 'Đổi mã mở khoá' }).click();
  await page.getByLabel('Cụm mật khẩu đang dùng').fill('mây trắng suối đá đồi chè');
  await page.getByRole('radio', { name: /Mã PIN/ }).check();
  await page.getByLabel('Mã PIN mới').fill('135790');
  await page.getByLabel('Nhập lại mã PIN').fill('135790');
  await page.getByRole('button', { name: 'Đổi mã mở khoá' }).last().click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã đổi.' })).toHaveText('Đã đổi. Từ lần sau, mở khoá bằng mã PIN mới.', { timeout: unlockTimeout });
  await page.getByRole('button', { name: 'Khoá máy' }).click();
  await page.getByRole('radio', { name: 'Nông Văn Tám' }).check();
  await page.getByLabel('Mã PIN').fill('135790');
  await page.getByRole('button', { name: 'Mở khoá' }).click();
  await expect(page.getByText('Cán bộ: Nông Văn Tám')).toBeVisible({ timeout: unlockTimeout });
  await context.close();
});

test('"Có phiên bản mới": a new release waits until the officer updates, then takes over', async ({ browser, request }) => {
  // Its own copy of the built PWA, so the test can publish a second version.
  const pwaDir = mkdtempSync(join(tmpdir(), 'nongsan-so-pwa-'));
  cpSync(resolve('dist/pwa'), pwaDir, { recursive: true });
  const collector = await startTestCollector({ pwaDir });
  const { url } = collector;
  try {
    const { code } = await officerWithCode(request, collector);
    const context = await browser.newContext();
    const page = await context.newPage();
    await enrolKiosk(page, url, code);
    await typeHousehold(page, { headName: 'Chu Văn An' });
    await expect(page.getByText(/Đã lưu nháp lúc/)).toBeVisible();
    const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);

    // Version 2 is published; the tablet checks for it.
    appendFileSync(join(pwaDir, 'sw.js'), '\n// phiên bản 2\n');
    const prompt = page.getByRole('alert').filter({ hasText: 'Có phiên bản mới của ứng dụng.' });
    await expect(async () => {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      await expect(prompt).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Cập nhật' }).click();
    await reloaded;
    await expect(page.getByText('Có phiên bản mới')).toHaveCount(0);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(firstWorker);
    const version = await (await page.request.get(url + '/sw.js')).text();
    expect(version).toContain('phiên bản 2');
    // Nothing typed was lost in the update.
    await unlockKiosk(page);
    await expect(page.getByLabel('Họ tên chủ hộ')).toHaveValue('Chu Văn An');
    await context.close();
  } finally {
    await collector.close();
    rmSync(pwaDir, { recursive: true, force: true });
  }
});
