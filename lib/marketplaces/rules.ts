// Site adapters as data. Rules arrive from the collector over the network, so everything is validated
// here and nothing in them is code: CSS selectors, URL patterns and label words only.
import { isMarketplace, marketplaceHosts, marketplaces, type Marketplace } from './hosts';
import type { PageType } from './types';

/** Where a value is on the page: a CSS selector (its text), or a selector with an attribute or a label. */
export type Field = string | { sel: string; attr?: string; label?: string; page?: boolean };
// `page: true` reads the whole page rather than the order or item the field belongs to.

export interface OrdersRule {
  /** One element per order (order history); absent: the whole page is one order. */
  order?: string;
  code?: Field[];
  placedAt?: Field[];
  status?: Field[];
  total?: Field[];
  shippingFee?: Field[];
  discount?: Field[];
  /** A shop's package inside an order (cart, checkout); its shop name comes from `shop`. */
  group?: string;
  shop?: Field[];
  /** The shop named on each item, where a page mixes shops in one list. */
  itemShop?: Field[];
  /** One element per item; absent where a page lists orders without their items. */
  item?: string;
  name?: Field[];
  productUrl?: Field[];
  quantity?: Field[];
  unitPrice?: Field[];
  lineTotal?: Field[];
  /** Regular expression on the URL path whose first group is the order code (order-detail pages). */
  codeFromUrl?: string;
}

export interface ProductRule {
  name: Field[];
  price?: Field[];
  shop?: Field[];
  /** The link to the seller's shop ("Xem shop", "Gian hàng"): matched against the registry of verified households. */
  shopLink?: Field[];
  /** Breadcrumb and category links, most general first (every match is read). */
  categories?: string;
  /** A "Trọng lượng: 0.699kg"-style detail. */
  weight?: Field[];
  /** An inline `var <name> = {...}` object and which of its keys hold name, price (VND) and weight (g). */
  inlineJson?: { var: string; name?: string; price?: string; weightGrams?: string };
}

export interface PageRule {
  type: PageType;
  /** Regular expression on path + query. */
  url: string;
  /** A selector that must be on the page (confirms the page type cheaply). */
  detect?: string;
  /** Words (diacritics ignored) that must be in the `detect` element's text. */
  detectText?: string;
  orders?: OrdersRule;
  product?: ProductRule;
}

export interface SiteRules {
  marketplace: Marketplace;
  /** e.g. "2026-11-29"; the collector serves newer versions without a release. */
  version: string;
  hosts: string[];
  /**
   * Regular expression on a shop link's path whose first group names the shop, whatever the link's host
   * (voso's "…-s41235", postmart's "/stores/<slug>"): the same key for the page's link and the registry's.
   */
  shopKey?: string;
  pages: PageRule[];
}

export interface Rules {
  version: string;
  sites: SiteRules[];
}

export type RulesResult = { ok: true; rules: Rules } | { ok: false; error: string };

const PAGE_TYPES = ['product', 'cart', 'checkout', 'order-confirmation', 'order-detail', 'order-list', 'other'];
const MAX_TEXT = 300;

class Invalid extends Error {}
const fail = (where: string, what: string): never => {
  throw new Invalid(`${where}: ${what}`);
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown, where: string, optional = false): string | undefined {
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string' || !v.trim() || v.length > MAX_TEXT) fail(where, 'cần một chuỗi không rỗng (tối đa 300 ký tự)');
  return v as string;
}

function pattern(v: unknown, where: string, optional = false): string | undefined {
  const s = text(v, where, optional);
  if (s === undefined) return undefined;
  try {
    new RegExp(s);
  } catch {
    fail(where, 'biểu thức chính quy không hợp lệ');
  }
  return s;
}

function fields(v: unknown, where: string, optional = true): Field[] | undefined {
  if (v === undefined && optional) return undefined;
  const list = Array.isArray(v) ? v : [v];
  if (!list.length) fail(where, 'cần ít nhất một bộ chọn');
  return list.map((f, i) => {
    const at = `${where}[${i}]`;
    if (typeof f === 'string') return text(f, at)!;
    if (!isObject(f)) return fail(at, 'cần bộ chọn CSS hoặc { sel, attr?, label? }');
    const out: Field = { sel: text(f.sel, `${at}.sel`)! };
    if (f.attr !== undefined) out.attr = text(f.attr, `${at}.attr`);
    if (f.label !== undefined) out.label = text(f.label, `${at}.label`);
    if (f.page !== undefined) {
      if (typeof f.page !== 'boolean') fail(`${at}.page`, 'cần true hoặc false');
      out.page = f.page as boolean;
    }
    return out;
  });
}

