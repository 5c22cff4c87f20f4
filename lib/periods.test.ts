import { describe, expect, it } from 'vitest';
import { addDays, daysFrom, openPeriod, proposedPeriod, vietnamDay, vietnamToday } from './periods';

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

describe('the Vietnam calendar day', () => {
  const at = (iso: string) => Date.parse(iso);
  it('turns at midnight in Vietnam (UTC+7), whatever the device\'s zone', () => {
    expect(vietnamToday(at('2021-09-19T16:59:59.999Z'))).toBe('2021-09-19');
    expect(vietnamToday(at('2021-09-19T17:00:00Z'))).toBe('2021-09-20');
    expect(vietnamToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(vietnamToday(at('1970-01-01T00:00:00Z'))).toBe('1970-01-01');
    expect(vietnamToday(at('1969-12-31T16:59:59.999Z'))).toBe('1969-12-31');
  });
  it('knows leap years: every 4th, not every 100th, every 400th', () => {
    expect(vietnamToday(at('2024-02-28T17:00:00Z'))).toBe('2024-02-29');
    expect(vietnamToday(at('2000-02-28T17:00:00Z'))).toBe('2000-02-29');
    expect(vietnamToday(at('2100-02-28T17:00:00Z'))).toBe('2100-03-01');
    expect(vietnamToday(at('2023-02-28T17:00:00Z'))).toBe('2023-03-01');
  });
  it('writes four-digit years and two-digit months and days', () => {
    expect(vietnamToday(at('0999-06-05T00:00:00Z'))).toBe('0999-06-05');
    expect(vietnamToday(at('9999-12-31T16:00:00Z'))).toBe('9999-12-31');
  });
  it('reads instants with their zone; null for what is no instant', () => {
    expect(vietnamDay('2021-09-19T23:30:00+07:00')).toBe('2021-09-19');
    expect(vietnamDay('2021-09-19T17:30:00Z')).toBe('2021-09-20');
    expect(vietnamDay('không phải ngày')).toBeNull();
  });
});
