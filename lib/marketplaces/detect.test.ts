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
  it('reads nothing off the marketplaces', () => {
    expect(detect('./voso/fixtures/cart.html', 'https://example.com/gio-hang')).toEqual({ marketplace: null, site: null, page: null, worthReading: false });
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
