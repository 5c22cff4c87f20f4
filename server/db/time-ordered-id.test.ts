import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id';

describe('time-ordered ids (UUID version 7)', () => {
  it('carries the time in its first 48 bits, version 7 and the RFC variant', () => {
    // 03/12/2026 07:00:00.123 UTC = 1796281200123 ms = 0x01a2_3ab3_edfb
    const id = timeOrderedId(Date.UTC(2026, 11, 3, 7, 0, 0, 123));
    expect(id).toMatch(/^01a23ab3-edfb-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sorts as text in the order of its times', () => {
    const times = [0, 1, 255, 256, 1796281200123, 1796281200124, 2 ** 47, 2 ** 48 - 1];
    const ids = times.map((t) => timeOrderedId(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('differs within one millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => timeOrderedId(1796281200123)));
    expect(ids.size).toBe(1000);
  });
});
