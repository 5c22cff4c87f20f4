// The words the extension's pages use for fields and states (the agency's decisions: lib/decision.ts).
import type { OrderState } from './orders/submit';
import { decisionLabels } from '../../lib/decision';

export const fieldNames: Record<string, string> = {
  orderCode: 'mã đơn hàng',
  placedAt: 'ngày đặt',
  total: 'tổng tiền',
  items: 'sản phẩm',
  quantity: 'số lượng',
  unitPrice: 'đơn giá',
  weightGrams: 'khối lượng',
  shippingFee: 'phí vận chuyển',
  discount: 'giảm giá',
  shop: 'cửa hàng',
};

/** Where an order stands, as its badge says; the agency's decisions in the words shared with the PWA. */
export const stateWords: Record<OrderState, string> = {
  unsent: 'Chưa gửi',
  changed: 'Đã sửa, chưa gửi lại',
  queued: 'Đang gửi',
  sent: `Đã gửi — ${decisionLabels.counted.toLowerCase()}`,
  flagged: `Đã gửi — ${decisionLabels.held.toLowerCase()}`,
  'agency-excluded': decisionLabels.excluded,
  rejected: decisionLabels.refused,
  'not-counted': 'Không tính — bạn đã bỏ đơn này',
};


/** "1,5" or "1.5" or "2" → number; null when it is not a positive number. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (!/^\d+([.,]\d+)?$/.test(t)) return null;
  const n = Number(t.replace(',', '.'));
  return n > 0 ? n : null;
}
