import { formatNumber, formatVnd } from '../../../../lib/format';
import { LineChart } from '../line-chart';
import { useLoad } from '../use-load';
import { scopeQuery, type Scope } from './province-view';

export interface DayFigures {
  date: string;
  kg: number;
  amountVnd: number;
  orders: number;
}

/** Estimated kg bought per day across the province against the 10 tonnes/day aim, and money over time. */
export function DailyKg({ scope }: { scope: Scope }) {
  const { data, error } = useLoad<{ days: DayFigures[]; dailyKgTarget: number }>(`/api/province/daily?${scopeQuery(scope)}`);
  if (error) return <p role="alert" class="dash-error">{error}</p>;
  if (!data) return <p>Đang tải…</p>;
  const { days, dailyKgTarget } = data;
  const avg = days.length ? days.reduce((s, d) => s + d.kg, 0) / days.length : 0;
  const reached = days.filter((d) => d.kg >= dailyKgTarget).length;
  return (
    <section aria-labelledby="daily-h">
      <h2 id="daily-h">Khối lượng nông sản mua mỗi ngày</h2>
      <p>
        Trung bình {formatNumber(avg)} kg/ngày so với mục tiêu {formatNumber(dailyKgTarget / 1000)} tấn/ngày; {reached} trong {days.length} ngày đạt mục tiêu. Khối lượng là ước tính từ các mặt hàng có ghi khối lượng.
      </p>
      <LineChart
        title="Ước tính kg nông sản mua theo ngày"
        summary={`${days.length} ngày, trung bình ${formatNumber(avg)} kg mỗi ngày, mục tiêu ${formatNumber(dailyKgTarget)} kg.`}
        points={days.map((d) => ({ date: d.date, value: d.kg }))}
        format={(n) => `${formatNumber(n, 0)} kg`}
        target={dailyKgTarget}
        targetLabel={`Mục tiêu ${formatNumber(dailyKgTarget / 1000)} tấn/ngày`}
      />
      <LineChart
        title="Số tiền mua nông sản theo ngày"
        summary={`Tổng ${formatVnd(days.reduce((s, d) => s + d.amountVnd, 0))} trong ${days.length} ngày.`}
        points={days.map((d) => ({ date: d.date, value: d.amountVnd }))}
        format={(n) => formatVnd(n)}
      />
    </section>
  );
}
