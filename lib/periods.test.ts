import { describe, expect, it } from 'vitest';
import { addDays, daysFrom, openPeriod, proposedPeriod } from './periods';

const dot1 = { id: '2021-dot-1', name: 'Đợt 1 năm 2021', startsOn: '2021-08-01', endsOn: '2021-09-30', reportDue: '2021-10-05' };
const dot2 = { id: '2021-dot-2', name: 'Đợt 2 năm 2021', startsOn: '2021-10-01', endsOn: '2021-12-31', reportDue: '2022-01-05' };

describe('openPeriod', () => {
  it('is the period today falls in', () => {
    expect(openPeriod([dot1, dot2], '2021-08-01')?.id).toBe('2021-dot-1');
    expect(openPeriod([dot1, dot2], '2021-12-31')?.id).toBe('2021-dot-2');
  });
  it('keeps a period that ended while its reports are still due, and prefers the newer one when both run', () => {
    expect(openPeriod([dot1], '2021-10-05')?.id).toBe('2021-dot-1');
    expect(openPeriod([dot1, dot2], '2021-10-02')?.id).toBe('2021-dot-2');
  });
  it('is nothing five years on (a fresh install today must not open on 2021), and nothing without periods', () => {
    expect(openPeriod([dot1, dot2], '2026-12-01')).toBeUndefined();
    expect(openPeriod([dot1], '2021-10-06')).toBeUndefined();
    expect(openPeriod([], '2026-12-01')).toBeUndefined();
  });
});

describe('days', () => {
  it('counts days to a deadline across a month end and a leap day', () => {
    expect(daysFrom('2026-12-01', '2026-12-31')).toBe(30);
    expect(daysFrom('2021-10-06', '2021-10-05')).toBe(-1);
    expect(daysFrom('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2026-12-31', 5)).toBe('2027-01-05');
  });
});

describe('proposedPeriod', () => {
  it('proposes today to the end of next month, due five days later, numbered within the year', () => {
    expect(proposedPeriod([dot1, dot2], '2026-12-01')).toEqual({ name: 'Đợt 1 năm 2026', startsOn: '2026-12-01', endsOn: '2027-01-31', reportDue: '2027-02-05' });
    expect(proposedPeriod([dot1], '2021-10-15')).toEqual({ name: 'Đợt 2 năm 2021', startsOn: '2021-10-15', endsOn: '2021-11-30', reportDue: '2021-12-05' });
    expect(proposedPeriod([], '2028-01-10')).toEqual({ name: 'Đợt 1 năm 2028', startsOn: '2028-01-10', endsOn: '2028-02-29', reportDue: '2028-03-05' });
  });
});
