import { describe, expect, it } from 'vitest';
import { mount } from '../../../../components/test-dom';
import type { LeadingAccountView } from '../../../../lib/api/province';
import { SpreadTable } from './leading-accounts';

const account = (o: Partial<LeadingAccountView>): LeadingAccountView => ({
  id: 'la-00000001',
  name: 'Hoàng Thị Nhung',
  communeCode: '06181',
  communeName: 'Xã Nhạc Kỳ',
  districtName: 'Huyện Văn Lãng',
  shopUrl: 'https://langson.voso.vn/shop/na-nha-nhung',
  reason: 'Bán na trên Voso từ 2020.',
  nominatedAt: '2021-08-02T03:00:00.000Z',
  retiredAt: null,
  households: 2,
  withShop: 1,
  productsListed: 2,
  ...o,
});

const cells = (root: HTMLElement) => [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

describe('the spread of each leading account', () => {
  it('shows who, where, the shop, households brought in, of those with a shop, products listed, and whether retired', () => {
    const retired: string[] = [];
    const { root, click } = mount(
      <SpreadTable
        accounts={[
          account({}),
          account({ id: 'la-00000002', name: 'Lộc Văn Sơn', communeName: 'Xã Hữu Kiên', districtName: 'Huyện Chi Lăng', shopUrl: 'https://langson.postmart.vn/shop/hoi-son', reason: 'Hồi khô.', retiredAt: '2021-10-05T01:00:00.000Z', households: 12, withShop: 9, productsListed: 31 }),
        ]}
        onRetire={(a) => retired.push(a.id)}
      />,
    );
    expect(root.querySelector('caption')!.textContent).toBe('Sức lan tỏa của từng tài khoản đầu tàu');
    expect([...root.querySelectorAll('thead th')].map((th) => th.textContent!.replace(/[▲▼↕]/g, '').trim())).toEqual([
      'Tài khoản đầu tàu', 'Xã', 'Cửa hàng', 'Hộ đã hướng dẫn', 'Trong đó đã có cửa hàng', 'Sản phẩm đã đăng bán', 'Lý do chọn', 'Trạng thái',
    ]);
    expect(cells(root)).toEqual([
      ['Hoàng Thị Nhung', 'Xã Nhạc Kỳ (Huyện Văn Lãng)', 'langson.voso.vn/shop/na-nha-nhung', '2', '1', '2', 'Bán na trên Voso từ 2020.', 'Cho thôi'],
      ['Lộc Văn Sơn', 'Xã Hữu Kiên (Huyện Chi Lăng)', 'langson.postmart.vn/shop/hoi-son', '12', '9', '31', 'Hồi khô.', 'Đã thôi từ 05/10/2021'],
    ]);
    expect(root.querySelector('tbody a')!.getAttribute('href')).toBe('https://langson.voso.vn/shop/na-nha-nhung');
    click('Cho Hoàng Thị Nhung thôi làm đầu tàu');
    expect(retired).toEqual(['la-00000001']);
  });

  it('says when the province has picked no one yet', () => {
    const { root } = mount(<SpreadTable accounts={[]} />);
    expect(cells(root)).toEqual([['Sở chưa chọn tài khoản đầu tàu nào.']]);
  });
});
