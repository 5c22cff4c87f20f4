import { describe, expect, it } from 'vitest';
import { isOrderCounted, orderContribution, sumTallies, tally, type TallyItem } from './tally';

const item = (over: Partial<TallyItem> = {}): TallyItem => ({ quantity: 2, lineTotal: 240_000, weightGrams: 500, isFarmProduct: true, excluded: false, ...over });

describe('tally', () => {
  it('counts only farm-product items the person kept', () => {
    const c = orderContribution([item(), item({ isFarmProduct: false, lineTotal: 30_000 }), item({ excluded: true }), item({ quantity: 1, lineTotal: 50_000, weightGrams: null })]);
    expect(c).toEqual({ farmItems: 2, quantity: 3, amountVnd: 290_000, grams: 1000, itemsWithoutWeight: 1 });
  });

  it('counts placed, not withdrawn, not excluded orders; flagged ones only once the agency counts them', () => {
    expect(isOrderCounted({ orderStatus: 'placed', state: 'accepted', review: null })).toBe(true);
    expect(isOrderCounted({ orderStatus: 'cancelled', state: 'accepted', review: null })).toBe(false);
    expect(isOrderCounted({ orderStatus: 'placed', state: 'withdrawn', review: 'counted' })).toBe(false);
    expect(isOrderCounted({ orderStatus: 'placed', state: 'flagged', review: null })).toBe(false);
    expect(isOrderCounted({ orderStatus: 'placed', state: 'flagged', review: 'counted' })).toBe(true);
    expect(isOrderCounted({ orderStatus: 'placed', state: 'accepted', review: 'excluded' })).toBe(false);
  });

  it('makes participants distinct people with at least one counted farm-product order', () => {
    const farm = orderContribution([item()]);
    const none = orderContribution([item({ isFarmProduct: false })]);
    const t = tally(
      [
        { personId: 'a', counted: true, contribution: farm },
        { personId: 'a', counted: true, contribution: farm },
        { personId: 'b', counted: false, contribution: farm },
        { personId: 'c', counted: true, contribution: none },
      ],
      4,
    );
    expect(t).toEqual({ headcount: 4, participants: 1, orders: 2, farmItems: 2, quantity: 4, amountVnd: 480_000, grams: 2000, kg: 2, itemsWithoutWeight: 0, participationRate: 0.25 });
    expect(tally([]).participationRate).toBeNull();
  });

  it('adds agency tallies into a total from grams, so rounding happens once', () => {
    const a = tally([{ personId: 'a', counted: true, contribution: orderContribution([item({ quantity: 1, weightGrams: 149 })]) }], 10);
    const b = tally([{ personId: 'b', counted: true, contribution: orderContribution([item({ quantity: 1, weightGrams: 149 })]) }], null);
    expect([a.kg, b.kg]).toEqual([0.1, 0.1]);
    const t = sumTallies([a, b]);
    expect(t).toMatchObject({ participants: 2, orders: 2, grams: 298, kg: 0.3, headcount: 10, participationRate: 0.2 });
    expect(sumTallies([a, b], 28_385).participationRate).toBeCloseTo(2 / 28_385);
  });

  it('makes no participant of an order with only non-farm items, or with every farm item excluded', () => {
    const onlyNonFarm = orderContribution([item({ isFarmProduct: false }), item({ isFarmProduct: false, lineTotal: 30_000 })]);
    const allExcluded = orderContribution([item({ excluded: true }), item({ excluded: true, quantity: 1, lineTotal: 90_000 }), item({ isFarmProduct: false })]);
    expect(onlyNonFarm).toEqual({ farmItems: 0, quantity: 0, amountVnd: 0, grams: 0, itemsWithoutWeight: 0 });
    expect(allExcluded).toEqual({ farmItems: 0, quantity: 0, amountVnd: 0, grams: 0, itemsWithoutWeight: 0 });
    const t = tally(
      [
        { personId: 'a', counted: true, contribution: onlyNonFarm },
        { personId: 'b', counted: true, contribution: allExcluded },
      ],
      10,
    );
    expect(t).toEqual({ headcount: 10, participants: 0, orders: 0, farmItems: 0, quantity: 0, amountVnd: 0, grams: 0, kg: 0, itemsWithoutWeight: 0, participationRate: 0 });
  });
});
