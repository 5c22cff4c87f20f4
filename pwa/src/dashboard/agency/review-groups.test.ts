import { describe, expect, it } from 'vitest';
import type { AgencyOrderView } from '../../../../lib/api/agency';
import { groupClaims } from './review-groups';

const order = (id: string, fullName: string, marketplace: 'voso' | 'postmart', orderCode: string | null, others: string[], flagged = true) =>
  ({
    id,
    fullName,
    flagged,
    order: { marketplace, orderCode },
    otherClaims: others.map((name) => ({ agencyCode: 'SNV', agencyName: 'Sở Nội vụ tỉnh Lạng Sơn', fullName: name })),
  }) as unknown as AgencyOrderView;

describe('groupClaims', () => {
  it('puts the people who claimed one marketplace order on one card, in the order received', () => {
    const list = [
      order('a', 'Nguyễn Văn An', 'voso', 'VS1', ['Lê Văn Bình']),
      order('m', 'Hoàng Thị Đào', 'postmart', null, [], false),
      order('b', 'Lê Văn Bình', 'voso', 'VS1', ['Nguyễn Văn An']),
      // The same code on the other marketplace is another order.
      order('c', 'Vi Thị Gianh', 'postmart', 'VS1', ['Lò Văn Cường']),
    ];
    expect(groupClaims(list).map((g) => [g.key, g.claims.map((c) => c.fullName)])).toEqual([
      ['voso:VS1', ['Nguyễn Văn An', 'Lê Văn Bình']],
      ['m', ['Hoàng Thị Đào']],
      ['postmart:VS1', ['Vi Thị Gianh']],
    ]);
  });
  it('keeps apart orders that are not held as claimed twice, even with a code in common', () => {
    const list = [order('a', 'Nguyễn Văn An', 'voso', 'VS2', [], false), order('b', 'Lê Văn Bình', 'voso', 'VS2', [], false)];
    expect(groupClaims(list).map((g) => g.key)).toEqual(['a', 'b']);
  });
});
