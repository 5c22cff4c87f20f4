import { useId } from 'preact/hooks';
import { ChartTable } from './chart-table';
import { formatDate } from '../../../lib/format';

export interface Point {
  /** yyyy-mm-dd */
  date: string;
  value: number;
}

/**
 * A day-by-day line in plain SVG with an optional target line (e.g. 10 tonnes a day), accessible title and
 * description, and the same numbers as a table.
 */
export function LineChart({ title, summary, points, format, target, targetLabel }: { title: string; summary: string; points: Point[]; format: (n: number) => string; target?: number; targetLabel?: string }) {
  const id = useId();
  const W = 720;
  const H = 260;
  const pad = { l: 70, r: 16, t: 16, b: 40 };
  const top = Math.max(target ?? 0, ...points.map((p) => p.value), 1) * 1.1;
  const x = (i: number) => pad.l + (points.length <= 1 ? 0 : (i / (points.length - 1)) * (W - pad.l - pad.r));
  const y = (v: number) => H - pad.b - (v / top) * (H - pad.t - pad.b);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const ticks = [0, 0.5, 1].map((f) => f * top);
  const every = Math.max(1, Math.ceil(points.length / 6));
  return (
    <figure class="dash-chart">
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} width="100%">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.l} x2={W - pad.r} y1={y(t)} y2={y(t)} stroke="#ddd" />
            <text x={pad.l - 6} y={y(t) + 4} text-anchor="end" font-size="12">
              {format(t)}
            </text>
          </g>
        ))}
        {target !== undefined && (
          <g>
            <line x1={pad.l} x2={W - pad.r} y1={y(target)} y2={y(target)} stroke="#b71c1c" stroke-dasharray="6 4" stroke-width="2" />
            <text x={W - pad.r} y={y(target) - 6} text-anchor="end" font-size="12" fill="#b71c1c">
              {targetLabel}
            </text>
          </g>
        )}
        <path d={path} fill="none" stroke="#1b5e20" stroke-width="2.5" />
        {points.map((p, i) => (
          <circle key={p.date} cx={x(i)} cy={y(p.value)} r="3" fill="#1b5e20" />
        ))}
        {points.map((p, i) =>
          i % every === 0 ? (
            <text key={`l${p.date}`} x={x(i)} y={H - pad.b + 18} text-anchor="middle" font-size="12">
              {formatDate(p.date).slice(0, 5)}
            </text>
          ) : null,
        )}
      </svg>
      <ChartTable title={title} keyLabel="Ngày" rows={points.map((p) => ({ key: p.date, label: formatDate(p.date), value: p.value }))} format={format} />
    </figure>
  );
}
