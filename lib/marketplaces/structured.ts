// Strategy 2: structured data. JSON-LD, microdata and RDFa (voso's product page uses RDFa) are turned into
// one shape of plain objects, then read as schema.org Product and Order. Open Graph fills a product's gaps.
import { parseVietnameseDate } from '../dates';
import { parseQuantity, parseVnd } from '../money';
import { cleanText } from '../text';
import { parseWeightGrams } from '../weight';
import { absoluteUrl, queryAll } from './dom';
import type { RawItem, RawOrder } from './items';
import type { RawProduct } from './site-rules';
import { orderStatus } from './status';

type Obj = Record<string, unknown>;
const MAX_SCOPES = 30;
const MAX_PROPS = 500;
const MAX_DEPTH = 6;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const localName = (s: string) => s.replace(/^.*[/#:]/, '');

function str(v: unknown): string | null {
  const x = first(v);
  if (typeof x === 'string') return cleanText(x) || null;
  if (typeof x === 'number') return String(x);
  if (isObj(x)) return str(x['@value'] ?? x.name ?? x['@id']);
  return null;
}

function num(v: unknown): number | null {
  const x = first(v);
  if (typeof x === 'number') return Number.isFinite(x) ? Math.round(x) : null;
  if (isObj(x)) return num(x.price ?? x.value ?? x['@value']);
  return parseVnd(str(x));
}

function typesOf(o: Obj): string[] {
  return list(o['@type']).filter((t): t is string => typeof t === 'string').flatMap((t) => t.split(/\s+/).map(localName));
}

function ldObjects(doc: Document): Obj[] {
  const out: Obj[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (isObj(v)) {
      out.push(v);
      if (v['@graph']) visit(v['@graph'], depth + 1);
    }
  };
  for (const script of queryAll(doc, 'script[type="application/ld+json"]').slice(0, 20)) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // Broken JSON-LD is common; the other strategies read the page.
    }
  }
  return out;
}

// Microdata (itemscope/itemprop) and RDFa (typeof/property/rel) share one reader.
const isScope = (el: Element) => el.hasAttribute('itemscope') || el.hasAttribute('typeof');

function ownerScope(el: Element): Element | null {
  for (let p = el.parentElement; p; p = p.parentElement) if (isScope(p)) return p;
  return null;
}

function literal(el: Element): string {
  for (const a of ['content', 'resource', 'datetime', 'value']) {
    const v = el.getAttribute(a);
    if (v !== null) return v;
  }
  const tag = el.tagName.toLowerCase();
  if (tag === 'a' || tag === 'link') return el.getAttribute('href') ?? '';
  if (tag === 'img' || tag === 'meta') return el.getAttribute('src') ?? el.getAttribute('content') ?? '';
  return cleanText(el.textContent ?? '');
}

function scopeObject(scope: Element, depth: number): Obj {
  const obj: Obj = { '@type': scope.getAttribute('itemtype') ?? scope.getAttribute('typeof') ?? '' };
  if (depth > MAX_DEPTH) return obj;
  for (const el of queryAll(scope, '[itemprop], [property], [rel]').slice(0, MAX_PROPS)) {
    if (ownerScope(el) !== scope) continue;
    const names = el.getAttribute('itemprop') ?? el.getAttribute('property') ?? el.getAttribute('rel') ?? '';
    let value: unknown;
    if (isScope(el)) value = scopeObject(el, depth + 1);
    else if (!el.hasAttribute('itemprop') && !el.hasAttribute('property')) {
      const child = queryAll(el, '[typeof], [itemscope]')[0];
      value = child ? scopeObject(child, depth + 1) : el.getAttribute('resource') ?? el.getAttribute('href');
    } else value = literal(el);
    for (const name of names.split(/\s+/).filter(Boolean).map(localName)) obj[name] = [...list(obj[name]), value];
  }
  return obj;
}

function scopeObjects(doc: Document): Obj[] {
  return queryAll(doc, '[itemscope], [typeof]')
    .filter((el) => !ownerScope(el))
    .slice(0, MAX_SCOPES)
    .map((el) => scopeObject(el, 0));
}

