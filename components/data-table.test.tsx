import { describe, expect, it } from 'vitest';
import { DataTable, type Column } from './data-table';
import { accessibleName, mount } from './test-dom';

interface Agency {
  code: string;
  name: string;
  amountVnd: number | null;
  reportedOn: string | null;
}
const rows: Agency[] = [
  { code: 'STP', name: 'Sở Tư pháp', amountVnd: 690000, reportedOn: '2021-09-30' },
  { code: 'SNV', name: 'Sở Nội vụ', amountVnd: null, reportedOn: null },
  { code: 'SYT', name: 'Sở Y tế', amountVnd: 1250000, reportedOn: '2021-10-01' },
];
const columns: Column<Agency>[] = [
  { key: 'name', label: 'Cơ quan', value: (a) => a.name },
  { key: 'amountVnd', label: 'Số tiền', kind: 'vnd', value: (a) => a.amountVnd },
  { key: 'reportedOn', label: 'Ngày báo cáo', kind: 'date', value: (a) => a.reportedOn },
];
const cells = (root: HTMLElement) => [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

describe('DataTable', () => {
  it('shows every row with money in đồng, days as dd/mm/yyyy and a dash for what is missing', () => {
    const { root } = mount(<DataTable caption="Báo cáo các cơ quan" columns={columns} rows={rows} rowKey={(a) => a.code} />);
    expect(root.querySelector('caption')!.textContent).toBe('Báo cáo các cơ quan');
    expect(accessibleName(root.querySelector('[role="region"]')!)).toBe('Báo cáo các cơ quan');
    expect(root.querySelector('[aria-live="polite"]')!.textContent).toBe('3 dòng');
    expect(cells(root)).toEqual([
      ['Sở Tư pháp', '690.000 ₫', '30/09/2021'],
      ['Sở Nội vụ', '—', '—'],
      ['Sở Y tế', '1.250.000 ₫', '01/10/2021'],
    ]);
    // Numbers right-aligned: only the money column carries "num".
    expect([...root.querySelectorAll('td')].map((td) => td.classList.contains('num'))).toEqual([false, true, false, false, true, false, false, true, false]);
  });

  it('sorts by a header button, says the direction in aria-sort, keeps the empty amount last', () => {
    const { root, click } = mount(<DataTable caption="Báo cáo các cơ quan" columns={columns} rows={rows} rowKey={(a) => a.code} />);
    const header = () => [...root.querySelectorAll('th')][1];
    expect(header().hasAttribute('aria-sort')).toBe(false);
    click('Số tiền ↕');
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    expect(cells(root).map((r) => r[0])).toEqual(['Sở Tư pháp', 'Sở Y tế', 'Sở Nội vụ']);
    click('Số tiền ▲');
    expect(header().getAttribute('aria-sort')).toBe('descending');
    expect(cells(root).map((r) => r[0])).toEqual(['Sở Y tế', 'Sở Tư pháp', 'Sở Nội vụ']);
  });

  it('filters on text columns without diacritics and says how many rows match', () => {
    const { root, type } = mount(<DataTable caption="Báo cáo các cơ quan" columns={columns} rows={rows} rowKey={(a) => a.code} searchLabel="Tìm cơ quan (không cần gõ dấu)" />);
    type('Tìm cơ quan (không cần gõ dấu)', 'so tu phap');
    expect(cells(root)).toEqual([['Sở Tư pháp', '690.000 ₫', '30/09/2021']]);
    expect(root.querySelector('[aria-live="polite"]')!.textContent).toBe('1 / 3 dòng khớp');
    type('Tìm cơ quan (không cần gõ dấu)', 'bộ công an');
    expect(cells(root)).toEqual([['Không có dòng nào khớp.']]);
  });

  it('says when there is nothing yet, in the words given', () => {
    const { root } = mount(<DataTable caption="Các mã đã cấp" columns={columns} rows={[]} rowKey={(a) => a.code} empty="Chưa cấp mã nào." />);
    expect(cells(root)).toEqual([['Chưa cấp mã nào.']]);
  });

  it('shows a long list a page at a time, says where the reader is, and searches every page', () => {
    const people = Array.from({ length: 120 }, (_, i) => ({ code: `p${i}`, name: i % 3 === 0 ? `Nguyễn Văn Người ${i + 1}` : `Hoàng Thị Người ${i + 1}`, amountVnd: i * 1000, reportedOn: null }));
    const { root, click, type, scrolled } = mount(<DataTable caption="Cán bộ" columns={columns} rows={people} rowKey={(a) => a.code} pageSize={50} searchLabel="Tìm theo tên" />);
    const pager = () => root.querySelector('nav.table-pages span')!.textContent;
    expect(root.querySelectorAll('tbody tr')).toHaveLength(50);
    expect(root.querySelector('[aria-live="polite"]')!.textContent).toBe('120 dòng');
    expect(pager()).toBe('Trang 1 / 3 (dòng 1–50)');
    expect(cells(root)[0][0]).toBe('Nguyễn Văn Người 1');
    expect(root.querySelector('nav.table-pages button')!.hasAttribute('disabled')).toBe(true);
    click('Trang sau');
    expect(pager()).toBe('Trang 2 / 3 (dòng 51–100)');
    expect(cells(root)[0][0]).toBe('Hoàng Thị Người 51');
    // The new page is shown from its first row.
    expect(scrolled).toEqual([root.querySelector('[role="region"]')]);
    click('Trang sau');
    expect(pager()).toBe('Trang 3 / 3 (dòng 101–120)');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(20);
    // A search covers every page and starts again from the first: 40 Nguyễn Văn rows, on one page of 40.
    type('Tìm theo tên', 'nguyen van');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(40);
    expect(cells(root).every((r) => r[0]!.startsWith('Nguyễn Văn Người'))).toBe(true);
    expect(root.querySelector('[aria-live="polite"]')!.textContent).toBe('40 / 120 dòng khớp');
    expect(root.querySelector('nav.table-pages')).toBeNull();
    // Sorting starts from the first page too, and sorts every row, not only the page shown.
    type('Tìm theo tên', '');
    click('Trang sau');
    click('Số tiền ↕');
    click('Số tiền ▲');
    expect(pager()).toBe('Trang 1 / 3 (dòng 1–50)');
    expect(cells(root)[0]).toEqual(['Hoàng Thị Người 120', '119.000 ₫', '—']);
  });
});
