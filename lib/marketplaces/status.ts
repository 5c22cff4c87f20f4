// An order's state from the words a page shows ("Đã hủy", "Đã giao", "Chờ duyệt") or schema.org values.
import { foldVietnamese } from '../text';

export type OrderStatus = 'placed' | 'delivered' | 'cancelled';

const WORDS: [OrderStatus, RegExp][] = [
  ['cancelled', /\b(da huy|huy don thanh cong|bi huy|khach huy|tra hang|hoan tien|cancell?ed|ordercancelled|orderreturned)\b/],
  ['delivered', /\b(da giao|giao hang thanh cong|giao thanh cong|hoan thanh|da nhan hang|delivered|completed|orderdelivered)\b/],
  [
    'placed',
    /\b(cho duyet|cho xac nhan|da xac nhan|dang xu ly|cho xu ly|cho lay hang|dang lay hang|dang giao|dang van chuyen|dat hang thanh cong|moi|pending|processing|shipped|order(processing|paymentdue|intransit|pickupavailable|problem))\b/,
  ],
];

/** 'cancelled', 'delivered' or 'placed' from a status text; null when the text says none of these. */
export function orderStatus(text: string | null | undefined): OrderStatus | null {
  if (!text) return null;
  const folded = foldVietnamese(text);
  for (const [status, re] of WORDS) if (re.test(folded)) return status;
  return null;
}