function findTyped(objects: Obj[], type: string): Obj[] {
  const found: Obj[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (isObj(v)) {
      if (typesOf(v).includes(type)) found.push(v);
      else Object.values(v).forEach((x) => visit(x, depth + 1));
    }
  };
  visit(objects, 0);
  return found;
}

function meta(doc: Document, property: string): string | null {
  const el = queryAll(doc, `meta[property="${property}"], meta[name="${property}"]`)[0];
  return el ? cleanText(el.getAttribute('content') ?? '') || null : null;
}

/** Every structured object on the page (JSON-LD first, then microdata and RDFa). */
export function structuredObjects(doc: Document): Obj[] {
  return [...ldObjects(doc), ...scopeObjects(doc)];
}

function weightOf(v: unknown): number | null {
  const w = first(v);
  if (isObj(w)) {
    const value = num(w.value);
    const unit = str(w.unitCode) ?? str(w.unitText) ?? 'g';
    return value === null ? null : parseWeightGrams(`${value} ${/KGM|kg/i.test(unit) ? 'kg' : 'g'}`);
  }
  return parseWeightGrams(str(w));
}

export function structuredProduct(doc: Document, objects = structuredObjects(doc)): RawProduct | null {
  const p = findTyped(objects, 'Product')[0];
  const ogTitle = meta(doc, 'og:title');
  const ogIsProduct = meta(doc, 'og:type') === 'product' || meta(doc, 'product:price:amount') !== null;
  if (!p && !ogIsProduct) return null;
  const offer = p ? first(p.offers) : undefined;
  const offerObj = isObj(offer) ? offer : {};
  const category = p ? str(p.category) : null;
  return {
    name: (p && str(p.name)) ?? (ogTitle ? ogTitle.split(' | ')[0].replace(/\s+-\s+P\d+$/, '') : null),
    price: num(offerObj.price ?? offerObj.lowPrice) ?? parseVnd(meta(doc, 'product:price:amount')),
    shop: str(isObj(first(offerObj.seller)) ? (first(offerObj.seller) as Obj).name : null),
    weightGrams: p ? weightOf(p.weight) : null,
    categories: category ? [category] : [],
  };
}

function orderItems(o: Obj, base: string): RawItem[] {
  const offers = list(o.acceptedOffer).filter(isObj).map((offer) => {
    const product = isObj(first(offer.itemOffered)) ? (first(offer.itemOffered) as Obj) : {};
    const quantity = num(isObj(first(offer.eligibleQuantity)) ? (first(offer.eligibleQuantity) as Obj).value : offer.eligibleQuantity);
    return { product, quantity, unitPrice: num(offer.price), lineTotal: null as number | null };
  });
  const ordered = list(o.orderedItem).filter(isObj).map((entry) => {
    const inner = first(entry.orderedItem);
    const product = typesOf(entry).includes('OrderItem') && isObj(inner) ? inner : entry;
    const quantity = parseQuantity(str(entry.orderQuantity));
    const unitPrice = num(isObj(first(product.offers)) ? (first(product.offers) as Obj).price : undefined);
    return { product, quantity, unitPrice, lineTotal: num(entry.totalPaymentDue ?? entry.price) };
  });
  return [...offers, ...ordered].map(({ product, quantity, unitPrice, lineTotal }) => ({
    name: str(product.name),
    quantity,
    unitPrice,
    lineTotal,
    productUrl: absoluteUrl(str(product.url), base),
    weightGrams: weightOf(product.weight),
    categories: str(product.category) ? [str(product.category)!] : [],
  }));
}

export function structuredOrders(doc: Document, url: string, objects = structuredObjects(doc)): RawOrder[] {
  return findTyped(objects, 'Order').map((o) => {
    const seller = first(o.seller);
    const shop = isObj(seller) ? str(seller.name) : str(seller);
    return {
      orderCode: str(o.orderNumber)?.replace(/^#/, '') ?? null,
      placedAt: parseVietnameseDate(str(o.orderDate)),
      items: orderItems(o, url).map((i) => ({ ...i, shop })),
      shippingFee: num(o.shippingFee),
      discount: num(o.discount),
      total: num(o.totalPaymentDue ?? o.price ?? o.totalPrice),
      status: orderStatus(str(o.orderStatus)),
      shop,
    };
  });
}
