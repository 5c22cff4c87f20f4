import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { bundledRules } from './bundled-rules';
import { detectPage, mayHaveBecomeWorthReading } from './detect';

const html = import.meta.glob<string>('./*/fixtures/*.html', { eager: true, query: '?raw', import: 'default' });
const detect = (file: string, url: string) =>
  detectPage(parseHTML(html[file]).document as unknown as Document, url, bundledRules);

describe('detectPage', () => {
  it('stops at once on ordinary marketplace pages', () => {
    expect(detect('./voso/fixtures/home.html', 'https://langson.voso.vn/')).toMatchObject({ marketplace: 'voso', page: null, worthReading: false });
    expect(detect('./voso/fixtures/home.html', 'https://langson.voso.vn/trai-cay-c1201?order=moi-nhat')).toMatchObject({ worthReading: false });
  });
  it('tells voso\'s checkout from its confirmation on the same URL', () => {
    expect(detect('./voso/fixtures/checkout.html', 'https://langson.voso.vn/dat-hang').page?.type).toBe('checkout');
    expect(detect('./voso/fixtures/order-confirmation.html', 'https://langson.voso.vn/dat-hang').page?.type).toBe('order-confirmation');
  });
  it('marks unknown pages that look like commerce as worth reading', () => {
    expect(detect('./generic/fixtures/redesigned-order-detail.html', 'https://langson.voso.vn/tai-khoan/don-hang/VS2611150233')).toMatchObject({ page: null, worthReading: true });
    expect(detect('./generic/fixtures/microdata-product.html', 'https://langson.voso.vn/san-pham/vo-que-kho-van-quan-1kg')).toMatchObject({ page: null, worthReading: true });
  });
  it('takes a commerce word in the path, in any case and either spelling, as a sign; not one in the query', () => {
    const paths = ['/don-hang/1', '/DonHang', '/hoa-don/2', '/HOADON', '/dat-hang-nhanh', '/dathang', '/gio-hang', '/GioHang', '/thanh-toan', '/ThanhToan', '/my-Orders', '/Checkout', '/cart', '/INVOICE/3'];
    for (const path of paths) expect(detect('./voso/fixtures/home.html', `https://langson.voso.vn${path}`).worthReading, path).toBe(true);
    for (const path of ['/don-mua', '/hoa-qua', '/tim-kiem?q=don-hang']) expect(detect('./voso/fixtures/home.html', `https://langson.voso.vn${path}`).worthReading, path).toBe(false);
  });
  it('reads nothing off the marketplaces', () => {
    expect(detect('./voso/fixtures/cart.html', 'https://example.com/gio-hang')).toEqual({ marketplace: null, site: null, page: null, worthReading: false, mayBecomeOrder: false });
  });
});

describe('detectPage: whether the page may still become an order where it is (its content worth watching)', () => {
  const home = () => parseHTML(html['./voso/fixtures/home.html']).document as unknown as Document;
  const product = () => parseHTML(html['./voso/fixtures/product-detail-1.html']).document as unknown as Document;
  const productUrl = 'https://langson.voso.vn/giay-sneaker-nam-den-giay-sneaker-nam-giay-sneaker-nam-the-thao-p101533.html';
  it('says yes at an address an order rule is written for, before the rule\'s mark has rendered', () => {
    // voso's order history rule wants ".order-history", which the home page's markup does not have (yet).
    expect(detectPage(home(), 'https://langson.voso.vn/lich-su-mua-hang.html', bundledRules)).toMatchObject({ page: null, worthReading: false, mayBecomeOrder: true });
  });
  it('says no on the home page and on a product page that say nothing of orders', () => {
    expect(detectPage(home(), 'https://langson.voso.vn/', bundledRules).mayBecomeOrder).toBe(false);
    expect(detectPage(product(), productUrl, bundledRules)).toMatchObject({ page: { type: 'product' }, mayBecomeOrder: false });
  });
  it('says yes when the title speaks of orders, on a product page too', () => {
    expect(detectPage(Object.assign(home(), { title: 'Giỏ hàng (2)' }), 'https://langson.voso.vn/', bundledRules)).toMatchObject({ worthReading: true, mayBecomeOrder: true });
    expect(detectPage(Object.assign(product(), { title: 'Đặt hàng' }), productUrl, bundledRules)).toMatchObject({ page: { type: 'product' }, mayBecomeOrder: true });
  });
});

