import { describe, expect, it } from 'vitest';
import { fileNameOf } from './download';
import { choosePeriod } from './periods';

describe('export file names', () => {
  it('reads RFC 5987 names first, then plain ones', () => {
    expect(fileNameOf(`attachment; filename="bao-cao.xlsx"; filename*=UTF-8''b%C3%A1o-c%C3%A1o.xlsx`, 'x')).toBe('báo-cáo.xlsx');
    expect(fileNameOf('attachment; filename="bao-cao-SNV-2021-09-30.csv"', 'x')).toBe('bao-cao-SNV-2021-09-30.csv');
    expect(fileNameOf(null, 'export.csv')).toBe('export.csv');
  });
});

describe('period choice', () => {
  const periods = [
    { id: 'a', name: 'Đợt 1', startsOn: '2021-08-01', endsOn: '2021-09-30', reportDue: '2021-09-30' },
    { id: 'b', name: 'Đợt 2', startsOn: '2021-10-01', endsOn: '2021-12-31', reportDue: '2021-12-31' },
  ];
  it('takes the one in the URL, else the one running today, else none (not a past campaign)', () => {
    expect(choosePeriod(periods, 'a', '2021-11-01')?.id).toBe('a');
    expect(choosePeriod(periods, null, '2021-11-01')?.id).toBe('b');
    expect(choosePeriod(periods, 'zz', '2021-01-01')).toBeNull();
    expect(choosePeriod(periods, null, '2026-12-01')).toBeNull();
    expect(choosePeriod([], null)).toBeNull();
  });
});
