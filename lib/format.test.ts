import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatVnd, parseDate } from './format';

describe('display formats', () => {
  it('writes VND with dot thousands', () => {
    expect(formatVnd(1250000)).toBe('1.250.000 ₫');
    expect(formatVnd(0)).toBe('0 ₫');
    expect(formatNumber(28385)).toBe('28.385');
    expect(formatNumber(1.5)).toBe('1,5');
  });
  it('writes and reads dd/mm/yyyy, in Vietnam time for instants', () => {
    expect(formatDate('2021-09-30')).toBe('30/09/2021');
    expect(formatDate('2021-09-30T18:00:00Z')).toBe('01/10/2021');
    expect(parseDate('30/09/2021')).toBe('2021-09-30');
    expect(parseDate('31/02/2021')).toBeNull();
    expect(parseDate('2021-09-30')).toBeNull();
  });
});
