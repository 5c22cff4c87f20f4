import { describe, expect, it } from 'vitest';
import { normalizeOrderCode } from './order-code';

describe('normalizeOrderCode', () => {
  it('makes the variants a dishonest or careless person could send into one code', () => {
    expect(normalizeOrderCode('VS5500001')).toBe('VS5500001');
    expect(normalizeOrderCode('vs5500001')).toBe('VS5500001');
    expect(normalizeOrderCode('VS5500001\u200b')).toBe('VS5500001');
    expect(normalizeOrderCode('\ufeffVS\u200d55\u2060000\u200c01')).toBe('VS5500001');
    expect(normalizeOrderCode('ＶＳ５５０００００１'.slice(0, 9))).toBe('VS5500000');
    expect(normalizeOrderCode('ｖｓ５５００００１')).toBe('VS5500001');
    expect(normalizeOrderCode(' VS 550\u00a00001 ')).toBe('VS5500001');
    expect(normalizeOrderCode('PM-2021-08-0042')).toBe('PM-2021-08-0042');
  });
});
