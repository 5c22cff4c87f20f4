import { describe, expect, it } from 'vitest';
import { dateTicks, dayNumber, linear, niceTicks, px, timeScale } from './chart-scale';

// Every expected figure below is worked out by hand from the rule "1, 2 or 5 × 10ⁿ, about five steps".
describe('niceTicks', () => {
  it('covers 0–1,7 people-per-day in steps of 0,5 up to 2', () => {
    expect(niceTicks(0, 1.7)).toEqual({ lo: 0, hi: 2, step: 0.5, values: [0, 0.5, 1, 1.5, 2] });
  });

  it('counts people in whole steps: 0–3 is 0, 1, 2, 3 (no 0,5 person)', () => {
    expect(niceTicks(0, 3, { integer: true })).toEqual({ lo: 0, hi: 3, step: 1, values: [0, 1, 2, 3] });
  });

  it('takes the top from the data, not from a 10-tonne aim: 4 kg gives 0–4 kg', () => {
    expect(niceTicks(0, 4).hi).toBe(4);
    expect(niceTicks(0, 4).values).toEqual([0, 1, 2, 3, 4]);
  });

  it('rounds 480.000 ₫ up to 500.000 in steps of 100.000', () => {
    expect(niceTicks(0, 480_000)).toEqual({ lo: 0, hi: 500_000, step: 100_000, values: [0, 100_000, 200_000, 300_000, 400_000, 500_000] });
  });

  it('goes up to the next nice step: 12 / 5 = 2,4 → steps of 5, so 0–12 is drawn 0–15', () => {
    expect(niceTicks(0, 12)).toEqual({ lo: 0, hi: 15, step: 5, values: [0, 5, 10, 15] });
  });

  it('steps of 0,2 without float drift (0,6 not 0,6000000000000001)', () => {
    expect(niceTicks(0, 0.9).values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('gives an axis of 0–1 when there is nothing yet, and around a single value', () => {
    expect(niceTicks(0, 0)).toEqual({ lo: 0, hi: 1, step: 0.2, values: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    // 7,2 ± 3,6 → 3,6–10,8; 7,2 / 5 = 1,44 → step 2; floor(3,6/2)·2 = 2, ceil(10,8/2)·2 = 12.
    expect(niceTicks(7.2, 7.2, { zero: false })).toEqual({ lo: 2, hi: 12, step: 2, values: [2, 4, 6, 8, 10, 12] });
  });
});

describe('linear', () => {
  it('puts 1 on a 0–2 axis of 200 px at y = 100 (the middle), 0 at the bottom and 2 at the top', () => {
    const y = linear(0, 2, 200, 0);
    expect(y(1)).toBe(100);
    expect(y(0)).toBe(200);
    expect(y(2)).toBe(0);
  });

  it('puts 1 exactly on the tick labelled 1 of a 0–2 axis drawn from 224 down to 16', () => {
    const y = linear(0, 2, 224, 16);
    expect(y(1)).toBe(120);
    expect(y(1.5)).toBe(68);
  });
});

describe('timeScale', () => {
  it('spaces days by their real distance: 01/08, 10/08 and 12/08 on 0–110 px sit at 0, 90 and 110', () => {
    const x = timeScale('2021-08-01', '2021-08-12', 0, 110);
    expect([x('2021-08-01'), x('2021-08-10'), x('2021-08-12')]).toEqual([0, 90, 110]);
  });

  it('crosses a month end: 31/08 → 01/09 is one day', () => {
    expect(dayNumber('2021-09-01') - dayNumber('2021-08-31')).toBe(1);
    const x = timeScale('2021-08-31', '2021-09-02', 100, 300);
    expect(x('2021-09-01')).toBe(200);
  });

  it('puts a single day in the middle', () => {
    expect(timeScale('2021-08-20', '2021-08-20', 70, 700)('2021-08-20')).toBe(385);
  });
});

describe('dateTicks', () => {
  it('labels every day of a 5-day span, every other day of 11 days, weekly over 30 days', () => {
    expect(dateTicks('2021-08-01', '2021-08-05')).toEqual(['2021-08-01', '2021-08-02', '2021-08-03', '2021-08-04', '2021-08-05']);
    expect(dateTicks('2021-08-01', '2021-08-12')).toEqual(['2021-08-01', '2021-08-03', '2021-08-05', '2021-08-07', '2021-08-09', '2021-08-11']);
    expect(dateTicks('2021-08-01', '2021-08-31')).toEqual(['2021-08-01', '2021-08-08', '2021-08-15', '2021-08-22', '2021-08-29']);
  });
});

describe('px', () => {
  it('rounds a position to a tenth of a pixel: 8,5 t on a 0–10 t axis from y = 220 to 24 sits at 53,4', () => {
    expect(px(linear(0, 10, 220, 24)(8.5))).toBe(53.4);
    expect(px(94.04999)).toBe(94);
  });
});
