import { describe, expect, it } from 'vitest';
import { prefixOfCode, readRecordCode, recordCode, recordCodePattern, serialsPerPrefix } from './record-code';

// Values in the alphabet ACDEFGHJKMNPQRTUVWXY34679: A 0, D 2, K 8, Q 12, R 13, V 16, X 18, Y 19, 7 23.
describe('record codes (mã hồ sơ)', () => {
  it("gives a tablet's first codes as worked out by hand", () => {
    // KX7 + AAAA: 1·8 + 2·18 + 3·23 = 113 ≡ 13 → R.
    expect(recordCode('KX7', 0)).toBe('KX7A-AAAR');
    // Serial 1 spreads to 7919 = 12·25² + 16·25 + 19 → AQVY; 113 + 5·12 + 6·16 + 7·19 = 402 ≡ 2 → D.
    expect(recordCode('KX7', 1)).toBe('KX7A-QVYD');
  });

  it('reads like "KX7A-QVYD": eight characters in two groups, none of 0 O 1 I L 2 Z 5 S 8 B', () => {
    expect(recordCodePattern.test('KX7A-QVYD')).toBe(true);
    expect(recordCodePattern.test('KX7AQVYD')).toBe(false);
    expect(recordCodePattern.test('KX7A-QVY0')).toBe(false);
    expect(recordCodePattern.test('5101-A16B')).toBe(false);
    for (const serial of [0, 1, 2, 77, 390_624]) expect(recordCode('KX7', serial)).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{4}-[ACDEFGHJKMNPQRTUVWXY34679]{4}$/);
  });

  it('gives 390.625 different codes per prefix, and refuses a serial past them', () => {
    expect(serialsPerPrefix).toBe(390_625);
    const seen = new Set<string>();
    for (let s = 0; s < serialsPerPrefix; s++) seen.add(recordCode('KX7', s));
    expect(seen.size).toBe(390_625);
    expect(() => recordCode('KX7', 390_625)).toThrow(RangeError);
    expect(() => recordCode('KX0', 0)).toThrow(RangeError);
  });

  it('reads a code as staff type it back, and catches one wrong or two swapped characters', () => {
    expect(readRecordCode('kx7a qvyd')).toBe('KX7A-QVYD');
    expect(readRecordCode("'KX7AQVYD")).toBe('KX7A-QVYD');
    expect(readRecordCode(' KX7A-QVYD ')).toBe('KX7A-QVYD');
    expect(readRecordCode('KX7A-QVYE')).toBeNull();
    expect(readRecordCode('KX7A-VQYD')).toBeNull();
    expect(readRecordCode('KX7A-QVY')).toBeNull();
    expect(readRecordCode('7f5343c2-a910-4c1e-9a56-0c7b2f1d3e4a')).toBeNull();
  });

  it('names the tablet by its first three characters', () => {
    expect(prefixOfCode('KX7A-QVYD')).toBe('KX7');
  });
});
