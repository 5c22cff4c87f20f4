import { formatDate } from '../../../lib/format';
import { vietnamToday } from '../../../lib/periods';
import { EmptyState } from './empty-state';

/**
 * No campaign period runs today: say so, and send the province to create one (an agency waits for Sở TT&TT).
 * Past periods stay in the picker above.
 */
export function NoPeriod({ canCreate, hasPast }: { canCreate: boolean; hasPast: boolean }) {
  const today = formatDate(vietnamToday());
  const past = hasPast ? ' Các đợt đã qua vẫn xem được ở ô "Đợt báo cáo".' : '';
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
