// The reviewed order on the phone: what holds it back, "cần kiểm tra" as in the extension, and what is sent.
import { describe, expect, it } from 'vitest';
import { readPastedText } from '../../../lib/marketplaces/pasted-text';
import { draftCheck, draftFrom, draftProblems, orderFrom } from './draft';

const text = ['Mã đơn hàng: VS2108201234', 'Ngày đặt hàng: 20/08/2021 09:30', 'Na Chi Lăng hộp 2kg', '120.000 đ x 2', 'Tổng thanh toán: 420.000 đ'].join('\n');

describe('the order reviewed on a phone', () => {
  it('is held while its items do not add up, and goes once corrected', () => {
    const draft = draftFrom(readPastedText(text));
    expect(draft.placedAt).toBe('20/08/2021 09:30');
    expect(draftCheck(draft)).toEqual({ reason: 'items-total', itemsTotal: 240000, expected: 420000 });
    const fixed = { ...draft, items: [...draft.items, { name: 'Mật ong rừng 500ml', quantity: '1', unitPrice: '180.000', isFarmProduct: true, excluded: false, shop: null, weightGrams: null }] };
    expect(draftCheck(fixed)).toBeNull();
    // Or confirmed as the marketplace shows it.
    expect(draftCheck({ ...draft, checkAccepted: true })).toBeNull();
  });

  it('names what is missing in the person’s words', () => {
    const draft = draftFrom(readPastedText(text));
    expect(draftProblems(draft)).toEqual(['Chọn sàn đã mua (Voso hoặc Postmart).']);
    const bad = { ...draft, marketplace: 'voso' as const, placedAt: '31/02/2021', total: 'nhiều', items: [{ ...draft.items[0], name: ' ', quantity: '0', unitPrice: '' }] };
    expect(draftProblems(bad)).toEqual([
      'Ngày đặt hàng cần dạng ngày/tháng/năm, ví dụ 28/11/2026.',
      'Sản phẩm 1: cần tên sản phẩm.',
      'Sản phẩm 1: số lượng phải là số nguyên lớn hơn 0.',
      'Sản phẩm 1: cần đơn giá (đồng).',
      'Tổng đơn: cần một số tiền, ví dụ 30.000.',
    ]);
  });

  it('becomes a self-declared order with the person’s corrections', () => {
    const draft = { ...draftFrom(readPastedText(text)), marketplace: 'voso' as const, shippingFee: '30.000' };
    draft.items[0] = { ...draft.items[0], quantity: '3', isFarmProduct: false, excluded: true };
    expect(orderFrom(draft, 'phone-1')).toEqual({
      clientId: 'phone-1',
      marketplace: 'voso',
      orderCode: 'VS2108201234',
      placedAt: '2021-08-20T09:30:00+07:00',
      source: 'manual',
      status: 'placed',
      items: [{ name: 'Na Chi Lăng hộp 2kg', quantity: 3, unitPrice: 120000, lineTotal: 360000, shop: null, productUrl: null, weightGrams: 2000, isFarmProduct: false, excluded: true }],
      shippingFee: 30000,
      discount: null,
      total: 420000,
    });
  });
});
