// Pasted and shared confirmation texts (lib/marketplaces/pasted/fixtures): each read and compared with the
// expected JSON beside it, written by hand from the text.
import { describe, expect, it } from 'vitest';
import { readPastedText } from './pasted-text';

const texts = import.meta.glob<string>('./pasted/fixtures/*.txt', { eager: true, query: '?raw', import: 'default' });
const expected = import.meta.glob<unknown>('./pasted/fixtures/*.expected.json', { eager: true, import: 'default' });

describe('pasted confirmation texts', () => {
  it('has an expected JSON for every text', () => {
    expect(Object.keys(texts).map((f) => f.replace(/\.txt$/, '')).sort()).toEqual(Object.keys(expected).map((f) => f.replace(/\.expected\.json$/, '')).sort());
    expect(Object.keys(texts)).toHaveLength(3);
  });
  it.each(Object.keys(texts))('%s', (file) => {
    expect(JSON.parse(JSON.stringify(readPastedText(texts[file])))).toEqual(expected[file.replace(/\.txt$/, '.expected.json')]);
  });
});

describe('readPastedText', () => {
  it('takes the marketplace from the shared link', () => {
    expect(readPastedText('Mã đơn hàng: 10612\nChè Mẫu Sơn 200g 90.000đ', 'https://langson.postmart.vn/don-hang/10612').marketplace).toBe('postmart');
  });
  it('keeps the items of a text without an order code, and says the code is missing', () => {
    const { marketplace, order } = readPastedText('Gạo tẻ Bắc Sơn 10kg\n200.000 đ x 1\nTổng cộng: 200.000 đ');
    expect(marketplace).toBeNull();
    expect(order?.orderCode).toBeNull();
    expect(order?.items).toHaveLength(1);
    expect(order?.items[0]).toMatchObject({ name: 'Gạo tẻ Bắc Sơn 10kg', quantity: 1, unitPrice: 200000, lineTotal: 200000 });
    expect(order?.missing).toEqual(['orderCode', 'placedAt', 'shippingFee', 'discount']);
    expect(order?.check).toBeUndefined();
  });
  it('reads nothing from text with no priced item and no total', () => {
    expect(readPastedText('Chào chị, mai em gửi hàng nhé\nMã đơn hàng: VS2611300077').order).toBeNull();
    expect(readPastedText('').order).toBeNull();
  });
  it('names no marketplace when the text names both', () => {
    expect(readPastedText('voso hay postmart đều được\nRau cải 20.000đ').marketplace).toBeNull();
  });
});
