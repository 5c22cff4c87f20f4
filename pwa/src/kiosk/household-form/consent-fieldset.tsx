import { lazy, Suspense } from 'preact/compat';
import { marketplaceHostOf } from '../../../../lib/kiosk/household';
import { describedBy, FieldError, type FieldsetProps } from './fields';
import { useObjectUrl } from './photos';

// The signature pad (canvas drawing) loads only when the form is opened.
const SignaturePad = lazy(() => import('../signature-pad'));

/** Sự đồng ý của hộ: the consent the head gives, and their signature. */
export function ConsentFieldset({ h, update, problems, session, signatureId, onSignature }: FieldsetProps & { signatureId: string | null; onSignature: (png: Blob | null) => void }) {
  const signatureUrl = useObjectUrl(session.keys, signatureId);
  return (
    <fieldset>
      <legend>Sự đồng ý của hộ</legend>
      <label class="choice" for="consent">
        <input id="consent" type="checkbox" checked={h.consent} aria-describedby={describedBy(problems, 'consent')} onChange={(e) => update({ consent: e.currentTarget.checked })} />
        Hộ đồng ý cung cấp thông tin trên để mở cửa hàng trên {marketplaceHostOf[h.marketplace]} và tài khoản thanh toán điện tử.
      </label>
      <FieldError problems={problems} field="consent" />
      <p id="signature">Chữ ký của chủ hộ</p>
      <FieldError problems={problems} field="signature" />
      <Suspense fallback={<p>Đang mở ô ký…</p>}>
        <SignaturePad onChange={onSignature} existing={signatureUrl} />
      </Suspense>
      <p id="signature-state" class="hint" role="status">{signatureId ? 'Đã lưu chữ ký.' : 'Chưa có chữ ký.'}</p>
    </fieldset>
  );
}
