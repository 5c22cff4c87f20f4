import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesQuery } from '../lib/text';
import { compareCells, filterRows, sortRows } from './table-sort';

describe('search folds diacritics and case', () => {
  it('folds Vietnamese letters including đ', () => {
    expect(foldVietnamese('ĐỒNG ĐĂNG')).toBe('dong dang');
    expect(foldVietnamese('Sở Tư pháp')).toBe('so tu phap');
  });
  it('matches every word of the query, in any order', () => {
    expect(matchesQuery('Sở Nội vụ tỉnh Lạng Sơn', 'lang son noi vu')).toBe(true);
    expect(matchesQuery('Sở Nội vụ tỉnh Lạng Sơn', 'tư pháp')).toBe(false);
  });
  it('filters rows on the given texts only', () => {
    const rows = [{ n: 'Hoàng Văn Thụ', c: 'A' }, { n: 'Nguyễn Thị Đào', c: 'hoang' }];
    expect(filterRows(rows, (r) => [r.n], 'hoang')).toEqual([rows[0]]);
    expect(filterRows(rows, (r) => [r.n], 'dao')).toEqual([rows[1]]);
    expect(filterRows(rows, (r) => [r.n], '  ')).toEqual(rows);
  });
});

describe('sorting', () => {
  it('sorts text in Vietnamese order and numbers numerically, empty cells last both ways', () => {
    const rows = [{ v: 'Đông' }, { v: 'Dung' }, { v: 'An' }, { v: null as string | null }];
    expect(sortRows(rows, (r) => r.v, 'asc').map((r) => r.v)).toEqual(['An', 'Dung', 'Đông', null]);
    expect(sortRows(rows, (r) => r.v, 'desc').map((r) => r.v)).toEqual(['Đông', 'Dung', 'An', null]);
    const nums = [{ v: 10 }, { v: 9 }, { v: 100 }];
    expect(sortRows(nums, (r) => r.v, 'asc').map((r) => r.v)).toEqual([9, 10, 100]);
    expect(compareCells(2, 2)).toBe(0);
  });
  it('keeps the original order between equal values', () => {
    const rows = [{ k: 1, v: 'a' }, { k: 2, v: 'a' }, { k: 3, v: 'a' }];
    expect(sortRows(rows, (r) => r.v, 'desc').map((r) => r.k)).toEqual([1, 2, 3]);
  });
});
