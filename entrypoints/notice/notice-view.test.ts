import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { noticeView } from './notice-view';
import { accessibleName } from '../../components/test-dom';

const order = { key: 'postmart:10528', orderCode: '10528', farmItems: 2, quantity: 3, amountVnd: 450_000, grams: 1500, incomplete: false };

function show(orders: (typeof order)[], onExclude: (key: string, excluded: boolean) => Promise<unknown>, onClose: () => void) {
  const { document, window } = parseHTML('<!doctype html><html lang="vi"><body></body></html>');
  (globalThis as { document?: unknown }).document = document;
  const root = noticeView({ orders, onExclude, onClose });
  document.body.append(root);
  const buttonNamed = (name: string) => [...root.querySelectorAll('button')].find((b) => accessibleName(b) === name) as HTMLButtonElement | undefined;
  /** A page script's click: isTrusted false. */
  const scriptClick = (name: string) => buttonNamed(name)!.dispatchEvent(new window.Event('click', { bubbles: true }));
  return { root, buttonNamed, scriptClick };
}

describe('the in-page notice', () => {
  it('says what was recorded, in the person\'s words', () => {
    const incomplete = { key: 'voso:x', orderCode: null, farmItems: 0, quantity: 0, amountVnd: 0, grams: 0, incomplete: true };
    const { root } = show([order, incomplete as never], async () => {}, () => {});
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Đã ghi nhận đơn 10528 cho đợt vận động',
      'Đã ghi nhận đơn hàng (chưa đọc được mã đơn) cho đợt vận động',
    ]);
    expect([...root.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      '2 sản phẩm nông sản, số lượng 3, 450.000 ₫, khoảng 1,5 kg.',
      'Không thấy sản phẩm nông sản trong đơn này; bạn có thể sửa trong tiện ích.',
      'Trang không cho biết đủ thông tin: mở tiện ích để điền phần còn thiếu.',
    ]);
    expect(root.getAttribute('role')).toBe('status');
  });

  it('ignores clicks a page script dispatches (isTrusted false): the order stays counted, the notice open', () => {
    const excluded: string[] = [];
    let closed = 0;
    const { root, scriptClick } = show([order], async (key) => void excluded.push(key), () => closed++);
    scriptClick('Không tính đơn này');
    scriptClick('Đóng thông báo');
    expect(excluded).toEqual([]);
    expect(closed).toBe(0);
    expect(root.querySelector('h2')!.textContent).toBe('Đã ghi nhận đơn 10528 cho đợt vận động');
  });
});
