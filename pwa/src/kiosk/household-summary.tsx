import type { Device } from './device';
import type { Household } from './household-records';
import { marketplaceHostOf, statusLabels } from '../../../lib/kiosk/household';
import { formatDate } from '../../../lib/format';
import { stateLabel } from './queue-screen';

/** What the household takes home (read aloud or printed), then "Hộ tiếp theo" clears the screen. */
export function HouseholdSummary({ household: h, device, onNext }: { household: Household; device: Device; onNext: () => void }) {
  const commune = device.communes.find((c) => c.code === h.communeCode);
  const payment = { postpay: 'Ví PostPay', viettelmoney: 'Viettel Money', bank: 'Tài khoản ngân hàng' }[h.payment];
  return (
    <section class="summary" aria-labelledby="summary-title">
      <h1 id="summary-title">Phiếu tóm tắt cho hộ {h.headName}</h1>
      <dl>
        <dt>Mã hồ sơ</dt>
        {/* The code the farmer and the post office are told; a tablet enrolled before codes gets it when it sends. */}
        <dd>{h.code ? <span class="record-code">{h.code}</span> : 'Có sau khi gửi được lên máy chủ'}</dd>
        <dt>Địa chỉ</dt>
        <dd>{h.village}, {commune?.name ?? h.communeCode}</dd>
        <dt>Cửa hàng</dt>
        <dd>“{h.shopName}” trên {marketplaceHostOf[h.marketplace]}</dd>
        <dt>Tài khoản thanh toán</dt>
        <dd>{payment}{h.hasPaymentAccount ? ' (hộ đã có)' : ' (sẽ mở)'}</dd>
        <dt>Sản phẩm</dt>
        <dd>{h.products.map((p) => p.name).join(', ')}</dd>
        {(h.vietgap || h.ocopStars) && <><dt>Chứng nhận</dt><dd>{[h.vietgap && `VietGAP ${h.vietgap}`, h.ocopStars && `OCOP ${h.ocopStars} sao`].filter(Boolean).join(', ')}</dd></>}
        <dt>Ngày đăng ký</dt>
        <dd>{formatDate(h.registeredAt || h.updatedAt)} — cán bộ {h.officerName}</dd>
        <dt>Tình trạng</dt>
        <dd class="state">{h.status ? statusLabels[h.status] : stateLabel(h)}</dd>
        {h.shopUrl && <><dt>Địa chỉ cửa hàng</dt><dd><a href={h.shopUrl} target="_blank" rel="noopener">{h.shopUrl}</a></dd></>}
      </dl>
      <p>Nhân viên bưu điện / Viettel Post sẽ mở cửa hàng và gọi cho hộ theo số điện thoại đã đăng ký.</p>
      <div class="row next-row">
        <button type="button" class="big" onClick={onNext}>Hộ tiếp theo</button>
        <button type="button" class="secondary" onClick={() => window.print()}>In phiếu</button>
      </div>
    </section>
  );
}
