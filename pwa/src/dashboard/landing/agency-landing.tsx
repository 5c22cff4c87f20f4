import { StatusMessage } from '../../../../components/status-message';
import { formatDate, formatNumber, formatPercent } from '../../../../lib/format';
import { daysFrom, vietnamToday, type Period } from '../../../../lib/periods';
import type { Tally } from '../../../../lib/tally';
import type { ReportSummary } from '../../../../lib/api/agency';
import { navigate } from '../../app';
import { useLoad } from '../use-load';
import { Standing } from './standing';
import { agencyNextSteps } from './next-steps';

/**
 * The agency focal point's first screen: the agency's three figures against its own headcount, the period's report
 * deadline and days left, whether the report has gone, and what to do next (next-steps.ts).
 */
export function AgencyLanding({ period }: { period: Period }) {
  const q = `period=${encodeURIComponent(period.id)}`;
  const live = useLoad<{ tally: Tally; report: ReportSummary | null }>(`/api/agency/tally?${q}`);
  const codes = useLoad<{ codes: unknown[] }>('/api/agency/enrolment-codes');
  const pending = useLoad<{ orders: unknown[] }>(`/api/agency/review?kind=pending&${q}`);
  const today = vietnamToday();
  const error = live.error ?? codes.error ?? pending.error;
  if (error) return <StatusMessage error={error} />;
  if (!live.data || !codes.data || !pending.data) return <p>Đang tải…</p>;
  const { tally, report } = live.data;
  const steps = agencyNextSteps({
    headcount: tally.headcount,
    codesIssued: codes.data.codes.length,
    participants: tally.participants,
    pendingReview: pending.data.orders.length,
    reportVersion: report?.version ?? null,
    daysLeft: daysFrom(today, period.reportDue),
  });
  return (
    <Standing
      period={period}
      today={today}
      status={report ? `Đã gửi báo cáo lần ${report.version} ngày ${formatDate(report.submittedAt)}${report.late ? ' (nộp muộn)' : ''}.` : 'Cơ quan chưa gửi báo cáo của đợt này.'}
      label="Cơ quan đến hôm nay"
      figures={tally}
      base={tally.headcount === null ? 'chưa có tổng số CB, CC, VC, NLĐ của cơ quan để tính tỷ lệ' : `người tham gia trên ${formatNumber(tally.headcount)} CB, CC, VC, NLĐ của cơ quan: ${formatPercent(tally.participationRate ?? 0)}`}
    >
      <h3>Việc cần làm tiếp</h3>
      {steps.length ? (
        <ol class="dash-steps">
          {steps.map((s) => (
            <li key={s.label}>
              {s.text}{' '}
              <a href={s.href} onClick={(e) => navigate(e, s.href)}>
                {s.label}
              </a>
            </li>
          ))}
        </ol>
      ) : (
        <p>Không còn việc gì cho đợt này: báo cáo đã gửi và không có đơn nào chờ xem xét.</p>
      )}
    </Standing>
  );
}
