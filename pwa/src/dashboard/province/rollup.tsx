import { Money } from '../../../../components/money';
import { StatusMessage } from '../../../../components/status-message';
import { DataTable, type Column } from '../../../../components/data-table';
import { formatDate, formatNumber, formatPercent } from '../../../../lib/format';
import { EmptyState } from '../empty-state';
import { BarChart } from '../bar-chart';
import { ExportButton } from '../export-button';
import { ProvinceReports } from './province-reports';
import { figureNames } from '../../../../lib/vocabulary';
import { TallyCards } from '../tally-cards';
import { useLoad } from '../use-load';
import { scopeQuery, type Scope } from './scope';
import type { NotStarted, ReportState, Rollup, RollupAgency } from '../../../../lib/api/province';

export type { NotStarted, ReportState, Rollup, RollupAgency };

const statusText: Record<ReportState, string> = { submitted: 'Đã nộp', late: 'Nộp muộn', 'not-yet': 'Chưa nộp' };
const statusOf = (a: RollupAgency) => (a.report.overdue ? 'Quá hạn, chưa nộp' : statusText[a.report.state]);

const columns: Column<RollupAgency>[] = [
  { key: 'name', label: 'Cơ quan', value: (a) => a.name },
  {
    key: 'status',
    label: 'Báo cáo',
    value: statusOf,
    render: (a) => (
      <span class={`dash-badge dash-badge--${a.report.overdue ? 'overdue' : a.report.state}`}>
        {statusOf(a)}
        {a.report.version !== null && a.report.submittedAt ? ` (lần ${a.report.version}, ${formatDate(a.report.submittedAt)})` : ''}
      </span>
    ),
  },
  { key: 'headcount', label: figureNames.headcount, kind: 'number', value: (a) => a.tally.headcount },
  { key: 'participants', label: figureNames.participants, kind: 'number', value: (a) => a.tally.participants },
  { key: 'rate', label: 'Tỷ lệ tham gia', kind: 'percent', value: (a) => a.tally.participationRate },
  { key: 'farmItems', label: figureNames.farmItems, kind: 'number', value: (a) => a.tally.farmItems },
  { key: 'quantity', label: 'Số lượng', kind: 'number', value: (a) => a.tally.quantity },
  { key: 'amountVnd', label: figureNames.amountVnd, kind: 'vnd', value: (a) => a.tally.amountVnd },
  { key: 'kg', label: 'Ước tính (kg)', kind: 'number', value: (a) => a.tally.kg },
  { key: 'liveParticipants', label: `${figureNames.participants} (chưa nộp / tạm tính)`, kind: 'number', value: (a) => a.live.participants },
  { key: 'liveAmountVnd', label: `${figureNames.amountVnd} (chưa nộp / tạm tính)`, kind: 'vnd', value: (a) => a.live.amountVnd },
];

