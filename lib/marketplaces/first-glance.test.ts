// What of the first glance runs without a browser's DOM: the glance of the rules and the address. The glance at a page
// (one XPath query, which linkedom has not) is checked against the detection in Chromium:
// tests/e2e/marketplace-first-glance.spec.ts.
import { describe, expect, it } from 'vitest';
import { bundledRules } from './bundled-rules';
import { detectionRules } from './detection-rules';
import { addressOf, glanceOf, literalEnd, literalStart } from './first-glance';

// What the content script has: the detection part of the bundled rules, and its glance (both made by wxt.config.ts).
const rules = detectionRules(bundledRules);
const glance = glanceOf(rules);
const versionOf = (marketplace: string) => bundledRules.sites.find((s) => s.marketplace === marketplace)!.version;

describe('the plain text of an address pattern', () => {
  it('a prefix, up to what may be absent or repeated', () => {
    expect(literalStart('^/gio-hang/?(\\?|$)')).toBe('/gio-hang');
    expect(literalStart('^/lich-su-mua-hang\\.html')).toBe('/lich-su-mua-hang.html');
    expect(literalStart('^/account/orders/\\d+')).toBe('/account/orders/');
    expect(literalStart('^/ab*c')).toBe('/a');
    expect(literalStart('^/ab+c')).toBe('/ab');
    expect(literalStart('^/ab{0,2}c')).toBe('/a');
  });
  it('an ending', () => {
    expect(literalEnd('-p\\d+\\.html$')).toBe('.html');
    expect(literalEnd('^/stores/([^/]+)/?$')).toBeNull();
    expect(literalEnd('/x\\\\.html$')).toBe('html');
    expect(literalEnd('/x\\d$')).toBeNull();
    expect(literalEnd('/x\\$')).toBeNull();
  });
  it('none where a match needs no part of it', () => {
    expect(literalStart('^/a|/b')).toBeNull();
    expect(literalEnd('a$|b')).toBeNull();
    expect(literalStart('/dat-hang')).toBeNull();
    expect(literalStart('^(?:/a|/b)')).toBeNull();
    expect(literalStart('^\\d')).toBeNull();
  });
  it('an alternative inside a group or a class is no choice for the whole', () => {
    expect(literalStart('^/cart/?(\\?|$)')).toBe('/cart');
    expect(literalStart('^/x[|]')).toBe('/x');
  });
  it('every bundled page rule: what its pattern matches starts or ends with its plain text', () => {
    const paths = [
      '/', '/gio-hang', '/gio-hang/', '/gio-hang?x=1', '/gio-hangx', '/dat-hang', '/dat-hang/thanh-cong', '/hoa-don/48f96539', '/hoa-don/',
      '/lich-su-mua-hang.html', '/lich-su-mua-hangxhtml', '/na-p1.html', '/na-p1.html?x', '/p1.html', '/p/mang-18342.html', '/p/x.html',
      '/cart', '/cart/', '/cart?x', '/checkout', '/checkout/complete', '/checkout/?a', '/account/orders', '/account/orders/10377',
      '/stores/htx', '/gian-hang-cua-toi.html', '/-p9.html',
    ];
    // Written from the rules' patterns: the plain start, or (marked "…") the plain ending.
    const expected: Record<string, string> = {
      '-p\\d+\\.html$': '….html',
      '^/gio-hang/?(\\?|$)': '/gio-hang',
      '^/dat-hang': '/dat-hang',
      '^/hoa-don/[0-9a-f]+': '/hoa-don/',
      '^/lich-su-mua-hang\\.html': '/lich-su-mua-hang.html',
      '^/p/[^/]+-\\d+\\.html$': '/p/',
      '^/cart/?(\\?|$)': '/cart',
      '^/checkout/complete': '/checkout/complete',
      '^/checkout/?(\\?|$)': '/checkout',
      '^/account/orders/\\d+': '/account/orders/',
      '^/account/orders/?(\\?|$)': '/account/orders',
    };
    const found: Record<string, string> = {};
    for (const site of rules.sites)
      for (const { url } of site.pages) {
        const start = literalStart(url);
        const end = start === null ? literalEnd(url) : null;
        found[url] = start ?? `…${end}`;
        for (const p of paths) if (new RegExp(url).test(p)) expect(start !== null ? p.startsWith(start) : p.endsWith(end!), `${url} on ${p}`).toBe(true);
      }
    expect(found).toEqual(expected);
  });
});

describe('the glance of the bundled rules', () => {
  it("each marketplace's page rules, as prefixes and endings (a prefix another covers left out)", () => {
    expect(glance).toEqual({
      'langson.voso.vn': { marketplace: 'voso', version: versionOf('voso'), starts: ['/gio-hang', '/dat-hang', '/hoa-don/', '/lich-su-mua-hang.html'], ends: ['.html'] },
      'langson.postmart.vn': { marketplace: 'postmart', version: versionOf('postmart'), starts: ['/p/', '/cart', '/checkout', '/account/orders'], ends: [] },
    });
  });
  it('a site with a pattern that has no plain part gets no glance: the detection decides there', () => {
    const odd = { ...rules, sites: rules.sites.map((s) => (s.marketplace === 'voso' ? { ...s, pages: [...s.pages, { type: 'cart' as const, url: '(gio|cart)' }] } : s)) };
    expect(Object.keys(glanceOf(odd))).toEqual(['langson.postmart.vn']);
  });
});

describe('the address as the glance reads it from document.URL (as URL reads hostname, pathname and search)', () => {
  it('the home page', () => {
    expect(addressOf('https://langson.voso.vn/')).toEqual({ hostname: 'langson.voso.vn', pathname: '/', search: '' });
  });
  it('a user, a port, a query and a fragment', () => {
    expect(addressOf('https://ai:mk@langson.voso.vn:8443/trai-cay-c1201?sort=moi-nhat#tren')).toEqual({ hostname: 'langson.voso.vn', pathname: '/trai-cay-c1201', search: '?sort=moi-nhat' });
  });
  it('an empty query is none; a "?" in the fragment is no query', () => {
    expect(addressOf('https://langson.voso.vn/tim-kiem?#/gio-hang')).toEqual({ hostname: 'langson.voso.vn', pathname: '/tim-kiem', search: '' });
    expect(addressOf('https://langson.voso.vn/a#b?c=1')).toEqual({ hostname: 'langson.voso.vn', pathname: '/a', search: '' });
  });
  it('an IPv6 host keeps its brackets, without the port', () => {
    expect(addressOf('https://[::1]:8443/x?y')).toEqual({ hostname: '[::1]', pathname: '/x', search: '?y' });
  });
});
