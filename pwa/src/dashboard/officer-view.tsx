import { ExportButton } from './export-button';
import { TabletList } from './tablets/tablet-list';

/**
 * A commune officer signed in on the dashboard: the hand-over list with phone and ID numbers (only a signed-in
 * person may download it, never a tablet's own token) and the tablets they enrolled, to revoke a lost one.
 */
export function OfficerView() {
  return (
    <>
      <section aria-labelledby="officer-handover-h">
        <h2 id="officer-handover-h">Danh sách bàn giao cho bưu điện / Viettel Post</h2>
        <p>Các hộ của xã mình chưa đăng sản phẩm, có số điện thoại và số CCCD. Chỉ gửi tệp cho nhân viên mở gian hàng; xóa tệp khi xong.</p>
        <ExportButton path="/api/kiosk/handover.xlsx" label="Tải danh sách (Excel)" />
        <ExportButton path="/api/kiosk/handover.csv" label="Tải danh sách (CSV)" />
      </section>
      <TabletList showOfficer={false} />
    </>
  );
}