/** Every agency: submitted / late / not yet, its numbers and participation rate; the province total; export. */
export function RollupPanel({ scope }: { scope: Scope }) {
  const q = scopeQuery(scope);
  const { data, error } = useLoad<Rollup>(`/api/province/rollup?${q}`);
  const notStarted = useLoad<{ agencies: NotStarted[] }>(`/api/province/not-started?${q}`);
  if (error) return <StatusMessage error={error} />;
  if (!data) return <p>Đang tải…</p>;
  const rows = data.agencies.filter((a) => a.active);
  const byRate = rows.filter((a) => a.tally.participationRate !== null).sort((a, b) => (b.tally.participationRate ?? 0) - (a.tally.participationRate ?? 0));
  const t = data.totals;
  const live = data.liveTotals;
  const submitted = data.basis === 'submitted';
  const entered = rows.filter((a) => a.tally.headcount !== null);
  const enteredSum = entered.reduce((n, a) => n + (a.tally.headcount ?? 0), 0);
  return (
    <section aria-labelledby="rollup-h">
      <h2 id="rollup-h">Tổng hợp {data.scope.label}</h2>
      <p>
        Trong {rows.length} cơ quan: {data.counts.submitted} đã nộp đúng hạn, {data.counts.late} nộp muộn, {data.counts['not-yet']} chưa nộp
        {data.counts.overdue ? ` (${data.counts.overdue} đã quá hạn)` : ''}.
      </p>
      <TallyCards tally={t} label={submitted ? 'Tổng toàn tỉnh theo báo cáo đã nộp' : 'Tổng toàn tỉnh (tạm tính theo tháng)'} base="CB, CC, VC, NLĐ toàn tỉnh" />
      <p class="dash-muted">
        Tỷ lệ toàn tỉnh tính trên {formatNumber(data.provinceHeadcount)} CB, CC, VC, NLĐ toàn tỉnh (kể cả cấp xã), số của tỉnh.{' '}
        {entered.length
          ? `Các cơ quan đã nhập tổng số của mình: ${formatNumber(enteredSum)} người ở ${entered.length} trong ${rows.length} cơ quan; tỷ lệ của từng cơ quan (bảng dưới) tính trên số của cơ quan đó. `
          : `Chưa cơ quan nào nhập tổng số CB, CC, VC, NLĐ của mình, nên chưa có tỷ lệ của từng cơ quan. `}
        {submitted ? (
          <>
            Cơ quan chưa nộp tính 0. Số liệu đang có (chưa nộp / tạm tính): {formatNumber(live.participants)} người, <Money vnd={live.amountVnd} />.
          </>
        ) : (
          'Báo cáo được nộp theo đợt; số liệu theo tháng là tạm tính.'
        )}
      </p>
      <div class="dash-exports">
        <ExportButton path={`/api/province/rollup/export.xlsx?${q}`} label="Tải báo cáo tổng hợp (XLSX)" />
        <ExportButton path={`/api/province/rollup/export.csv?${q}`} label="Tải báo cáo tổng hợp (CSV)" />
      </div>
      {'period' in scope && <ProvinceReports periodId={scope.period} />}
      <DataTable
        caption="Từng cơ quan"
        columns={columns}
        rows={rows}
        rowKey={(a) => a.code}
        searchLabel="Tìm cơ quan (không cần gõ dấu)"
        footer={
          <tr>
            <th scope="row">Toàn tỉnh</th>
            <td />
            <td class="num">{t.headcount === null ? '—' : formatNumber(t.headcount)}</td>
            <td class="num">{formatNumber(t.participants)}</td>
            <td class="num">{t.participationRate === null ? '—' : formatPercent(t.participationRate)}</td>
            <td class="num">{formatNumber(t.farmItems)}</td>
            <td class="num">{formatNumber(t.quantity)}</td>
            <td class="num"><Money vnd={t.amountVnd} /></td>
            <td class="num">{formatNumber(t.kg)}</td>
            <td class="num">{formatNumber(live.participants)}</td>
            <td class="num"><Money vnd={live.amountVnd} /></td>
          </tr>
        }
      />
      <h3>Tỷ lệ tham gia theo cơ quan</h3>
      {byRate.length ? (
        <BarChart
          title={`Tỷ lệ cán bộ tham gia theo cơ quan, ${data.scope.label}`}
          summary={`${byRate.length} cơ quan đã có tổng số CB, CC, VC, NLĐ. Cao nhất: ${byRate[0].name} ${formatPercent(byRate[0].tally.participationRate ?? 0)}.`}
          bars={byRate.map((a) => ({ label: a.name, value: a.tally.participationRate ?? 0 }))}
          format={formatPercent}
          restNoun="cơ quan"
        />
      ) : (
        <EmptyState action={{ href: '/bang-dieu-khien/co-quan', label: 'Nhập tổng số CB, CC, VC, NLĐ của các cơ quan' }}>
          Chưa vẽ được biểu đồ: tỷ lệ tham gia của một cơ quan cần tổng số CB, CC, VC, NLĐ của cơ quan đó, và chưa cơ quan nào có số này.
        </EmptyState>
      )}
      <h3>Cơ quan chưa bắt đầu{notStarted.data ? ` (${notStarted.data.agencies.length})` : ''}</h3>
      <p class="dash-muted">Chưa có ai trong các cơ quan này mua nông sản được tính trong đợt — nơi Sở cần đôn đốc.</p>
      <StatusMessage error={notStarted.error} />
      <ul>
        {notStarted.data?.agencies.map((a) => (
          <li key={a.code}>
            {a.name} — {a.enrolledStaff ? `${formatNumber(a.enrolledStaff)} cán bộ đã đăng ký` : a.codesIssued ? `đã cấp ${formatNumber(a.codesIssued)} mã, chưa ai đăng ký` : 'chưa cấp mã đăng ký nào'}
          </li>
        ))}
      </ul>
    </section>
  );
}
