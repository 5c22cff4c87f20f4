import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { bundledRules } from './bundled-rules';
import { detectPage, mayHaveBecomeWorthReading } from './detect';
import { detectionRules } from './detection-rules';

const html = import.meta.glob<string>('./*/fixtures/*.html', { eager: true, query: '?raw', import: 'default' });
const doc = (file: string) => parseHTML(html[file]).document as unknown as Document;
// What the content script detects with: the detection part of the bundled rules.
const worthReading = (file: string, url: string) => detectPage(doc(file), url, detectionRules(bundledRules)).worthReading;

/** voso's home page as the extension bench serves it ("busy"): a ticker changing the page and its title. */
function busyHome(): Document {
  const d = doc('./voso/fixtures/home.html');
  const ticker = d.createElement('ul');
  for (let n = 0; n < 20; n++) ticker.append(Object.assign(d.createElement('li'), { textContent: `Đã bán ${n}` }));
  d.body.append(ticker);
  d.title = 'Voso 12';
  return d;
}

describe('the detector, the pre-check of a marketplace page before anything on it is read', () => {
  // Every order, checkout and cart layout among the fixtures, at its address (pages.json), written out by hand.
  const orderLayouts: [string, string][] = [
    ['./voso/fixtures/cart.html', 'https://langson.voso.vn/gio-hang'],
    ['./voso/fixtures/checkout.html', 'https://langson.voso.vn/dat-hang'],
    ['./voso/fixtures/order-confirmation.html', 'https://langson.voso.vn/dat-hang'],
    ['./voso/fixtures/order-detail.html', 'https://langson.voso.vn/hoa-don/48f96539'],
    ['./voso/fixtures/order-history.html', 'https://langson.voso.vn/lich-su-mua-hang.html'],
    ['./voso/fixtures/order-history.skeleton.html', 'https://langson.voso.vn/lich-su-mua-hang.html'],
    ['./postmart/fixtures/cart.html', 'https://langson.postmart.vn/cart'],
    ['./postmart/fixtures/checkout.html', 'https://langson.postmart.vn/checkout'],
    ['./postmart/fixtures/checkout-complete.html', 'https://langson.postmart.vn/checkout/complete'],
    ['./postmart/fixtures/account-orders.html', 'https://langson.postmart.vn/account/orders'],
    ['./postmart/fixtures/account-order-detail.html', 'https://langson.postmart.vn/account/orders/10377'],
    ['./generic/fixtures/redesigned-order-detail.html', 'https://langson.voso.vn/tai-khoan/don-hang/VS2611150233'],
    ['./generic/fixtures/redesigned-order-list.html', 'https://langson.voso.vn/tai-khoan/don-hang'],
    ['./generic/fixtures/redesigned-confirmation.html', 'https://langson.voso.vn/don-hang/thanh-cong?id=8812'],
    ['./generic/fixtures/confirmation-does-not-add-up.html', 'https://langson.voso.vn/don-hang/VS2611301133'],
    ['./generic/fixtures/jsonld-order.html', 'https://langson.postmart.vn/account/orders/10612'],
    ['./generic/fixtures/history-table.html', 'https://langson.voso.vn/ca-nhan/lich-su-mua'],
    ['./generic/fixtures/mobile-card-confirmation.html', 'https://langson.voso.vn/m/ket-qua?from=app'],
    ['./generic/fixtures/checkout-cart-markup.html', 'https://langson.voso.vn/mua-ngay/xac-nhan'],
    ['./generic/fixtures/list-order-detail.html', 'https://langson.postmart.vn/tai-khoan/don-mua/10642'],
  ];

  it.each(orderLayouts)('lets %s through to the reader', (file, url) => {
    expect(worthReading(file, url)).toBe(true);
  });

  it('stops the busy page that is no order, and the other pages that are no order', () => {
    const busy = busyHome();
    expect(detectPage(busy, 'https://langson.voso.vn/busy', detectionRules(bundledRules))).toEqual({
      marketplace: 'voso',
      site: expect.objectContaining({ marketplace: 'voso' }),
      page: null,
      worthReading: false,
      mayBecomeOrder: false,
    });
    expect(worthReading('./voso/fixtures/home.html', 'https://langson.voso.vn/')).toBe(false);
    expect(worthReading('./voso/fixtures/affiliate-my-shop.html', 'https://langson.voso.vn/gian-hang-cua-toi.html')).toBe(false);
    expect(worthReading('./postmart/fixtures/home-shell.httrack-2022-09-16.html', 'https://langson.postmart.vn/')).toBe(false);
  });

  it('finds orders by what the page says where no rule knows its address: its title, or its first heading alone', () => {
    // "Lịch sử mua hàng" in the title and the h1, at an address that says nothing.
    expect(worthReading('./generic/fixtures/history-table.html', 'https://langson.voso.vn/ca-nhan/lich-su-mua')).toBe(true);
    // Title "Voso", address "/m/ket-qua": only the h2 "Đặt hàng thành công!" says it.
    expect(worthReading('./generic/fixtures/mobile-card-confirmation.html', 'https://langson.voso.vn/m/ket-qua?from=app')).toBe(true);
    // The same page at the same address with its heading gone says nothing.
    const d = doc('./generic/fixtures/mobile-card-confirmation.html');
    d.querySelector('h2')!.remove();
    expect(detectPage(d, 'https://langson.voso.vn/m/ket-qua?from=app', detectionRules(bundledRules)).worthReading).toBe(false);
  });

  it('lets a product page whose head has structured data or Open Graph product tags through', () => {
    // No rule knows this address: its <head> alone (Open Graph product tags) says it is a product.
    expect(worthReading('./generic/fixtures/microdata-product.html', 'https://langson.voso.vn/san-pham/vo-que-kho-van-quan-1kg')).toBe(true);
    expect(worthReading('./postmart/fixtures/product-mang-kho.html', 'https://langson.postmart.vn/san-pham/mang-kho')).toBe(true);
    // voso's saved product page has neither: off its rule's address it says nothing.
    expect(worthReading('./voso/fixtures/product-detail-1.html', 'https://langson.voso.vn/san-pham/giay-sneaker')).toBe(false);
  });

  it('reads the words of an address in any case, with or without hyphens', () => {
    const home = doc('./voso/fixtures/home.html');
    const at = (path: string) => detectPage(home, `https://langson.voso.vn${path}`, detectionRules(bundledRules)).worthReading;
    for (const path of ['/tai-khoan/don-hang/VS1', '/DonHang/1', '/Checkout', '/thanh-toan', '/don-hang-moi']) expect([path, at(path)]).toEqual([path, true]);
    for (const path of ['/', '/na-chi-lang-c12', '/tin-tuc/mua-sam']) expect([path, at(path)]).toEqual([path, false]);
  });

  it('reads the words of a title in any case, composed or decomposed, with or without diacritics', () => {
    const home = doc('./voso/fixtures/home.html');
    const says = (title: string) => mayHaveBecomeWorthReading(Object.assign(home, { title }), 'https://langson.voso.vn/', detectionRules(bundledRules));
    for (const t of ['Đơn hàng của tôi', 'ĐẶT HÀNG THÀNH CÔNG', 'Giỏ hàng (2)', 'Thanh toán', 'Hoá đơn', 'Hóa đơn', 'Lịch sử mua hàng', 'Đơn mua', 'don hang', 'Dat Hang'])
      expect([t, says(t), says(t.normalize('NFD'))]).toEqual([t, true, true]);
    for (const t of ['Voso 12', 'Đã bán 1.234', 'Măng khô Bắc Sơn túi 500g - Postmart Lạng Sơn', 'Gợi ý hôm nay', 'Hàng mới về', ''])
      expect([t, says(t)]).toEqual([t, false]);
  });
});
