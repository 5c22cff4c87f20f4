import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { mount } from '../../../../components/test-dom';
import type { ClaimView } from '../../../../lib/api/agriculture';
import { ClaimCard } from './claim-card';

const household: ClaimView['household'] = {
  id: 'h-1',
  headName: 'Hoàng Văn Thụ',
  village: 'Thôn Bản Cặp',
  communeCode: '06181',
  communeName: 'Xã Nhạc Kỳ',
  districtName: 'Huyện Văn Lãng',
  marketplace: 'voso',
  shopName: 'Na nhà Thụ',
  shopUrl: null,
  products: [{ category: 'trai_cay', name: 'Na Chi Lăng' }],
};
const claim = (o: Partial<ClaimView>): ClaimView => ({
  id: 'c-1',
  kind: 'vietgap',
  number: null,
  issuer: null,
  expiresOn: null,
  stars: null,
  status: 'unverified',
  refusalReason: null,
  decidedAt: null,
  decidedBy: null,
  submitted: null,
  household,
  ...o,
});

/** The field inside the label that starts with `label`. */
const field = (root: HTMLElement, label: string) => [...root.querySelectorAll('label')].find((l) => l.textContent!.trim().startsWith(label))!.querySelector('input, select') as HTMLInputElement;

describe("a claim in Sở NN&PTNT's queue", () => {
  it("shows what the kiosk noted of a VietGAP certificate in its fields, ready to check and still editable", () => {
    const { root, type } = mount(
      <ClaimCard
        claim={claim({ number: 'VietGAP-TT-13-09-20-0096', issuer: 'QUACERT', expiresOn: '2027-06-30', submitted: 'VietGAP-TT-13-09-20-0096, cấp bởi QUACERT, hạn đến 30/06/2027' })}
        onDone={() => undefined}
      />,
    );
    expect(root.textContent).toContain('Hộ khai: „VietGAP-TT-13-09-20-0096, cấp bởi QUACERT, hạn đến 30/06/2027”.');
    expect([field(root, 'Số giấy chứng nhận').value, field(root, 'Tổ chức cấp').value, field(root, 'Hết hạn ngày').value]).toEqual(['VietGAP-TT-13-09-20-0096', 'QUACERT', '30/06/2027']);
    type('Tổ chức cấp', 'Trung tâm Chứng nhận phù hợp (QUACERT)');
    expect(field(root, 'Tổ chức cấp').value).toBe('Trung tâm Chứng nhận phù hợp (QUACERT)');
  });

  it('says a day that does not exist before sending anything', () => {
    const { root, document, type } = mount(<ClaimCard claim={claim({ number: 'VietGAP-TT-13-09-20-0096', issuer: 'QUACERT' })} onDone={() => undefined} />);
    type('Hết hạn ngày', '31/02/2027');
    // "Xác minh" submits the form (linkedom does not turn a click into a submit).
    const submit = document.createEvent('Event');
    submit.initEvent('submit', true, true);
    act(() => void root.querySelector('form')!.dispatchEvent(submit));
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Ngày hết hạn không đúng: ghi một ngày có thật, ngày/tháng/năm, ví dụ 30/06/2027.');
  });

  it('offers the recognised OCOP ranks only: 3, 4 and 5 stars', () => {
    const { root } = mount(<ClaimCard claim={claim({ kind: 'ocop', stars: 4, submitted: '4 sao' })} onDone={() => undefined} />);
    expect([...field(root, 'Số sao OCOP').querySelectorAll('option')].map((o) => o.textContent)).toEqual(['— Chọn —', '3 sao', '4 sao', '5 sao']);
  });
});
