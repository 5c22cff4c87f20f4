import { describe, expect, it } from 'vitest';
import { agencyNextSteps } from './next-steps';
import { deadlineText } from './deadline';

const fresh = { headcount: null, codesIssued: 0, participants: 0, pendingReview: 0, reportVersion: null, daysLeft: 12 };

describe('agencyNextSteps', () => {
  it('a new agency: headcount, then codes, then the report with the days left', () => {
    expect(agencyNextSteps(fresh).map((s) => s.label)).toEqual(['Nhập tổng số', 'Cấp mã đăng ký', 'Gửi báo cáo']);
    expect(agencyNextSteps(fresh)[2].text).toBe('Gửi báo cáo của cơ quan cho Sở TT&TT (còn 12 ngày đến hạn).');
  });

  it('codes issued but nobody counted yet: remind the staff; one order waiting: review it', () => {
    const steps = agencyNextSteps({ ...fresh, headcount: 120, codesIssued: 5, pendingReview: 1, daysLeft: 0 });
    expect(steps.map((s) => s.href)).toEqual(['/bang-dieu-khien/nguoi-tham-gia', '/bang-dieu-khien/can-xem-xet', '/bang-dieu-khien/bao-cao']);
    expect(steps[1].text).toBe('Xem xét 1 đơn đang chờ: đơn chưa xem xét chưa được tính.');
    expect(steps[2].text).toBe('Gửi báo cáo của cơ quan cho Sở TT&TT (hạn là hôm nay).');
  });

  it('overdue by three days says so; a sent report with nothing pending leaves nothing to do', () => {
    expect(agencyNextSteps({ ...fresh, headcount: 40, codesIssued: 2, participants: 2, daysLeft: -3 }).map((s) => s.text)).toEqual(['Gửi báo cáo của cơ quan cho Sở TT&TT (đã quá hạn 3 ngày).']);
    expect(agencyNextSteps({ ...fresh, headcount: 40, codesIssued: 2, participants: 2, reportVersion: 1 })).toEqual([]);
  });
});

describe('deadlineText', () => {
  it('counts the days to the report deadline in words', () => {
    expect(deadlineText('2021-10-05', '2021-10-01')).toBe('Hạn báo cáo 05/10/2021: còn 4 ngày');
    expect(deadlineText('2021-10-05', '2021-10-05')).toBe('Hạn báo cáo 05/10/2021: hôm nay là hạn cuối');
    expect(deadlineText('2021-10-05', '2021-10-08')).toBe('Hạn báo cáo 05/10/2021: đã quá hạn 3 ngày');
  });
});
