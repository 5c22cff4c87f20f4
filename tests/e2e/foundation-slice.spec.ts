import { test, expect } from './fixtures';
import { fixture } from './marketplace-server';
import { enrolKiosk, officerWithCode, registerHousehold, sixDigits } from './kiosk-helpers';

// The thin slice through all three parts: extension on both marketplaces, PWA offline, collector round trip.

const vosoProductPath = '/giay-sneaker-nam-den-giay-sneaker-nam-giay-sneaker-nam-the-thao-p101533.html';

test.describe('extension on the real marketplace host names', () => {
  test.use({
    sitePages: {
      'langson.voso.vn': { [vosoProductPath]: fixture('voso/fixtures/product-detail-1.html') },
      'langson.postmart.vn': {
        '/p/na-chi-lang-loai-1-12345.html': '<!doctype html><html lang="vi"><body><h1>Na Chi Lăng loại 1</h1></body></html>',
      },
      'example.com': { '/p/na-12.html': '<!doctype html><html><body><h1>Na giả</h1></body></html>' },
    },
  });

  test('content script reads pages on both marketplaces and the popup opens', async ({ extension }) => {
    const { context, extensionId } = extension;
    const page = await context.newPage();
    // The content script leaves a performance measure with the page type it read (bench/extension.ts reads it too).
    const readAs = () => page.waitForFunction(() => (performance.getEntriesByName('nongsan-so:read')[0] as PerformanceMeasure | undefined)?.detail?.pageType);
    await page.goto(`https://langson.voso.vn${vosoProductPath}`);
    expect(await (await readAs()).jsonValue()).toBe('product');
    await page.goto('https://langson.postmart.vn/p/na-chi-lang-loai-1-12345.html');
    expect(await (await readAs()).jsonValue()).toBe('product');

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByRole('heading', { name: 'Nông sản số Lạng Sơn' })).toBeVisible();
    await expect(popup.getByText('Bạn chưa đăng ký với cơ quan.')).toBeVisible();
  });
});

test('PWA installs its service worker, opens offline, and shows what the collector stored', async ({ browser, collector, request }) => {
  const { code } = await officerWithCode(request, collector);
  const n = sixDigits();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(collector.url + '/');
  await expect(page.getByRole('heading', { name: 'Nông sản số Lạng Sơn' })).toBeVisible();
  await page.getByRole('link', { name: /Đăng ký hộ tại xã/ }).click();
  const manifest = await (await page.request.get(collector.url + '/manifest.webmanifest')).json();
  expect(manifest.lang).toBe('vi');

  // enrolKiosk waits for the service worker to take control before enrolling.
  await enrolKiosk(page, collector.url, code);
  await registerHousehold(page, { village: 'Thôn Bản Cặp', headName: 'Hoàng Văn Thụ', phone: `0987 ${n}`, idNumber: `020190${n}`, shopName: 'Na nhà Thụ', product: 'Na Chi Lăng' });
  // Sent while online; the collector's id and status come back to the tablet.
  await page.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
  await expect(page.getByText('Đã gửi — Đã nhận hồ sơ')).toBeVisible();
  const row = await collector.db.selectFrom('households').select(['id', 'code']).where('phone', '=', `0987${n}`).executeTakeFirstOrThrow();
  await expect(page.getByText(`Mã hồ sơ: ${row.code}`)).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Mở khoá máy' })).toBeVisible();
  await expect(page.getByText('Mất mạng')).toBeVisible();
  await context.close();
});
