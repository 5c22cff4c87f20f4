import { describe, expect, it } from 'vitest';
import { periodId } from './campaign-periods';

describe('period ids', () => {
  it('come from the start month and the folded name, within the collector rule a-z0-9- (3–40)', () => {
    expect(periodId('Đợt 2 năm 2021', '2021-10-01')).toBe('2021-10-dot-2-nam-2021');
    const long = periodId('Đợt vận động đặc biệt mùa thu hoạch vải thiều Lộc Bình', '2022-06-01');
    expect(long).toMatch(/^[a-z0-9-]{3,40}$/);
    expect(long.endsWith('-')).toBe(false);
  });
});
