// The civil servant's path in Firefox (Debian firefox-esr) with the real Firefox build of the extension and a
// real collector: product → cart → checkout → confirmation → notice → popup → enrol → submit → the collector has
// it. Run by `npm test` after Playwright (scripts/test.mjs), with Node's test runner:
//   node --import tsx --test tests/firefox/journey.test.ts
// puppeteer-core drives Firefox over WebDriver BiDi. Firefox has no host-resolver rules, so the fixture server is
// its proxy: every host but localhost goes there (the collector, on localhost, is reached directly), the
// marketplaces' https:// pages through a CONNECT tunnel served with the fixture server's throwaway certificate,
// which the BiDi session accepts ("acceptInsecureCerts"). The notice is read over BiDi (./notice.ts): its shadow
// root is closed to page scripts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startCollector } from '../../server/collector';
import { readConfig } from '../../server/config';
import { createEnrolmentCode } from '../../server/testing/seed';
import { fixture, startMarketplaceServer } from '../e2e/marketplace-server';
import { waitForNotice } from './notice';
import type { RulesCache } from '../../entrypoints/shared/rules-choice';
import type { SiteRules } from '../../lib/marketplaces/rules';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'nongsan-so@langson.gov.vn';
// Fixed here so that the test knows the extension's pages' address (moz-extension://<uuid>/popup.html).
const UUID = '5d1c2a9e-6b0f-4f3e-9a43-2f4a1c7e8b10';
const base = `moz-extension://${UUID}`;

/**
 * voso's home page with a "Mua ngay" button that, as a single-page app does, fetches the confirmation, shows it and
 * moves the address to /dat-hang by pushState. Firefox ESR 140 has no Navigation API (turned off here by a pref for
 * a newer Firefox): the extension sees the new address only because it looks again after the person's click (the
 * home page's own changes are not watched).
 */
function homeThatOrdersInPlace(): string {
  // The saved page has no <body> tag of its own: the button and its script go at its end.
  return `${fixture('voso/fixtures/home.html')}<button id="mua-ngay" type="button" style="position:fixed;top:0;left:0;z-index:99999">Mua ngay</button><script>
document.getElementById('mua-ngay').addEventListener('click', async () => {
  const html = await (await fetch('/dat-hang')).text();
  const next = new DOMParser().parseFromString(html, 'text/html');
  history.pushState({}, '', '/dat-hang');
  document.title = next.title;
  document.body.replaceWith(document.adoptNode(next.body));
});
</script>`;
}

let browser: Browser;
let site: Awaited<ReturnType<typeof startMarketplaceServer>>;
let collector: Awaited<ReturnType<typeof startCollector>>;
let dataDir: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'nongsan-so-firefox-'));
  collector = await startCollector({ ...readConfig(), port: 0, dataDir, databaseUrl: null });
  await collector.db
    .insertInto('periods')
    .values({ id: 'e2e-2026', name: 'Đợt thử nghiệm 2026', starts_on: '2026-09-01', ends_on: '2026-12-31', report_due: '2027-01-10' })
    .execute();
  site = await startMarketplaceServer({
    'langson.voso.vn': { '/': homeThatOrdersInPlace, '/dat-hang': fixture('voso/fixtures/order-confirmation.html') },
    'langson.postmart.vn': {
      '/p/mang-kho-bac-son-tui-500g-18342.html': fixture('postmart/fixtures/product-mang-kho.html'),
      '/cart': fixture('postmart/fixtures/cart.html'),
      '/checkout': fixture('postmart/fixtures/checkout.html'),
      '/checkout/complete': fixture('postmart/fixtures/checkout-complete.html'),
    },
  });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    // WebDriver BiDi refuses to open moz-extension:// pages (the popup, the options) without it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': site.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': site.port,
      'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      'intl.accept_languages': 'vi-VN, vi',
      // As in Firefox ESR 140, which has no Navigation API (a page's pushState is not announced to the extension).
      'dom.navigation.webidl.enabled': false,
    },
  });
  await browser.installExtension(resolve('.output/firefox-mv2'));
});

after(async () => {
  await browser?.close();
  await site?.close();
  await collector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Opens one of the extension's pages. Firefox moves the tab to the extension process, and the BiDi navigation
 * never reports back; so the page is asked for, and its content waited for.
 */
async function openExtensionPage(path: string, ready: string): Promise<Page> {
  const page = await browser.newPage();
  let failed: unknown = null;
  void page.goto(`${base}/${path}`, { timeout: 0 }).catch((e) => (failed = e));
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await page.waitForSelector(ready, { timeout: Math.max(1, deadline - Date.now()) });
      return page;
    } catch (e) {
      // Firefox may move the new tab into the extension's process while it loads: a wait begun before that fails at
      // once, at about:blank with no navigation error (seen once in a fresh-clone run). Begun again until the deadline.
      if (!failed && Date.now() < deadline - 200) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      throw new Error(`${path}: ${(e as Error).message}; at ${page.url()}; navigation: ${failed}; page: ${await page.evaluate(() => document.body?.innerText).catch(() => '?')}`);
    }
  }
}

/** The text of the first element matching a selector, once it contains the words (waits up to 15 s). */
async function waitForText(page: Page, selector: string, words: string): Promise<string> {
  const handle = await page.waitForFunction(
    (sel, w) => {
      for (const el of document.querySelectorAll(sel)) if (el.textContent?.includes(w)) return el.textContent;
      return null;
    },
    { timeout: 15_000, polling: 200 },
    selector,
    words,
  );
  return (await handle.jsonValue()) as string;
}

