import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { bundledRules } from './bundled-rules';
import { detectionRules } from './detection-rules';
import { detectPage } from './detect';
import { addressOf, glanceOf, literalEnd, literalStart, showsNoSign } from './first-glance';
import { shopKeyOnPage } from './shop-link';

// What the content script has: the detection part of the bundled rules, and its glance (both made by wxt.config.ts).
const rules = detectionRules(bundledRules);
const glance = glanceOf(rules);
const versionOf = (marketplace: string) => bundledRules.sites.find((s) => s.marketplace === marketplace)!.version;

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const page = (head: string, body: string) => parse(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

/** The full detection's answer, as the content script takes it: nothing to do on the page. */
function detectionSaysNothing(doc: Document, url: string): boolean {
  const found = detectPage(doc, url, rules);
  const shopKey = found.page?.type === 'product' ? shopKeyOnPage(doc, url, found.site, found.page) : null;
  return !found.page && !found.worthReading && !found.mayBecomeOrder && shopKey === null;
}

/** The glance at a page, and that the detection agrees wherever the glance says "nothing". */
function glanceAt(doc: Document, url: string) {
  const none = showsNoSign(doc, url, glance);
  if (none) {
    expect(detectionSaysNothing(doc, url), `${url}: the glance says nothing, the detection disagrees`).toBe(true);
    const found = detectPage(doc, url, rules);
    expect({ marketplace: none.marketplace, version: none.version }).toEqual({ marketplace: found.marketplace, version: found.site?.version ?? null });
  }
  return none && { marketplace: none.marketplace, version: none.version };
}

describe('the plain text of an address pattern', () => {
  it('a prefix, up to what may be absent or repeated', () => {
    expect(literalStart('^/gio-hang/?(\\?|$)')).toBe('/gio-hang');
    expect(literalStart('^/lich-su-mua-hang\\.html')).toBe('/lich-su-mua-hang.html');
    expect(literalStart('^/account/orders/\\d+')).toBe('/account/orders/');
    expect(literalStart('^/ab*c')).toBe('/a');
    expect(literalStart('^/ab+c')).toBe('/ab');
    expect(literalStart('^/ab{0,2}c')).toBe('/a');
  });
  it('an ending', () => {
    expect(literalEnd('-p\\d+\\.html$')).toBe('.html');
    expect(literalEnd('^/stores/([^/]+)/?$')).toBeNull();
    expect(literalEnd('/x\\\\.html$')).toBe('html');
    expect(literalEnd('/x\\d$')).toBeNull();
    expect(literalEnd('/x\\$')).toBeNull();
  });
  it('none where a match needs no part of it', () => {
    expect(literalStart('^/a|/b')).toBeNull();
    expect(literalEnd('a$|b')).toBeNull();
    expect(literalStart('/dat-hang')).toBeNull();
    expect(literalStart('^(?:/a|/b)')).toBeNull();
    expect(literalStart('^\\d')).toBeNull();
  });
  it('an alternative inside a group or a class is no choice for the whole', () => {
    expect(literalStart('^/cart/?(\\?|$)')).toBe('/cart');
    expect(literalStart('^/x[|]')).toBe('/x');
  });
  it('every bundled page rule: what its pattern matches starts or ends with its plain text', () => {
    const paths = [
      '/', '/gio-hang', '/gio-hang/', '/gio-hang?x=1', '/gio-hangx', '/dat-hang', '/dat-hang/thanh-cong', '/hoa-don/48f96539', '/hoa-don/',
      '/lich-su-mua-hang.html', '/lich-su-mua-hangxhtml', '/na-p1.html', '/na-p1.html?x', '/p1.html', '/p/mang-18342.html', '/p/x.html',
      '/cart', '/cart/', '/cart?x', '/checkout', '/checkout/complete', '/checkout/?a', '/account/orders', '/account/orders/10377',
      '/stores/htx', '/gian-hang-cua-toi.html', '/-p9.html',
    ];
    // Written from the rules' patterns: the plain start, or (marked "…") the plain ending.
    const expected: Record<string, string> = {
      '-p\\d+\\.html$': '….html',
      '^/gio-hang/?(\\?|$)': '/gio-hang',
      '^/dat-hang': '/dat-hang',
      '^/hoa-don/[0-9a-f]+': '/hoa-don/',
      '^/lich-su-mua-hang\\.html': '/lich-su-mua-hang.html',
      '^/p/[^/]+-\\d+\\.html$': '/p/',
      '^/cart/?(\\?|$)': '/cart',
      '^/checkout/complete': '/checkout/complete',
      '^/checkout/?(\\?|$)': '/checkout',
      '^/account/orders/\\d+': '/account/orders/',
      '^/account/orders/?(\\?|$)': '/account/orders',
    };
    const found: Record<string, string> = {};
    for (const site of rules.sites)
      for (const { url } of site.pages) {
        const start = literalStart(url);
        const end = start === null ? literalEnd(url) : null;
        found[url] = start ?? `…${end}`;
        for (const p of paths) if (new RegExp(url).test(p)) expect(start !== null ? p.startsWith(start) : p.endsWith(end!), `${url} on ${p}`).toBe(true);
      }
    expect(found).toEqual(expected);
  });
});

describe('the glance of the bundled rules', () => {
  it("each marketplace's page rules, as prefixes and endings (a prefix another covers left out)", () => {
    expect(glance).toEqual({
      'langson.voso.vn': { marketplace: 'voso', version: versionOf('voso'), starts: ['/gio-hang', '/dat-hang', '/hoa-don/', '/lich-su-mua-hang.html'], ends: ['.html'] },
      'langson.postmart.vn': { marketplace: 'postmart', version: versionOf('postmart'), starts: ['/p/', '/cart', '/checkout', '/account/orders'], ends: [] },
    });
  });
  it('a site with a pattern that has no plain part gets no glance: the detection decides there', () => {
    const odd = { ...rules, sites: rules.sites.map((s) => (s.marketplace === 'voso' ? { ...s, pages: [...s.pages, { type: 'cart' as const, url: '(gio|cart)' }] } : s)) };
    expect(Object.keys(glanceOf(odd))).toEqual(['langson.postmart.vn']);
  });
});

describe('every fixture page: the glance says nothing only where the detection does', () => {
  const folders = ['voso', 'postmart', 'generic'];
  const cases: [string, string, string][] = [];
  for (const folder of folders) {
    const dir = new URL(`./${folder}/fixtures/`, import.meta.url);
    const list = JSON.parse(readFileSync(new URL('pages.json', dir), 'utf8')) as Record<string, string>;
    for (const [file, url] of Object.entries(list)) {
      cases.push([`${folder}/${file}`, url, readFileSync(new URL(file, dir), 'utf8')]);
    }
  }
  // (The project's shared copies of the public voso and postmart pages are these same files, byte for byte.)
  for (const folder of folders)
    expect(readdirSync(new URL(`./${folder}/fixtures/`, import.meta.url)).filter((f) => f.endsWith('.html')).length).toBe(cases.filter(([n]) => n.startsWith(`${folder}/`)).length);

  // Written from the pages: the home pages and the header and footer (no commerce word in their address, title or first
  // heading, no product data in their head). Every other fixture shows a sign or has an address a rule could match.
  const nothing = new Set([
    'voso/home.html',
    'voso/partial-header.html',
    'voso/partial-footer.html',
    'postmart/home-shell.httrack-2022-09-16.html',
    'postmart/home-three-column-banner.snippet.html',
  ]);
  it('found them all', () => {
    expect(cases.length).toBe(32);
  });
  it.each(cases)('%s', (name, url, html) => {
    expect(glanceAt(parse(html), url) !== null).toBe(nothing.has(name));
  });
});

describe('the address as the glance reads it from document.URL (as URL reads hostname, pathname and search)', () => {
  it('the home page', () => {
    expect(addressOf('https://langson.voso.vn/')).toEqual({ hostname: 'langson.voso.vn', pathname: '/', search: '' });
  });
  it('a user, a port, a query and a fragment', () => {
    expect(addressOf('https://ai:mk@langson.voso.vn:8443/trai-cay-c1201?sort=moi-nhat#tren')).toEqual({ hostname: 'langson.voso.vn', pathname: '/trai-cay-c1201', search: '?sort=moi-nhat' });
  });
  it('an empty query is none; a "?" in the fragment is no query', () => {
    expect(addressOf('https://langson.voso.vn/tim-kiem?#/gio-hang')).toEqual({ hostname: 'langson.voso.vn', pathname: '/tim-kiem', search: '' });
    expect(addressOf('https://langson.voso.vn/a#b?c=1')).toEqual({ hostname: 'langson.voso.vn', pathname: '/a', search: '' });
  });
  it('an IPv6 host keeps its brackets, without the port', () => {
    expect(addressOf('https://[::1]:8443/x?y')).toEqual({ hostname: '[::1]', pathname: '/x', search: '?y' });
  });
});

describe('the glance, page by page', () => {
  const home = 'https://langson.voso.vn/';
  const voso = { marketplace: 'voso', version: versionOf('voso') };
  it('the home page, a category, a search: nothing', () => {
    const doc = page('<title>Voso - Sàn thương mại điện tử</title>', '<h2>Gợi ý hôm nay</h2><ul><li><a href="/na-p1.html">Na Chi Lăng 60.000đ</a></li></ul>');
    expect(glanceAt(doc, home)).toEqual({ marketplace: 'voso', version: versionOf('voso') });
    expect(glanceAt(doc, 'https://langson.voso.vn/trai-cay-c1201?sort=moi-nhat')).toEqual(voso);
    expect(glanceAt(doc, 'https://langson.postmart.vn/tim-kiem?q=na')).toEqual({ marketplace: 'postmart', version: versionOf('postmart') });
  });
  it('a page with no heading and no title at all: nothing', () => {
    expect(glanceAt(page('', '<div>Trang chủ</div>'), home)).toEqual(voso);
  });
  it('a commerce word in the title, folded ("ĐƠN HÀNG", "Giỏ hàng"): not certain', () => {
    expect(glanceAt(page('<title>ĐƠN HÀNG CỦA TÔI</title>', ''), home)).toBeNull();
    expect(glanceAt(page('<title>Giỏ hàng</title>', ''), home)).toBeNull();
  });
  it('the first heading speaks of orders, in the body: not certain', () => {
    expect(glanceAt(page('<title>Voso</title>', '<div><h2>Cảm ơn bạn đã đặt hàng</h2></div><h1>Khác</h1>'), home)).toBeNull();
  });
  it('only the first heading counts, as in the detection', () => {
    expect(glanceAt(page('<title>Voso</title>', '<h1>Nông sản</h1><h2>Đơn hàng</h2>'), home)).toEqual(voso);
  });
  it('product data in the head, wherever it is in the head: not certain', () => {
    expect(glanceAt(page('<title>Voso</title><script type="application/ld+json">{}</script>', '<h1>Nông sản</h1>'), home)).toBeNull();
    expect(glanceAt(page('<meta property="og:type" content="product">', ''), home)).toBeNull();
    expect(glanceAt(page('<meta property="product:price:amount" content="1">', '<h1>x</h1>'), home)).toBeNull();
    // Elsewhere than the head it is no sign, to the detection either.
    expect(glanceAt(page('<title>Voso</title>', '<script type="application/ld+json">{}</script>'), home)).toEqual(voso);
  });
  it("a heading a script put into the head, before the head's product data: not certain", () => {
    const doc = page('<title>Voso</title><meta property="og:type" content="product">', '');
    const h1 = doc.createElement('h1');
    h1.textContent = 'Nông sản';
    doc.head.prepend(h1);
    expect(detectionSaysNothing(doc, home)).toBe(false);
    expect(glanceAt(doc, home)).toBeNull();
  });
  it('a commerce path, or one a rule is written for (whatever the page shows): not certain', () => {
    const empty = page('<title>Voso</title>', '<div id="app"></div>');
    for (const path of ['/thanh-toan', '/ORDER/1', '/gio-hang', '/dat-hang/xong', '/na-p245871.html', '/lich-su-mua-hang.html']) expect(glanceAt(empty, `https://langson.voso.vn${path}`), path).toBeNull();
    expect(glanceAt(empty, 'https://langson.postmart.vn/p/mang-18342.html')).toBeNull();
    expect(glanceAt(empty, 'https://langson.postmart.vn/account/orders?page=2')).toBeNull();
  });
  it('a commerce word in the query or the fragment only: nothing (the detection looks at the path)', () => {
    const empty = page('<title>Voso</title>', '<div id="app"></div>');
    expect(glanceAt(empty, 'https://langson.voso.vn/tim-kiem?q=gio-hang')).toEqual(voso);
    expect(glanceAt(empty, 'https://langson.voso.vn/#/don-hang')).toEqual(voso);
  });
  it('a host that is no marketplace: not certain (the detection answers there)', () => {
    expect(glanceAt(page('<title>Shop</title>', ''), 'https://shop.example.vn/')).toBeNull();
  });
});
