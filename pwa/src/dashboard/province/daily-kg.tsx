import { StatusMessage } from '../../../../components/status-message';
import { formatNumber, formatVnd } from '../../../../lib/format';
import { LineChart } from '../line-chart';
import { EmptyState } from '../empty-state';
import { useLoad } from '../use-load';
import { MarketplaceVolume } from './marketplace-volume';
import { scopeQuery, type Scope } from './scope';
import type { Charts } from '../../../../lib/api/province';

/** GET /api/province/charts (collector area). */
export type { Charts };

/**
 * Over time: the marketplaces' volume against the 10 tonnes/day aim with the staff purchases as their own-scale part
 * (marketplace-volume.tsx), then people taking part and money, each on its own axis.
 */
export function DailyKg({ scope }: { scope: Scope }) {
  const { data, error } = useLoad<Charts>(`/api/province/charts?${scopeQuery(scope)}`);
  let running = 0;
  const cumulative = (data?.byDay ?? []).map((d) => ({ date: d.date, value: (running += d.participants) }));
  return (
    <>
      <MarketplaceVolume scope={scope} />
      <section aria-labelledby="daily-h">
        <h2 id="daily-h">Cán bộ tham gia và số tiền theo thời gian</h2>
        <StatusMessage error={error} />
        {!data && !error && <p>Đang tải…</p>}
        {data && data.byDay.length === 0 && (
          <EmptyState action={{ href: `/bang-dieu-khien/tong-hop${location.search}`, label: 'Xem cơ quan nào chưa bắt đầu' }}>
            Chưa có đơn nông sản nào của cán bộ được tính trong đợt (hoặc tháng) đã chọn. Các cơ quan cấp mã đăng ký cho cán bộ; đơn được tính hiện ở đây theo ngày đặt.
          </EmptyState>
        )}
        {data && data.byDay.length > 0 && (
          <>
            <LineChart
              title="Số người đã tham gia (cộng dồn)"
              summary={`Đến ngày cuối có ${formatNumber(running)} người tham gia.`}
              points={cumulative}
              format={(n) => formatNumber(n, 0)}
              axisLabel="người"
              integer
            />
            <LineChart
              title="Số tiền mua nông sản theo ngày"
              summary={`Tổng ${formatVnd(data.byDay.reduce((s, d) => s + d.amountVnd, 0))} trong ${data.byDay.length} ngày có đơn.`}
              points={data.byDay.map((d) => ({ date: d.date, value: d.amountVnd }))}
              format={formatVnd}
              axisLabel="đồng/ngày"
            />
          </>
        )}
      </section>
    </>
  );
}
