// Strategy 3: labels and price patterns, for layouts no rule knows ("Mã đơn hàng", "Số lượng", "Tổng tiền"...).
// Reads the page's text as one stream in document order, so it is linear in the page's size, and only
// reports an order when it finds real structure: a code-like order number plus items.
import { parseVietnameseDate } from '../dates';
import { hasVndAmount, parseQuantity, parseVnd } from '../money';
import { letterAware } from '../letters';
import { cleanText, foldVietnamese } from '../text';
import { absoluteUrl, query, queryAll, textOf } from './dom';
import { crossCheck, type RawItem, type RawOrder } from './items';
import { orderStatus, type OrderStatus } from './status';

export type LabelField = 'code' | 'placedAt' | 'status' | 'total' | 'subtotal' | 'lineTotal' | 'shippingFee' | 'discount' | 'quantity' | 'unitPrice' | 'shop';

// "label:field" pairs, longest label first, so "tong tien hang" (subtotal) is not read as "tong tien" (total). Made at
// first use: pages a site rule reads never need them, and the reader is loaded afresh on every order page.
let labels: [string, LabelField][] | undefined;
const LABELS = () =>
  (labels ??= (
    'ma don hang:code|ma don:code|ma dh:code|so don hang:code|don hang so:code|order number:code|order id:code|' +
    'ngay dat hang:placedAt|thoi gian dat hang:placedAt|thoi gian dat:placedAt|ngay dat:placedAt|ngay tao:placedAt|ngay mua:placedAt|' +
    'trang thai don hang:status|trang thai:status|tong thanh toan:total|tong cong:total|tong tien:total|' +
    'tong tien hang:subtotal|tam tinh:subtotal|thanh tien:lineTotal|phi van chuyen:shippingFee|phi giao hang:shippingFee|' +
    'phi ship:shippingFee|giam gia:discount|khuyen mai:discount|so luong:quantity|sl:quantity|don gia:unitPrice|' +
    'gia ban:unitPrice|cua hang:shop|nha ban:shop|nguoi ban:shop|gian hang:shop'
  )
    .split('|')
    .map((pair) => pair.split(':') as [string, LabelField])
    .sort((a, b) => b[0].length - a[0].length));

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{3,29}$/;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD', 'TEXTAREA', 'SELECT', 'OPTION']);
const MAX_CHUNKS = 20_000;
const MAX_ITEMS = 200;
const WINDOW = 8;

interface Chunk {
  text: string;
  folded: string;
  el: Element;
  label?: LabelField;
  /** The label's value when it sits in the same text ("SL: 2"). */
  value?: string;
  /** A quantity written with the price ("120.000 VNĐ x2"). */
  times?: number;
  /** In navigation, a button, the site header or footer, or a page heading: never an item's name. */
  chrome?: boolean;
}

// Page furniture: a text inside one of these is never an item.
const CHROME = new Set(['NAV', 'BUTTON', 'HEADER', 'FOOTER', 'H1', 'H2']);
const isChrome = (el: Element | null): boolean => {
  for (let i = 0; el && i < 6; el = el.parentElement, i++) {
    if (CHROME.has(el.tagName.toUpperCase()) || /^(button|navigation)$/.test(el.getAttribute('role') ?? '')) return true;
    // A control styled as a button ("Xóa", "Mua lại"): near the text only, a card may sit in a .btn-group.
    if (i < 2 && /(^|\s)btn|button/i.test(el.getAttribute('class') ?? '')) return true;
  }
  return false;
};

/** Table cells take the label of their column's header ("Mã đơn hàng", "Ngày mua", "Tổng tiền"…). */
function columnLabel(cell: Element): LabelField | undefined {
  const row = cell.parentElement;
  const table = row?.closest('table');
  const head = table && query(table, 'tr');
  if (!row || !head || head === row) return undefined;
  const index = Array.prototype.indexOf.call(row.children, cell);
  const th = head.children[index];
  return th ? labelled({ text: textOf(th), folded: foldVietnamese(textOf(th)), el: th }).label : undefined;
}

