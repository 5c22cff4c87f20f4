import { formatDate } from '../../../../lib/format';
import { daysFrom } from '../../../../lib/periods';

/** "Hạn báo cáo 05/10/2021: còn 4 ngày" / "hôm nay" / "đã quá 3 ngày", counted in Vietnam days. */
export function deadlineText(reportDue: string, today: string): string {
  const left = daysFrom(today, reportDue);
  const when = left > 0 ? `còn ${left} ngày` : left === 0 ? 'hôm nay là hạn cuối' : `đã quá hạn ${-left} ngày`;
  return `Hạn báo cáo ${formatDate(reportDue)}: ${when}`;
}
