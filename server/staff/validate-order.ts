import type { SubmittedItem, SubmittedOrder } from '../../lib/api/staff';
import { isMarketplace, marketplaces } from '../../lib/marketplaces/hosts';
import { normalizeOrderCode } from '../../lib/order-code';

/** Why one order of a batch was refused: a field path and a Vietnamese sentence saying what to fix. */
export interface OrderFault {
  field: string;
  message: string;
}

// Sane upper bounds: no single line of a farm-produce order costs a billion đồng or weighs a tonne a unit.
export const limits = {
  items: 100,
  quantity: 10_000,
  unitPrice: 1_000_000_000,
  amount: 10_000_000_000,
  weightGrams: 1_000_000,
  name: 300,
  shop: 200,
  url: 2000,
  orderCode: 64,
};

class Fault extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Checks one submitted order and returns it normalised (NFC text, trimmed, unknown keys dropped). */
export function validateOrder(input: unknown): SubmittedOrder | OrderFault {
  try {
    return readOrder(input);
  } catch (e) {
    if (e instanceof Fault) return { field: e.field, message: e.message };
    throw e;
  }
}

export function isFault(x: SubmittedOrder | OrderFault): x is OrderFault {
  return 'message' in x;
}

export function clientIdOf(input: unknown): string | null {
  const id = (input as { clientId?: unknown } | null)?.clientId;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : null;
}

function readOrder(input: unknown): SubmittedOrder {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new Fault('', 'Đơn hàng phải là một đối tượng JSON.');
  const o = input as Record<string, unknown>;
  const clientId = clientIdOf(o);
  if (!clientId) throw new Fault('clientId', 'Mã gửi (clientId) phải gồm 8–64 chữ, số, gạch.');
  if (!isMarketplace(o.marketplace)) throw new Fault('marketplace', `Sàn phải là ${marketplaces.map((m) => `"${m}"`).join(' hoặc ')}.`);
  const source = oneOf(o.source, ['detected', 'manual'] as const, 'source', 'Nguồn phải là "detected" (tự nhận) hoặc "manual" (tự khai).');
  const status = oneOf(o.status, ['placed', 'cancelled'] as const, 'status', 'Trạng thái phải là "placed" hoặc "cancelled".');
  // Stored and compared normalised, so a code typed in another case or with hidden characters is the same order.
  const typedCode = optionalText(o.orderCode, 'orderCode', limits.orderCode, 'Mã đơn hàng');
  const orderCode = typedCode === null ? null : normalizeOrderCode(typedCode) || null;
  const placedAt = o.placedAt === null || o.placedAt === undefined ? null : instant(o.placedAt, 'placedAt');
  if (!Array.isArray(o.items) || o.items.length === 0) throw new Fault('items', 'Đơn hàng cần ít nhất một sản phẩm.');
  if (o.items.length > limits.items) throw new Fault('items', `Một đơn hàng có tối đa ${limits.items} sản phẩm.`);
  const items = o.items.map((it, i) => readItem(it, `items[${i}]`));
  return {
    clientId,
    marketplace: o.marketplace,
    orderCode,
    placedAt,
    source,
    status,
    items,
    shippingFee: optionalMoney(o.shippingFee, 'shippingFee', limits.amount, 'Phí vận chuyển'),
    discount: optionalMoney(o.discount, 'discount', limits.amount, 'Giảm giá'),
    total: optionalMoney(o.total, 'total', limits.amount, 'Tổng tiền'),
  };
}