describe('detectPage on a page whose only sign of an order is a heading deep in a long body', () => {
  // Written by hand: 4.000 product cards before the heading, a title and an address that say nothing.
  const cards = Array.from({ length: 4000 }, (_, i) => `<div class="card"><a href="/sp-${i}"><span>Sản phẩm ${i}</span><b>${i}.000 ₫</b></a></div>`).join('');
  const page = (heading: string) =>
    parseHTML(`<!doctype html><html><head><title>Voso</title></head><body><main>${cards}<section><h2>${heading}</h2><p>Mã đơn: VS1</p></section></main></body></html>`)
      .document as unknown as Document;
  it('reads it from the heading', () => {
    expect(detectPage(page('Đặt hàng thành công!'), 'https://langson.voso.vn/m/ket-qua', bundledRules)).toMatchObject({ page: null, worthReading: true });
  });
  it('stops where the heading says something else', () => {
    expect(detectPage(page('Gợi ý hôm nay'), 'https://langson.voso.vn/m/ket-qua', bundledRules)).toMatchObject({ page: null, worthReading: false });
  });
});

describe('detectPage on a page whose only sign is product data in its head', () => {
  // Written by hand: a title, an address and a first heading that say nothing of orders.
  const page = (head: string) =>
    parseHTML(`<!doctype html><html><head><title>Voso</title>${head}</head><body><h1>Nông sản Lạng Sơn</h1><p>Na Chi Lăng</p></body></html>`)
      .document as unknown as Document;
  const url = 'https://langson.voso.vn/m/na-chi-lang';
  it('reads it from an og:type of product, a price or structured data in the head', () => {
    expect(detectPage(page('<meta property="og:type" content="product">'), url, bundledRules)).toMatchObject({ page: null, worthReading: true });
    expect(detectPage(page('<meta property="product:price:amount" content="120000">'), url, bundledRules)).toMatchObject({ page: null, worthReading: true });
    expect(detectPage(page('<script type="application/ld+json">{}</script>'), url, bundledRules)).toMatchObject({ page: null, worthReading: true });
  });
  it('not from a head that has none, nor from the same markup in the body', () => {
    expect(detectPage(page('<meta property="og:type" content="website">'), url, bundledRules)).toMatchObject({ page: null, worthReading: false });
    const inBody = parseHTML(`<!doctype html><html><head><title>Voso</title></head><body><h1>Nông sản</h1><script type="application/ld+json">{}</script></body></html>`);
    expect(detectPage(inBody.document as unknown as Document, url, bundledRules)).toMatchObject({ worthReading: false });
  });
  it('reads the head again at the same address, once its heading is known', () => {
    const doc = page('');
    expect(detectPage(doc, url, bundledRules).worthReading).toBe(false);
    const meta = doc.createElement('meta');
    meta.setAttribute('property', 'og:type');
    meta.setAttribute('content', 'product');
    doc.head.append(meta);
    expect(detectPage(doc, url, bundledRules).worthReading).toBe(true);
  });
});

describe('mayHaveBecomeWorthReading (a page that was no order changed in place)', () => {
  const home = () => parseHTML(html['./voso/fixtures/home.html']).document as unknown as Document;
  const titled = (title: string) => Object.assign(home(), { title });
  it('says no for a busy home or product page whose title is no order', () => {
    expect(mayHaveBecomeWorthReading(titled('Voso 1234'), 'https://langson.voso.vn/', bundledRules)).toBe(false);
    expect(mayHaveBecomeWorthReading(titled('Đã bán 12'), 'https://langson.voso.vn/giay-sneaker-nam-den-p101533.html', bundledRules)).toBe(false);
    expect(mayHaveBecomeWorthReading(titled('Măng khô'), 'https://langson.postmart.vn/p/mang-kho-bac-son-tui-500g-18342.html', bundledRules)).toBe(false);
  });
  it('says yes where an order, checkout or cart rule is written for the address: its content may render late', () => {
    expect(mayHaveBecomeWorthReading(titled('Voso'), 'https://langson.voso.vn/lich-su-mua-hang.html', bundledRules)).toBe(true);
    expect(mayHaveBecomeWorthReading(titled('Voso'), 'https://langson.postmart.vn/checkout/complete', bundledRules)).toBe(true);
  });
  it('says yes when the title turns to an order', () => {
    expect(mayHaveBecomeWorthReading(titled('Đặt hàng thành công'), 'https://langson.voso.vn/', bundledRules)).toBe(true);
  });
  it('says no off the marketplaces', () => {
    expect(mayHaveBecomeWorthReading(titled('Đơn hàng'), 'https://example.com/', bundledRules)).toBe(false);
  });
});
