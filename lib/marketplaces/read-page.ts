// Reads a marketplace page: site rules → structured data → labels, each allowed to fail.
// Pure: takes the parsed document, touches no browser or Node global, never throws.
// The content script imports this with the rules it keeps in storage, so the bundled copy is not in its bundle;
// everything else uses extractPage (extract.ts), which defaults to the bundled rules.
import { isFarmProduct } from '../farm-products';
import { absoluteUrl, query } from './dom';
import { labelledOrders, saysOrderPlaced } from './generic';
import { detectPage, type Detection } from './detect';
import { makeOrder, type RawOrder } from './items';
import type { PageRule, Rules } from './rules';
import { readOrders, readProduct, type RawProduct } from './site-rules';
import { structuredObjects, structuredOrders, structuredProduct } from './structured';
import type { ExtractedOrder, ExtractedProduct, ExtractResult, PageType, Strategy } from './types';

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
  if (rule?.product) {
    let raw = readProduct(doc, rule.product);
    // Structured data only when the rules left a gap: it walks the whole page.
    if (!raw.name || raw.price === null || !raw.shop || raw.weightGrams === null || !raw.categories.length)
      raw = fill(raw, structuredProduct(doc));
    const p = product(raw, url, 'site-rules', canonical);
    if (p) return p;
  }
  const structured = structuredProduct(doc);
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
  const labelled = labelledOrders(doc, url);
  if (labelled.length) {
    // Items without an order code: the page said it is a checkout (generic.ts saysCheckout).
    const type = labelled.every((o) => !o.orderCode) ? (hint ?? 'checkout') : orderType(labelled.length);
    const found = orders(labelled, type, 'labels');
    if (found.length) return { pageType: type === 'checkout' ? type : orderType(found.length), orders: found, product: null, strategy: 'labels' };
  }
  if (!hint || hint === 'product') {
    const p = readProductPage(doc, url, null);
    if (p) return { pageType: 'product', orders: [], product: p, strategy: p.strategy ?? null };
  }
  return null;
}

/**
 * Reads a marketplace page into the extraction contract with the given rules. Never throws. The content script
 * passes the detection it has just made on this same page, so the page is not detected twice.
 */
export function readPage(doc: Document, url: string, rules: Rules, detected: Detection = detectPage(doc, url, rules)): ExtractResult {
  const { marketplace, site, page, worthReading } = detected;
  const base: ExtractResult = { marketplace, pageType: 'other', orders: [], product: null, strategy: null, rulesVersion: site?.version ?? null };
  if (!worthReading) return base;
  try {
    if (page?.type === 'product') {
      const p = readProductPage(doc, url, page);
      return { ...base, pageType: 'product', product: p, strategy: p?.strategy ?? null };
    }
    if (page?.orders) {
      const found = orders(readOrders(doc, page.orders, url), page.type, 'site-rules');
      if (found.length) return { ...base, pageType: page.type, orders: found, strategy: 'site-rules' };
    }
    const generic = readGeneric(doc, url, page?.type ?? null);
    if (page) return { ...base, pageType: page.type, ...(generic && { orders: generic.orders, strategy: generic.strategy }) };
    return { ...base, ...generic };
  } catch {
    return base;
  }
}
