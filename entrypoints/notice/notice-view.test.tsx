import { describe, expect, it } from 'vitest';
import { NoticeView } from './notice-view';
import { mount } from '../../components/test-dom';

const order = { key: 'postmart:10528', orderCode: '10528', farmItems: 2, quantity: 3, amountVnd: 450_000, grams: 1500, incomplete: false };

describe('the in-page notice', () => {
  it('ignores clicks a page script dispatches (isTrusted false): the order stays counted, the notice open', () => {
    const excluded: string[] = [];
    let closed = 0;
    const { root, click } = mount(<NoticeView orders={[order]} onExclude={async (key) => void excluded.push(key)} onClose={() => closed++} />);
    click('Không tính đơn này');
    click('Đóng thông báo');
    expect(excluded).toEqual([]);
    expect(closed).toBe(0);
    expect(root.querySelector('h2')!.textContent).toBe('Đã ghi nhận đơn 10528 cho đợt vận động');
  });
});
