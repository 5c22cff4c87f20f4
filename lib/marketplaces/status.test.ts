import { describe, expect, it } from 'vitest';
import { orderStatus } from './status';

describe('orderStatus', () => {
  it('reads the marketplaces\' status badges', () => {
    expect(orderStatus('Đã hủy')).toBe('cancelled');
    expect(orderStatus('ĐÃ HUỶ')).toBe('cancelled');
    expect(orderStatus('Đã giao')).toBe('delivered');
    expect(orderStatus('Chờ duyệt')).toBe('placed');
    expect(orderStatus('Đang giao hàng')).toBe('placed');
    expect(orderStatus('Đang lấy hàng')).toBe('placed');
    expect(orderStatus('https://schema.org/OrderCancelled')).toBe('cancelled');
    expect(orderStatus('http://schema.org/OrderDelivered')).toBe('delivered');
  });
  it('does not read a "Hủy đơn" (cancel) button as a cancelled order', () => {
    expect(orderStatus('HỦY ĐƠN')).toBeNull();
    expect(orderStatus('')).toBeNull();
  });
});
