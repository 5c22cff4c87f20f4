import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { formatNumber, formatPercent } from '../lib/format';
import { DateText } from './date-text';
import { Money } from './money';
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

/** What a cell shows: money in đồng, days dd/mm/yyyy (both with their machine value), a dash when empty. */
function Cell({ value, kind = 'text' }: { value: CellValue; kind: Column<unknown>['kind'] }) {
  if (value === null || value === '') return <>—</>;
  if (typeof value === 'number') {
    if (kind === 'vnd') return <Money vnd={value} />;
    if (kind === 'percent') return <>{formatPercent(value)}</>;
    return <>{formatNumber(value)}</>;
  }
  return kind === 'date' ? <DateText iso={value} /> : <>{value}</>;
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
    <div class="data-table">
      {searchable.length > 0 && (
        <label class="table-search">
          {props.searchLabel ?? 'Tìm (không cần gõ dấu)'}
          <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
      )}
      <p class="muted" aria-live="polite">
        {query ? `${shown.length} / ${rows.length} dòng khớp` : `${rows.length} dòng`}
      </p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const dir = sort?.key === c.key ? sort.dir : null;
                return (
                  <th key={c.key} scope="col" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined} class={isNumeric(c) ? 'num' : undefined}>
                    <button type="button" class="table-sort" onClick={() => toggle(c.key)}>
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
                    {c.render ? c.render(r) : <Cell value={c.value(r)} kind={c.kind} />}
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
