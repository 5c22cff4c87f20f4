import { describe, expect, it } from 'vitest';
import { DateText } from './date-text';
import { Money } from './money';
import { mount } from './test-dom';

describe('Money', () => {
  it('shows đồng with dot thousands and keeps the integer for machines', () => {
    const { root } = mount(<p>Tổng đơn: <Money vnd={1250000} /></p>);
    expect(root.textContent).toBe('Tổng đơn: 1.250.000 ₫');
    expect(root.querySelector('data')!.getAttribute('value')).toBe('1250000');
    // The stylesheets (pwa/src/styles.css, the popup's) keep .money on one line: "₫" never wraps alone.
    expect(root.querySelector('data')!.className).toBe('money');
  });
  it('rounds half đồng away and shows an unknown amount as a dash', () => {
    expect(mount(<Money vnd={690000.4} />).root.textContent).toBe('690.000 ₫');
    const unknown = mount(<Money vnd={null} />).root;
    expect(unknown.textContent).toBe('—');
    expect(unknown.querySelector('data')).toBeNull();
  });
});

describe('DateText', () => {
  it('shows a day as dd/mm/yyyy with the ISO day in datetime', () => {
    const { root } = mount(<DateText iso="2021-09-30" />);
    expect(root.textContent).toBe('30/09/2021');
    expect(root.querySelector('time')!.getAttribute('datetime')).toBe('2021-09-30');
  });
  it('shows an instant on its Vietnam day (UTC+7)', () => {
    expect(mount(<DateText iso="2021-09-30T18:30:00.000Z" />).root.textContent).toBe('01/10/2021');
  });
  it('shows a dash for a missing or unreadable date', () => {
    expect(mount(<DateText iso={null} />).root.textContent).toBe('—');
    expect(mount(<DateText iso="không rõ" />).root.innerHTML).toBe('—');
  });
});
