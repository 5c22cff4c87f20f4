import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesQuery } from '../lib/text';
import { buildTextIndex, matchText } from '../lib/search';
import { compareCells, pageOf, sortedPositions, sortRows } from './table-sort';

describe('search folds diacritics and case', () => {
  it('folds Vietnamese letters including đ', () => {
    expect(foldVietnamese('ĐỒNG ĐĂNG')).toBe('dong dang');
    expect(foldVietnamese('Sở Tư pháp')).toBe('so tu phap');
  });
  it('matches every word of the query, in any order', () => {
    expect(matchesQuery('Sở Nội vụ tỉnh Lạng Sơn', 'lang son noi vu')).toBe(true);
    expect(matchesQuery('Sở Nội vụ tỉnh Lạng Sơn', 'tư pháp')).toBe(false);
  });
  it('finds rows in an index folded once: every word, any order, any marks', () => {
    const index = buildTextIndex(['Hoàng Văn Thụ Có', 'Nguyễn Thị Đào Chưa', 'Nguyễn Văn Định Có']);
    expect(matchText(index, 'hoang')).toEqual([true, false, false]);
    expect(matchText(index, 'dao')).toEqual([false, true, false]);
    expect(matchText(index, 'nguyen van')).toEqual([false, false, true]);
    expect(matchText(index, 'VĂN  nguyễn')).toEqual([false, false, true]);
    expect(matchText(index, '  ')).toEqual([true, true, true]);
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
  it('gives the sorted positions, so an index built on the unsorted rows still applies', () => {
    expect(sortedPositions([{ v: 30 }, { v: 10 }, { v: 20 }], (r) => r.v, 'asc')).toEqual([1, 2, 0]);
  });
  it('keeps the original order between equal values', () => {
    const rows = [{ k: 1, v: 'a' }, { k: 2, v: 'a' }, { k: 3, v: 'a' }];
    expect(sortRows(rows, (r) => r.v, 'desc').map((r) => r.k)).toEqual([1, 2, 3]);
  });
});

describe('paging', () => {
  it('cuts 4.000 rows into pages of 50 and keeps a wanted page inside them', () => {
    expect(pageOf(4000, 50, 0)).toEqual({ page: 0, pages: 80, from: 0, to: 50 });
    expect(pageOf(4000, 50, 79)).toEqual({ page: 79, pages: 80, from: 3950, to: 4000 });
    expect(pageOf(4000, 50, 500)).toEqual({ page: 79, pages: 80, from: 3950, to: 4000 });
    expect(pageOf(101, 50, 2)).toEqual({ page: 2, pages: 3, from: 100, to: 101 });
    expect(pageOf(0, 50, 3)).toEqual({ page: 0, pages: 1, from: 0, to: 0 });
  });
});