function ordersRule(v: unknown, where: string): OrdersRule | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) return fail(where, 'cần một đối tượng');
  const r: OrdersRule = {};
  if (v.item !== undefined) {
    r.item = text(v.item, `${where}.item`);
    r.name = fields(v.name, `${where}.name`, false);
  }
  for (const k of ['order', 'group'] as const) if (v[k] !== undefined) r[k] = text(v[k], `${where}.${k}`);
  for (const k of ['code', 'placedAt', 'status', 'total', 'shippingFee', 'discount', 'shop', 'itemShop', 'productUrl', 'quantity', 'unitPrice', 'lineTotal'] as const)
    if (v[k] !== undefined) r[k] = fields(v[k], `${where}.${k}`);
  if (v.codeFromUrl !== undefined) r.codeFromUrl = pattern(v.codeFromUrl, `${where}.codeFromUrl`);
  return r;
}

function productRule(v: unknown, where: string): ProductRule | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) return fail(where, 'cần một đối tượng');
  const r: ProductRule = { name: fields(v.name, `${where}.name`, false)! };
  for (const k of ['price', 'shop', 'shopLink', 'weight'] as const) if (v[k] !== undefined) r[k] = fields(v[k], `${where}.${k}`);
  if (v.categories !== undefined) r.categories = text(v.categories, `${where}.categories`);
  if (v.inlineJson !== undefined) {
    const j = v.inlineJson;
    if (!isObject(j)) return fail(`${where}.inlineJson`, 'cần một đối tượng');
    const name = text(j.var, `${where}.inlineJson.var`)!;
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) fail(`${where}.inlineJson.var`, 'tên biến không hợp lệ');
    r.inlineJson = { var: name };
    for (const k of ['name', 'price', 'weightGrams'] as const)
      if (j[k] !== undefined) r.inlineJson[k] = text(j[k], `${where}.inlineJson.${k}`);
  }
  return r;
}

function siteRules(v: unknown, where: string): SiteRules {
  if (!isObject(v)) return fail(where, 'cần một đối tượng');
  const marketplace = v.marketplace;
  if (!isMarketplace(marketplace)) return fail(`${where}.marketplace`, `chỉ nhận ${marketplaces.map((m) => `"${m}"`).join(' hoặc ')}`);
  const version = text(v.version, `${where}.version`)!;
  if (!Array.isArray(v.hosts) || !v.hosts.length) return fail(`${where}.hosts`, 'cần danh sách tên miền');
  // Rules from the network may narrow, never widen, what the extension reads.
  const hosts = v.hosts.map((h, i) => {
    if (typeof h !== 'string' || (marketplaceHosts as Record<string, Marketplace>)[h] !== marketplace) fail(`${where}.hosts[${i}]`, 'tên miền không thuộc sàn này');
    return h as string;
  });
  if (!Array.isArray(v.pages)) return fail(`${where}.pages`, 'cần danh sách trang');
  const pages = v.pages.map((p, i): PageRule => {
    const at = `${where}.pages[${i}]`;
    if (!isObject(p)) return fail(at, 'cần một đối tượng');
    if (typeof p.type !== 'string' || !PAGE_TYPES.includes(p.type)) return fail(`${at}.type`, 'loại trang không hợp lệ');
    return {
      type: p.type as PageType,
      url: pattern(p.url, `${at}.url`)!,
      ...(p.detect !== undefined && { detect: text(p.detect, `${at}.detect`) }),
      ...(p.detectText !== undefined && { detectText: text(p.detectText, `${at}.detectText`) }),
      ...(p.orders !== undefined && { orders: ordersRule(p.orders, `${at}.orders`) }),
      ...(p.product !== undefined && { product: productRule(p.product, `${at}.product`) }),
    };
  });
  const shopKey = pattern(v.shopKey, `${where}.shopKey`, true);
  return { marketplace, version, hosts, ...(shopKey !== undefined && { shopKey }), pages };
}

/**
 * Validates rules from JSON (a bundle `{ version, sites: [...] }` or one site's rules).
 * Never throws: bad rules give `{ ok: false, error }` with the place and a Vietnamese reason.
 */
export function parseRules(json: unknown): RulesResult {
  try {
    if (isObject(json) && 'marketplace' in json) {
      const site = siteRules(json, 'rules');
      return { ok: true, rules: { version: site.version, sites: [site] } };
    }
    if (!isObject(json)) return fail('rules', 'cần một đối tượng JSON');
    const version = text(json.version, 'rules.version')!;
    if (!Array.isArray(json.sites)) return fail('rules.sites', 'cần danh sách sàn');
    const sites = json.sites.map((s, i) => siteRules(s, `rules.sites[${i}]`));
    return { ok: true, rules: { version, sites } };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: `Quy tắc đọc trang không hợp lệ — ${e.message}` };
    return { ok: false, error: 'Quy tắc đọc trang không hợp lệ.' };
  }
}

/**
 * The collector's rules ({version, sites:{voso?, postmart?}}, GET /api/rules) as the extension reads them, or why
 * not. The collector refuses an upload (PUT /api/province/rules) this rejects, so what it serves is always usable.
 */
export function rulesFromCollector(json: { version: number | string; sites: Record<string, unknown> }): RulesResult {
  return parseRules({ version: String(json.version), sites: Object.values(json.sites ?? {}) });
}
