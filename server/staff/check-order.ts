import type { SubmittedItem, SubmittedOrder } from '../../lib/api/staff';
import type { OrderCheck } from '../../lib/api/agency';
import { problems } from '../../lib/api/problems';
import { isFarmProduct } from '../../lib/farm-products';
import { formatDate, formatVnd } from '../../lib/format';
import { isOrderCounted, orderContribution, type OrderContribution, type Review } from '../../lib/tally';
import type { OrderFault } from './validate-order';

/**
 * The collector's own checks of every number it counts (issue 10): arithmetic, farm classification, dates.
 * A refusal (OrderFault) sends the order back to the person; a check (OrderCheck) stores it but either holds
 * it for the agency's review (not counted until then) or notes where the server's verdict overrode the
 * client's. Every check has a numbered code (lib/api/problems.ts) and a sentence the person can act on.
 */
export type { OrderCheck };

/** Checks that keep an order out of the tally until the agency decides; 422.12 only explains a verdict. */
export const holdingCodes: ReadonlySet<OrderCheck['code']> = new Set(['409.13', '422.10', '422.11']);
export const isHold = (c: OrderCheck) => holdingCodes.has(c.code);

/**
 * Refusals: an item whose line total is not quantity × unit price, an order dated after today (Vietnam time).
 * `placedOn` is the Vietnam day of the order's placedAt (null without one), `today` the Vietnam day of the batch's
 * arrival: both worked out once by the caller, not again for each check.
 */
export function refusalOf(order: SubmittedOrder, placedOn: string | null, today: string): (OrderFault & { code: '400.10' | '400.15' }) | null {
  for (const [i, it] of order.items.entries()) {
    const expected = it.quantity * it.unitPrice;
    if (it.lineTotal !== expected)
      return {
        code: '400.10',
        field: `items[${i}].lineTotal`,
        message: `Thành tiền của "${it.name}" là ${formatVnd(it.lineTotal)}, nhưng số lượng × đơn giá = ${it.quantity} × ${formatVnd(it.unitPrice)} = ${formatVnd(expected)}. Xin sửa lại cho đúng như trên trang của sàn.`,
      };
  }
  if (placedOn && placedOn > today)
    return { code: '400.15', field: 'placedAt', message: `${problems['400.15'].vi} (Ngày ghi: ${formatDate(placedOn)}, hôm nay: ${formatDate(today)}.)` };
  return null;
}

/**
 * The order total against its items + shipping − discount. Not checked when the page gave no total, or no
 * shipping fee (order lists often show only the total: the difference is the fee they did not show).
 */
export function totalCheck(order: SubmittedOrder): OrderCheck | null {
  if (order.total === null || order.shippingFee === null) return null;
  const items = order.items.reduce((s, it) => s + it.lineTotal, 0);
  const expected = items + (order.shippingFee ?? 0) - (order.discount ?? 0);
  if (order.total === expected) return null;
  return {
    code: '422.10',
    field: 'total',
    message: `${problems['422.10'].vi} Tổng ghi ${formatVnd(order.total)}; tiền hàng ${formatVnd(items)} + phí vận chuyển ${formatVnd(order.shippingFee ?? 0)} − giảm giá ${formatVnd(order.discount ?? 0)} = ${formatVnd(expected)}.`,
  };
}

/** One item as the collector judges it: the client's claim, the shared classifier's verdict, the agency's override. */
export interface ItemVerdict {
  sentAsFarm: boolean;
  serverVerdict: boolean;
  /** The agency's decision item by item; null until it makes one. */
  override: boolean | null;
}

export const countsAsFarm = (v: ItemVerdict) => v.override ?? v.serverVerdict;

/**
 * Re-runs lib/farm-products.ts on the item's name: the same code the extension runs. The verdict depends on the name
 * alone (the lexicon is code, not data a request changes), and deadline day sends the same few hundred products
 * over and over, so each name is classified once and its verdict kept: classifying took 4 µs a name, more than
 * validating its order (a tenth of a batch's CPU in the collector bench). The kept verdicts are only a shortcut to
 * the same answer, so instances stay stateless; when `keptVerdicts` names are kept they are dropped and kept anew.
 */
export function serverVerdictOf(item: Pick<SubmittedItem, 'name'>): boolean {
  let verdict = verdicts.get(item.name);
  if (verdict === undefined) {
    verdict = isFarmProduct(item.name).isFarmProduct;
    if (verdicts.size >= keptVerdicts) verdicts.clear();
    verdicts.set(item.name, verdict);
  }
  return verdict;
}
/** At most this many names' verdicts are kept (names are up to 300 characters: a few MB at most). */
export const keptVerdicts = 20_000;
const verdicts = new Map<string, boolean>();

/** 422.12 for each item whose server verdict differs from the client's and the agency has not decided. */
export function classifierChecks(items: readonly { name: string; verdict: ItemVerdict }[]): OrderCheck[] {
  return items.flatMap((it, i) =>
    it.verdict.override === null && it.verdict.serverVerdict !== it.verdict.sentAsFarm
      ? [
          {
            code: '422.12' as const,
            field: `items[${i}].isFarmProduct`,
            message: it.verdict.serverVerdict
              ? `"${it.name}" được máy chủ tính là nông sản (tiện ích ghi không phải). Nếu không đúng, báo cán bộ đầu mối của cơ quan để sửa.`
              : `"${it.name}" không được máy chủ tính là nông sản nên không được cộng vào số liệu. Nếu đây đúng là nông sản, báo cán bộ đầu mối của cơ quan để sửa.`,
          },
        ]
      : [],
  );
}

/** What an order adds to a tally, with each item counted as the server (or the agency) says. */
export function verifiedContribution(items: readonly (SubmittedItem & { verdict: ItemVerdict })[]): OrderContribution {
  return orderContribution(items.map((it) => ({ ...it, isFarmProduct: countsAsFarm(it.verdict) })));
}

/** The province's plausibility limits for one period: above either, a person's orders wait for review. */
export interface PlausibilityLimits {
  maxOrdersPerPerson: number;
  maxAmountPerPerson: number;
}

export function plausibilityCheck(person: { orders: number; amountVnd: number }, limits: PlausibilityLimits): OrderCheck | null {
  // The sentence names the limits, not the running count, so it stays the same (and unwritten) while orders arrive.
  const over: string[] = [];
  if (person.orders > limits.maxOrdersPerPerson) over.push(`hơn ${limits.maxOrdersPerPerson} đơn`);
  if (person.amountVnd > limits.maxAmountPerPerson) over.push(`hơn ${formatVnd(limits.maxAmountPerPerson)} tiền nông sản`);
  return over.length ? { code: '422.11', message: `${problems['422.11'].vi} Trong đợt này bạn đã khai ${over.join(' và ')}.` } : null;
}

export const checksOf = (json: string | null): OrderCheck[] => (json ? (JSON.parse(json) as OrderCheck[]) : []);

/**
 * Where an order stands: a double claim or a holding check keeps it flagged (not counted) until the agency
 * reviews it; the agency's review decides from then on (lib/tally.ts isOrderCounted).
 */
export function settle(o: { orderStatus: 'placed' | 'cancelled'; duplicate: boolean; checks: readonly OrderCheck[]; review: Review }): { state: 'accepted' | 'flagged'; counted: 0 | 1 } {
  const state = o.duplicate || o.checks.some(isHold) ? 'flagged' : 'accepted';
  return { state, counted: isOrderCounted({ orderStatus: o.orderStatus, state, review: o.review }) ? 1 : 0 };
}
