// Reads an order from the text a person pastes or shares from a marketplace app ("Khai báo đơn hàng" in the PWA,
// for phones the extension does not run on). Plain lines, no markup: the same labels, money, quantity, date and
// status parsers as the page reader (generic.ts labelOfText), and the same order builder with its cross-check, so
// a reading whose items do not add up to the total is "cần kiểm tra" here too.
import { hasVndAmount, parseQuantity, parseVnd } from '../money';
import { cleanText, foldVietnamese } from '../text';
import { labelledOrder, labelOfText, type LabelField } from './generic';
import { marketplaceOf, marketplaces, type Marketplace } from './hosts';
import { makeOrder, type RawItem, type RawOrder } from './items';
import type { ExtractedOrder } from './types';

const MAX_LINES = 2000;
const MAX_ITEMS = 200;
const ORDER_LEVEL = new Set<LabelField>(['code', 'placedAt', 'status', 'total', 'subtotal', 'shippingFee', 'discount', 'shop']);
const ITEM_LEVEL = new Set<LabelField>(['quantity', 'unitPrice', 'lineTotal']);
// Lines that head a part of the message, never an item's name (a heading has no price of its own, but a
// section title right above the first item would otherwise take that item's price).
const HEADINGS =
  /^(dat hang thanh cong|cam on|don hang cua ban|thong tin don hang|chi tiet don hang|san pham|danh sach san pham|thong tin nhan hang|dia chi nhan hang|nguoi nhan|so dien thoai|phuong thuc thanh toan|thanh toan khi nhan hang|xem don hang|mua tiep|chia se|gui tu)/;
// An amount with its currency mark inside a line that also names the product ("Gạo nếp 5kg - 120.000đ x2").
// No minus sign: there the dash separates the name from the price, and an item's price is never negative.
const MONEY = /\d{1,3}(?:[.,\u00a0]\d{3})+\s?(?:₫|đ|vnđ|vnd)(?![\p{L}\p{N}])|\d+\s?(?:₫|đ|vnđ|vnd)(?![\p{L}\p{N}])/giu;
const TIMES = /(?:^|\s)[x×]\s?(\d{1,5})(?!\d)|\b(?:sl|so luong)\s*:?\s*(\d{1,5})(?!\d)/i;

interface Line {
  text: string;
  folded: string;
  label?: LabelField;
  value?: string;
  times?: number;
  /** The value of the label on the line before ("Tổng thanh toán" / "450.000 đ"). */
  taken?: boolean;
}

export interface PastedReading {
  /** From a marketplace address or name in the text; null when it names none (the person picks). */
  marketplace: Marketplace | null;
  /** Null when the text holds no priced item and no total. */
  order: ExtractedOrder | null;
}

/** Words left once its amounts and "x 2" are taken out: "120.000 VNĐ x2" has none, "Gạo 5kg - 120.000đ x2" has. */
const hasWords = (l: Line) => /\p{L}{2}/u.test(l.text.replace(MONEY, ' ').replace(new RegExp(TIMES.source, 'gi'), ' '));

function lines(text: string): Line[] {
  const out: Line[] = text
    .split(/\r\n|\r|\n|\u2028/)
    .slice(0, MAX_LINES)
    .map((t) => cleanText(t.replace(/^[\s•·*\-–—>]+/, '').replace(/^\d{1,2}[.)]\s+/, '')))
    .filter(Boolean)
    .map((t) => {
      const folded = foldVietnamese(t);
      return { text: t, folded, ...labelOfText(t, folded) };
    });
  out.forEach((l, i) => {
    const next = out[i + 1];
    if (l.label && !l.value && next && !next.label) next.taken = true;
  });
  return out;
}

const valueOf = (list: Line[], i: number): string | null => list[i].value ?? (list[i + 1]?.taken ? list[i + 1].text : null);

/** A line naming a product: letters, no label, no heading, not a value; its own price may sit on it. */
function isName(l: Line): boolean {
  return !l.label && !l.taken && hasWords(l) && !HEADINGS.test(l.folded) && !/^(ma|ngay|tong|phi)\b/.test(l.folded);
}

