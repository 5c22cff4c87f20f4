// Issue 13 (5, 6), the two halves meet: Sở NN&PTNT verifies a household's VietGAP certificate on the dashboard, and a
// buyer who never enrolled sees it on that household's product page through the real extension; an unverified claim
// and an expired certificate show nothing.
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { fixture } from './marketplace-server';
import { setCollectorUrl } from './extension-helpers';
import { overHttp } from './collector-api';
import { createProvinceAdmin, expectAccessible, signIn } from './dashboard-helpers';
import { enrolKiosk, household } from '../unit/robustness/people';
import { BADGE, landmarkShown, pressLandmarkButton, readLandmark } from './notice-reader';

const productPath = '/na-chi-lang-loai-1-hop-2kg-p245871.html';
/** The same product page, sold by another shop (voso's shop link "…-s<id>"). */
const soldBy = (shopId: string) => fixture('voso/fixtures/product-na-chi-lang.html').replace('/htx-nong-nghiep-chi-lang-s41235', `/htx-khac-s${shopId}`);

test.use({
  sitePages: {
    'langson.voso.vn': {
      [productPath]: fixture('voso/fixtures/product-na-chi-lang.html'),
      '/na-chua-xac-minh-p245872.html': soldBy('50000'),
      '/na-het-han-p245873.html': soldBy('60000'),
    },
  },
});

/** yyyy-mm-dd and dd/mm/yyyy of today in Vietnam (UTC+7) plus `days`. */
const vnDay = (days: number) => new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const shown = (iso: string) => iso.split('-').reverse().join('/');

/** The note's words as a screen reader reads them ('' while there is none), for `expect.poll`. */
const noteText = async (page: Page) => (await readLandmark(page, BADGE))?.text ?? '';
/**
 * Waits until the content script has looked the page's shop up and shown its note or decided on none; only then does
 * "no note" mean anything.
 */
const badgeDecided = (page: Page) => page.waitForFunction(() => performance.getEntriesByName('nongsan-so:badge-decided').length > 0);
/** The shops of the registry the background keeps in extension storage (null before the first download). */
const registryKeys = (sw: Worker) =>
  sw.evaluate(async () => {
    const storage = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { keys: string[] } | undefined>> } } } }).chrome.storage.local;
    return (await storage.get('registry')).registry?.keys ?? null;
  });

