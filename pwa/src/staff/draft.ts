// The order the person reviews before sending: what the reader found in the pasted text, as editable fields,
// and the self-declared order (source manual) it becomes. "Cần kiểm tra" as in the extension: an order whose
// items do not add up to its total is held until corrected, or confirmed as the marketplace shows it.
import { parseVietnameseDate } from '../../../lib/dates';
import { isFarmProduct } from '../../../lib/farm-products';
import { isMarketplace, type Marketplace } from '../../../lib/marketplaces/hosts';
import { crossCheck } from '../../../lib/marketplaces/items';
import type { PastedReading } from '../../../lib/marketplaces/pasted-text';
import type { OrderCheck } from '../../../lib/marketplaces/types';
import { parseVnd } from '../../../lib/money';
import type { SubmittedOrder } from '../../../lib/api/staff';
import { formatDate } from '../../../lib/format';

export interface DraftItem {
  name: string;
  quantity: string;
  unitPrice: string;
  isFarmProduct: boolean;
  /** "Không tính sản phẩm này". */
  excluded: boolean;
  shop: string | null;
  weightGrams: number | null;
}

export interface Draft {
  marketplace: Marketplace | '';
  orderCode: string;
  /** dd/mm/yyyy, optionally with hh:mm. */
  placedAt: string;
  items: DraftItem[];
  shippingFee: string;
  discount: string;
  total: string;
  /** "Đúng như trang": the person confirmed an order that does not add up. */
  checkAccepted: boolean;
}

const money = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function timeOf(iso: string): string {
  const hm = iso.match(/T(\d{2}):(\d{2})/);
  return hm && `${hm[1]}:${hm[2]}` !== '00:00' ? ` ${hm[1]}:${hm[2]}` : '';
}

export function draftFrom({ marketplace, order }: PastedReading): Draft {
  return {
    marketplace: marketplace ?? '',
    orderCode: order?.orderCode ?? '',
    placedAt: order?.placedAt ? formatDate(order.placedAt) + timeOf(order.placedAt) : '',
    items: (order?.items ?? []).map((i) => ({ name: i.name, quantity: String(i.quantity), unitPrice: money(i.unitPrice), isFarmProduct: i.isFarmProduct, excluded: false, shop: i.shop, weightGrams: i.weightGrams })),
    shippingFee: money(order?.shippingFee),
    discount: money(order?.discount),
    total: money(order?.total),
    checkAccepted: false,
  };
}

export const emptyItem = (): DraftItem => ({ name: '', quantity: '1', unitPrice: '', isFarmProduct: false, excluded: false, shop: null, weightGrams: null });

/** A typed name decides "nông sản" the same way the reader does, while the person has not changed the tick. */
export const farmGuess = (name: string) => isFarmProduct({ name }).isFarmProduct;

const quantityOf = (i: DraftItem) => (/^\d{1,5}$/.test(i.quantity.trim()) && Number(i.quantity) > 0 ? Number(i.quantity) : null);
const amount = (s: string) => (s.trim() ? parseVnd(s) : null);

/** The items against the total, as the reader checks them; null once it adds up or the person confirmed it. */
export function draftCheck(d: Draft): OrderCheck | null {
  if (d.checkAccepted) return null;
  const items = d.items.map((i) => ({ lineTotal: (quantityOf(i) ?? 0) * (amount(i.unitPrice) ?? 0) }));
  return crossCheck({ items, total: amount(d.total), shippingFee: amount(d.shippingFee), discount: amount(d.discount) });
}

/** What keeps the order from being sent, in the person's words; empty when it can go. */
export function draftProblems(d: Draft): string[] {
  const out: string[] = [];
  if (!isMarketplace(d.marketplace)) out.push('Chọn sàn đã mua (Voso hoặc Postmart).');
  if (d.placedAt.trim() && !parseVietnameseDate(d.placedAt)) out.push('Ngày đặt hàng cần dạng ngày/tháng/năm, ví dụ 28/11/2026.');
  if (!d.items.length) out.push('Đơn hàng cần ít nhất một sản phẩm.');
  d.items.forEach((i, n) => {
    const which = `Sản phẩm ${n + 1}`;
    if (!i.name.trim()) out.push(`${which}: cần tên sản phẩm.`);
    if (quantityOf(i) === null) out.push(`${which}: số lượng phải là số nguyên lớn hơn 0.`);
    if (amount(i.unitPrice) === null || amount(i.unitPrice)! < 0) out.push(`${which}: cần đơn giá (đồng).`);
  });
  for (const [field, label] of [['shippingFee', 'Phí vận chuyển'], ['discount', 'Giảm giá'], ['total', 'Tổng đơn']] as const)
    if (d[field].trim() && amount(d[field]) === null) out.push(`${label}: cần một số tiền, ví dụ 30.000.`);
  return out;
}

/** The self-declared order sent to the collector (POST /api/staff/orders); call only when draftProblems is empty. */
export function orderFrom(d: Draft, clientId: string): SubmittedOrder {
  return {
    clientId,
    marketplace: d.marketplace as Marketplace,
    orderCode: d.orderCode.trim() || null,
    placedAt: parseVietnameseDate(d.placedAt),
    source: 'manual',
    status: 'placed',
    items: d.items.map((i) => {
      const quantity = quantityOf(i)!;
      const unitPrice = amount(i.unitPrice)!;
      return { name: i.name.trim(), quantity, unitPrice, lineTotal: quantity * unitPrice, shop: i.shop, productUrl: null, weightGrams: i.weightGrams, isFarmProduct: i.isFarmProduct, excluded: i.excluded };
    }),
    shippingFee: amount(d.shippingFee),
    discount: amount(d.discount),
    total: amount(d.total),
  };
}
