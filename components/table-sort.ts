import { foldVietnamese, matchesQuery } from '../lib/text';

/** Pure helpers behind the dashboards' tables, tested without a browser. */

export type CellValue = string | number | null;

export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Numbers numerically, text in Vietnamese alphabetical order; empty cells always last. */
export function compareCells(a: CellValue, b: CellValue): number {
  if (a === null || a === '') return b === null || b === '' ? 0 : 1;
  if (b === null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

export function sortRows<R>(rows: readonly R[], value: (row: R) => CellValue, dir: 'asc' | 'desc'): R[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((x, y) => {
      const empty = (v: CellValue) => v === null || v === '';
      if (empty(x.v) !== empty(y.v)) return empty(x.v) ? 1 : -1; // empty last whatever the direction
      return sign * compareCells(x.v, y.v) || x.i - y.i;
    })
    .map((x) => x.row);
}

/** Rows where any searchable cell contains every word of the query, ignoring case and diacritics. */
export function filterRows<R>(rows: readonly R[], texts: (row: R) => string[], query: string): R[] {
  if (!foldVietnamese(query).trim()) return [...rows];
  return rows.filter((row) => matchesQuery(texts(row).join(' '), query));
}