/** The item that starts at a name line, read up to the next name or order-level label. */
function readItem(list: Line[], at: number): { item: RawItem; end: number } {
  const head = list[at];
  let name = head.text;
  let quantity: number | null = null;
  let unitPrice: number | null = null;
  let lineTotal: number | null = null;
  const amounts: number[] = [];
  // The name line may carry the price and quantity itself.
  const inline = [...head.text.matchAll(MONEY)];
  const times = head.text.match(TIMES);
  if (inline.length || times) {
    const cut = Math.min(inline[0]?.index ?? Infinity, times?.index ?? Infinity);
    name = head.text.slice(0, cut).replace(/[\s\-–—:|,(]+$/, '');
    amounts.push(...inline.map((m) => parseVnd(m[0])!));
    if (times) quantity = Number(times[1] ?? times[2]);
  }
  let end = at + 1;
  for (; end < list.length; end++) {
    const l = list[end];
    if ((l.label && ORDER_LEVEL.has(l.label)) || isName(l)) break;
    if (l.label === 'quantity') quantity = parseQuantity(valueOf(list, end));
    else if (l.label === 'unitPrice') unitPrice = parseVnd(valueOf(list, end));
    else if (l.label === 'lineTotal') lineTotal = parseVnd(valueOf(list, end));
    else if (l.times) {
      quantity = l.times;
      amounts.push(parseVnd(l.text)!);
    } else if (hasVndAmount(l.text) && !(l.taken && list[end - 1].label && ITEM_LEVEL.has(list[end - 1].label!))) amounts.push(parseVnd(l.text)!);
  }
  if (unitPrice === null && lineTotal === null && amounts.length) {
    // Two amounts where one is the other times the quantity: unit price and line total; else the first is the price.
    const pair = quantity ? amounts.find((a) => a * quantity! !== a && amounts.includes(a * quantity!)) : undefined;
    if (pair !== undefined) [unitPrice, lineTotal] = [pair, pair * quantity!];
    else if (quantity === null && amounts.length === 2 && amounts[1] % amounts[0] === 0 && amounts[1] > amounts[0]) {
      [unitPrice, lineTotal] = amounts;
      quantity = amounts[1] / amounts[0];
    } else unitPrice = amounts[0];
  } else if (unitPrice === null && lineTotal !== null && amounts.length && amounts[0] !== lineTotal) unitPrice = amounts[0];
  return { item: { name: name || null, quantity, unitPrice, lineTotal }, end };
}

function marketplaceIn(text: string, url: string | null): Marketplace | null {
  const fromUrl = url ? marketplaceOf(url) : null;
  if (fromUrl) return fromUrl;
  for (const m of text.matchAll(/https?:\/\/[^\s"'<>]+/g)) {
    const found = marketplaceOf(m[0]);
    if (found) return found;
  }
  const folded = foldVietnamese(text);
  const named = marketplaces.filter((m) => folded.includes(m));
  return named.length === 1 ? named[0] : null;
}

/**
 * The order in a pasted or shared confirmation text. `url` is the shared link when the app sent one.
 * Never throws. An order code is not required (the person may type it); items need a name and a price.
 */
export function readPastedText(text: string, url: string | null = null): PastedReading {
  const marketplace = marketplaceIn(text, url);
  const list = lines(text);
  const found: Partial<Record<LabelField, string>> = {};
  list.forEach((l, i) => {
    if (l.label && ORDER_LEVEL.has(l.label) && found[l.label] === undefined) {
      const v = valueOf(list, i);
      if (v !== null) found[l.label] = v;
    }
  });
  const items: RawItem[] = [];
  for (let i = 0; i < list.length && items.length < MAX_ITEMS; ) {
    if (!isName(list[i])) {
      i++;
      continue;
    }
    const { item, end } = readItem(list, i);
    if (item.name && (item.unitPrice !== null || item.lineTotal !== null)) items.push(item);
    i = end;
  }
  const code = found.code?.split(/\s/)[0].replace(/^#/, '').replace(/[.,;:)]+$/, '') || null;
  const raw = labelledOrder(found, code, items, found.shop ?? null, /dat hang thanh cong/.test(foldVietnamese(text)) ? 'placed' : null);
  // With a code it is an order like any confirmation; without one, the items and amounts still count and the
  // person types the code (makeOrder keeps a code-less order only as a snapshot, so add what it leaves out).
  const order = makeOrder(raw, 'order-confirmation', 'labels') ?? codeless(raw);
  return { marketplace, order };
}

function codeless(raw: RawOrder): ExtractedOrder | null {
  const snapshot = makeOrder(raw, 'checkout', 'labels');
  if (!snapshot) return null;
  const missing = ['orderCode', ...(raw.placedAt === null ? ['placedAt'] : []), ...(snapshot.missing ?? [])];
  return { ...snapshot, placedAt: raw.placedAt, status: raw.status ?? 'placed', missing };
}
