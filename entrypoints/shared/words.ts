// The words the extension's pages use for fields and states: Vietnamese first, English after.
import type { OrderState } from './orders/submit';

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

export const stateWords: Record<OrderState, { vi: string; en: string }> = {
  unsent: { vi: 'Chưa gửi', en: 'Not sent' },
  changed: { vi: 'Đã sửa, chưa gửi lại', en: 'Changed, not sent again' },
  queued: { vi: 'Đang gửi', en: 'Sending' },
  sent: { vi: 'Đã gửi', en: 'Sent' },
  flagged: { vi: 'Đã gửi — cơ quan đang xem xét', en: 'Sent — under review' },
  rejected: { vi: 'Bị từ chối', en: 'Refused' },
  'not-counted': { vi: 'Không tính', en: 'Not counted' },
};


/** "1,5" or "1.5" or "2" → number; null when it is not a positive number. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (!/^\d+([.,]\d+)?$/.test(t)) return null;
  const n = Number(t.replace(',', '.'));
  return n > 0 ? n : null;
}
