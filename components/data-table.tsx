import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { formatNumber, formatPercent } from '../lib/format';
import { buildTextIndex, matchText } from '../lib/search';
import { DateText } from './date-text';
import { Money } from './money';
import { reveal } from './reveal';
import { pageOf, sortedPositions, type CellValue, type SortState } from './table-sort';

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

/** Rows per page for the lists that grow with an agency (a district People's Committee and its schools: thousands). */
export const longListPage = 50;

/**
 * A table that sorts by any column (header buttons, aria-sort) and filters with a diacritics-insensitive search box.
 * `caption` names it for screen readers; `footer` is a totals row. With `pageSize`, it shows that many rows at a
 * time with "Trang trước / Trang sau": an agency of thousands of people renders one page, not every row. The rows'
 * searchable text is folded once per list (lib/search), so a keystroke only compares.
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
  pageSize?: number;
}) {
  const { columns, rows, caption } = props;
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState | null>(props.initialSort ?? null);
  const [wantedPage, setPage] = useState(0);
  const top = useRef<HTMLDivElement>(null);
  const searchable = columns.filter((c) => c.searchable ?? (c.kind ?? 'text') === 'text');
  // The columns' value functions are taken as fixed for a given list of rows (a parent re-rendering makes new ones).
  const index = useMemo(() => buildTextIndex(rows.map((r) => searchable.map((c) => String(c.value(r) ?? '')).join(' '))), [rows]);
  const order = useMemo(() => {
    const col = sort && columns.find((c) => c.key === sort.key);
    return col ? sortedPositions(rows, col.value, sort!.dir) : rows.map((_, i) => i);
  }, [rows, sort]);
  const matches = useMemo(() => matchText(index, query), [index, query]);
  const shown = useMemo(() => order.filter((i) => matches[i]), [order, matches]);
  const paging = pageOf(shown.length, props.pageSize ?? Math.max(1, shown.length), wantedPage);
  const onPage = shown.slice(paging.from, paging.to).map((i) => rows[i]);

  function toggle(key: string) {
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
    setPage(0);
  }
  function turn(to: number) {
    setPage(to);
    // The pager sits under the rows: show the new page from its first row (focus stays on the button pressed).
    if (top.current) reveal(top.current, { block: 'start' });
  }

  return (
    <div class="data-table">
      {searchable.length > 0 && (
        <label class="table-search">
          {props.searchLabel ?? 'Tìm (không cần gõ dấu)'}
          <input
            type="search"
            value={query}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setPage(0);
            }}
          />
        </label>
      )}
      <p class="muted" aria-live="polite">
        {query.trim() ? `${formatNumber(shown.length)} / ${formatNumber(rows.length)} dòng khớp` : `${formatNumber(rows.length)} dòng`}
      </p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={caption} ref={top}>
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
            {onPage.map((r) => (
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
      {paging.pages > 1 && (
        <nav class="table-pages" aria-label={`Các trang của bảng: ${caption}`}>
          <button type="button" class="secondary" disabled={paging.page === 0} onClick={() => turn(paging.page - 1)}>
            Trang trước
          </button>
          <span aria-live="polite">
            Trang {paging.page + 1} / {paging.pages} (dòng {formatNumber(paging.from + 1)}–{formatNumber(paging.to)})
          </span>
          <button type="button" class="secondary" disabled={paging.page === paging.pages - 1} onClick={() => turn(paging.page + 1)}>
            Trang sau
          </button>
        </nav>
      )}
    </div>
  );
}

const isNumeric = (c: { kind?: Column<unknown>["kind"] }) => c.kind === 'number' || c.kind === 'vnd' || c.kind === 'percent';
