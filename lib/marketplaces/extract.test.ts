import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { bundledRules } from './bundled-rules';
import { extractPage } from './extract';
import type { Rules } from './rules';

const html = import.meta.glob<string>('./*/fixtures/*.html', { eager: true, query: '?raw', import: 'default' });
const read = (markup: string, url: string, rules?: Rules) =>
  extractPage(parseHTML(markup).document as unknown as Document, url, rules);

describe('extractPage', () => {
  it('never reads a page outside the marketplaces, nor a bad URL', () => {
    const cart = html['./voso/fixtures/cart.html'];
    expect(read(cart, 'https://voso.vn/gio-hang')).toMatchObject({ marketplace: null, pageType: 'other', orders: [] });
    expect(read(cart, 'https://langson.voso.vn.evil.example/gio-hang')).toMatchObject({ marketplace: null, orders: [] });
    expect(read(cart, 'not a url')).toMatchObject({ marketplace: null, pageType: 'other', orders: [] });
  });

  it('uses newer rules when given, e.g. a renamed class served by the collector', () => {
    const renamed = html['./voso/fixtures/cart.html'].replaceAll('item-cart', 'cart-line');
    const url = 'https://langson.voso.vn/gio-hang';
    expect(read(renamed, url).orders).toEqual([]);
    const voso = structuredClone(bundledRules.sites[0]);
    voso.version = '2026-12-01';
    voso.pages.find((p) => p.type === 'cart')!.orders!.item = '.cart-line';
    const newer: Rules = { version: '2026-12-01', sites: [voso, bundledRules.sites[1]] };
    const result = read(renamed, url, newer);
    expect(result.rulesVersion).toBe('2026-12-01');
    expect(result.orders[0].items[0]).toMatchObject({ quantity: 3, unitPrice: 199000 });
  });

  it('survives rules with a selector the browser rejects', () => {
    const voso = structuredClone(bundledRules.sites[0]);
    voso.pages.find((p) => p.type === 'cart')!.orders!.item = 'div[[[';
    const result = read(html['./voso/fixtures/cart.html'], 'https://langson.voso.vn/gio-hang', { version: 'x', sites: [voso] });
    expect(result).toMatchObject({ marketplace: 'voso', pageType: 'cart', orders: [] });
  });

  it('reads an order table on a layout no rule knows', () => {
    const page = `<html><head><title>Chi tiết đơn hàng</title></head><body>
      <p>Mã đơn hàng: <b>PM-20261130-7781</b></p><p>Ngày đặt: 30/11/2026</p>
      <table><tr><th>Sản phẩm</th><th>Đơn giá</th><th>Số lượng</th><th>Thành tiền</th></tr>
        <tr><td><a href="/p/hong-khong-hat-1kg-1.html">Hồng không hạt Bảo Lâm 1kg</a></td><td>35.000₫</td><td>3</td><td>105.000₫</td></tr>
        <tr><td>Gạo nếp Bắc Sơn 5kg</td><td>180.000₫</td><td>1</td><td>180.000₫</td></tr></table>
      <p>Phí vận chuyển: Miễn phí</p><p>Tổng thanh toán: 285.000₫</p></body></html>`;
    const result = read(page, 'https://langson.postmart.vn/don-hang/7781');
    expect(result).toMatchObject({ pageType: 'order-detail', strategy: 'labels' });
    expect(result.orders).toEqual([
      expect.objectContaining({
        orderCode: 'PM-20261130-7781',
        placedAt: '2026-11-30T00:00:00+07:00',
        shippingFee: 0,
        total: 285000,
        items: [
          expect.objectContaining({ name: 'Hồng không hạt Bảo Lâm 1kg', quantity: 3, unitPrice: 35000, lineTotal: 105000, weightGrams: 1000, productUrl: 'https://langson.postmart.vn/p/hong-khong-hat-1kg-1.html' }),
          expect.objectContaining({ name: 'Gạo nếp Bắc Sơn 5kg', quantity: 1, unitPrice: 180000, weightGrams: 5000, isFarmProduct: true }),
        ],
      }),
    ]);
  });

  it('says what a page did not give', () => {
    const [order] = read(html['./postmart/fixtures/checkout-complete.html'], 'https://langson.postmart.vn/checkout/complete').orders;
    expect(order).toMatchObject({ orderCode: '10528', items: [], status: 'placed', missing: ['placedAt', 'shippingFee', 'discount', 'total', 'items'] });
  });

  it('reads the confirmation code from the sentence when the number has no class of its own', () => {
    const plain = html['./postmart/fixtures/checkout-complete.html'].replace('<b class="order-id">#10528</b>', '<b>#10528</b>');
    expect(read(plain, 'https://langson.postmart.vn/checkout/complete').orders[0].orderCode).toBe('10528');
  });

  it('reads every fixture at any marketplace URL without throwing', () => {
    const urls = ['https://langson.voso.vn/', 'https://langson.voso.vn/gio-hang', 'https://langson.voso.vn/hoa-don/ab12', 'https://langson.postmart.vn/account/orders/1', 'https://langson.postmart.vn/checkout'];
    for (const markup of Object.values(html)) for (const url of urls) expect(() => read(markup, url)).not.toThrow();
  });

  it('does not run the order readers on an ordinary marketplace page', () => {
    // The home page carries prices and "đã bán" counts everywhere; it is still "other".
    expect(read(html['./voso/fixtures/home.html'], 'https://langson.voso.vn/')).toMatchObject({ pageType: 'other', orders: [], product: null, strategy: null });
  });
});

describe('reading by content: headings, navigation and buttons are never items', () => {
  // The case: no product names the reader can see, only the page heading before "Số lượng".
  const page = `<html><head><title>Đơn hàng</title></head><body>
    <nav><a href="/">Trang chủ</a> <span>SL: 1</span> <span>15.000 ₫</span></nav>
    <h1>Cảm ơn bạn đã đặt hàng</h1>
    <p>Mã đơn hàng: VS2611301199</p>
    <div><span>Số lượng: 1</span> <span>210.000 ₫</span></div>
    <div><button type="button">Mua lại</button> <span>x 2</span> <span>95.000 ₫</span></div>
    <p>Tổng tiền: 400.000 ₫</p></body></html>`;

  it('reports no order rather than the heading, a menu link or a button as its items', () => {
    expect(read(page, 'https://langson.voso.vn/don-hang/thanh-cong').orders).toEqual([]);
    // The same page with the product named: that is the one item.
    const named = page.replace('<span>Số lượng: 1</span>', '<a href="/na-p1.html">Na Chi Lăng hộp 2kg</a> <span>Số lượng: 1</span>');
    const orders = read(named, 'https://langson.voso.vn/don-hang/thanh-cong').orders;
    expect(orders).toHaveLength(1);
    expect(orders[0].items.map((i) => i.name)).toEqual(['Na Chi Lăng hộp 2kg']);
  });
});
