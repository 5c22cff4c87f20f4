import type { AgencyOrderView } from '../../../../lib/api/agency';

/** A card of the review list: one order, or one marketplace order that several of the agency's people claimed. */
export interface ReviewGroup {
  key: string;
  claims: AgencyOrderView[];
}

/**
 * Puts the claims of one marketplace order (same marketplace and order code, held as claimed twice) on one card, in
 * the order the list came (first received first), so a double claim reads as one question: whose order is it?
 */
export function groupClaims(orders: readonly AgencyOrderView[]): ReviewGroup[] {
  const byKey = new Map<string, ReviewGroup>();
  const out: ReviewGroup[] = [];
  for (const o of orders) {
    const key = o.flagged && o.order.orderCode && o.otherClaims.length ? `${o.order.marketplace}:${o.order.orderCode}` : o.id;
    let group = byKey.get(key);
    if (!group) {
      group = { key, claims: [] };
      byKey.set(key, group);
      out.push(group);
    }
    group.claims.push(o);
  }
  return out;
}
