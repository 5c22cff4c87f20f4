// Reads a marketplace page: site rules → structured data → labels, each allowed to fail.
// Pure: takes the parsed document, touches no browser or Node global, never throws.
import { isFarmProduct } from '../farm-products';
import { bundledRules } from './bundled-rules';
import { absoluteUrl, query } from './dom';
import { labelledOrder, saysOrderPlaced } from './generic';
import { marketplaceOf } from './hosts';
import { makeOrder, type RawOrder } from './items';
import type { PageRule, Rules } from './rules';
import { findPageRule, readOrders, readProduct, type RawProduct } from './site-rules';
import { structuredObjects, structuredOrders, structuredProduct } from './structured';
import type { ExtractedOrder, ExtractedProduct, ExtractResult, PageType, Strategy } from './types';

export type * from './types';
export { bundledRules } from './bundled-rules';

// Cheap signs that a page no rule knows may still hold an order or a product: worth the generic reading.
const COMMERCE_URL = /don-?hang|hoa-?don|dat-?hang|gio-?hang|thanh-?toan|order|checkout|cart|invoice/i;
const COMMERCE_MARKUP =
  'script[type="application/ld+json"], [itemtype*="Order"], [itemtype*="Product"], [typeof*="Product"], meta[property="og:type"][content="product"]';

function orders(raw: RawOrder[], pageType: PageType, strategy: Strategy): ExtractedOrder[] {
  return raw.map((o) => makeOrder(o, pageType, strategy)).filter((o): o is ExtractedOrder => o !== null);
}

function product(raw: RawProduct, url: string, strategy: Strategy, canonical: string | null): ExtractedProduct | null {
  if (!raw.name) return null;
  const farm = isFarmProduct({ name: raw.name, categories: raw.categories });
  const result: ExtractedProduct = {
    name: raw.name,
    price: raw.price,
    shop: raw.shop,
    productUrl: canonical ?? url,
    weightGrams: raw.weightGrams,
    isFarmProduct: farm.isFarmProduct,
    category: farm.category,
    farmReason: farm.reason,
    strategy,
  };
  const missing = (['price', 'shop', 'weightGrams'] as const).filter((k) => result[k] === null);
  if (missing.length) result.missing = missing;
  return result;
}

/** Fills what the first strategy left empty from the next one. */
function fill(a: RawProduct, b: RawProduct | null): RawProduct {
  if (!b) return a;
  return {
    name: a.name ?? b.name,
    price: a.price ?? b.price,
    shop: a.shop ?? b.shop,
    weightGrams: a.weightGrams ?? b.weightGrams,
    categories: a.categories.length ? a.categories : b.categories,
  };
}

function readProductPage(doc: Document, url: string, rule: PageRule | null): ExtractedProduct | null {
  // The canonical link may name voso.vn rather than the province's subdomain: keep the page's own host.
  const canonicalHref = absoluteUrl(query(doc, 'link[rel="canonical"]')?.getAttribute('href') ?? null, url);
  const canonical = canonicalHref && new URL(canonicalHref).host === new URL(url).host ? canonicalHref : null;
  const structured = structuredProduct(doc);
  if (rule?.product) {
    const raw = fill(readProduct(doc, rule.product), structured);
    const p = product(raw, url, 'site-rules', canonical);
    if (p) return p;
  }
  return structured ? product(structured, url, 'structured-data', canonical) : null;
}

/** Structured data, then labels: for pages whose rule read nothing, and for pages no rule knows. */
function readGeneric(doc: Document, url: string, hint: PageType | null): Pick<ExtractResult, 'pageType' | 'orders' | 'product' | 'strategy'> | null {
  const objects = structuredObjects(doc);
  const confirmation = saysOrderPlaced(doc);
  const orderType = (n: number): PageType => hint ?? (n > 1 ? 'order-list' : confirmation ? 'order-confirmation' : 'order-detail');
  const fromData = structuredOrders(doc, url, objects);
  if (fromData.length) {
    const found = orders(fromData, orderType(fromData.length), 'structured-data');
    if (found.length) return { pageType: orderType(found.length), orders: found, product: null, strategy: 'structured-data' };
  }
  const labelled = labelledOrder(doc, url);
  if (labelled) {
    const found = orders([labelled], orderType(1), 'labels');
    if (found.length) return { pageType: orderType(1), orders: found, product: null, strategy: 'labels' };
  }
  if (!hint || hint === 'product') {
    const p = readProductPage(doc, url, null);
    if (p) return { pageType: 'product', orders: [], product: p, strategy: p.strategy ?? null };
  }
  return null;
}

/**
 * Reads a marketplace page into the extraction contract. `rules` defaults to the bundled copy; pass the
 * collector's newer rules when the extension has them. A page outside the marketplaces is never read.
 */
export function extractPage(doc: Document, url: string, rules: Rules = bundledRules): ExtractResult {
  const marketplace = marketplaceOf(url);
  const nothing: ExtractResult = { marketplace, pageType: 'other', orders: [], product: null, strategy: null, rulesVersion: null };
  if (!marketplace) return nothing;
  try {
    const u = new URL(url);
    const site = rules.sites.find((s) => s.marketplace === marketplace && s.hosts.includes(u.hostname.toLowerCase()));
    const base = { ...nothing, rulesVersion: site?.version ?? null };
    const page = site ? findPageRule(site, doc, u.pathname + u.search) : null;
    if (page) {
      if (page.type === 'product') {
        const p = readProductPage(doc, url, page);
        return { ...base, pageType: 'product', product: p, strategy: p?.strategy ?? null };
      }
      if (page.orders) {
        const found = orders(readOrders(doc, page.orders, url), page.type, 'site-rules');
        if (found.length) return { ...base, pageType: page.type, orders: found, strategy: 'site-rules' };
      }
      const generic = readGeneric(doc, url, page.type);
      return { ...base, pageType: page.type, ...(generic && { orders: generic.orders, strategy: generic.strategy }) };
    }
    // The common case on a marketplace: a page that is no order. Decide cheaply and stop.
    if (!COMMERCE_URL.test(u.pathname) && !query(doc, COMMERCE_MARKUP)) return base;
    return { ...base, ...readGeneric(doc, url, null) };
  } catch {
    return { ...nothing, pageType: 'other' };
  }
}
