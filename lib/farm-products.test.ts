import { describe, expect, it } from 'vitest';
import region from './region/lang-son/lang-son-products.json';
import { farmCategories, isFarmProduct, lexiconTerms } from './farm-products';
import { words } from './text';

describe('isFarmProduct', () => {
  it('has every lexicon phrase written in lower case, its words split by single spaces', () => {
    const terms = lexiconTerms();
    expect(terms.length).toBeGreaterThan(200);
    for (const t of terms) expect(t.words, t.phrase).toEqual(words(t.phrase.toLowerCase()));
  });
  it('knows every product of the Lạng Sơn region pack, in its category', () => {
    for (const p of region.products) {
      const d = isFarmProduct(p.name);
      expect(d, p.name).toMatchObject({ isFarmProduct: true, reason: 'lexicon' });
      expect(farmCategories[d.category!], p.name).toBeDefined();
    }
  });
  it('puts region-pack products in the region pack category', () => {
    for (const p of region.products) {
      // Tinh dầu hồi is gia vị, dược liệu in the pack; mắc mật too. Processed meats keep their own category.
      expect(isFarmProduct(p.name).category, p.name).toBe(p.category);
    }
  });
  it('ignores case and diacritics: "hoi", "hồi", "HỒI"', () => {
    for (const name of ['Hoa hoi kho', 'Hoa hồi khô', 'HOA HỒI KHÔ', 'hoi kho Van Quan', 'Hoi kho Văn Quan'])
      expect(isFarmProduct(name), name).toMatchObject({ isFarmProduct: true, category: 'gia_vi_duoc_lieu' });
  });
  it('matches whole words only, and not inside phrases that mean something else', () => {
    expect(isFarmProduct('Kem phục hồi da').isFarmProduct).toBe(false);
    expect(isFarmProduct('Đèn hồng ngoại').isFarmProduct).toBe(false);
    expect(isFarmProduct('Khóa học đào tạo công nghệ').isFarmProduct).toBe(false);
    expect(isFarmProduct('Nai lưng').isFarmProduct).toBe(false); // "na" is not inside "nai"
    expect(isFarmProduct('Hồi ký chiến tranh').isFarmProduct).toBe(false); // a memoir
  });
  it('does not read "nam" (men\'s) as nấm (mushroom)', () => {
    expect(isFarmProduct('Giày Sneaker Nam Đen')).toMatchObject({ isFarmProduct: false, reason: 'non-farm-word' });
    expect(isFarmProduct('Ao thun nam').isFarmProduct).toBe(false);
    expect(isFarmProduct('Nấm hương rừng Lạng Sơn')).toMatchObject({ isFarmProduct: true, category: 'rau_cu' });
  });
  it('says non-farm things are not farm products', () => {
    for (const name of ['Giày Sneaker Nam Thể Thao', 'Áo khoác màu hồng', 'Điện thoại Samsung Galaxy A52 5G', 'Ốp lưng iPhone'])
      expect(isFarmProduct(name).isFarmProduct, name).toBe(false);
  });
  it('trusts the breadcrumb over the name', () => {
    expect(isFarmProduct({ name: 'Quà biếu Tết', categories: ['Trang chủ', 'Đặc sản vùng miền'] })).toMatchObject({
      isFarmProduct: true,
      reason: 'category',
      category: 'nong_san',
    });
    expect(isFarmProduct({ name: 'Hộp quà hồi quế', categories: ['Đặc sản'] })).toMatchObject({ category: 'gia_vi_duoc_lieu' });
    expect(isFarmProduct({ name: 'Túi vải in hình quả na', categories: ['Thời trang Nam', 'Giày Nam'] })).toMatchObject({
      isFarmProduct: false,
      reason: 'non-farm-category',
    });
  });
  it('gives a reason when nothing matched', () => {
    expect(isFarmProduct('Quà tặng toàn quốc')).toEqual({ isFarmProduct: false, category: null, matched: null, reason: 'no-match' });
    expect(isFarmProduct('')).toMatchObject({ isFarmProduct: false, reason: 'no-match' });
  });
  it('recognises common produce of the campaign', () => {
    for (const name of ['Gà đồi Tiên Yên', 'Thịt lợn đen gác bếp', 'Mật ong rừng', 'Gạo nếp cái hoa vàng', 'Lạc đỏ', 'Măng khô', 'Chè Shan tuyết', 'Rau cải ngồng'])
      expect(isFarmProduct(name).isFarmProduct, name).toBe(true);
  });
});
