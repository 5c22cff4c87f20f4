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
  return sortedPositions(rows, value, dir).map((i) => rows[i]);
}

/** The rows' positions in sorted order (equal values keep their order), so a search index built on the rows stays valid. */
export function sortedPositions<R>(rows: readonly R[], value: (row: R) => CellValue, dir: 'asc' | 'desc'): number[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ i, v: value(row) }))
    .sort((x, y) => {
      const empty = (v: CellValue) => v === null || v === '';
      if (empty(x.v) !== empty(y.v)) return empty(x.v) ? 1 : -1; // empty last whatever the direction
      return sign * compareCells(x.v, y.v) || x.i - y.i;
    })
    .map((x) => x.i);
}

/** Which rows one page shows, and the words that say where the reader is ("Trang 2 / 80 (dòng 51–100)"). */
export function pageOf(count: number, pageSize: number, wanted: number): { page: number; pages: number; from: number; to: number } {
  const pages = Math.max(1, Math.ceil(count / pageSize));
  const page = Math.min(Math.max(0, wanted), pages - 1);
  return { page, pages, from: page * pageSize, to: Math.min(count, (page + 1) * pageSize) };
}
