import { describe, expect, it } from 'vitest';
import { Money } from './money';
import { NumberCards } from './number-cards';
import { mount } from './test-dom';

describe('NumberCards', () => {
  it('is one named list, one item per figure: label, figure, then its note', () => {
    const { root } = mount(
      <NumberCards
        label="Số liệu hiện tại của cơ quan"
        cards={[
          { label: 'Người tham gia', value: '2', note: '/ 40 người (5%)' },
          { label: 'Số tiền', value: <Money vnd={690000} /> },
        ]}
      />,
    );
    const list = root.querySelector('ul')!;
    expect(list.getAttribute('aria-label')).toBe('Số liệu hiện tại của cơ quan');
    const items = [...list.querySelectorAll('li')];
    expect(items).toHaveLength(2);
    expect(items.map((li) => li.textContent)).toEqual(['Người tham gia2/ 40 người (5%)', 'Số tiền690.000 ₫']);
    expect(items[0].querySelector('strong')!.textContent).toBe('2');
    expect(items[1].querySelector('.muted')).toBeNull();
  });
});
