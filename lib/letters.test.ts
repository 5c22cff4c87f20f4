import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPlainText, letterAware, letterAwareIgnoringCase, VIETNAMESE_LETTERS } from './letters';
import { parseWeightGrams } from './weight';
import { hasVndAmount, parseVnd } from './money';
import { words } from './text';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

describe('the letters spelt out', () => {
  it('are the 67 Vietnamese letters outside ASCII, in both cases, all letters', () => {
    const letters = [...VIETNAMESE_LETTERS];
    expect(new Set(letters).size).toBe(134);
    expect(letters.every((c) => /^\p{L}$/u.test(c) && c.normalize('NFC') === c && c.charCodeAt(0) > 0x7f)).toBe(true);
    // Each vowel with each tone, the bare ones with a mark, đ: a few by hand.
    for (const c of ['ạ', 'ằ', 'ẫ', 'ệ', 'ĩ', 'ổ', 'ợ', 'ữ', 'ỹ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ạ', 'Ữ', 'Ỵ', 'Đ'])
      expect(VIETNAMESE_LETTERS).toContain(c);
  });

  it('plain text: ASCII, Vietnamese and common signs, none of the signs a letter or a digit', () => {
    const signs = ['\u00a0', '\u202f', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '₫', '×', '–', '—', '−', '…', '‘', '’', '“', '”', '•', '·', '°', '©', '®', '™'];
    for (const s of signs) {
      expect(isPlainText(`Na ${s} 2kg`)).toBe(true);
      expect(LETTER_OR_DIGIT.test(s)).toBe(false);
    }
    expect(isPlainText('Chè Shan tuyết Mẫu Sơn hộp 200g — 120.000 ₫ × 2')).toBe(true);
    expect(isPlainText('')).toBe(true);
  });

  it('anything else is not plain: letters and digits of other scripts, other signs', () => {
    for (const s of ['蜂蜜', 'ß', 'µ', '½', '²', '๒', 'İ', '\u212a', 'ſ', '🍐', 'é\u0301', '€'])
      expect(isPlainText(`Mật ong ${s}`)).toBe(false);
  });

  it('ignoring case, matches plain text lowercased without the i flag, and other text as it is with it', () => {
    const kg = letterAwareIgnoringCase((l, d) => `(?<![${l}${d}])(\\d+)(kg|ký)`, 'u');
    const [plainRe, plain] = kg('Mận HẬU 2KG');
    expect(plainRe.flags).toBe('u');
    expect(plain).toBe('mận hậu 2kg');
    expect(plain.match(plainRe)?.slice(1)).toEqual(['2', 'kg']);
    expect(kg('Na 3KÝ')[1].match(kg('Na 3KÝ')[0])?.slice(1)).toEqual(['3', 'ký']);
    const [otherRe, other] = kg('蜂蜜 2KG');
    expect([otherRe.flags, other]).toEqual(['iu', '蜂蜜 2KG']);
    expect(other.match(otherRe)?.slice(1)).toEqual(['2', 'KG']);
  });

  it('reads other scripts with Unicode letter sets', () => {
    const glued = letterAware((l, d) => `(?<![${l}${d}])\\d+g`, 'u');
    expect('蜂蜜500g'.match(glued('蜂蜜500g'))).toBeNull();
    expect('Mật ong 500g'.match(glued('Mật ong 500g'))?.[0]).toBe('500g');
    expect('Mật500g'.match(glued('Mật500g'))).toBeNull();
    // A digit of another script is a digit too.
    expect('๒500g'.match(glued('๒500g'))).toBeNull();
  });

  it('weights, amounts and words stay glued to letters of other scripts as before', () => {
    expect(parseWeightGrams('蜂蜜500g')).toBeNull();
    expect(parseWeightGrams('Mật ong 蜂蜜 500g')).toBe(500);
    expect(parseWeightGrams('Mật ong 500gß')).toBeNull();
    expect(parseVnd('100dß 200đ')).toBe(200);
    expect(words('mật ong 蜂蜜 ½kg')).toEqual(['mật', 'ong', '蜂蜜', '½kg']);
  });
});

