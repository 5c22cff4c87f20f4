import { useId } from 'preact/hooks';
import { ChartTable } from './chart-table';
import { linear, niceTicks, px } from './chart-scale';

export interface Bar {
  label: string;
  value: number;
}

const row = 28;
const labelW = 330;
const barW = 330;
const top = 26;

/**
 * Horizontal bars in plain SVG, largest first: the first `limit` rows by name (long Vietnamese names read well one per
 * row) and a line saying how many more there are and their range. The axis runs over round numbers from the data's
 * own largest value, with its ticks drawn. Screen readers get the title and a summary; everyone can open every row
 * as a table.
 */
export function BarChart({ title, summary, bars, format, limit = 10, restNoun = 'mục' }: { title: string; summary: string; bars: Bar[]; format: (n: number) => string; limit?: number; restNoun?: string }) {
  const id = useId();
  const sorted = [...bars].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'vi'));
  const shown = sorted.slice(0, limit);
  const rest = sorted.slice(limit);
  const ticks = niceTicks(0, Math.max(0, ...sorted.map((b) => b.value)));
  const xAt = linear(0, ticks.hi, labelW, labelW + barW);
  const x = (v: number) => px(xAt(v));
  const height = top + shown.length * row + (rest.length ? row : 0) + 4;
  return (
    <figure class="dash-chart">
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${labelW + barW + 100} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {ticks.values.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={top - 6} y2={top + shown.length * row} stroke={t === 0 ? '#555' : '#ddd'} />
            <text x={x(t)} y={top - 10} text-anchor="middle" font-size="12">
              {format(t)}
            </text>
          </g>
        ))}
        {shown.map((b, i) => {
          const y = top + i * row;
          return (
            <g key={b.label} class="dash-bar-row">
              <text x={labelW - 8} y={y + row / 2 + 4} text-anchor="end" font-size="13">
                {b.label.length > 44 ? `${b.label.slice(0, 43)}…` : b.label}
              </text>
              <rect x={labelW} y={y + 4} width={px(Math.max(0, x(b.value) - labelW))} height={row - 8} fill="#2e7d32" data-value={b.value} />
              <text x={x(b.value) + 6} y={y + row / 2 + 4} font-size="13">
                {format(b.value)}
              </text>
            </g>
          );
        })}
        {rest.length > 0 && (
          <text x={labelW - 8} y={top + shown.length * row + row / 2 + 4} text-anchor="end" font-size="13" font-style="italic">
            {`và ${rest.length} ${restNoun} khác (${format(rest.at(-1)!.value)} – ${format(rest[0].value)}), xem bảng`}
          </text>
        )}
      </svg>
      <ChartTable title={title} keyLabel="Tên" rows={sorted.map((b) => ({ key: b.label, label: b.label, value: b.value }))} format={format} />
    </figure>
  );
}
