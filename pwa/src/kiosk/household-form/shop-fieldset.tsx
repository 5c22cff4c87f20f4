import { marketplaceHostOf } from '../../../../lib/kiosk/household';
import { TextField, type FieldsetProps } from './fields';

const payments = [['postpay', 'Ví PostPay (Bưu điện)'], ['viettelmoney', 'Viettel Money'], ['bank', 'Tài khoản ngân hàng']] as const;

/** Cửa hàng số và tài khoản thanh toán: which marketplace, the shop's name, which payment account. */
export function ShopFieldset(props: FieldsetProps) {
  const { h, update } = props;
  return (
    <fieldset>
      <legend>Cửa hàng số và tài khoản thanh toán</legend>
      <div class="choices" role="radiogroup" aria-label="Sàn thương mại điện tử">
        {(['postmart', 'voso'] as const).map((m) => (
          <label key={m} class="choice">
            {/* Choosing a marketplace proposes its own e-wallet (voso: Viettel Money, postmart: PostPay); the officer can change it. */}
            <input type="radio" name="marketplace" checked={h.marketplace === m} onChange={() => update({ marketplace: m, payment: m === 'voso' ? 'viettelmoney' : 'postpay' })} />
            {marketplaceHostOf[m]}
          </label>
        ))}
      </div>
      <TextField {...props} field="shopName" label="Tên cửa hàng muốn mở" />
      <div class="choices" role="radiogroup" aria-label="Tài khoản thanh toán điện tử">
        {payments.map(([v, label]) => (
          <label key={v} class="choice">
            <input type="radio" name="payment" checked={h.payment === v} onChange={() => update({ payment: v })} />
            {label}
          </label>
        ))}
      </div>
      <label class="choice">
        <input type="checkbox" checked={h.hasPaymentAccount} onChange={(e) => update({ hasPaymentAccount: e.currentTarget.checked })} />
        Hộ đã có tài khoản này
      </label>
    </fieldset>
  );
}