// The patterns as they were written with Unicode letter sets only: on any text, the letter-aware ones read the same.
const NUM = String.raw`\d{1,6}(?:[.,]\d{1,3})?`;
const UNIT = String.raw`kilogram|kilo|kgs|kg|ký|kí|ky|ki|lạng|lang|gram|gam|gr|g`;
const PACK = String.raw`(?:hộp|hop|túi|tui|gói|goi|chai|lọ|lo|hũ|hu|bao|bịch|bich|khay|thanh|phần|phan)`;
const unicode = {
  single: new RegExp(String.raw`(?<![\p{L}\p{N}.,])(${NUM})\s?(${UNIT})(?![\p{L}\p{N}])`, 'giu'),
  timesBefore: new RegExp(String.raw`(?<![\p{L}\p{N}.,])(\d{1,4})\s?(?:${PACK}\s?)?[x×*]\s?(${NUM})\s?(${UNIT})(?![\p{L}\p{N}])`, 'iu'),
  timesAfter: new RegExp(String.raw`(?<![\p{L}\p{N}.,])(${NUM})\s?(${UNIT})\s?[x×*]\s?(\d{1,4})(?![\p{L}\p{N}.,])`, 'iu'),
  amount: /([-−–]\s?)?(\d{1,3}(?:([.,\u00a0\u202f])\d{3})(?:\3\d{3})*|\d+)(?:[.,]\d{1,2})?(?!\d)(\s?(?:₫|đ|vnđ|vnd|d)(?![\p{L}\p{N}]))?/giu,
  word: /[\p{L}\p{N}]+/gu,
};
const matches = (s: string, re: RegExp) => [...s.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))].map((m) => [m.index, ...m]);
/** Where each match is and what it captures, in lower case: a case-insensitive pattern may give either case. */
const lowerMatches = ([re, s]: [RegExp, string]) => matches(s, re).map((m) => m.map((x) => (typeof x === 'string' ? x.toLowerCase() : x)));

const PIECES = [
  '2', '500', '1,5', '0.699', '1.000', '10', ' ', '\u00a0', 'kg', 'KG', 'Kg', 'g', 'G', 'gr', 'ký', 'KÝ', 'kí', 'lạng', 'LẠNG', 'lang', 'hộp', 'HỘP', 'túi',
  'x', 'X', '×', '*', '.', ',', '-', '−', 'đ', 'Đ', '₫', 'vnđ', 'VND', 'd', 'a', 'gà', 'Ă', 'ữ', 'ß', '蜂', 'µ', '½', '²', '๒', 'İ', '\u212a', 'ſ', '🍐', '\u0301', '…',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join('').normalize('NFC'));

describe('letter-aware patterns read what the Unicode ones read', () => {
  it('on random text of weights, amounts, Vietnamese and other scripts', () => {
    fc.assert(
      fc.property(text, (s) => {
        const single = letterAwareIgnoringCase((l, d) => String.raw`(?<![${l}${d}.,])(${NUM})\s?(${UNIT})(?![${l}${d}])`, 'gu');
        const timesBefore = letterAwareIgnoringCase((l, d) => String.raw`(?<![${l}${d}.,])(\d{1,4})\s?(?:${PACK}\s?)?[x×*]\s?(${NUM})\s?(${UNIT})(?![${l}${d}])`, 'u');
        const timesAfter = letterAwareIgnoringCase((l, d) => String.raw`(?<![${l}${d}.,])(${NUM})\s?(${UNIT})\s?[x×*]\s?(\d{1,4})(?![${l}${d}.,])`, 'u');
        expect(lowerMatches(single(s))).toEqual(lowerMatches([unicode.single, s]));
        expect(lowerMatches(timesBefore(s))).toEqual(lowerMatches([unicode.timesBefore, s]));
        expect(lowerMatches(timesAfter(s))).toEqual(lowerMatches([unicode.timesAfter, s]));
        expect(words(s)).toEqual(s.match(unicode.word) ?? []);
        const amounts = [...s.matchAll(unicode.amount)];
        expect(hasVndAmount(s)).toBe(amounts.some((m) => m[4]));
      }),
      { numRuns: 3000 },
    );
  });
});