function readItem(input: unknown, at: string): SubmittedItem {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new Fault(at, 'Mỗi sản phẩm phải là một đối tượng JSON.');
  const it = input as Record<string, unknown>;
  const name = optionalText(it.name, `${at}.name`, limits.name, 'Tên sản phẩm');
  if (!name) throw new Fault(`${at}.name`, 'Thiếu tên sản phẩm.');
  const quantity = it.quantity;
  if (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > limits.quantity)
    throw new Fault(`${at}.quantity`, `Số lượng phải là số nguyên từ 1 đến ${limits.quantity.toLocaleString('vi-VN')}.`);
  const weight = it.weightGrams;
  if (weight !== null && weight !== undefined && (!Number.isInteger(weight) || (weight as number) < 1 || (weight as number) > limits.weightGrams))
    throw new Fault(`${at}.weightGrams`, 'Khối lượng (gam) phải là số nguyên dương, tối đa 1 tấn, hoặc để trống khi trang không ghi.');
  return {
    name,
    quantity: quantity as number,
    unitPrice: money(it.unitPrice, `${at}.unitPrice`, limits.unitPrice, 'Đơn giá'),
    lineTotal: money(it.lineTotal, `${at}.lineTotal`, limits.amount, 'Thành tiền'),
    shop: optionalText(it.shop, `${at}.shop`, limits.shop, 'Tên gian hàng'),
    productUrl: optionalUrl(it.productUrl, `${at}.productUrl`),
    weightGrams: (weight as number | null | undefined) ?? null,
    isFarmProduct: bool(it.isFarmProduct, `${at}.isFarmProduct`),
    excluded: bool(it.excluded, `${at}.excluded`),
  };
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], field: string, message: string): T {
  if (!allowed.includes(v as T)) throw new Fault(field, message);
  return v as T;
}

function bool(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') throw new Fault(field, 'Phải là true hoặc false.');
  return v;
}

function money(v: unknown, field: string, max: number, label: string): number {
  if (!Number.isSafeInteger(v) || (v as number) < 0 || (v as number) > max)
    throw new Fault(field, `${label} phải là số tiền nguyên (đồng), không âm, tối đa ${max.toLocaleString('vi-VN')} ₫.`);
  return v as number;
}

function optionalMoney(v: unknown, field: string, max: number, label: string): number | null {
  return v === null || v === undefined ? null : money(v, field, max, label);
}

/** Trimmed NFC text without control characters; empty means absent. */
function optionalText(v: unknown, field: string, max: number, label: string): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw new Fault(field, `${label} phải là chữ.`);
  let s = v.normalize('NFC');
  if (untidy.test(s)) s = s.replace(/\s+/g, ' ').trim();
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(s)) throw new Fault(field, `${label} có ký tự điều khiển không hợp lệ.`);
  if (s.length > max) throw new Fault(field, `${label} dài quá ${max} ký tự.`);
  return s || null;
}

/**
 * Whitespace that collapsing and trimming would change: any but a plain space, two in a row, or one at either end.
 * Most text arrives tidy, and testing for this costs half what rewriting the text does (5 texts an order).
 */
const untidy = /[^\S ]| {2}|^ | $/;

function optionalUrl(v: unknown, field: string): string | null {
  const s = optionalText(v, field, limits.url, 'Đường dẫn sản phẩm');
  if (s === null) return null;
  try {
    const u = new URL(s);
    if (u.protocol === 'https:' || u.protocol === 'http:') return u.toString();
  } catch {
    // falls through to the fault below
  }
  throw new Fault(field, 'Đường dẫn sản phẩm phải là địa chỉ http(s) đầy đủ.');
}

/** An ISO date (yyyy-mm-dd) or instant, kept as given after checking it is a real one. */
function instant(v: unknown, field: string): string {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(v) && !Number.isNaN(Date.parse(v))) {
    if (v.length === 10) {
      const [y, m, d] = v.split('-').map(Number);
      const t = new Date(Date.UTC(y, m - 1, d));
      if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) throw new Fault(field, 'Ngày đặt hàng không có thật.');
    }
    return v;
  }
  throw new Fault(field, 'Ngày đặt hàng phải theo dạng ISO: yyyy-mm-dd, hoặc yyyy-mm-ddThh:mm:ss kèm múi giờ (Z hoặc +07:00).');
}
