import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { bundledRules } from './bundled-rules';
import { detectPage } from './detect';
import { detectionRules, withFullRules } from './detection-rules';
import { shopKeyOnPage } from './shop-link';

const html = import.meta.glob<string>('./*/fixtures/*.html', { eager: true, query: '?raw', import: 'default' });
const doc = (file: string) => parseHTML(html[file]).document as unknown as Document;
const detectionPart = detectionRules(bundledRules);

describe('detectionRules (the content script\'s copy of the bundled rules)', () => {
  it('keeps what detection and the shop link read, and no reading selector', () => {
    const voso = detectionPart.sites.find((s) => s.marketplace === 'voso')!;
    expect(voso.hosts).toEqual(['langson.voso.vn']);
    expect(voso.shopKey).toBe('-s(\\d+)/?$');
    expect(voso.pages[0]).toEqual({ type: 'product', url: '-p\\d+\\.html$', product: { name: [], shopLink: [{ sel: 'a.go_to_shop', attr: 'href' }] } });
    expect(voso.pages[1]).toEqual({ type: 'cart', url: '^/gio-hang/?(\\?|$)', detect: '.page-cart-v3' });
    expect(JSON.stringify(detectionPart)).not.toContain('"orders"');
  });

  it('detects the same page rule as the full rules, and the reader gets the full rule back', () => {
    const expectedOrders: Record<string, object> = {
      checkout: { group: '.b__cart-info-right .b__cart-content', item: '.product-item-cart' },
      'order-confirmation': { order: '.order-success__package', code: ['.order-code'], item: '.product-item-cart' },
      'order-list': { order: '.order-card__content-wrapper', code: ['.purchase-card-right .order-code', '.b-order-code'] },
    };
    const pages: [string, string, string][] = [
      ['./voso/fixtures/checkout.html', 'https://langson.voso.vn/dat-hang', 'checkout'],
      ['./voso/fixtures/order-confirmation.html', 'https://langson.voso.vn/dat-hang', 'order-confirmation'],
      ['./voso/fixtures/order-history.html', 'https://langson.voso.vn/lich-su-mua-hang.html', 'order-list'],
    ];
    for (const [file, url, type] of pages) {
      const found = detectPage(doc(file), url, detectionPart);
      expect(found.page?.type).toBe(type);
      expect(found.page?.orders).toBeUndefined();
      const full = withFullRules(found, bundledRules)!;
      expect(full.page).toBe(detectPage(doc(file), url, bundledRules).page);
      // The order-reading part of the voso rules (voso/rules.json), which the detection copy leaves out.
      expect(full.page?.orders).toMatchObject(expectedOrders[type]);
    }
  });

  it('finds a product page\'s shop with the detection part alone', () => {
    const url = 'https://langson.voso.vn/na-chi-lang-loai-1-hop-2kg-p245871.html';
    const d = doc('./voso/fixtures/product-na-chi-lang.html');
    const found = detectPage(d, url, detectionPart);
    expect(shopKeyOnPage(d, url, found.site, found.page)).toBe(shopKeyOnPage(d, url, ...fullSiteAndPage(d, url)));
    expect(shopKeyOnPage(d, url, found.site, found.page)).toMatch(/^voso:\d+$/);
  });

  it('sends the reader to detect afresh when the rules differ from the ones detected with', () => {
    const found = detectPage(doc('./voso/fixtures/checkout.html'), 'https://langson.voso.vn/dat-hang', detectionPart);
    const newer = { ...bundledRules, sites: bundledRules.sites.map((s) => ({ ...s, version: '2099-01-01' })) };
    expect(withFullRules(found, newer)).toBeUndefined();
  });
});

function fullSiteAndPage(d: Document, url: string) {
  const f = detectPage(d, url, bundledRules);
  return [f.site, f.page] as const;
}
