import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { formatDate, formatNumber, formatVnd } from '../../../lib/format';
import { filterRows, sortRows, type CellValue, type SortState } from './table-sort';

export interface Column<R> {
  key: string;
  label: string;
  /** The value sorted and searched on; dates as ISO text, money as integer VND. */
  value: (row: R) => CellValue;
  kind?: 'text' | 'number' | 'vnd' | 'date' | 'percent';
  render?: (row: R) => ComponentChildren;
  /** Searched by the filter box (text columns by default). */
  searchable?: boolean;
}

export function formatCell(v: CellValue, kind: Column<unknown>['kind'] = 'text'): string {
  if (v === null || v === '') return '—';
  if (typeof v === 'number') {
    if (kind === 'vnd') return formatVnd(v);
    if (kind === 'percent') return `${formatNumber(v * 100)}%`;
    return formatNumber(v);
  }
  return kind === 'date' ? formatDate(v) : v;
}

/**
 * A table that sorts by any column (header buttons, aria-sort) and filters with a diacritics-insensitive
 * search box. `caption` names it for screen readers; `footer` is a totals row.
 */
export function DataTable<R>(props: {
  caption: string;
  columns: Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  initialSort?: SortState;
  footer?: ComponentChildren;
  searchLabel?: string;
  empty?: string;
}) {
  const { columns, rows, caption } = props;
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState | null>(props.initialSort ?? null);
  const searchable = columns.filter((c) => c.searchable ?? (c.kind ?? 'text') === 'text');
  const shown = useMemo(() => {
    const filtered = filterRows(rows, (r) => searchable.map((c) => String(c.value(r) ?? '')), query);
    const col = sort && columns.find((c) => c.key === sort.key);
    return col ? sortRows(filtered, col.value, sort!.dir) : filtered;
  }, [rows, query, sort, columns]);

  function toggle(key: string) {
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  }

  return (
    <div class="dash-table">
      {searchable.length > 0 && (
        <label class="dash-search">
          {props.searchLabel ?? 'Tìm (không cần gõ dấu)'}
          <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
      )}
      <p class="dash-muted" aria-live="polite">
        {query ? `${shown.length} / ${rows.length} dòng khớp` : `${rows.length} dòng`}
      </p>
      <div class="dash-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const dir = sort?.key === c.key ? sort.dir : null;
                return (
                  <th key={c.key} scope="col" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined} class={isNumeric(c) ? 'num' : undefined}>
                    <button type="button" class="dash-sort" onClick={() => toggle(c.key)}>
                      {c.label}
                      <span aria-hidden="true">{dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ' ↕'}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={props.rowKey(r)}>
                {columns.map((c) => (
                  <td key={c.key} class={isNumeric(c) ? 'num' : undefined}>
                    {c.render ? c.render(r) : formatCell(c.value(r), c.kind)}
                  </td>
                ))}
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={columns.length}>{rows.length ? 'Không có dòng nào khớp.' : (props.empty ?? 'Chưa có dữ liệu.')}</td>
              </tr>
            )}
          </tbody>
          {props.footer && <tfoot>{props.footer}</tfoot>}
        </table>
      </div>
    </div>
  );
}

const isNumeric = (c: { kind?: Column<unknown>["kind"] }) => c.kind === 'number' || c.kind === 'vnd' || c.kind === 'percent';
