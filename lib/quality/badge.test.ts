import { describe, expect, it } from 'vitest';
import { badgeLine } from './badge';
import { parseHTML } from 'linkedom';
import { bundledRules } from '../marketplaces/bundled-rules';
import { shopKeyOf, shopKeyOnPage } from '../marketplaces/shop-link';
import { detectPage } from '../marketplaces/detect';

const html = import.meta.glob<string>('../marketplaces/*/fixtures/product-*.html', { eager: true, query: '?raw', import: 'default' });
const site = (m: string) => bundledRules.sites.find((s) => s.marketplace === m)!;

describe('the buyer\'s note', () => {
  const shop = {
    commune: 'Xã Nhạc Kỳ',
    district: 'Huyện Văn Lãng',
    claims: [
      { kind: 'ocop' as const, stars: 3, expiresOn: null },
      { kind: 'vietgap' as const, expiresOn: '2027-06-30' },
    ],
  };
  it('says where the household is and what was verified, VietGAP with its expiry dd/mm/yyyy', () => {
    expect(badgeLine(shop, '2026-12-01')).toBe('Hộ sản xuất tại xã Nhạc Kỳ, huyện Văn Lãng · VietGAP đã xác minh, còn hạn đến 30/06/2027 · OCOP 3 sao');
    expect(badgeLine({ commune: 'Thị trấn Đồng Đăng', district: 'Thành phố Lạng Sơn', claims: [{ kind: 'traceability', expiresOn: null }] }, '2026-12-01')).toBe(
      'Hộ sản xuất tại thị trấn Đồng Đăng, thành phố Lạng Sơn · Truy xuất nguồn gốc đã xác minh',
    );
  });
  it('writes every kind of commune and district small mid-sentence, and a name without a kind as it is', () => {
    const where = (commune: string, district: string) => badgeLine({ commune, district, claims: [{ kind: 'ocop', stars: 4, expiresOn: null }] }, '2026-12-01');
    expect(where('Phường Vĩnh Trại', 'Thành phố Lạng Sơn')).toBe('Hộ sản xuất tại phường Vĩnh Trại, thành phố Lạng Sơn · OCOP 4 sao');
    expect(where('Thị trấn Na Sầm', 'Huyện Văn Lãng')).toBe('Hộ sản xuất tại thị trấn Na Sầm, huyện Văn Lãng · OCOP 4 sao');
    expect(where('Xã Quảng Lạc', 'Thị xã Lạng Sơn')).toBe('Hộ sản xuất tại xã Quảng Lạc, thị xã Lạng Sơn · OCOP 4 sao');
    // "Xã" is a kind only as the first word: "Xãnh" is no kind, and a kind later in the name stays as written.
    expect(where('Bắc Xã', 'Huyện Đình Lập')).toBe('Hộ sản xuất tại Bắc Xã, huyện Đình Lập · OCOP 4 sao');
    expect(where('Xãnh Pá', 'Huyện Lộc Bình')).toBe('Hộ sản xuất tại Xãnh Pá, huyện Lộc Bình · OCOP 4 sao');
  });
  it('is valid through the expiry day and drops an expired certificate the day after; nothing at all when nothing is left', () => {
    expect(badgeLine(shop, '2027-06-30')).toContain('còn hạn đến 30/06/2027');
    expect(badgeLine(shop, '2027-07-01')).toBe('Hộ sản xuất tại xã Nhạc Kỳ, huyện Văn Lãng · OCOP 3 sao');
    expect(badgeLine({ ...shop, claims: [shop.claims[1]] }, '2027-07-01')).toBeNull();
    expect(badgeLine({ ...shop, claims: [] }, '2026-12-01')).toBeNull();
  });
});

describe('shop links (site rules data)', () => {
  it('read the seller\'s shop on the voso and postmart product pages', () => {
    const page = (file: string, url: string) => {
      const { document } = parseHTML(html[`../marketplaces/${file}`]);
      const doc = document as unknown as Document;
      const found = detectPage(doc, url, bundledRules);
      return shopKeyOnPage(doc, url, found.site, found.page);
    };
    expect(page('voso/fixtures/product-na-chi-lang.html', 'https://langson.voso.vn/na-chi-lang-loai-1-hop-2kg-p245871.html')).toBe('voso:41235');
    expect(page('voso/fixtures/product-detail-1.html', 'https://langson.voso.vn/giay-sneaker-nam-den-giay-sneaker-nam-giay-sneaker-nam-the-thao-p101533.html')).toBe('voso:8590');
    expect(page('postmart/fixtures/product-mang-kho.html', 'https://langson.postmart.vn/p/mang-kho-bac-son-tui-500g-18342.html')).toBe('postmart:htx-bac-son-xanh');
    // Not a product page: no shop is read.
    expect(page('voso/fixtures/product-na-chi-lang.html', 'https://langson.voso.vn/gio-hang')).toBeNull();
  });
  it('give the same key for the registry\'s link, whatever its host, and none for a link that is no shop', () => {
    expect(shopKeyOf(site('voso'), 'https://voso.vn/htx-nong-nghiep-chi-lang-s41235')).toBe('voso:41235');
    expect(shopKeyOf(site('voso'), 'https://langson.voso.vn/htx-nong-nghiep-chi-lang-s41235/')).toBe('voso:41235');
    expect(shopKeyOf(site('voso'), 'https://langson.voso.vn/na-chi-lang-p245871.html')).toBeNull();
    expect(shopKeyOf(site('postmart'), 'https://langson.postmart.vn/stores/HTX-Bac-Son-Xanh')).toBe('postmart:htx-bac-son-xanh');
    expect(shopKeyOf(site('postmart'), 'https://langson.postmart.vn/p/mang-kho-18342.html')).toBeNull();
    expect(shopKeyOf(site('postmart'), 'not a link')).toBeNull();
  });
});

describe('shopKey in rules from the collector', () => {
  it('is checked like every other pattern', async () => {
    const { parseRules } = await import('../marketplaces/rules');
    expect(parseRules({ ...site('voso'), shopKey: '(' })).toEqual({ ok: false, error: expect.stringContaining('rules.shopKey: biểu thức chính quy không hợp lệ') });
    expect(parseRules({ ...site('voso'), shopKey: '-s(\\d+)$' }).ok).toBe(true);
  });
});
