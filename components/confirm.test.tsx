import { describe, expect, it } from 'vitest';
import { Confirm } from './confirm';
import { accessibleName, mount } from './test-dom';

describe('Confirm', () => {
  it('is a group named by its question, focused when it appears, with the answer buttons', () => {
    const answers: string[] = [];
    const { root, document, click } = mount(
      <Confirm question="Xóa hẳn hộ Nháp Thử?" confirmLabel="Xóa" cancelLabel="Không xóa" danger onConfirm={() => answers.push('xóa')} onCancel={() => answers.push('giữ')} />,
    );
    // A fieldset is a group; its legend names it.
    const group = root.querySelector('fieldset')!;
    expect(root.querySelectorAll('fieldset')).toHaveLength(1);
    expect(accessibleName(group)).toBe('Xóa hẳn hộ Nháp Thử?');
    expect(document.activeElement).toBe(group);
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Xóa', 'Không xóa']);
    expect(root.querySelector('button')!.getAttribute('class')).toBe('danger');
    click('Không xóa');
    click('Xóa');
    expect(answers).toEqual(['giữ', 'xóa']);
  });
  it('shows what it will do, and while busy says so and takes no second answer', () => {
    const { root } = mount(
      <Confirm question="Xác nhận gửi báo cáo" confirmLabel="Xác nhận gửi" busyLabel="Đang gửi…" busy cancelLabel="Hủy" onConfirm={() => {}} onCancel={() => {}}>
        <p>Gửi Sở Thông tin và Truyền thông: 2 người tham gia.</p>
      </Confirm>,
    );
    expect(root.querySelector('fieldset')!.textContent).toBe('Xác nhận gửi báo cáoGửi Sở Thông tin và Truyền thông: 2 người tham gia.Đang gửi…Hủy');
    const [confirm, cancel] = [...root.querySelectorAll('button')];
    expect(confirm.hasAttribute('disabled')).toBe(true);
    expect(cancel.hasAttribute('disabled')).toBe(true);
    expect(confirm.getAttribute('class')).toBe('primary');
  });
});
