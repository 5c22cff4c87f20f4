import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasVndAmount, parseQuantity, parseVnd } from './money';
import { formatVnd } from './format';

describe('parseVnd', () => {
  it.each([
    ['199,000đ', 199000], // "199,000<sup>đ</sup>" as text
    ['199.000đ', 199000],
    ['350.000 đ', 350000],
    ['1.250.000 ₫', 1250000],
    ['1.250.000\u00a0₫', 1250000],
    ['125,000 VND', 125000],
    ['125.000 VNĐ', 125000],
    ['1.250.000', 1250000],
    ['-20.000₫', -20000],
    ['- 20.000 đ', -20000],
    ['125.000,00 ₫', 125000],
    ['45000', 45000],
    ['Giá: 75.000đ/kg', 75000],
    ['1\u00a0250\u00a0000 ₫', 1250000],
  ])('%s → %d', (text, value) => expect(parseVnd(text)).toBe(value));

  it('prefers the amount that carries a currency mark', () => {
    expect(parseVnd('Tổng (1 sản phẩm) 199.000 đ')).toBe(199000);
    expect(parseVnd('199,000đ - Số lượng: 1')).toBe(199000);
  });
  it('reads "Miễn phí" (free) as 0, in any case and without diacritics', () => {
    expect(parseVnd('Miễn phí')).toBe(0);
    expect(parseVnd('MIEN PHI')).toBe(0);
  });
  it('returns null when there is no amount', () => {
    expect(parseVnd('')).toBeNull();
    expect(parseVnd(null)).toBeNull();
    expect(parseVnd('Liên hệ')).toBeNull();
    expect(parseVnd('đ')).toBeNull();
  });
  it('never returns NaN or an unsafe integer, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const v = parseVnd(s);
        expect(v === null || Number.isSafeInteger(v)).toBe(true);
      }),
    );
    expect(parseVnd('9'.repeat(40) + ' đ')).toBeNull();
  });
  it('reads back what formatVnd writes', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
      expect(parseVnd(formatVnd(n))).toBe(n);
    }));
  });
});

describe('parseQuantity', () => {
  it('reads counts as written on order pages', () => {
    expect(parseQuantity('SL: 3')).toBe(3);
    expect(parseQuantity('x2')).toBe(2);
    expect(parseQuantity('Số lượng: 1')).toBe(1);
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('')).toBeNull();
  });
});

describe('hasVndAmount', () => {
  it('tells money from other numbers', () => {
    expect(hasVndAmount('25.000 ₫')).toBe(true);
    expect(hasVndAmount('199,000đ')).toBe(true);
    expect(hasVndAmount('Thạch đen gói 500g')).toBe(false);
    expect(hasVndAmount('SL: 2')).toBe(false);
  });
});
