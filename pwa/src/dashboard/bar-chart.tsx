import { useId } from 'preact/hooks';
import { ChartTable } from './chart-table';

export interface Bar {
  label: string;
  value: number;
}

/**
 * Horizontal bars in plain SVG (one row per agency reads well even with long Vietnamese names).
 * Screen readers get the title and a summary; everyone can open the same numbers as a table.
 */
export function BarChart({ title, summary, bars, format, max }: { title: string; summary: string; bars: Bar[]; format: (n: number) => string; max?: number }) {
  const id = useId();
  const row = 26;
  const labelW = 260;
  const barW = 380;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const height = bars.length * row + 8;
  return (
    <figure class="dash-chart">
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${labelW + barW + 110} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {bars.map((b, i) => {
          const w = Math.max(0, (b.value / top) * barW);
          const y = i * row + 4;
          return (
            <g key={b.label}>
              <text x={labelW - 6} y={y + row / 2 + 4} text-anchor="end" font-size="13">
                {b.label.length > 36 ? `${b.label.slice(0, 35)}…` : b.label}
              </text>
              <rect x={labelW} y={y + 3} width={w} height={row - 8} fill="#2e7d32" />
              <text x={labelW + w + 6} y={y + row / 2 + 4} font-size="13">
                {format(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartTable title={title} keyLabel="Tên" rows={bars.map((b) => ({ key: b.label, label: b.label, value: b.value }))} format={format} />
    </figure>
  );
}