// A collector of its own: the registry the extension downloads is the whole province's.
test('a VietGAP certificate verified by Sở NN&PTNT shows on the product page; unverified and expired ones show nothing', async ({ extension, ownCollector: collector }) => {
  // A kiosk, the command-line admin, two sign-ins and the extension: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const { context, serviceWorker, extensionId } = extension;

  // Three households of Xã Nhạc Kỳ sign up at the kiosk; the hand-over brings back their shop links.
  const kiosk = await enrolKiosk(overHttp(collector), ['06181']);
  const [verified, unverified, expired] = [
    household({ headName: 'Hoàng Văn Thụ', vietgap: 'VietGAP-TT-13-09-20-0096', ocopStars: 3 }),
    household({ headName: 'Lộc Văn Tài', vietgap: 'VietGAP-TT-13-09-20-0097' }),
    household({ headName: 'Vi Thị Hồng', vietgap: 'VietGAP-TT-13-09-20-0098' }),
  ];
  const sync = await fetch(`${collector.url}/api/kiosk/households`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${kiosk.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ households: [verified, unverified, expired] }),
  });
  const ids = ((await sync.json()) as { results: { serverId: string }[] }).results.map((r) => r.serverId);
  expect(ids).toHaveLength(3);
  const handover = ['Mã hồ sơ,Đường dẫn cửa hàng', ...['htx-nong-nghiep-chi-lang-s41235', 'htx-khac-s50000', 'htx-khac-s60000'].map((shop, i) => `${ids[i]},https://langson.voso.vn/${shop}`)].join('\r\n');
  const upload = await fetch(`${collector.url}/api/kiosk/handover`, { method: 'POST', headers: { Authorization: `Bearer ${kiosk.officer.token}` }, body: handover });
  expect(((await upload.json()) as { updated: number }).updated).toBe(3);

  // The province creates the Sở NN&PTNT account on the dashboard.
  createProvinceAdmin(collector, 'so.tttt', 'mat-khau-rat-dai-2021');
  const dash = await context.newPage();
  await dash.goto(`${collector.url}/bang-dieu-khien/tai-khoan`);
  await signIn(dash, 'so.tttt', 'mat-khau-rat-dai-2021');
  await dash.getByLabel('Sở NN&PTNT (xác minh VietGAP, OCOP, truy xuất)').check();
  await dash.getByLabel(/^Tên đăng nhập/).fill('sonn.langson');
  await dash.getByLabel('Họ và tên').fill('Nông Thị Thu');
  await dash.getByLabel(/^Mật khẩu ban đầu/).fill('mat-khau-so-nong-nghiep');
  await dash.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(dash.getByRole('status').filter({ hasText: 'Đã tạo tài khoản sonn.langson (Sở NN&PTNT).' })).toBeVisible();
  await dash.getByRole('button', { name: 'Đăng xuất' }).click();

  // Sở NN&PTNT verifies the first household's VietGAP certificate and OCOP stars, and the third's certificate.
  await signIn(dash, 'sonn.langson', 'mat-khau-so-nong-nghiep');
  await expect(dash.getByRole('heading', { name: 'Kiểm tra chất lượng sản phẩm của hộ' })).toBeVisible();
  const card = (title: string) => dash.getByRole('listitem', { name: title });
  await expect(card('VietGAP — Hoàng Văn Thụ')).toContainText('Hộ khai: „VietGAP-TT-13-09-20-0096”');
  await expect(card('VietGAP — Hoàng Văn Thụ')).not.toContainText(verified.phone);
  await expectAccessible(dash);
  const verify = async (title: string, expiresOn: string) => {
    await card(title).getByLabel('Tổ chức cấp').fill('Trung tâm Chứng nhận phù hợp (QUACERT)');
    await card(title).getByLabel('Hết hạn ngày (dd/mm/yyyy)').fill(shown(expiresOn));
    await card(title).getByRole('button', { name: 'Xác minh' }).click();
    await expect(card(title)).toHaveCount(0);
  };
  await verify('VietGAP — Hoàng Văn Thụ', vnDay(200));
  await card('OCOP — Hoàng Văn Thụ').getByRole('button', { name: 'Xác minh' }).click();
  await expect(card('OCOP — Hoàng Văn Thụ')).toHaveCount(0);
  await verify('VietGAP — Vi Thị Hồng', vnDay(10));
  await expect(dash.getByRole('region', { name: /Giấy chứng nhận sắp hết hạn/ })).toContainText(`Vi Thị Hồng (Xã Nhạc Kỳ, Huyện Văn Lãng): hết hạn ngày ${shown(vnDay(10))}`);
  await expect(card('VietGAP — Lộc Văn Tài')).toBeVisible();
  // Time passes: the third household's certificate is past its expiry.
  await collector.db.updateTable('household_claims').set({ expires_on: vnDay(-1) }).where('household_id', '=', ids[2]).execute();

  // A buyer who never enrolled: the extension only knows the collector's address, and fetches the registry once.
  await setCollectorUrl(context, extensionId, collector.url);
  await expect.poll(() => registryKeys(serviceWorker)).toEqual(['registry:voso:41235']);

  const shop = await context.newPage();
  await shop.goto(`https://langson.voso.vn${productPath}`);
  await expect
    .poll(() => noteText(shop))
    .toBe(['×', 'Nông sản số Lạng Sơn', `Hộ sản xuất tại xã Nhạc Kỳ, huyện Văn Lãng · VietGAP đã xác minh, còn hạn đến ${shown(vnDay(200))} · OCOP 3 sao`].join('\n'));
  expect(Object.keys((await landmarkShown(shop, BADGE)).buttons)).toEqual(['Đóng ghi chú']);
  // page.evaluate runs in the page's own world, as the marketplace's scripts do: the note's host is there, its
  // shadow root and its words are not.
  expect(
    await shop.evaluate(() => {
      const host = document.querySelector('nongsan-so-badge');
      return { host: !!host, shadowRoot: host?.shadowRoot === null ? null : 'reachable', words: document.body.innerText.includes('VietGAP') || (host?.textContent ?? '').includes('VietGAP') };
    }),
  ).toEqual({ host: true, shadowRoot: null, words: false });

  for (const path of ['/na-chua-xac-minh-p245872.html', '/na-het-han-p245873.html']) {
    await shop.goto(`https://langson.voso.vn${path}`);
    await badgeDecided(shop);
    expect(await readLandmark(shop, BADGE)).toBeNull();
  }

  // Closing the note (a person's click on its button) keeps that shop quiet on later visits.
  await shop.goto(`https://langson.voso.vn${productPath}`);
  await pressLandmarkButton(shop, BADGE, 'Đóng ghi chú');
  await expect.poll(() => readLandmark(shop, BADGE)).toBeNull();
  await shop.reload();
  await badgeDecided(shop);
  expect(await readLandmark(shop, BADGE)).toBeNull();

  // Asking again sends the ETag: nothing changed, nothing downloaded.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: 'Cập nhật danh sách' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Danh sách hộ sản xuất không đổi.' })).toBeVisible();
});
