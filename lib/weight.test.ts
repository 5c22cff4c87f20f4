import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseWeightGrams } from './weight';

describe('parseWeightGrams', () => {
  it.each([
    ['Thạch đen hộp 2kg', 2000],
    ['Hồi khô 500g', 500],
    ['Na Chi Lăng 1,5 kg', 1500],
    ['Quế thùng 10 kg', 10000],
    ['Măng khô túi 1.5kg', 1500],
    ['Gạo nếp 2 kí', 2000],
    ['Chè Mẫu Sơn 2 ký', 2000],
    ['Mộc nhĩ 0,5 lạng', 50],
    ['Hồng không hạt 3 lạng', 300],
    ['combo 2 hộp x 500g', 1000],
    ['Thạch đen 500g x 3 gói', 1500],
    ['Trọng lượng: 0.699kg', 699],
    ['Mật ong 1.000g', 1000],
    ['Thùng 10 kg (20 túi 500g)', 10000],
    ['Bánh khảo 250 GR', 250],
    ['Na dai 1KG', 1000],
  ])('%s → %d g', (text, g) => expect(parseWeightGrams(text)).toBe(g));

  it.each([
    ['Thạch đen nguyên chất 100%'],
    ['Điện thoại Samsung Galaxy A52 5G'],
    ['Giày Sneaker Nam size 42'],
    ['Tinh dầu hồi chai 100 ml'],
    ['Gà đồi nguyên con'],
    ['Mã SP1.5kg'],
    [''],
  ])('%s → null', (text) => expect(parseWeightGrams(text)).toBeNull());

  it('returns a positive whole number of grams or null, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (s) => {
        const g = parseWeightGrams(s);
        expect(g === null || (Number.isSafeInteger(g) && g > 0)).toBe(true);
      }),
    );
  });
});
