import { StatusMessage } from '../../../../components/status-message';
import { formatNumber, formatVnd } from '../../../../lib/format';
import { LineChart } from '../line-chart';
import { useLoad } from '../use-load';
import { scopeQuery, type Scope } from './scope';
import type { Charts } from '../../../../lib/api/province';

/** GET /api/province/charts (collector area). */
export type { Charts };

/** Over time: estimated kg bought per day against the 10 tonnes/day aim, people taking part, money. */
export function DailyKg({ scope }: { scope: Scope }) {
  const { data, error } = useLoad<Charts>(`/api/province/charts?${scopeQuery(scope)}`);
  if (error) return <StatusMessage error={error} />;
  if (!data) return <p>Đang tải…</p>;
  const { byDay: days, dailyKgTarget } = data;
  const reached = days.filter((d) => d.kg >= dailyKgTarget).length;
  let running = 0;
  const cumulative = days.map((d) => ({ date: d.date, value: (running += d.participants) }));
  return (
    <section aria-labelledby="daily-h">
      <h2 id="daily-h">Theo thời gian</h2>
      {days.length === 0 ? (
        <p>Chưa có đơn hàng nào được tính trong đợt (hoặc tháng) đã chọn.</p>
      ) : (
        <>
          <p>
            Trung bình {formatNumber(data.averageKgPerDay)} kg/ngày (những ngày có đơn) so với mục tiêu {formatNumber(dailyKgTarget / 1000)} tấn/ngày; {reached} trong {days.length} ngày đạt mục tiêu. Khối lượng là ước tính từ các mặt hàng có ghi khối lượng.
          </p>
          <LineChart
            title="Ước tính kg nông sản mua theo ngày"
            summary={`${days.length} ngày có đơn, trung bình ${formatNumber(data.averageKgPerDay)} kg mỗi ngày, mục tiêu ${formatNumber(dailyKgTarget)} kg mỗi ngày.`}
            points={days.map((d) => ({ date: d.date, value: d.kg }))}
            format={(n) => `${formatNumber(n, 0)} kg`}
            target={dailyKgTarget}
            targetLabel={`Mục tiêu ${formatNumber(dailyKgTarget / 1000)} tấn/ngày`}
          />
          <LineChart
            title="Số người đã tham gia (cộng dồn)"
            summary={`Đến ngày cuối có ${formatNumber(running)} người tham gia.`}
            points={cumulative}
            format={(n) => formatNumber(n, 0)}
          />
          <LineChart
            title="Số tiền mua nông sản theo ngày"
            summary={`Tổng ${formatVnd(days.reduce((s, d) => s + d.amountVnd, 0))} trong ${days.length} ngày có đơn.`}
            points={days.map((d) => ({ date: d.date, value: d.amountVnd }))}
            format={(n) => formatVnd(n)}
          />
        </>
      )}
    </section>
  );
}
