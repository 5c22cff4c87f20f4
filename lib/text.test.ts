import { describe, expect, it } from 'vitest';
import { cleanText, foldVietnamese, hasDiacritics, matchesSearch, words } from './text';

describe('foldVietnamese', () => {
  it('folds case and diacritics, đ → d', () => {
    expect(foldVietnamese('HỒI')).toBe('hoi');
    expect(foldVietnamese('hồi')).toBe('hoi');
    expect(foldVietnamese('hoi')).toBe('hoi');
    expect(foldVietnamese('Đậu đỏ Lạng Sơn')).toBe('dau do lang son');
    expect(foldVietnamese('Thạch đen Tràng Định')).toBe('thach den trang dinh');
  });
  it('drops every combining mark from U+0300 to U+036F, and no character past them', () => {
    expect(foldVietnamese('a\u0300b\u036fc\u0370d\u02ffe')).toBe('abc\u0371d\u02ffe');
  });
  it('a mark or đ at the start, at the end, several in a row, or none at all', () => {
    expect(foldVietnamese('\u0301ab\u0301')).toBe('ab');
    expect(foldVietnamese('đ')).toBe('d');
    expect(foldVietnamese('Đ')).toBe('d');
    expect(foldVietnamese('Mã đơn VS2611 đã giao')).toBe('ma don vs2611 da giao');
    expect(foldVietnamese('e\u0323\u0302\u0300x')).toBe('ex');
    expect(foldVietnamese('Order VS2611290417, 2 items')).toBe('order vs2611290417, 2 items');
    expect(foldVietnamese('')).toBe('');
  });
  it('folds decomposed (NFD) input the same as composed input', () => {
    expect(foldVietnamese('Na Chi Lăng'.normalize('NFD'))).toBe(foldVietnamese('Na Chi Lăng'));
  });
  it('folds every Vietnamese letter, in either case, composed or decomposed', () => {
    const letters = 'àáảãạăằắẳẵặâầấẩẫậ èéẻẽẹêềếểễệ ìíỉĩị òóỏõọôồốổỗộơờớởỡợ ùúủũụưừứửữự ỳýỷỹỵ đ';
    const folded = 'aaaaaaaaaaaaaaaaa eeeeeeeeeee iiiii ooooooooooooooooo uuuuuuuuuuu yyyyy d';
    expect(foldVietnamese(letters)).toBe(folded);
    expect(foldVietnamese(letters.toUpperCase())).toBe(folded);
    expect(foldVietnamese(letters.normalize('NFD'))).toBe(folded);
    expect(foldVietnamese('ĐƠN HÀNG'.normalize('NFD'))).toBe('don hang');
  });
  it('keeps punctuation and currency signs, and folds letters of other languages too', () => {
    expect(foldVietnamese('Giỏ hàng – 120.000\u00a0₫ · «Mới»…')).toBe('gio hang – 120.000\u00a0₫ · «moi»…');
    expect(foldVietnamese('Café Ñoño Ünïcode — Hồi')).toBe('cafe nono unicode — hoi');
    expect(foldVietnamese('Quả 🍊 cam')).toBe('qua 🍊 cam');
  });
});

describe('cleanText', () => {
  it('normalises to NFC and collapses whitespace, no-break spaces and zero-width characters', () => {
    const decomposed = 'Hồng  không\u00a0hạt\u200b\n'.normalize('NFD');
    expect(cleanText(decomposed)).toBe('Hồng không hạt');
    expect(cleanText(decomposed)).toBe(cleanText(decomposed).normalize('NFC'));
  });
});

describe('hasDiacritics', () => {
  it('tells Vietnamese with marks from plain ASCII', () => {
    expect(hasDiacritics('Nấm hương')).toBe(true);
    expect(hasDiacritics('dau')).toBe(false);
    expect(hasDiacritics('Đ')).toBe(true);
  });
});

describe('words and search', () => {
  it('splits on anything that is not a letter or a digit', () => {
    expect(words('Hồi khô, túi 500g!')).toEqual(['Hồi', 'khô', 'túi', '500g']);
  });
  it('search ignores diacritics and case', () => {
    expect(matchesSearch('Hoa hồi khô Văn Quan', 'HOI KHO')).toBe(true);
    expect(matchesSearch('Hoa hồi khô Văn Quan', 'quế')).toBe(false);
  });
});
