// Every CSS selector a site's rules use, named by where it sits ("cart.orders.item"), for the selector-count tests
// and for "Báo trang lỗi" reports (which selectors still match a broken page).
import type { Field, SiteRules } from './rules';

export function ruleSelectors(site: SiteRules): Record<string, string> {
  const out: Record<string, string> = {};
  const fields = (at: string, list: Field[] | undefined) =>
    list?.forEach((f, i) => (out[`${at}[${i}]`] = typeof f === 'string' ? f : f.sel));
  site.pages.forEach((page) => {
    const at = page.type;
    if (page.detect) out[`${at}.detect`] = page.detect;
    const o = page.orders;
    if (o) {
      for (const k of ['order', 'group', 'item'] as const) if (o[k]) out[`${at}.orders.${k}`] = o[k]!;
      for (const k of ['code', 'placedAt', 'status', 'total', 'shippingFee', 'discount', 'shop', 'itemShop', 'name', 'productUrl', 'quantity', 'unitPrice', 'lineTotal'] as const)
        fields(`${at}.orders.${k}`, o[k]);
    }
    const p = page.product;
    if (p) {
      for (const k of ['name', 'price', 'shop', 'shopLink', 'weight'] as const) fields(`${at}.product.${k}`, p[k]);
      if (p.categories) out[`${at}.product.categories`] = p.categories;
    }
  });
  return out;
}

/** How many nodes each selector matches on a page. */
export function countSelectors(doc: Document, selectors: Record<string, string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, sel] of Object.entries(selectors)) {
    try {
      counts[name] = doc.querySelectorAll(sel).length;
    } catch {
      counts[name] = -1;
    }
  }
  return counts;
}
