import { describe, expect, it } from 'vitest';
import { decisionOf } from './decision';

describe('the agency’s decision on a sent order, as the person reads it', () => {
  it('counted: accepted and counted, or counted on review', () => {
    expect(decisionOf({ status: 'accepted', review: null, counted: true })).toEqual({ kind: 'counted', label: 'Cơ quan đã tính', why: null, code: null });
    expect(decisionOf({ status: 'flagged', review: 'counted', counted: true, problem: { code: '409.13', message: 'x' } })).toEqual({ kind: 'counted', label: 'Cơ quan đã tính', why: null, code: null });
  });

  it('excluded: with the agency’s note, whatever the collector’s status says', () => {
    expect(decisionOf({ status: 'rejected', review: 'excluded', reviewNote: ' Đơn mua hộ ', counted: false, problem: { code: '403.10', message: 'Cơ quan không tính đơn này: Đơn mua hộ' } })).toEqual({
      kind: 'excluded',
      label: 'Cơ quan không tính',
      why: 'Ghi chú của cơ quan: Đơn mua hộ',
      code: '403.10',
    });
    expect(decisionOf({ status: 'rejected', review: 'excluded', reviewNote: null }).why).toBe('Cơ quan không ghi lý do.');
  });

  it('held: the collector’s reason with its numbered code; an accepted order not counted is held too', () => {
    expect(decisionOf({ status: 'flagged', review: null, counted: false, problem: { code: '409.13', message: 'Đơn hàng này cũng được người khác khai báo.' } })).toEqual({
      kind: 'held',
      label: 'Cơ quan đang xem xét',
      why: 'Đơn hàng này cũng được người khác khai báo.',
      code: '409.13',
    });
    expect(decisionOf({ status: 'accepted', review: null, counted: false })).toEqual({ kind: 'held', label: 'Cơ quan đang xem xét', why: 'Cơ quan sẽ xem xét trước khi tính.', code: null });
    expect(decisionOf({ status: 'flagged', reason: 'Trùng đơn' }).why).toBe('Trùng đơn');
  });

  it('refused by the collector, and withdrawn', () => {
    expect(decisionOf({ status: 'rejected', problem: { code: '400.11', message: 'Ngoài đợt.' } })).toEqual({ kind: 'refused', label: 'Bị từ chối', why: 'Ngoài đợt.', code: '400.11' });
    expect(decisionOf({ status: 'withdrawn', problem: { code: '409.13', message: 'x' } })).toEqual({ kind: 'withdrawn', label: 'Đã rút lại', why: null, code: '409.13' });
  });
});
