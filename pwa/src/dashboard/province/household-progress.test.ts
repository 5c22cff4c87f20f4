import { describe, expect, it } from 'vitest';
import { summariseDistricts, type CommuneProgress } from './household-progress';

const commune = (o: Partial<CommuneProgress>): CommuneProgress => ({
  communeCode: '1', communeName: 'X', districtCode: '178', districtName: 'Thành phố Lạng Sơn', householdCount: 100, signedUp: 0, shopsOpened: 0,
  paymentAccounts: 0, both: 0, percentBoth: 0, targetPercent: 50, deadline: '2021-12-31', ...o,
});

describe('district household progress', () => {
  it('adds communes up and computes the rate over communes with a known household count', () => {
    const d = summariseDistricts([
      commune({ communeCode: '1', householdCount: 100, both: 30 }),
      commune({ communeCode: '2', householdCount: 300, both: 170 }),
      commune({ communeCode: '3', householdCount: null, both: 5 }),
      commune({ communeCode: '4', districtCode: '180', districtName: 'Huyện Tràng Định', householdCount: null, both: 2 }),
    ]);
    expect(d).toHaveLength(2);
    expect(d[0]).toMatchObject({ code: '178', households: 400, both: 205, percent: 50 });
    expect(d[1]).toMatchObject({ code: '180', households: null, both: 2, percent: null });
  });
});
