// Strategy 1: the site's own rules (rules.json per marketplace).
import { parseVietnameseDate } from '../dates';
import { parseQuantity, parseVnd } from '../money';
import { cleanText, foldVietnamese } from '../text';
import { parseWeightGrams } from '../weight';
import { absoluteUrl, query, queryAll, readField, textOf } from './dom';
import { inlineObject } from './inline-json';
import type { RawItem, RawOrder } from './items';
import type { Field, OrdersRule, PageRule, ProductRule, SiteRules } from './rules';
import { orderStatus } from './status';

// Compiled once: the content script matches the page rules again each time the page changes.
const compiled = new Map<string, RegExp | null>();

function safeRegExp(source: string): RegExp | null {
  let re = compiled.get(source);
  if (re !== undefined) return re;
  try {
    re = new RegExp(source);
  } catch {
    re = null;
  }
  if (compiled.size < 500) compiled.set(source, re);
  return re;
}

/** A rule for an order, checkout or cart page is written for this address (whatever the page shows now). */
export function orderRuleFor(site: SiteRules, pathAndQuery: string): boolean {
  return matchPageRules(site, null, pathAndQuery).orderRule;
}

/** The first page rule whose URL pattern matches and whose detect selector (and words) are on the page. */
export function findPageRule(site: SiteRules, doc: Document, pathAndQuery: string): PageRule | null {
  return matchPageRules(site, doc, pathAndQuery).page;
}

/**
 * One pass over the site's page rules: the first whose URL pattern matches and whose detect selector (and words) are
 * on the page (none looked for without a document), and whether a rule for an order, checkout or cart page is
 * written for this address whatever the page shows now (its detect selector may render late). One pass because the
 * content script asks both on every page it reads: each rule's pattern is tested once, and no page rule is looked for
 * on the page once one is found.
 */
export function matchPageRules(site: SiteRules, doc: Document | null, pathAndQuery: string): { page: PageRule | null; orderRule: boolean } {
  let page: PageRule | null = null;
  let orderRule = false;
  for (const rule of site.pages) {
    const asked = (!page && !!doc) || (!orderRule && rule.type !== 'product');
    if (!asked || !safeRegExp(rule.url)?.test(pathAndQuery)) continue;
    if (rule.type !== 'product') orderRule = true;
    if (page || !doc) continue;
    if (rule.detect) {
      const el = query(doc, rule.detect);
      if (!el) continue;
      if (rule.detectText && !foldVietnamese(textOf(el)).includes(foldVietnamese(rule.detectText))) continue;
    }
    page = rule;
  }
  return { page, orderRule };
}

const money = (root: ParentNode, f: Field[] | undefined) => parseVnd(readField(root, f));

function link(root: ParentNode, f: Field[] | undefined, base: string): string | null {
  const alternatives = f?.map((x) => (typeof x === 'string' ? { sel: x, attr: 'href' } : { attr: 'href', ...x }));
  return absoluteUrl(readField(root, alternatives), base);
}

function readItem(el: Element, rule: OrdersRule, shop: string | null, base: string): RawItem {
  return {
    name: readField(el, rule.name),
    quantity: parseQuantity(readField(el, rule.quantity)),
    unitPrice: money(el, rule.unitPrice),
    lineTotal: money(el, rule.lineTotal),
    shop: readField(el, rule.itemShop) ?? shop,
    productUrl: link(el, rule.productUrl, base),
  };
}

export function readOrders(doc: Document, rule: OrdersRule, url: string): RawOrder[] {
  const containers: ParentNode[] = rule.order ? queryAll(doc, rule.order) : [doc];
  const path = new URL(url).pathname;
  return containers.map((root) => {
    let items: RawItem[];
    let shop: string | null = null;
    if (rule.group) {
      items = queryAll(root, rule.group).flatMap((group) => {
        const groupShop = readField(group, rule.shop);
        return rule.item ? queryAll(group, rule.item).map((el) => readItem(el, rule, groupShop, url)) : [];
      });
    } else {
      shop = readField(root, rule.shop);
      items = rule.item ? queryAll(root, rule.item).map((el) => readItem(el, rule, shop, url)) : [];
    }
    const fromUrl = rule.codeFromUrl ? path.match(safeRegExp(rule.codeFromUrl) ?? /$^/)?.[1] ?? null : null;
    const code = readField(root, rule.code);
    return {
      orderCode: code ? code.replace(/^#/, '').split(/\s/)[0].replace(/[.,;:)]+$/, '') : fromUrl,
      placedAt: parseVietnameseDate(readField(root, rule.placedAt)),
      items,
      shippingFee: money(root, rule.shippingFee),
      discount: money(root, rule.discount),
      total: money(root, rule.total),
      status: orderStatus(readField(root, rule.status)),
      shop,
    };
  });
}

export interface RawProduct {
  name: string | null;
  price: number | null;
  shop: string | null;
  weightGrams: number | null;
  categories: string[];
}

export function readProduct(doc: Document, rule: ProductRule): RawProduct {
  const json = rule.inlineJson ? inlineObject(doc, rule.inlineJson.var) : null;
  const key = (k: string | undefined) => (json && k ? json[k] : undefined);
  const jsonName = key(rule.inlineJson?.name);
  const jsonPrice = key(rule.inlineJson?.price);
  const jsonWeight = key(rule.inlineJson?.weightGrams);
  const categories = rule.categories ? queryAll(doc, rule.categories).map(textOf).filter(Boolean) : [];
  return {
    name: typeof jsonName === 'string' && jsonName.trim() ? cleanText(jsonName) : readField(doc, rule.name),
    price: typeof jsonPrice === 'number' && Number.isSafeInteger(jsonPrice) ? jsonPrice : parseVnd(readField(doc, rule.price)),
    shop: readField(doc, rule.shop),
    weightGrams:
      typeof jsonWeight === 'number' && jsonWeight > 0 ? Math.round(jsonWeight) : parseWeightGrams(readField(doc, rule.weight)),
    categories,
  };
}
