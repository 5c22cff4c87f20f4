// Random and hostile pages: extractPage never throws, never invents an order from text alone, and its numbers are
// always whole VND. Speed is measured in `npm run bench`, not asserted here; the readers are written to be linear.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { extractPage } from './extract';
import type { ExtractResult } from './types';

const URLS = [
  'https://langson.voso.vn/',
  'https://langson.voso.vn/gio-hang',
  'https://langson.voso.vn/dat-hang',
  'https://langson.voso.vn/hoa-don/48f96539',
  'https://langson.voso.vn/lich-su-mua-hang.html',
  'https://langson.voso.vn/tai-khoan/don-hang/VS1',
  'https://langson.voso.vn/x-p1.html',
  'https://langson.postmart.vn/checkout/complete',
  'https://langson.postmart.vn/account/orders',
];
const WORDS = ['Mã đơn hàng:', 'Mã đơn', 'VS2611150233', '#10528', 'SL: 2', 'Số lượng', 'x3', 'Tổng tiền:', 'Tổng thanh toán', 'Thành tiền', 'Phí vận chuyển', 'Giảm giá', '-20.000₫', '199,000đ', '1.250.000 ₫', 'Miễn phí', 'Đã hủy', 'Na Chi Lăng', 'hồi', '500g', '2kg', '100%', '{', '"', '\u0301', '\u200b', '🍐', 'đ', '₫', ':'];
const text = fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: 'grapheme', maxLength: 20 }));
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const TAGS = ['div', 'span', 'p', 'a', 'h2', 'li', 'td', 'tr', 'table', 'b', 'script', 'style', 'section'];
const CLASSES = ['', 'order-code', 'shop-name', 'product-name', 'price', 'cart-item border-bottom', 'item-cart', 'pack-status', 'order-history', 'page-cart-v3', 'b__cart--wapper', 'order-success__title', 'title'];
const node: fc.Memo<string> = fc.memo((depth) =>
  depth <= 1
    ? text.map(escape)
    : fc
        .tuple(fc.constantFrom(...TAGS), fc.constantFrom(...CLASSES), fc.array(node(depth - 1), { maxLength: 4 }))
        .map(([tag, cls, children]) => `<${tag} class="${cls}" href="/p/x-1.html">${children.join('')}</${tag}>`),
);

function wellFormed(r: ExtractResult) {
  const money = (n: number | null) => n === null || Number.isSafeInteger(n);
  for (const o of r.orders) {
    expect(money(o.total) && money(o.shippingFee) && money(o.discount)).toBe(true);
    for (const i of o.items) {
      expect(Number.isSafeInteger(i.quantity) && i.quantity > 0).toBe(true);
      expect(money(i.unitPrice) && money(i.lineTotal)).toBe(true);
      expect(i.name.length).toBeGreaterThan(0);
    }
  }
}

describe('extractPage on random and hostile pages', () => {
  it('never throws and always returns well-formed results', () => {
    fc.assert(
      fc.property(node(5), fc.constantFrom(...URLS), (body, url) => {
        const { document } = parseHTML(`<html><head><title>Đơn hàng</title></head><body>${body}</body></html>`);
        wellFormed(extractPage(document as unknown as Document, url));
      }),
      { numRuns: 300 },
    );
  });

  it('never invents an order from text without structure (no links, headings or named parts)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { maxLength: 6 }), { maxLength: 30 }), fc.constantFrom(...URLS), (paragraphs, url) => {
        const body = paragraphs.map((words) => `<p>${words.map((w) => `<span>${escape(w)}</span>`).join(' ')}</p>`).join('');
        const { document } = parseHTML(`<html><body>${body}</body></html>`);
        const r = extractPage(document as unknown as Document, url);
        expect(r.orders.filter((o) => o.orderCode !== null)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('copes with deep nesting, huge pages, unbalanced inline JSON and labels without values', () => {
    const deep = '<div>'.repeat(3000) + 'Mã đơn hàng: VS123 SL: 2 99.000đ' + '</div>'.repeat(3000);
    const huge = '<div class="f-items"><a href="/x-p1.html">Na Chi Lăng 1kg</a><span>70.000đ</span><span>SL: 1</span></div>'.repeat(5000);
    const script = '<script>var product = {"name": "Na", "price": 7' + '{"a":'.repeat(10000) + '</script><h1 class="c-product-head__title"><span>Na</span></h1>';
    const labels = '<div>Mã đơn hàng</div><div>Số lượng</div><div>Tổng tiền</div><div>Thành tiền</div>'.repeat(500);
    const ld = '<script type="application/ld+json">' + '['.repeat(5000) + '</script>';
    for (const body of [deep, huge, script, labels, ld])
      for (const url of URLS) {
        const { document } = parseHTML(`<html><body>${body}</body></html>`);
        expect(() => wellFormed(extractPage(document as unknown as Document, url))).not.toThrow();
      }
  });
});
