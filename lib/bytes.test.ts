import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';

describe('sizes people read', () => {
  it('says a browser quota of 10.240,5 MB as 10 GB', () => {
    expect(formatBytes(10_738_008_064)).toBe('10 GB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1,5 GB');
  });
  it('keeps small sizes short, with a decimal only under 10 MB', () => {
    expect(formatBytes(0)).toBe('0 KB');
    expect(formatBytes(1)).toBe('1 KB');
    expect(formatBytes(870_400)).toBe('850 KB');
    expect(formatBytes(2_411_724)).toBe('2,3 MB');
    expect(formatBytes(50_331_648)).toBe('48 MB');
  });
});
