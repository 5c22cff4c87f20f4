import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { matchPageRules, orderRuleFor } from './site-rules';
import type { SiteRules } from './rules';

// Written by hand: a site's page rules as the collector might send them.
const site = (pages: SiteRules['pages']): SiteRules => ({ marketplace: 'voso', version: '2026-12-01', hosts: ['langson.voso.vn'], pages });
const doc = (body: string) => parseHTML(`<!doctype html><html><head><title>Voso</title></head><body>${body}</body></html>`).document as unknown as Document;

describe('matchPageRules', () => {
  const voso = site([
    { type: 'product', url: '-p\\d+\\.html$', product: { name: ['h1'] } },
    { type: 'cart', url: '^/gio-hang/?(\\?|$)', detect: '.page-cart' },
    { type: 'order-confirmation', url: '^/dat-hang', detect: '.order-success' },
  ]);
  it('finds no rule at an address none is written for', () => {
    expect(matchPageRules(voso, doc('<h1>Voso</h1>'), '/')).toEqual({ page: null, orderRule: false });
    expect(matchPageRules(voso, doc('<div class="page-cart"></div>'), '/trai-cay-c1201?order=moi-nhat')).toEqual({ page: null, orderRule: false });
  });
  it('finds the rule whose pattern and detect selector match, and whether an order rule is written for the address', () => {
    expect(matchPageRules(voso, doc('<h1>Na</h1>'), '/na-p245871.html')).toEqual({ page: voso.pages[0], orderRule: false });
    expect(matchPageRules(voso, doc('<div class="page-cart"></div>'), '/gio-hang?x=1')).toEqual({ page: voso.pages[1], orderRule: true });
    expect(matchPageRules(voso, doc('<p>Đang tải</p>'), '/dat-hang')).toEqual({ page: null, orderRule: true });
    expect(orderRuleFor(voso, '/dat-hang')).toBe(true);
    expect(orderRuleFor(voso, '/na-p245871.html')).toBe(false);
  });
});
