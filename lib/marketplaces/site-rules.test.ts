import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { SiteRules } from './rules';
import { findPageRule, orderRuleFor } from './site-rules';

const doc = parseHTML('<html><head><title>x</title></head><body><div class="order"></div></body></html>').document as unknown as Document;
const site = (...urls: [SiteRules['pages'][number]['type'], string][]): SiteRules => ({
  marketplace: 'voso',
  version: '2026-12-01',
  hosts: ['langson.voso.vn'],
  pages: urls.map(([type, url]) => ({ type, url })),
});

describe('page rules by address (joined into one pattern for the addresses no rule matches)', () => {
  const rules = site(['product', '-p\\d+\\.html$'], ['order-detail', '^/don/(\\d+)$'], ['order-list', '^/lich-su(\\?|$)']);

  it('finds the same rule as trying them one by one, and none where none matches', () => {
    expect(findPageRule(rules, doc, '/na-chi-lang-p245871.html')?.type).toBe('product');
    expect(findPageRule(rules, doc, '/don/12')?.type).toBe('order-detail');
    expect(findPageRule(rules, doc, '/lich-su?trang=2')?.type).toBe('order-list');
    expect(findPageRule(rules, doc, '/')).toBeNull();
    expect(findPageRule(rules, doc, '/don/12/x')).toBeNull();
    expect(orderRuleFor(rules, '/don/12')).toBe(true);
    expect(orderRuleFor(rules, '/na-chi-lang-p245871.html')).toBe(false);
    expect(orderRuleFor(rules, '/')).toBe(false);
  });

  it('tries rules with a back-reference one by one (joined, it would point at another rule\'s group)', () => {
    const echo = site(['order-detail', '^/don/(\\d+)$'], ['order-list', '^/(a+)/\\1$']);
    expect(findPageRule(echo, doc, '/aa/aa')?.type).toBe('order-list');
    expect(findPageRule(echo, doc, '/aa/a')).toBeNull();
    expect(orderRuleFor(echo, '/aa/aa')).toBe(true);
  });

  it('still checks the detect selector of the rule whose address matches', () => {
    const detected: SiteRules = { ...rules, pages: [{ type: 'checkout', url: '^/dat-hang', detect: '.checkout' }, { type: 'order-confirmation', url: '^/dat-hang', detect: '.order' }] };
    expect(findPageRule(detected, doc, '/dat-hang')?.type).toBe('order-confirmation');
  });
});
