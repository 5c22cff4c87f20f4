import type { ExtensionLinks } from './region';

/**
 * What a printed enrolment slip tells the person holding it, besides the code: where to get the extension (the
 * province's store pages when its region pack names them, else the stores to search by name) and, for a phone, the
 * collector's "Khai báo đơn hàng" page. One text for the dashboard's sheet and the collector's print page.
 * `site` is the collector's address as typed in a browser ("nongsan.langson.gov.vn").
 */
export function enrolmentSlipSteps(links: ExtensionLinks, site: string): string[] {
  return [
    `Máy tính (Chrome, Edge, Cốc Cốc): cài tiện ích “Nông sản số” ${links.chrome ? `tại ${links.chrome}` : 'từ Chrome Web Store (chromewebstore.google.com, tìm “Nông sản số”)'}.`,
    `Firefox (máy tính, điện thoại Android): ${links.firefox ? `cài tại ${links.firefox}` : 'cài từ addons.mozilla.org (tìm “Nông sản số”)'}.`,
    `Mua bằng app trên điện thoại: khai báo đơn tại ${site}/khai-bao.`,
    'Mở tiện ích hoặc trang khai báo, chọn “Đăng ký”, nhập mã này và họ tên của bạn.',
  ];
}
