import { describe, expect, it } from 'vitest';
import { parseVietnameseDate } from './dates';

describe('parseVietnameseDate', () => {
  it('reads dd/mm/yyyy with or without a time, in Vietnam time', () => {
    expect(parseVietnameseDate('12/10/2026 09:15')).toBe('2026-10-12T09:15:00+07:00');
    expect(parseVietnameseDate('09:15:30 12-10-2026')).toBe('2026-10-12T09:15:30+07:00');
    expect(parseVietnameseDate('Ngày tạo: 5/9/2026')).toBe('2026-09-05T00:00:00+07:00');
    expect(parseVietnameseDate('Đặt lúc 14h05 ngày 01.11.2026')).toBe('2026-11-01T14:05:00+07:00');
  });
  it('passes ISO-8601 through', () => {
    expect(parseVietnameseDate('2026-10-12T09:15:00+07:00')).toBe('2026-10-12T09:15:00+07:00');
  });
  it('rejects dates that do not exist and text without a date', () => {
    expect(parseVietnameseDate('31/02/2026')).toBeNull();
    expect(parseVietnameseDate('12/10/2026 25:00')).toBeNull();
    expect(parseVietnameseDate('Thời gian')).toBeNull();
    expect(parseVietnameseDate('')).toBeNull();
  });
});