test('Firefox: checkout → confirmation → notice → popup → enrol → Gửi → the collector has the order', async () => {
  const page = await browser.newPage();
  await page.goto('https://langson.postmart.vn/p/mang-kho-bac-son-tui-500g-18342.html', { waitUntil: 'domcontentloaded' });
  for (const path of ['/cart', '/checkout', '/checkout/complete']) {
    await page.goto(`https://langson.postmart.vn${path}`, { waitUntil: 'domcontentloaded' });
    // The background has stored the page (its items carry over to the confirmation), as the person would wait.
    await page.waitForFunction(() => performance.getEntriesByName('nongsan-so:recorded').length > 0, { timeout: 15_000, polling: 200 });
  }
  const notice = await waitForNotice(browser, page, 'Đã ghi nhận đơn 10528');
  assert.match(notice, /2 sản phẩm nông sản/);
  // The page's own scripts cannot reach into it.
  assert.equal(await page.evaluate(() => document.querySelector('nongsan-so-notice')?.shadowRoot), null);

  const options = await openExtensionPage('options.html', 'input[name="collector"]');
  await options.locator('input[name="collector"]').fill(`http://localhost:${collector.port}`);
  await options.locator('button[type="submit"]').click();
  await waitForText(options, '[role="status"]', 'Đã lưu');

  const popup = await openExtensionPage('popup.html', 'section[aria-labelledby="enrol-h"] input');
  const code = await createEnrolmentCode(collector.db, 'SNV');
  const [name, codeBox] = await popup.$$('section[aria-labelledby="enrol-h"] input');
  await name.type('Hoàng Thị Mai');
  await codeBox.type(code);
  await popup.locator('::-p-text(Kiểm tra mã)').click();
  await waitForText(popup, '.agency', 'Sở Nội vụ');
  await popup.locator('::-p-text(Đúng, đăng ký)').click();
  await waitForText(popup, '.who', 'Hoàng Thị Mai — Sở Nội vụ');

  const card = await waitForText(popup, 'article.order[data-order-code="10528"]', 'Măng khô Bắc Sơn túi 500g');
  assert.match(card, /Khâu nhục Lạng Sơn hộp 1kg/);
  await popup.locator('button.primary::-p-text(Gửi)').click();
  await waitForText(popup, 'article.order[data-order-code="10528"] .state', 'Đã gửi');

  const rows = await collector.db.selectFrom('staff_orders').selectAll().execute();
  const mine = rows.filter((r) => JSON.parse(r.body).orderCode === '10528');
  assert.equal(mine.length, 1);
  assert.deepEqual(
    JSON.parse(mine[0].body).items.map((i: { name: string }) => i.name),
    ['Măng khô Bắc Sơn túi 500g', 'Khâu nhục Lạng Sơn hộp 1kg'],
  );
});

test('Firefox: a home page that becomes its confirmation by pushState after a click shows the notice', async () => {
  const page = await browser.newPage();
  await page.goto('https://langson.voso.vn/', { waitUntil: 'domcontentloaded' });
  // The content script has read the home page (no order) before the person clicks.
  await page.waitForFunction(() => performance.getEntriesByName('nongsan-so:read').length > 0, { timeout: 15_000, polling: 200 });
  await page.locator('#mua-ngay').click();
  await page.waitForFunction(() => location.pathname === '/dat-hang', { timeout: 15_000 });
  assert.equal(await page.evaluate(() => 'navigation' in globalThis), false);
  const notice = await waitForNotice(browser, page, 'Đã ghi nhận đơn VS2611290417 cho đợt vận động');
  assert.match(notice, /Đã ghi nhận đơn VS2611290418 cho đợt vận động/);
});

test('Firefox: with the collector\'s newer rules in storage, an order page is read with them', async () => {
  // voso's rules as the collector might send them: newer, and calling the confirmation an order's detail page.
  const voso = JSON.parse(fixture('voso/rules.json')) as SiteRules;
  const pages = voso.pages.map((p) => (p.type === 'order-confirmation' ? { ...p, type: 'order-detail' as const } : p));
  const cache: RulesCache = { rules: { version: '2099-01-01', sites: [{ ...voso, version: '2099-01-01', pages }] }, fetchedAt: new Date().toISOString() };
  const options = await openExtensionPage('options.html', 'input[name="collector"]');
  const api = () => (globalThis as unknown as { browser: { storage: { local: { set(v: object): Promise<void>; remove(k: string): Promise<void> } }; scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } }).browser;
  await options.evaluate(`(${api})().storage.local.set({ rules: ${JSON.stringify(cache)} })`);
  // The background registers the script that tells the content script so (entrypoints/newer-rules.ts).
  await options.waitForFunction(`(${api})().scripting.getRegisteredContentScripts().then((s) => s.map((x) => x.id).join() === 'newer-rules')`, { timeout: 15_000, polling: 200 });
  const page = await browser.newPage();
  await page.goto('https://langson.voso.vn/dat-hang', { waitUntil: 'domcontentloaded' });
  const read = await page.waitForFunction(() => (performance.getEntriesByName('nongsan-so:read')[0] as PerformanceMeasure | undefined)?.detail?.pageType, { timeout: 15_000, polling: 200 });
  assert.equal(await read.jsonValue(), 'order-detail');
  await options.evaluate(`(${api})().storage.local.remove('rules')`);
  await options.waitForFunction(`(${api})().scripting.getRegisteredContentScripts().then((s) => s.length === 0)`, { timeout: 15_000, polling: 200 });
});
