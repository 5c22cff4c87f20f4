import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent, formatVnd, parseDate, parseDecimal } from './format';

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

describe('formatPercent', () => {
  it('shows a share under 1% with its digits: 2 of 28.385 is 0,007%, 1 of 250 is 0,4%', () => {
    expect(formatPercent(2 / 28385)).toBe('0,007%');
    expect(formatPercent(1 / 250)).toBe('0,4%');
    expect(formatPercent(0)).toBe('0%');
  });
  it('keeps one decimal from 1% up: 2 of 40 is 5%, 1 of 8 is 12,5%', () => {
    expect(formatPercent(2 / 40)).toBe('5%');
    expect(formatPercent(1 / 8)).toBe('12,5%');
    expect(formatPercent(1)).toBe('100%');
  });
});

describe('parseDecimal', () => {
  it('reads a comma as the decimal mark and dots as thousands', () => {
    expect(parseDecimal('8,5')).toBe(8.5);
    expect(parseDecimal(' 12 ')).toBe(12);
    expect(parseDecimal('1.250,75')).toBe(1250.75);
    expect(parseDecimal('0,125')).toBe(0.125);
  });
  it('refuses what is not a number or groups thousands wrongly', () => {
    expect(parseDecimal('8.5')).toBeNull();
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('-3')).toBeNull();
    expect(parseDecimal('1,2,3')).toBeNull();
  });
});
