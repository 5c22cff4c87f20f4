import { formatDate } from '../../../lib/format';
import { vietnamToday, type Period } from '../../../lib/periods';
import { EmptyState } from './empty-state';

/**
 * No campaign period runs today: say so (and when the next one starts, if one is planned), and send the province to
 * create one (an agency waits for Sở TT&TT). The other periods stay in the picker above.
 */
export function NoPeriod({ canCreate, periods }: { canCreate: boolean; periods: Period[] }) {
  const iso = vietnamToday();
  const today = formatDate(iso);
  const next = periods.filter((p) => p.startsOn > iso).sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  const past = (next ? ` Đợt sắp tới: ${next.name}, bắt đầu ngày ${formatDate(next.startsOn)}.` : '') + (periods.length ? ' Các đợt khác vẫn xem được ở ô "Đợt báo cáo".' : '');
  return canCreate ? (
    <EmptyState action={{ href: '/bang-dieu-khien/dot', label: 'Tạo đợt vận động mới' }}>
      Hôm nay ({today}) không có đợt vận động nào đang diễn ra, nên chưa có gì để tổng hợp. Sở tạo đợt mới (tên, ngày bắt đầu, ngày kết thúc, hạn báo cáo) để các cơ quan báo cáo.{past}
    </EmptyState>
  ) : (
    <EmptyState>
      Hôm nay ({today}) không có đợt vận động nào đang diễn ra. Sở Thông tin và Truyền thông sẽ tạo đợt mới; khi đó số liệu và hạn báo cáo của cơ quan hiện ở đây.{past}
    </EmptyState>
  );
}