/** Non-empty text nodes in document order, without recursion (deeply nested pages cannot overflow). */
function chunks(doc: Document): Chunk[] {
  const root = doc.body ?? doc.documentElement;
  const out: Chunk[] = [];
  if (!root) return out;
  let node: Node | null = root.firstChild;
  while (node && out.length < MAX_CHUNKS) {
    const isElement = node.nodeType === 1;
    if (node.nodeType === 3) {
      const text = cleanText((node.nodeValue ?? '').slice(0, 500));
      const el = node.parentElement;
      if (text && el) {
        const c = labelled({ text, folded: foldVietnamese(text), el });
        const cell = el.closest('td');
        // The first text of a cell under a labelled column is that column's value.
        if (!c.label && cell && cell.firstChild && cell.textContent?.trimStart().startsWith(text)) {
          const label = columnLabel(cell);
          if (label && label !== 'quantity') Object.assign(c, { label, value: text });
        }
        if (isChrome(el)) c.chrome = true;
        out.push(c);
      }
    } else if (isElement && (node as Element).tagName.toUpperCase() === 'INPUT') {
      // A quantity box ("- 2 +"): its value is the item's quantity.
      const input = node as Element;
      const v = input.getAttribute('value') ?? '';
      if (/^\d{1,5}$/.test(v) && /^(text|number|tel)?$/i.test(input.getAttribute('type') ?? '') && input.parentElement)
        out.push({ text: v, folded: v, el: input.parentElement, label: 'quantity', value: v });
    }
    if (isElement && !SKIP.has((node as Element).tagName.toUpperCase()) && node.firstChild) node = node.firstChild;
    else {
      while (node && node !== root && !node.nextSibling) node = node.parentNode;
      node = node && node !== root ? node.nextSibling : null;
    }
  }
  return out;
}

function labelled(c: Chunk): Chunk {
  return { ...c, ...labelOfText(c.text, c.folded) };
}

/**
 * What a short text labels ("SL: 2" → quantity "2", "Mã đơn hàng: VS1" → code "VS1", "120.000 VNĐ x2" → times 2);
 * nothing for prose. Shared with the reader of pasted text (pasted-text.ts).
 */
