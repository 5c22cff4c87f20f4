import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { bundledRules } from '../../lib/marketplaces/bundled-rules';
import { detectionRules } from '../../lib/marketplaces/detection-rules';
import type { Rules } from '../../lib/marketplaces/rules';
import { firstLook, needsExtension } from './needs-extension';

// What the content script decides with: the detection part of the bundled rules, as wxt.config.ts builds it in.
const bundled = detectionRules(bundledRules);

const page = (head: string, body: string) => parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;
const needs = (doc: Document, url: string, rules: Rules = bundled) => needsExtension(firstLook(doc, url, rules));

describe('needsExtension: the unseen pages of issue 12, at addresses no rule knows, all need it', () => {
  it('an order history laid out as a table, under a title that says nothing', () => {
    const doc = page(
      '<title>Voso Lạng Sơn</title>',
      `<nav><a href="/">Trang chủ</a></nav><h1>Lịch sử mua hàng</h1>
       <table><tr><th>Mã đơn</th><th>Ngày mua</th><th>Tổng tiền</th></tr><tr><td>VS2611150233</td><td>15/11/2026</td><td>240.000 ₫</td></tr></table>`,
    );
    expect(needs(doc, 'https://langson.voso.vn/ca-nhan/lich-su')).toBe(true);
  });
  it('a confirmation in a mobile card layout, its heading an h2', () => {
    const doc = page(
      '<title>Voso</title>',
      `<div class="card"><h2 class="card__title">Đặt hàng thành công!</h2><div class="row">Na Chi Lăng 120.000 VNĐ x2</div>
       <div class="row">Ngày đặt hàng 29/11/2026</div><div class="row">Khuyến mãi -15.000 VNĐ</div></div>`,
    );
    expect(needs(doc, 'https://langson.voso.vn/m/ket-qua?from=app')).toBe(true);
  });
  it("a checkout with the cart's markup at another path: its title", () => {
    const doc = page('<title>Xác nhận đơn hàng - Voso</title>', '<div class="page-cart-v3"><div class="item">Mật ong bạc hà 350.000đ</div><button>Đặt hàng</button></div>');
    expect(needs(doc, 'https://langson.voso.vn/mua-ngay/xac-nhan')).toBe(true);
  });
  it('a redesigned confirmation whose heading thanks the buyer', () => {
    const doc = page('<title>Voso</title>', '<h1 class="result-title">Cảm ơn bạn đã đặt hàng</h1><p>Thời gian đặt: 29/11/2026 09:12</p>');
    expect(needs(doc, 'https://langson.voso.vn/ket-qua?id=8812')).toBe(true);
  });
  it('any page at a commerce path, whatever it shows yet (a single-page app renders later)', () => {
    expect(needs(page('<title>Postmart</title>', '<div id="app"></div>'), 'https://langson.postmart.vn/thanh-toan')).toBe(true);
  });
});

describe('needsExtension: pages that need none', () => {
  it('the home page, a category and a search', () => {
    const doc = page('<title>Voso - Sàn thương mại điện tử</title>', '<h1>Nông sản Lạng Sơn</h1><ul><li><a href="/na-p1.html">Na Chi Lăng 60.000đ</a></li></ul>');
    expect(needs(doc, 'https://langson.voso.vn/')).toBe(false);
    expect(needs(doc, 'https://langson.voso.vn/trai-cay-c1201?sort=moi-nhat')).toBe(false);
    expect(needs(doc, 'https://langson.voso.vn/tim-kiem?q=na')).toBe(false);
  });
  it("a product page whose shop link is not where the site's rule says", () => {
    const doc = page('<title>Na Chi Lăng hộp 2kg</title>', '<h1>Na Chi Lăng hộp 2kg</h1><span class="price">120.000đ</span>');
    expect(firstLook(doc, 'https://langson.voso.vn/na-chi-lang-hop-2kg-p245871.html', bundled)).toMatchObject({ found: { page: { type: 'product' } }, shopKey: null });
    expect(needs(doc, 'https://langson.voso.vn/na-chi-lang-hop-2kg-p245871.html')).toBe(false);
  });
});

describe('needsExtension: a product page with a shop link needs it, for the buyer\'s note', () => {
  it('voso: the "Xem shop" link gives the registry key', () => {
    const doc = page('<title>Na Chi Lăng hộp 2kg</title>', '<h1>Na Chi Lăng hộp 2kg</h1><a class="go_to_shop" href="/htx-nong-nghiep-chi-lang-s41235">Xem shop</a>');
    expect(firstLook(doc, 'https://langson.voso.vn/na-chi-lang-hop-2kg-p245871.html', bundled).shopKey).toBe('voso:41235');
    expect(needs(doc, 'https://langson.voso.vn/na-chi-lang-hop-2kg-p245871.html')).toBe(true);
  });
  it("postmart: the store's name links to its shop", () => {
    const doc = page('<title>Măng khô Bắc Sơn</title>', '<div class="product-store"><a class="store-name" href="/stores/htx-bac-son">HTX Bắc Sơn</a></div>');
    expect(firstLook(doc, 'https://langson.postmart.vn/p/mang-kho-bac-son-18342.html', bundled).shopKey).toBe('postmart:htx-bac-son');
  });
});

describe('what a rule update from the collector cannot change', () => {
  // An order history moved to a new address, under a title and heading that say nothing of orders.
  const doc = page('<title>Voso</title>', '<h1>Tài khoản của tôi</h1><div class="order-history"><div class="row">VS2611150233 240.000 ₫</div></div>');
  const url = 'https://langson.voso.vn/tai-khoan/lich-su';
  it('the bundled rules find no sign of an order on it: the page needs no extension, so the collector is never asked', () => {
    expect(needs(doc, url)).toBe(false);
  });
  it('with the collector\'s rule for the new address it would: which is why that takes a release (needs-extension.ts)', () => {
    const voso = bundled.sites.find((s) => s.marketplace === 'voso')!;
    const moved: Rules = {
      version: '2099-01-01',
      sites: bundled.sites.map((s) => (s === voso ? { ...voso, version: '2099-01-01', pages: voso.pages.map((p) => (p.type === 'order-list' ? { ...p, url: '^/tai-khoan/lich-su' } : p)) } : s)),
    };
    expect(needs(doc, url, moved)).toBe(true);
  });
});
