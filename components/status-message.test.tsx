import { describe, expect, it } from 'vitest';
import { StatusMessage } from './status-message';
import { mount } from './test-dom';

describe('StatusMessage', () => {
  it('says a success politely, as a status', () => {
    const { root } = mount(<StatusMessage message={{ text: 'Đã lưu tổng số CB, CC, VC, NLĐ của Sở Tư pháp: 40.', error: false }} />);
    expect(root.innerHTML).toBe('<p class="ok" role="status">Đã lưu tổng số CB, CC, VC, NLĐ của Sở Tư pháp: 40.</p>');
  });
  it('says a failure at once, as an alert', () => {
    const { root } = mount(<StatusMessage message={{ text: 'Chưa tạo được tài khoản: Tên đăng nhập này đã có người dùng. [409.11]', error: true }} />);
    expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Chưa tạo được tài khoản: Tên đăng nhập này đã có người dùng. [409.11]');
    expect(root.querySelector('[role="status"]')).toBeNull();
  });
  it('shows a failed load from its text alone', () => {
    const { root } = mount(<StatusMessage error="Không kết nối được máy chủ." />);
    expect(root.innerHTML).toBe('<p class="error" role="alert">Không kết nối được máy chủ.</p>');
  });
  it('shows a quiet success muted', () => {
    const { root } = mount(<StatusMessage quiet message={{ text: 'Đã hủy tải.', error: false }} />);
    expect(root.innerHTML).toBe('<p class="muted" role="status">Đã hủy tải.</p>');
  });
  it('shows nothing while there is nothing to say', () => {
    const { root, rerender } = mount(<StatusMessage message={null} error={null} />);
    expect(root.innerHTML).toBe('');
    rerender(<StatusMessage error="" />);
    expect(root.innerHTML).toBe('');
  });
});
