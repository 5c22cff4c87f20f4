// The first glance (lib/marketplaces/first-glance.ts) against the full detection, in Chromium: the glance reads the
// head's product data and the first heading with one XPath query, which the unit tests' DOM (linkedom) does not have.
// On every fixture page and on pages written here, the glance says "nothing" only where written by hand, and wherever
// it does, the detection agrees (no page rule, not worth reading, not worth watching, no shop link; the same site and
// rules version). The glance and the detection are bundled from lib/ as the content script has them, and run in the
// page as the content script does. The pages' own scripts do not run: both read the page as it was served, and the
// saved pages' scripts would only fail for want of their assets.
import { readdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { test, expect, type Page } from '@playwright/test';

const marketplaces = new URL('../../lib/marketplaces/', import.meta.url);

/** What the page is given: the glance and the detection with the bundled rules and their glance (made as wxt.config.ts makes them). */
const inPage = build({
  stdin: {
    contents: `
import { bundledRules } from './bundled-rules';
import { detectionRules } from './detection-rules';
import { detectPage } from './detect';
import { glanceOf, showsNoSign } from './first-glance';
import { shopKeyOnPage } from './shop-link';
const rules = detectionRules(bundledRules);
const glance = glanceOf(rules);
globalThis.glanceAndDetection = (url) => {
  const none = showsNoSign(document, url, glance);
  const found = detectPage(document, url, rules);
  const shopKey = found.page?.type === 'product' ? shopKeyOnPage(document, url, found.site, found.page) : null;
  return {
    glance: none && { marketplace: none.marketplace, version: none.version },
    detectionSaysNothing: !found.page && !found.worthReading && !found.mayBecomeOrder && shopKey === null,
    detected: { marketplace: found.marketplace, version: found.site?.version ?? null },
  };
};`,
    resolveDir: marketplaces.pathname,
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  write: false,
  logLevel: 'silent',
}).then((r) => r.outputFiles[0].text);

/** The version of a marketplace's bundled rules (lib/marketplaces/bundled-rules.ts). */
const versionOf = (marketplace: string) => (JSON.parse(readFileSync(new URL(`${marketplace}/rules.json`, marketplaces), 'utf8')) as { version: string }).version;
const voso = { marketplace: 'voso', version: versionOf('voso') };
const postmart = { marketplace: 'postmart', version: versionOf('postmart') };

test.use({ javaScriptEnabled: false });

/** Opens `html` at `url` (no network: the page is the answer to its own request, every other request fails). */
async function open(page: Page, url: string, html: string, contentType = 'text/html; charset=utf-8') {
  await page.unrouteAll();
  const requested = url.split('#')[0];
  await page.route('**/*', (route) => (route.request().url() === requested ? route.fulfill({ contentType, body: html }) : route.abort()));
  await page.goto(url, { waitUntil: 'domcontentloaded' });
}

interface Seen {
  glance: { marketplace: string; version: string | null } | null;
  detectionSaysNothing: boolean;
  detected: { marketplace: string | null; version: string | null };
}

/** The glance at the open page (null: not certain), after checking that the detection agrees wherever it says "nothing". */
async function glanceAt(page: Page, url: string) {
  await page.evaluate(await inPage);
  const seen = await page.evaluate((u) => (globalThis as unknown as { glanceAndDetection(url: string): Seen }).glanceAndDetection(u), url);
  if (seen.glance) {
    expect(seen.detectionSaysNothing, `${url}: the glance says nothing, the detection disagrees`).toBe(true);
    expect(seen.glance).toEqual(seen.detected);
  }
  return seen.glance;
}

const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

test.describe('every fixture page: the glance says nothing only where the detection does', () => {
  const folders = ['voso', 'postmart', 'generic'];
  const cases: [string, string, string][] = [];
  for (const folder of folders) {
    const dir = new URL(`${folder}/fixtures/`, marketplaces);
    const list = JSON.parse(readFileSync(new URL('pages.json', dir), 'utf8')) as Record<string, string>;
    for (const [file, url] of Object.entries(list)) cases.push([`${folder}/${file}`, url, readFileSync(new URL(file, dir), 'utf8')]);
  }

  // Written from the pages: the home pages and the header and footer (no commerce word in their address, title or first
  // heading, no product data in their head). Every other fixture shows a sign or has an address a rule could match.
  const nothing = new Set([
    'voso/home.html',
    'voso/partial-header.html',
    'voso/partial-footer.html',
    'postmart/home-shell.httrack-2022-09-16.html',
    'postmart/home-three-column-banner.snippet.html',
  ]);
  test('found them all: every page of each folder, 32 in all', () => {
    for (const folder of folders)
      expect(readdirSync(new URL(`${folder}/fixtures/`, marketplaces)).filter((f) => f.endsWith('.html')).length, folder).toBe(cases.filter(([n]) => n.startsWith(`${folder}/`)).length);
    expect(cases.length).toBe(32);
  });
  for (const [name, url, html] of cases)
    test(name, async ({ page: tab }) => {
      await open(tab, url, html);
      expect(await glanceAt(tab, url)).toEqual(nothing.has(name) ? (url.includes('postmart') ? postmart : voso) : null);
    });
});

test.describe('the glance, page by page', () => {
  const home = 'https://langson.voso.vn/';
  test('the home page, a category, a search: nothing', async ({ page: tab }) => {
    const html = page('<title>Voso - Sàn thương mại điện tử</title>', '<h2>Gợi ý hôm nay</h2><ul><li><a href="/na-p1.html">Na Chi Lăng 60.000đ</a></li></ul>');
    for (const [url, site] of [[home, voso], ['https://langson.voso.vn/trai-cay-c1201?sort=moi-nhat', voso], ['https://langson.postmart.vn/tim-kiem?q=na', postmart]] as const) {
      await open(tab, url, html);
      expect(await glanceAt(tab, url), url).toEqual(site);
    }
  });
  test('a page with no heading and no title at all: nothing', async ({ page: tab }) => {
    await open(tab, home, page('', '<div>Trang chủ</div>'));
    expect(await glanceAt(tab, home)).toEqual(voso);
  });
  test('a commerce word in the title, folded ("ĐƠN HÀNG", "Giỏ hàng"): not certain', async ({ page: tab }) => {
    await open(tab, home, page('<title>ĐƠN HÀNG CỦA TÔI</title>', ''));
    expect(await glanceAt(tab, home)).toBeNull();
    await open(tab, home, page('<title>Giỏ hàng</title>', ''));
    expect(await glanceAt(tab, home)).toBeNull();
  });
  test('the first heading speaks of orders, in the body: not certain', async ({ page: tab }) => {
    await open(tab, home, page('<title>Voso</title>', '<div><h2>Cảm ơn bạn đã <b>đặt hàng</b></h2></div><h1>Khác</h1>'));
    expect(await glanceAt(tab, home)).toBeNull();
  });
  test('only the first heading counts, as in the detection, and only its first 200 characters', async ({ page: tab }) => {
    await open(tab, home, page('<title>Voso</title>', '<h1>Nông sản</h1><h2>Đơn hàng</h2>'));
    expect(await glanceAt(tab, home)).toEqual(voso);
    await open(tab, home, page('<title>Voso</title>', `<h1>${'a'.repeat(196)} Đơn hàng</h1>`));
    expect(await glanceAt(tab, home)).toEqual(voso);
    await open(tab, home, page('<title>Voso</title>', `<h1>${'a'.repeat(190)} Đơn hàng</h1>`));
    expect(await glanceAt(tab, home)).toBeNull();
  });
  test('product data in the head, wherever it is in the head: not certain', async ({ page: tab }) => {
    for (const head of [
      '<title>Voso</title><script type="application/ld+json">{}</script>',
      '<meta property="og:type" content="product">',
      '<meta property="product:price:amount" content="1">',
      // The selector compares a script's type without case, in an HTML document: so does the glance.
      '<script type="Application/LD+JSON">{}</script>',
    ]) {
      await open(tab, home, page(head, '<h1>Nông sản</h1>'));
      expect(await glanceAt(tab, home), head).toBeNull();
    }
    // Elsewhere than the head it is no sign, to the detection either; nor other product data in the head.
    await open(tab, home, page('<title>Voso</title>', '<script type="application/ld+json">{}</script><meta property="og:type" content="product">'));
    expect(await glanceAt(tab, home)).toEqual(voso);
    await open(tab, home, page('<meta property="og:type" content="website"><meta property="OG:TYPE" content="product"><script type="application/json">{}</script>', ''));
    expect(await glanceAt(tab, home)).toEqual(voso);
  });
  test("a heading a script put into the head, before the head's product data: not certain", async ({ page: tab }) => {
    await open(tab, home, page('<title>Voso</title><meta property="og:type" content="product">', ''));
    await tab.evaluate(() => {
      const h1 = document.createElement('h1');
      h1.textContent = 'Nông sản';
      document.head.prepend(h1);
    });
    expect(await glanceAt(tab, home)).toBeNull();
  });
  test('a commerce path, or one a rule is written for (whatever the page shows): not certain', async ({ page: tab }) => {
    const empty = page('<title>Voso</title>', '<div id="app"></div>');
    for (const url of [
      ...['/thanh-toan', '/ORDER/1', '/gio-hang', '/dat-hang/xong', '/na-p245871.html', '/lich-su-mua-hang.html'].map((p) => `https://langson.voso.vn${p}`),
      'https://langson.postmart.vn/p/mang-18342.html',
      'https://langson.postmart.vn/account/orders?page=2',
    ]) {
      await open(tab, url, empty);
      expect(await glanceAt(tab, url), url).toBeNull();
    }
  });
  test('a commerce word in the query or the fragment only: nothing (the detection looks at the path)', async ({ page: tab }) => {
    const empty = page('<title>Voso</title>', '<div id="app"></div>');
    for (const url of ['https://langson.voso.vn/tim-kiem?q=gio-hang', 'https://langson.voso.vn/#/don-hang']) {
      await open(tab, url, empty);
      expect(await glanceAt(tab, url), url).toEqual(voso);
    }
  });
  test('an XHTML page (XML): not certain, even with no sign (XPath matches its element names otherwise than selectors)', async ({ page: tab }) => {
    const xhtml = (heading: string) =>
      `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Voso</title></head><body><h1>${heading}</h1></body></html>`;
    for (const heading of ['Nông sản', 'Đơn hàng của tôi']) {
      await open(tab, home, xhtml(heading), 'application/xhtml+xml');
      expect(await glanceAt(tab, home), heading).toBeNull();
    }
  });
  test('a host that is no marketplace: not certain (the detection answers there)', async ({ page: tab }) => {
    await open(tab, 'https://shop.example.vn/', page('<title>Shop</title>', ''));
    expect(await glanceAt(tab, 'https://shop.example.vn/')).toBeNull();
  });
});