export function labelOfText(text: string, folded = foldVietnamese(text)): { label?: LabelField; value?: string; times?: number } {
  if (text.length > 80) return {}; // prose, not a label
  const times = text.match(/^[x×]\s*(\d{1,5})$/i); // "x2", "× 2": the quantity as most shops print it
  if (times) return { label: 'quantity', value: times[1] };
  const priced = text.match(/^(.*\d.*?)\s*[x×]\s*(\d{1,5})$/i); // "120.000 VNĐ x2"
  if (priced && hasVndAmount(priced[1])) return { times: Number(priced[2]) };
  for (const [label, field] of LABELS()) {
    if (!folded.startsWith(label)) continue;
    const next = folded.charAt(label.length);
    if (next && !/[\s:：(#.]/.test(next)) continue;
    const rest = (folded.length === text.length ? text : folded).slice(label.length).replace(/^[\s:：#.]+/, '').replace(/^\([^)]*\)\s*:?\s*/, '');
    return { label: field, value: rest || undefined };
  }
  return {};
}

const isMoney = (c: Chunk) => !c.label && hasVndAmount(c.text);
// Two letters in a row: words, not a code or a number (letter-aware, ../letters.ts).
const TWO_LETTERS = /* @__PURE__ */ letterAware((l) => `[${l}]{2}`, 'u');
const hasWord = (text: string) => TWO_LETTERS(text).test(text);

function isNameLike(c: Chunk): boolean {
  if (c.label || c.chrome || isMoney(c) || !hasWord(c.text)) return false;
  for (let el: Element | null = c.el, i = 0; el && i < 3; el = el.parentElement, i++) {
    const tag = el.tagName.toLowerCase();
    const cls = el.getAttribute('class') ?? '';
    if (/shop|store|merchant|seller/i.test(cls)) return false;
    if (tag === 'a' || /^h[1-6]$/.test(tag) || /name|title/i.test(cls)) return true;
  }
  return false;
}

/** A label's value: in the same text, else the next text when that is not a label itself. */
function valueAt(list: Chunk[], i: number): string | null {
  const c = list[i];
  if (c.value) return c.value;
  const next = list[i + 1];
  return next && !next.label ? next.text : null;
}

function linkOf(c: Chunk, base: string): string | null {
  for (let el: Element | null = c.el, i = 0; el && i < 3; el = el.parentElement, i++)
    if (el.tagName.toLowerCase() === 'a') return absoluteUrl(el.getAttribute('href'), base);
  return null;
}

function itemsFromLabels(list: Chunk[], base: string): RawItem[] {
  const qty = list.map((c, i) => (c.label === 'quantity' ? i : -1)).filter((i) => i >= 0).slice(0, MAX_ITEMS);
  return qty.map((q, k) => {
    const prev = k > 0 ? qty[k - 1] : -1;
    const next = k + 1 < qty.length ? qty[k + 1] : list.length;
    let name: Chunk | null = null;
    const prices: Chunk[] = [];
    const labelled: Partial<Record<LabelField, number | null>> = {};
    const take = (i: number) => {
      const c = list[i];
      if (c.label === 'unitPrice' || c.label === 'lineTotal') labelled[c.label] = parseVnd(valueAt(list, i));
      else if (isMoney(c) && !(list[i - 1]?.label && !list[i - 1].value)) prices.push(c);
    };
    for (let i = q - 1; i > prev && i >= q - WINDOW; i--) {
      if (isNameLike(list[i])) {
        name = list[i];
        break;
      }
      take(i);
    }
    for (let i = q + 1; i < next && i <= q + WINDOW && !isNameLike(list[i]); i++) take(i);
    const quantity = parseQuantity(valueAt(list, q));
    const amounts = prices.map((c) => parseVnd(c.text)!);
    let unitPrice = labelled.unitPrice ?? null;
    let lineTotal = labelled.lineTotal ?? null;
    if (unitPrice === null && lineTotal === null && amounts.length) {
      const pair = quantity ? amounts.find((a) => amounts.includes(a * quantity) && a * quantity !== a) : undefined;
      if (pair !== undefined) [unitPrice, lineTotal] = [pair, pair * quantity!];
      else unitPrice = amounts[0];
    } else if (unitPrice === null && amounts.length && lineTotal !== amounts[0]) unitPrice = amounts[0];
    return { name: name?.text ?? null, quantity, unitPrice, lineTotal, productUrl: name ? linkOf(name, base) : null };
  });
}

// Labels that belong to the whole order: an element holding one of them is no item row.
const ORDER_LEVEL = new Set<LabelField>(['code', 'placedAt', 'total', 'subtotal', 'shippingFee', 'discount', 'status']);
const MAX_ROW_DEPTH = 6;

/** The chunks inside an element, found around a chunk known to be in it (document order keeps them together). */
function around(list: Chunk[], i: number, el: Element): [number, number] {
  let start = i;
  let end = i + 1;
  while (start > 0 && el.contains(list[start - 1].el)) start--;
  while (end < list.length && el.contains(list[end].el)) end++;
  return [start, end];
}

const isLabelValue = (list: Chunk[], i: number) => !!(list[i - 1]?.label && !list[i - 1].value && list[i - 1].el !== list[i].el);

/**
 * Items from repeated structures (table rows, cards, list items): each price that is no order-level value
 * belongs to the nearest element around it that names a product and holds no order-level label (a total, a
 * fee, the code). That element is the item's row: its name, its prices, its quantity ("x 2", "SL: 2", an input).
 */
function itemsFromRows(list: Chunk[], base: string): RawItem[] {
  const rows = new Map<Element, [number, number]>();
  list.forEach((c, i) => {
    if (!isMoney(c) || isLabelValue(list, i) || rows.size >= MAX_ITEMS) return;
    let el: Element | null = c.el;
    for (let depth = 0; el && depth < MAX_ROW_DEPTH; el = el.parentElement, depth++) {
      if (rows.has(el)) return;
      const [start, end] = around(list, i, el);
      const inside = list.slice(start, end);
      if (inside.some((x) => x.label && ORDER_LEVEL.has(x.label))) return;
      const names = inside.filter(isNameLike).length;
      // Two product names around one price: prose or a whole list, not one item's row.
      if (names > 1) return;
      if (names === 1) {
        rows.set(el, [start, end]);
        return;
      }
    }
  });
  // A row inside another row: the inner one is the item (a card's product lines, not the card).
  const all = [...rows.keys()];
  return [...rows]
    .filter(([el]) => !all.some((other) => other !== el && el.contains(other)))
    .map(([row, [start, end]]) => {
      const inside = list.slice(start, end);
      const name = inside.find(isNameLike)!;
      const q = inside.find((c) => c.label === 'quantity');
      const quantity = q ? parseQuantity(q.value ?? valueAt(list, list.indexOf(q))) : inside.find((c) => c.times)?.times ?? null;
      const amounts = inside.filter((c, k) => isMoney(c) && !isLabelValue(list, start + k)).map((c) => parseVnd(c.text)!);
      let unitPrice: number | null = amounts[0] ?? null;
      let lineTotal: number | null = null;
      const pair = quantity ? amounts.find((a) => amounts.includes(a * quantity) && a * quantity !== a) : undefined;
      if (pair !== undefined) [unitPrice, lineTotal] = [pair, pair * quantity!];
      return { name: name.text, quantity, unitPrice, lineTotal, productUrl: linkOf(name, base) ?? rowLink(list, start, row, base) };
    });
}

/** A product link in the row or the item around it (the image's link in a cart card), never another item's. */
function rowLink(list: Chunk[], at: number, row: Element, base: string): string | null {
  let el: Element | null = row;
  for (let depth = 0; el && depth < 3; el = el.parentElement, depth++) {
    if (depth) {
      const [start, end] = around(list, at, el);
      if (list.slice(start, end).filter(isNameLike).length > 1) return null;
    }
    const a = query(el, 'a[href]');
    if (a) return absoluteUrl(a.getAttribute('href'), base);
  }
  return null;
}

/** Order tables: a header row naming "Số lượng" and a product column. */
function itemsFromTables(doc: Document, base: string): RawItem[] {
  for (const table of queryAll(doc, 'table').slice(0, 10)) {
    const rows = queryAll(table, 'tr').slice(0, MAX_ITEMS + 1);
    if (rows.length < 2) continue;
    const head = queryAll(rows[0], 'th, td').map((c) => foldVietnamese(textOf(c)));
    const col = (...names: string[]) => head.findIndex((h) => names.some((n) => h.startsWith(n)));
    const name = col('san pham', 'ten san pham', 'ten hang', 'mat hang', 'product');
    const quantity = col('so luong', 'sl', 'quantity');
    if (name < 0 || quantity < 0) continue;
    const unit = col('don gia', 'gia', 'price');
    const line = col('thanh tien', 'tong', 'line total', 'total');
    const items = rows.slice(1).flatMap((row): RawItem[] => {
      const cells = queryAll(row, 'td, th');
      if (cells.length < head.length - 1) return [];
      const link = queryAll(cells[name], 'a[href]')[0];
      return [
        {
          name: textOf(link ?? cells[name]) || null,
          quantity: parseQuantity(textOf(cells[quantity])),
          unitPrice: unit >= 0 ? parseVnd(textOf(cells[unit])) : null,
          lineTotal: line >= 0 ? parseVnd(textOf(cells[line])) : null,
          productUrl: link ? absoluteUrl(link.getAttribute('href'), base) : null,
        },
      ];
    });
    if (items.some((i) => i.name && i.quantity)) return items;
  }
  return [];
}

/** The first short text in an element whose class names it (a status badge, a shop name). */
function byClass(list: Chunk[], cls: RegExp, accept: (c: Chunk) => boolean): string | null {
  for (const c of list) {
    if (c.text.length > 60 || c.label || !accept(c)) continue;
    for (let el: Element | null = c.el, i = 0; el && i < 2; el = el.parentElement, i++)
      if (cls.test(el.getAttribute('class') ?? '')) return c.text;
  }
  return null;
}
const statusBadge = (list: Chunk[]) => byClass(list, /status|badge|state|chip|trang-thai/i, (c) => orderStatus(c.text) !== null);
const shopName = (list: Chunk[]) => byClass(list, /shop|store|merchant|seller/i, (c) => hasWord(c.text) && !isMoney(c));

function codeAt(list: Chunk[], i: number): string | null {
  const v = valueAt(list, i)?.split(/\s/)[0].replace(/^#/, '').replace(/[.,;:)]+$/, '');
  return v && CODE.test(v) && /\d/.test(v) ? v : null;
}

// An item is a name with a price; a heading near "Số lượng" in a help article is not one.
const real = (items: RawItem[]) => items.filter((i) => i.name && (i.unitPrice !== null || i.lineTotal !== null));

/** Order-level values by label: the first of each. */
function orderValues(list: Chunk[]): Partial<Record<LabelField, string>> {
  const found: Partial<Record<LabelField, string>> = {};
  list.forEach((c, i) => {
    if (!c.label || found[c.label] !== undefined) return;
    const v = valueAt(list, i);
    if (v !== null) found[c.label] = v;
  });
  return found;
}

/**
 * The items of an order, from the first reading that adds up to its total: an order table, repeated rows, or
 * the text around each quantity label. When none adds up, the first that read anything (the order is then
 * marked "cần kiểm tra" by the cross-check).
 */
function chooseItems(list: Chunk[], found: Partial<Record<LabelField, string>>, tableItems: RawItem[], url: string): RawItem[] {
  const amounts = { total: parseVnd(found.total) ?? parseVnd(found.subtotal), shippingFee: parseVnd(found.shippingFee), discount: parseVnd(found.discount) };
  const readings = [tableItems, real(itemsFromRows(list, url)), real(itemsFromLabels(list, url))].filter((r) => r.length);
  const addsUp = (items: RawItem[]) => {
    const lines = items.map((i) => ({ lineTotal: i.lineTotal ?? (i.unitPrice !== null ? i.unitPrice * (i.quantity ?? 1) : 0) }));
    return !crossCheck({ items: lines, total: amounts.total, shippingFee: amounts.shippingFee, discount: amounts.discount === null ? null : Math.abs(amounts.discount) });
  };
  return readings.find(addsUp) ?? readings[0] ?? [];
}

function readOrder(list: Chunk[], code: string | null, tableItems: RawItem[], url: string): RawOrder | null {
  const found = orderValues(list);
  const items = chooseItems(list, found, tableItems, url);
  if (!items.length) return null;
  return labelledOrder(found, code, items, found.shop ?? shopName(list), orderStatus(statusBadge(list)));
}

/**
 * An order from the values its labels gave (the first of each) and its items; `status` when no status label
 * says one. Shared with the reader of pasted text (pasted-text.ts).
 */
export function labelledOrder(found: Partial<Record<LabelField, string>>, code: string | null, items: RawItem[], shop: string | null, status: OrderStatus | null): RawOrder {
  return {
    orderCode: code,
    placedAt: parseVietnameseDate(found.placedAt),
    items: items.map((i) => ({ ...i, shop })),
    shippingFee: parseVnd(found.shippingFee),
    discount: parseVnd(found.discount),
    total: parseVnd(found.total) ?? parseVnd(found.subtotal),
    status: orderStatus(found.status) ?? status,
    shop,
  };
}

/**
 * Orders read from labels: none when the page has no order code or no priced items. With several codes (a
 * list), each order is the largest element around its code that holds no other code, whether the code heads
 * the card or closes it.
 */
export function labelledOrders(doc: Document, url: string): RawOrder[] {
  const list = chunks(doc);
  const codes = new Map<string, number>();
  list.forEach((c, i) => {
    const code = c.label === 'code' ? codeAt(list, i) : null;
    if (code && !codes.has(code) && codes.size < MAX_ITEMS) codes.set(code, i);
  });
  if (codes.size === 1) {
    const [[code]] = codes;
    const order = readOrder(list, code, real(itemsFromTables(doc, url)), url);
    return order ? [order] : [];
  }
  if (!codes.size) {
    // No order code: a cart or checkout, read as a snapshot of its items when the page says it is one.
    const order = saysCheckout(doc) ? readOrder(list, null, real(itemsFromTables(doc, url)), url) : null;
    return order ? [order] : [];
  }
  const codeElements = [...codes.values()].map((i) => list[i].el);
  return [...codes].flatMap(([code, at]) => {
    const own = list[at].el;
    let card = own;
    for (let up = card.parentElement, depth = 0; up && depth < 15; up = up.parentElement, depth++) {
      if (codeElements.some((el) => el !== own && up!.contains(el))) break;
      card = up;
    }
    let start = at;
    let end = at + 1;
    while (start > 0 && card.contains(list[start - 1].el)) start--;
    while (end < list.length && card.contains(list[end].el)) end++;
    const order = readOrder(list.slice(start, end), code, [], url);
    return order ? [order] : [];
  });
}

const CONFIRMATION = /dat hang thanh cong|cam on ban da dat hang|order (placed|complete|received)|thank you for your order/;
const CHECKOUT = /^(dat hang|dat mua|thanh toan|xac nhan dat hang|tien hanh dat hang|place order|checkout)$|xac nhan don hang|^thanh toan/;

/** True when the page is a cart or checkout: its title or headings say so, or a button places the order. */
export function saysCheckout(doc: Document): boolean {
  const texts = [doc.title ?? '', ...queryAll(doc, 'h1, h2, h3, button, [type="submit"], a.btn').slice(0, 40).map((e) => textOf(e) || (e.getAttribute('value') ?? ''))];
  return texts.some((t) => CHECKOUT.test(foldVietnamese(t).split(' - ')[0].trim()));
}

/** True when the page's title or headings say the order was just placed. */
export function saysOrderPlaced(doc: Document): boolean {
  const headings = [doc.title ?? '', ...queryAll(doc, 'h1, h2, h3').slice(0, 20).map(textOf)];
  return headings.some((h) => CONFIRMATION.test(foldVietnamese(h)));
}
