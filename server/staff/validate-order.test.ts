/** An order's texts as the collector stores them (validate-order.ts): NFC, whitespace collapsed and trimmed. */
import { describe, expect, it } from 'vitest';
import { validateOrder } from './validate-order';
import { sampleOrder } from '../testing/seed';

const withItem = (item: Record<string, unknown>) => {
  const order = sampleOrder();
  return { ...order, items: [{ ...order.items[0], ...item }] };
};
const itemOf = (input: unknown) => {
  const out = validateOrder(input);
  if ('message' in out) throw new Error(`refused: ${out.field} ${out.message}`);
  return out.items[0];
};

describe("an order's texts", () => {
  it('are kept as sent when already tidy', () => {
    expect(itemOf(withItem({ name: 'Hồi khô Lạng Sơn túi 500g', shop: 'HTX Hồi Văn Quan' }))).toMatchObject({ name: 'Hồi khô Lạng Sơn túi 500g', shop: 'HTX Hồi Văn Quan' });
  });

  it('lose spaces at either end, runs of spaces, tabs, line breaks and no-break spaces', () => {
    expect(itemOf(withItem({ name: ' Hồi khô', shop: 'HTX Hồi ' })).name).toBe('Hồi khô');
    expect(itemOf(withItem({ shop: 'HTX Hồi ' })).shop).toBe('HTX Hồi');
    expect(itemOf(withItem({ name: 'Hồi  khô' })).name).toBe('Hồi khô');
    expect(itemOf(withItem({ name: 'Hồi\tkhô\nLạng Sơn' })).name).toBe('Hồi khô Lạng Sơn');
    expect(itemOf(withItem({ name: 'Hồi\u00a0khô \u3000 túi' })).name).toBe('Hồi khô túi');
    expect(itemOf(withItem({ shop: '   ' })).shop).toBeNull();
  });

  it('are stored composed (NFC) whatever the form sent', () => {
    expect(itemOf(withItem({ name: 'Hồi khô'.normalize('NFD') })).name).toBe('Hồi khô'.normalize('NFC'));
  });

  it('refuse a control character that is not whitespace', () => {
    expect(validateOrder(withItem({ name: 'Hồi\u0007khô' }))).toEqual({ field: 'items[0].name', message: 'Tên sản phẩm có ký tự điều khiển không hợp lệ.' });
    expect(validateOrder(withItem({ name: '   ' }))).toEqual({ field: 'items[0].name', message: 'Thiếu tên sản phẩm.' });
  });
});
