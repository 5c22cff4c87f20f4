import type { Tally } from '../../../../lib/tally';
import { formatDate, formatNumber, formatVnd } from '../../../../lib/format';
import { BarChart } from '../bar-chart';
import { DataTable, type Column } from '../data-table';
import { ExportButton } from '../export-button';
import { TallyCards } from '../tally-cards';
import { useLoad } from '../use-load';
import { scopeQuery, type Scope } from './province-view';

export type ReportStatus = 'submitted' | 'late' | 'missing';

export interface AgencyRollupRow {
  code: string;
  name: string;
  status: ReportStatus;
  report: { version: number; submittedAt: string; late: boolean } | null;
  /** Enrolled staff: zero means the agency has not started. */
  enrolled: number;
  tally: Tally;
}

export interface Rollup {
  scope: { label: string };
  agencies: AgencyRollupRow[];
  total: Tally;
}

const statusText: Record<ReportStatus, string> = { submitted: 'Đã nộp', late: 'Nộp muộn', missing: 'Chưa nộp' };

const columns: Column<AgencyRollupRow>[] = [
  { key: 'name', label: 'Cơ quan', value: (a) => a.name },
  { key: 'status', label: 'Báo cáo', value: (a) => statusText[a.status], render: (a) => <span class={`dash-badge dash-badge--${a.status}`}>{statusText[a.status]}{a.report ? ` (lần ${a.report.version}, ${formatDate(a.report.submittedAt)})` : ''}</span> },
  { key: 'headcount', label: 'Biên chế', kind: 'number', value: (a) => a.tally.headcount },
  { key: 'participants', label: 'Người tham gia', kind: 'number', value: (a) => a.tally.participants },
  { key: 'rate', label: 'Tỉ lệ tham gia', kind: 'percent', value: (a) => a.tally.participationRate },
  { key: 'farmItems', label: 'Mặt hàng', kind: 'number', value: (a) => a.tally.farmItems },
  { key: 'quantity', label: 'Số lượng', kind: 'number', value: (a) => a.tally.quantity },
  { key: 'amountVnd', label: 'Số tiền', kind: 'vnd', value: (a) => a.tally.amountVnd },
  { key: 'kg', label: 'Ước tính (kg)', kind: 'number', value: (a) => a.tally.kg },
];

/** Every agency: submitted / late / not yet, its numbers and participation rate; the province total; export. */
export function Rollup({ scope }: { scope: Scope }) {
  const q = scopeQuery(scope);
  const { data, error } = useLoad<Rollup>(`/api/province/rollup?${q}`);
  if (error) return <p role="alert" class="dash-error">{error}</p>;
  if (!data) return <p>Đang tải…</p>;
  const count = (s: ReportStatus) => data.agencies.filter((a) => a.status === s).length;
  const notStarted = data.agencies.filter((a) => a.tally.participants === 0);
  const byRate = [...data.agencies].filter((a) => a.tally.participationRate !== null).sort((a, b) => (b.tally.participationRate ?? 0) - (a.tally.participationRate ?? 0));
  return (
    <section aria-labelledby="rollup-h">
      <h2 id="rollup-h">Tổng hợp {data.scope.label}</h2>
      <p>
        {count('submitted')} cơ quan đã nộp đúng hạn, {count('late')} nộp muộn, {count('missing')} chưa nộp (trong {data.agencies.length} cơ quan).
      </p>
      <TallyCards tally={data.total} label="Tổng toàn tỉnh" />
      <ExportButton path={`/api/province/export.xlsx?${q}`} label="Tải báo cáo tổng hợp (XLSX)" />
      <ExportButton path={`/api/province/export.csv?${q}`} label="Tải báo cáo tổng hợp (CSV)" />
      <DataTable
        caption="Từng cơ quan"
        columns={columns}
        rows={data.agencies}
        rowKey={(a) => a.code}
        initialSort={{ key: 'name', dir: 'asc' }}
        searchLabel="Tìm cơ quan (không cần gõ dấu)"
        footer={
          <tr>
            <th scope="row">Toàn tỉnh</th>
            <td />
            <td class="num">{data.total.headcount === null ? '—' : formatNumber(data.total.headcount)}</td>
            <td class="num">{formatNumber(data.total.participants)}</td>
            <td class="num">{data.total.participationRate === null ? '—' : `${formatNumber(data.total.participationRate * 100)}%`}</td>
            <td class="num">{formatNumber(data.total.farmItems)}</td>
            <td class="num">{formatNumber(data.total.quantity)}</td>
            <td class="num">{formatVnd(data.total.amountVnd)}</td>
            <td class="num">{formatNumber(data.total.kg)}</td>
          </tr>
        }
      />
      <h3>Tỉ lệ tham gia theo cơ quan</h3>
      <BarChart
        title={`Tỉ lệ cán bộ tham gia theo cơ quan, ${data.scope.label}`}
        summary={byRate.length ? `Cao nhất: ${byRate[0].name} ${formatNumber((byRate[0].tally.participationRate ?? 0) * 100)}%. ${notStarted.length} cơ quan chưa có người tham gia.` : 'Chưa có cơ quan nào có số biên chế.'}
        bars={byRate.map((a) => ({ label: a.name, value: (a.tally.participationRate ?? 0) * 100 }))}
        format={(n) => `${formatNumber(n)}%`}
        max={100}
      />
      <h3>Cơ quan chưa bắt đầu ({notStarted.length})</h3>
      <p class="dash-muted">Chưa có ai trong các cơ quan này mua nông sản được tính trong kỳ — nơi Sở cần đôn đốc.</p>
      <ul>
        {notStarted.map((a) => (
          <li key={a.code}>
            {a.name} {a.enrolled === 0 ? '— chưa có cán bộ nào đăng ký' : `— ${formatNumber(a.enrolled)} cán bộ đã đăng ký`}
          </li>
        ))}
      </ul>
    </section>
  );
}
