import { describe, expect, it } from 'vitest';
import { staffShare, volumeDays } from './marketplace-volume';

describe('volumeDays', () => {
  // Viettel Post reports the week 06–12/09/2021 as 56 t (8 t a day); Bưu điện reports 07/09 alone as 3,5 t.
  const reports = [
    { marketplace: 'voso' as const, startsOn: '2021-09-06', endsOn: '2021-09-12', kg: 56_000 },
    { marketplace: 'postmart' as const, startsOn: '2021-09-07', endsOn: '2021-09-07', kg: 3_500 },
  ];
  const staff = new Map([
    ['2021-09-07', 4],
    ['2021-09-20', 2.5],
  ]);

  it('spreads a week as a seventh a day and adds the day reports of the other marketplace', () => {
    const days = volumeDays(reports, staff, '2021-09-01', '2021-09-30');
    expect(days.map((d) => d.date)).toEqual(['2021-09-06', '2021-09-07', '2021-09-08', '2021-09-09', '2021-09-10', '2021-09-11', '2021-09-12', '2021-09-20']);
    expect(days[0]).toEqual({ date: '2021-09-06', tonnes: 8, marketplaces: ['voso'], staffKg: 0 });
    expect(days[1]).toEqual({ date: '2021-09-07', tonnes: 11.5, marketplaces: ['postmart', 'voso'], staffKg: 4 });
    // A staff purchase on a day no marketplace reported: no tonnes (unknown, not zero).
    expect(days[7]).toEqual({ date: '2021-09-20', tonnes: null, marketplaces: [], staffKg: 2.5 });
  });

  it('keeps only the days inside the scope', () => {
    expect(volumeDays(reports, staff, '2021-09-10', '2021-09-11').map((d) => [d.date, d.tonnes])).toEqual([
      ['2021-09-10', 8],
      ['2021-09-11', 8],
    ]);
  });

  it('rounds a week that does not divide by seven to the kilogram: 10 t / 7 = 1,429 t', () => {
    expect(volumeDays([{ marketplace: 'voso', startsOn: '2021-09-06', endsOn: '2021-09-12', kg: 10_000 }], new Map(), '2021-09-06', '2021-09-06')[0].tonnes).toBe(1.429);
  });
});

describe('staffShare', () => {
  it('is staff kg over the reported tonnes of the reported days: 4 kg of 59,5 t', () => {
    const days = volumeDays(
      [
        { marketplace: 'voso', startsOn: '2021-09-06', endsOn: '2021-09-12', kg: 56_000 },
        { marketplace: 'postmart', startsOn: '2021-09-07', endsOn: '2021-09-07', kg: 3_500 },
      ],
      new Map([['2021-09-07', 4], ['2021-09-20', 2.5]]),
      '2021-09-01',
      '2021-09-30',
    );
    // 56 + 3,5 = 59,5 t reported; the 2,5 kg of 20/09 falls on a day without a report and is left out.
    expect(staffShare(days)).toBeCloseTo(4 / 59_500, 12);
    expect(staffShare([])).toBeNull();
  });
});
