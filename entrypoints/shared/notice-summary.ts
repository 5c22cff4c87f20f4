import { effectiveItem } from '../../lib/capture';
import { orderContribution } from '../../lib/tally';
import type { StoredOrder } from './db';
import type { RecordedNotice } from './messages';

/** What an order adds to the campaign, for the in-page notice (same counting as the agency's tally). */
export function noticeOf(o: StoredOrder): RecordedNotice {
  const c = orderContribution(o.items.map(effectiveItem));
  return {
    key: o.key,
    orderCode: o.orderCode,
    farmItems: c.farmItems,
    quantity: c.quantity,
    amountVnd: c.amountVnd,
    grams: c.grams,
    incomplete: o.missing.length > 0 || o.items.some((i) => i.missing.some((k) => k !== 'weightGrams')),
  };
}
