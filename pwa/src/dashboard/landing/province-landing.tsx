import { Money } from '../../../../components/money';
import { StatusMessage } from '../../../../components/status-message';
import { formatDate, formatNumber, formatPercent } from '../../../../lib/format';
import { vietnamToday, type Period } from '../../../../lib/periods';
import type { Rollup, RollupAgency } from '../../../../lib/api/province';
import { navigate } from '../../app';
import { useLoad } from '../use-load';
import { Standing } from './standing';

/**
 * Sở TT&TT's first screen: where the province stands today in the period (the three figures against 28.385), the
 * report deadline and the days left, and which agencies have not reported (overdue first) or reported late.
 */
export function ProvinceLanding({ period }: { period: Period }) {
  const q = `period=${encodeURIComponent(period.id)}`;
  const { data, error } = useLoad<Rollup>(`/api/province/rollup?${q}`);
  const today = vietnamToday();
  if (error) return <StatusMessage error={error} />;
  if (!data) return <p>Đang tải…</p>;
  const active = data.agencies.filter((a) => a.active);
  const missing = active.filter((a) => a.report.state === 'not-yet');
  const late = active.filter((a) => a.report.state === 'late');
  const live = data.liveTotals;
  const base = data.provinceHeadcount;
  const full = `/bang-dieu-khien/tong-hop?dot=${encodeURIComponent(period.id)}`;
  return (
    <Standing
      period={period}
      today={today}
      status={`Đợt từ ${formatDate(period.startsOn)} đến ${formatDate(period.endsOn)}.`}
      label="Toàn tỉnh đến hôm nay"
      figures={live}
      base={`người tham gia trên ${formatNumber(base)} CB, CC, VC, NLĐ toàn tỉnh: ${formatPercent(base ? live.participants / base : 0)}`}
    >
      <p class="dash-muted">
        Số đang có trên máy chủ, kể cả của cơ quan chưa nộp báo cáo (tạm tính). Theo {data.counts.submitted + data.counts.late} báo cáo đã nộp: {formatNumber(data.totals.participants)} người, {formatNumber(data.totals.farmItems)} mặt hàng, <Money vnd={data.totals.amountVnd} />.
      </p>
      <h3>
        Chưa nộp báo cáo: {missing.length} trong {active.length} cơ quan
      </h3>
      {missing.length ? <AgencyList agencies={missing} /> : <p>Mọi cơ quan đã nộp báo cáo của đợt này.</p>}
      {late.length > 0 && (
        <>
          <h3>Nộp muộn: {late.length} cơ quan</h3>
          <AgencyList agencies={late} />
        </>
      )}
      <p>
        <a class="dash-action" href={full} onClick={(e) => navigate(e, full)}>
          Xem bảng tổng hợp từng cơ quan
        </a>
      </p>
    </Standing>
  );
}

/** Agency names, overdue ones marked; several columns so 42 names fit a 1366×768 screen. */
function AgencyList({ agencies }: { agencies: RollupAgency[] }) {
  return (
    <ul class="dash-agency-list">
      {agencies.map((a) => (
        <li key={a.code}>
          {a.name}{' '}
          {a.report.overdue && <span class="dash-badge dash-badge--overdue">quá hạn</span>}
          {a.report.state === 'late' && a.report.submittedAt && <span class="dash-muted">(nộp {formatDate(a.report.submittedAt)})</span>}
        </li>
      ))}
    </ul>
  );
}
