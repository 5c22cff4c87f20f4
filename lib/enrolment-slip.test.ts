import { describe, expect, it } from 'vitest';
import { enrolmentSlipSteps } from './enrolment-slip';

describe('enrolmentSlipSteps', () => {
  it('prints the store pages the province published, and the phone page of its collector', () => {
    expect(enrolmentSlipSteps({ chrome: 'https://chromewebstore.google.com/detail/nong-san-so/abc', firefox: 'https://addons.mozilla.org/vi/firefox/addon/nong-san-so/' }, 'nongsan.langson.gov.vn')).toEqual([
      'Máy tính (Chrome, Edge, Cốc Cốc): cài tiện ích “Nông sản số” tại https://chromewebstore.google.com/detail/nong-san-so/abc.',
      'Firefox (máy tính, điện thoại Android): cài tại https://addons.mozilla.org/vi/firefox/addon/nong-san-so/.',
      'Mua bằng app trên điện thoại: khai báo đơn tại nongsan.langson.gov.vn/khai-bao.',
      'Mở tiện ích hoặc trang khai báo, chọn “Đăng ký”, nhập mã này và họ tên của bạn.',
    ]);
  });
  it('names the stores to search when the province gave no links', () => {
    expect(enrolmentSlipSteps({}, 'localhost:8080').slice(0, 3)).toEqual([
      'Máy tính (Chrome, Edge, Cốc Cốc): cài tiện ích “Nông sản số” từ Chrome Web Store (chromewebstore.google.com, tìm “Nông sản số”).',
      'Firefox (máy tính, điện thoại Android): cài từ addons.mozilla.org (tìm “Nông sản số”).',
      'Mua bằng app trên điện thoại: khai báo đơn tại localhost:8080/khai-bao.',
    ]);
  });
});
