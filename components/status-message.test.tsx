import { describe, expect, it } from 'vitest';
import { StatusMessage } from './status-message';
import { mount } from './test-dom';

/** The message line as markup, attribute names in lower case as a browser writes them (linkedom keeps `tabIndex`). */
const markup = (root: HTMLElement) => root.innerHTML.replace(/ tabIndex=/g, ' tabindex=');

describe('StatusMessage', () => {
  it('says a success politely, as a status', () => {
    const { root } = mount(<StatusMessage message={{ text: 'Đã lưu tổng số CB, CC, VC, NLĐ của Sở Tư pháp: 40.', error: false }} />);
    expect(markup(root)).toBe('<p class="ok" role="status" tabindex="-1">Đã lưu tổng số CB, CC, VC, NLĐ của Sở Tư pháp: 40.</p>');
  });
  it('says a failure at once, as an alert', () => {
    const { root } = mount(<StatusMessage message={{ text: 'Chưa tạo được tài khoản: Tên đăng nhập này đã có người dùng. [409.11]', error: true }} />);
    expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Chưa tạo được tài khoản: Tên đăng nhập này đã có người dùng. [409.11]');
    expect(root.querySelector('[role="status"]')).toBeNull();
  });
  it('shows a failed load from its text alone', () => {
    const { root } = mount(<StatusMessage error="Không kết nối được máy chủ." />);
    expect(markup(root)).toBe('<p class="error" role="alert" tabindex="-1">Không kết nối được máy chủ.</p>');
  });
  it('shows a quiet success muted', () => {
    const { root } = mount(<StatusMessage quiet message={{ text: 'Đã hủy tải.', error: false }} />);
    expect(markup(root)).toBe('<p class="muted" role="status" tabindex="-1">Đã hủy tải.</p>');
  });
  it('shows nothing while there is nothing to say', () => {
    const { root, rerender, scrolled } = mount(<StatusMessage message={null} error={null} />);
    expect(root.innerHTML).toBe('');
    rerender(<StatusMessage error="" />);
    expect(root.innerHTML).toBe('');
    expect(scrolled).toHaveLength(0);
  });
  it('brings each new outcome into view, the same words again included, and takes focus the control lost', () => {
    const saved = { text: 'Đã lưu số hộ của Xã Hữu Kiên: 120.' };
    const { root, rerender, scrolled, document } = mount(<StatusMessage message={null} />);
    rerender(<StatusMessage message={saved} />);
    const line = root.querySelector('p')!;
    expect(scrolled).toEqual([line]);
    // Nothing had focus (the button that was clicked went away): the message takes it.
    expect(document.activeElement).toBe(line);
    // The same outcome object rendered again is not news; a new one with the same words is.
    rerender(<StatusMessage message={saved} />);
    expect(scrolled).toHaveLength(1);
    rerender(<StatusMessage message={{ text: 'Đã lưu số hộ của Xã Hữu Kiên: 120.' }} />);
    expect(scrolled).toHaveLength(2);
  });
  it('leaves focus where the person is when the control still holds it', () => {
    const { root, rerender, document } = mount(
      <>
        <input aria-label="Số hộ" />
        <StatusMessage message={null} />
      </>,
    );
    const input = root.querySelector('input')! as HTMLElement;
    input.focus();
    rerender(
      <>
        <input aria-label="Số hộ" />
        <StatusMessage message={{ text: 'Số hộ cần là số nguyên không âm.', error: true }} />
      </>,
    );
    expect(document.activeElement).toBe(input);
  });
});
