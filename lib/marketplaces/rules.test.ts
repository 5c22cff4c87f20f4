import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { bundledRules } from './bundled-rules';
import { parseRules, type SiteRules } from './rules';
import { countSelectors, ruleSelectors } from './selectors';
import { findPageRule } from './site-rules';
import voso from './voso/rules.json';

const html = import.meta.glob<string>('./*/fixtures/*.html', { eager: true, query: '?raw', import: 'default' });
const pages = import.meta.glob<Record<string, string>>('./*/fixtures/pages.json', { eager: true, import: 'default' });
const counts = import.meta.glob<Record<string, Record<string, number>>>('./*/selector-counts.json', { eager: true, import: 'default' });

describe('parseRules', () => {
  it('accepts the bundled rules, and each site file alone', () => {
    expect(parseRules(bundledRules)).toEqual({ ok: true, rules: bundledRules });
    for (const site of bundledRules.sites) expect(parseRules(site).ok).toBe(true);
  });
  it('rejects rules that would widen the hosts the extension reads', () => {
    const r = parseRules({ ...voso, hosts: ['shopee.vn'] });
    expect(r).toEqual({ ok: false, error: expect.stringContaining('rules.hosts[0]') });
    expect(parseRules({ ...voso, hosts: ['langson.postmart.vn'] }).ok).toBe(false);
  });
  it('says where and why bad rules are bad, in Vietnamese', () => {
    const badPattern = { ...voso, pages: [{ type: 'cart', url: '(' }] };
    expect(parseRules(badPattern)).toEqual({ ok: false, error: expect.stringContaining('rules.pages[0].url: biểu thức chính quy không hợp lệ') });
    expect(parseRules({ ...voso, pages: [{ type: 'shop', url: 'x' }] })).toMatchObject({ ok: false, error: expect.stringContaining('loại trang') });
    expect(parseRules({ ...voso, marketplace: 'shopee' }).ok).toBe(false);
    expect(parseRules({ ...voso, version: '' }).ok).toBe(false);
    expect(parseRules({ ...voso, pages: [{ type: 'cart', url: 'x', orders: { item: '.a' } }] }).ok).toBe(false); // item without name
    expect(parseRules({ ...voso, pages: [{ type: 'product', url: 'x', product: { name: ['h1'], inlineJson: { var: 'a;alert(1)' } } }] }).ok).toBe(false);
    for (const junk of [null, 42, 'rules', [], { version: '1' }, { version: '1', sites: [{}] }]) expect(parseRules(junk).ok).toBe(false);
  });
  it('keeps only what it knows (rules are data, never code)', () => {
    const r = parseRules({ ...voso, pages: [{ type: 'cart', url: '^/gio-hang', onload: 'alert(1)' }] });
    expect(r.ok && r.rules.sites[0].pages[0]).toEqual({ type: 'cart', url: '^/gio-hang' });
  });
});

// Refined GitHub style: each site's selector-counts.json says, for every selector its rules use, how many nodes
// it matches on each fixture page of that page type. A page that stops matching fails here, by name.
describe.each(bundledRules.sites.map((s) => [s.marketplace, s] as [string, SiteRules]))('%s selectors', (marketplace, site) => {
  const folder = `./${marketplace}/`;
  const expected = counts[`${folder}selector-counts.json`];
  const selectors = ruleSelectors(site);
  const list = pages[`${folder}fixtures/pages.json`];

  it('has a count for every selector its rules use', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(selectors).sort());
  });
  it('every selector matches at least one fixture page', () => {
    for (const [name, byPage] of Object.entries(expected)) expect(Math.max(...Object.values(byPage)), name).toBeGreaterThan(0);
  });
  it.each(Object.entries(list))('%s: page type and selector counts', (file, url) => {
    const { document } = parseHTML(html[`${folder}fixtures/${file}`]);
    const doc = document as unknown as Document;
    const page = findPageRule(site, doc, new URL(url).pathname + new URL(url).search);
    const actual = countSelectors(doc, selectors);
    const relevant = Object.fromEntries(
      Object.entries(expected).filter(([, byPage]) => file in byPage).map(([name, byPage]) => [name, byPage[file]]),
    );
    expect(Object.fromEntries(Object.keys(relevant).map((name) => [name, actual[name]]))).toEqual(relevant);
    if (page) expect(Object.keys(relevant).some((n) => n.startsWith(`${page.type}.`)), `${file} is listed for ${page.type}`).toBe(true);
  });
});
