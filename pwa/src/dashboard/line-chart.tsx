import { useId } from 'preact/hooks';
import { ChartTable } from './chart-table';
import { formatDate } from '../../../lib/format';
import { dateTicks, linear, niceTicks, px, timeScale } from './chart-scale';

export interface Point {
  /** yyyy-mm-dd */
  date: string;
  value: number;
}

const W = 720;
const H = 260;
const pad = { l: 86, r: 16, t: 24, b: 40 };

/**
 * Values over time in plain SVG. Days sit at their real distance (chart-scale.ts), the y axis runs over round
 * numbers from the data's own range (a target line widens it only when `target` is given), each point sits on its
 * value, and the same numbers are offered as a table. `axisLabel` says what the y axis counts ("kg/ngày").
 */
export function LineChart(props: {
  title: string;
  summary: string;
  points: Point[];
  format: (n: number) => string;
  axisLabel: string;
  target?: number;
  targetLabel?: string;
  /** People, orders: ticks in whole numbers. */
  integer?: boolean;
}) {
  const { title, summary, points, format, axisLabel, target, targetLabel, integer } = props;
  const id = useId();
  const values = points.map((p) => p.value).concat(target ?? []);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), { integer });
  const yAt = linear(ticks.lo, ticks.hi, H - pad.b, pad.t);
  const y = (v: number) => px(yAt(v));
  const dates = points.map((p) => p.date).sort();
  const first = dates[0] ?? '';
  const last = dates.at(-1) ?? '';
  const xAt = timeScale(first, last, pad.l + 8, W - pad.r - 8);
  const x = (d: string) => px(xAt(d));
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.date)},${y(p.value)}`).join(' ');
  return (
    <figure class="dash-chart">
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} width="100%">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        <text x={4} y={12} font-size="12" fill="#333">
          {axisLabel}
        </text>
        {ticks.values.map((t) => (
          <g key={t}>
            <line x1={pad.l} x2={W - pad.r} y1={y(t)} y2={y(t)} stroke={t === 0 ? '#555' : '#ddd'} />
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
        {first &&
          dateTicks(first, last).map((d) => (
            <g key={d}>
              <line x1={x(d)} x2={x(d)} y1={H - pad.b} y2={H - pad.b + 5} stroke="#555" />
              <text x={x(d)} y={H - pad.b + 20} text-anchor="middle" font-size="12">
                {formatDate(d).slice(0, 5)}
              </text>
            </g>
          ))}
        <path d={path} fill="none" stroke="#1b5e20" stroke-width="2.5" />
        {points.map((p) => (
          <circle key={p.date} class="dash-point" cx={x(p.date)} cy={y(p.value)} r="4" fill="#1b5e20" data-value={p.value} />
        ))}
      </svg>
      <ChartTable title={title} keyLabel="Ngày" rows={points.map((p) => ({ key: p.date, label: formatDate(p.date), value: p.value }))} format={format} />
    </figure>
  );
}
