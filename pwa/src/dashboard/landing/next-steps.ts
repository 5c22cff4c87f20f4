/**
 * What an agency focal point (cán bộ đầu mối) should do next, in the order the campaign needs it: the headcount the
 * rate divides by, codes for the staff, orders waiting for review, then the report before its deadline. Pure, so the
 * landing's advice is checked by hand in next-steps.test.ts.
 */
export interface AgencyStanding {
  headcount: number | null;
  codesIssued: number;
  participants: number;
  pendingReview: number;
  /** The newest report sent for the period, if any. */
  reportVersion: number | null;
  /** Days until the report is due (0: today; negative: overdue). */
  daysLeft: number;
}

export interface Step {
  text: string;
  href: string;
  label: string;
}

export function agencyNextSteps(s: AgencyStanding): Step[] {
  const steps: Step[] = [];
  if (s.headcount === null)
    steps.push({ text: 'Nhập tổng số CB, CC, VC, NLĐ của cơ quan: tỷ lệ tham gia của cơ quan được tính trên số này.', href: '/bang-dieu-khien/bao-cao', label: 'Nhập tổng số' });
  if (s.codesIssued === 0) steps.push({ text: 'Cấp mã đăng ký cho cán bộ để họ cài tiện ích hoặc khai báo đơn hàng.', href: '/bang-dieu-khien/ma-dang-ky', label: 'Cấp mã đăng ký' });
  else if (s.participants === 0) steps.push({ text: 'Chưa ai trong cơ quan có đơn nông sản được tính: nhắc cán bộ đã nhận mã mua và khai báo.', href: '/bang-dieu-khien/nguoi-tham-gia', label: 'Xem người tham gia' });
  if (s.pendingReview > 0) steps.push({ text: `Xem xét ${s.pendingReview} đơn đang chờ: đơn chưa xem xét chưa được tính.`, href: '/bang-dieu-khien/can-xem-xet', label: 'Xem đơn cần xem xét' });
  if (s.reportVersion === null) {
    const when = s.daysLeft < 0 ? `đã quá hạn ${-s.daysLeft} ngày` : s.daysLeft === 0 ? 'hạn là hôm nay' : `còn ${s.daysLeft} ngày đến hạn`;
    steps.push({ text: `Gửi báo cáo của cơ quan cho Sở TT&TT (${when}).`, href: '/bang-dieu-khien/bao-cao', label: 'Gửi báo cáo' });
  }
  return steps;
}
