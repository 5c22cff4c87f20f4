import { useState } from 'preact/hooks';
import { checkVietgap } from '../../../../lib/vietgap';
import { householdLimits } from '../../../../lib/kiosk/household';
import { certificateLimits, certificateProblems, expiryForInput, expiryFromInput } from '../../../../lib/kiosk/certificate-details';
import { ocopStarChoices } from '../../../../lib/quality/claims';
import { vietnamToday } from '../../../../lib/periods';
import { describedBy, FieldError, problemsOf, type FieldsetProps } from './fields';

/**
 * Chứng nhận và truy xuất nguồn gốc: the VietGAP certificate (number, and as printed on it, optionally, the issuing
 * body and the expiry), OCOP stars, traceability (the officer's description and the code as printed), notes.
 */
export function CertificationFieldset({ h, update, problems }: FieldsetProps) {
  const vietgap = checkVietgap(h.vietgap ?? '');
  // The expiry as typed: a day is stored as yyyy-mm-dd, anything else as typed (refused when queuing, never lost).
  const [expiry, setExpiry] = useState(() => expiryForInput(h.vietgapExpiresOn));
  // An expired certificate is said at once, not only when queuing: the officer is still holding the paper.
  const shown = problems ?? certificateProblems(h, vietnamToday()).filter((p) => p.warning);
  const invalid = (field: string) => problemsOf(problems, field).some((p) => !p.warning);
  return (
    <fieldset>
      <legend>Chứng nhận và truy xuất nguồn gốc</legend>
      <div class="field">
        <label for="vietgap">Số chứng nhận VietGAP (nếu có)</label>
        <input id="vietgap" maxLength={householdLimits.vietgap} value={h.vietgap ?? ''} aria-invalid={invalid('vietgap')} aria-describedby={['vietgap-hint', describedBy(problems, 'vietgap')].filter(Boolean).join(' ')} onInput={(e) => update({ vietgap: e.currentTarget.value || null })} placeholder="VietGAP-TT-xx-xx-20-xxxx" />
        <p id="vietgap-hint" class={vietgap?.warning ? 'warning' : 'hint'}>{vietgap?.warning ?? ''}</p>
        <FieldError problems={problems} field="vietgap" />
      </div>
      <div class="field">
        <label for="vietgapIssuer">Tổ chức cấp giấy chứng nhận VietGAP (nếu có)</label>
        <input id="vietgapIssuer" maxLength={certificateLimits.vietgapIssuer} value={h.vietgapIssuer ?? ''} aria-invalid={invalid('vietgapIssuer')} aria-describedby={describedBy(problems, 'vietgapIssuer')} onInput={(e) => update({ vietgapIssuer: e.currentTarget.value || null })} />
        <FieldError problems={problems} field="vietgapIssuer" />
      </div>
      <div class="field">
        <label for="vietgapExpiresOn">Giấy chứng nhận VietGAP có hạn đến ngày (ngày/tháng/năm, nếu có)</label>
        <input
          id="vietgapExpiresOn"
          value={expiry}
          placeholder="30/06/2027"
          autoComplete="off"
          aria-invalid={invalid('vietgapExpiresOn')}
          aria-describedby={describedBy(shown, 'vietgapExpiresOn')}
          onInput={(e) => {
            setExpiry(e.currentTarget.value);
            update({ vietgapExpiresOn: expiryFromInput(e.currentTarget.value) });
          }}
        />
        <FieldError problems={shown} field="vietgapExpiresOn" />
      </div>
      <div class="field">
        <label for="ocopStars">Sản phẩm OCOP</label>
        <select id="ocopStars" value={String(h.ocopStars ?? '')} aria-invalid={invalid('ocopStars')} aria-describedby={describedBy(problems, 'ocopStars')} onChange={(e) => update({ ocopStars: e.currentTarget.value ? Number(e.currentTarget.value) : null })}>
          <option value="">Không có</option>
          {ocopStarChoices.map((n) => (
            <option key={n} value={String(n)}>
              OCOP {n} sao
            </option>
          ))}
        </select>
        <FieldError problems={problems} field="ocopStars" />
      </div>
      <div class="field">
        <label for="traceability">Truy xuất nguồn gốc (tem QR, mã vùng trồng…)</label>
        <input id="traceability" maxLength={householdLimits.traceability} value={h.traceability ?? ''} onInput={(e) => update({ traceability: e.currentTarget.value || null })} />
      </div>
      <div class="field">
        <label for="traceabilityCode">Mã truy xuất nguồn gốc, ghi đúng như trên giấy chứng nhận hoặc tem (nếu có)</label>
        <input id="traceabilityCode" maxLength={certificateLimits.traceabilityCode} value={h.traceabilityCode ?? ''} autoComplete="off" spellcheck={false} aria-invalid={invalid('traceabilityCode')} aria-describedby={describedBy(problems, 'traceabilityCode')} onInput={(e) => update({ traceabilityCode: e.currentTarget.value || null })} />
        <FieldError problems={problems} field="traceabilityCode" />
      </div>
      <div class="field">
        <label for="notes">Ghi chú</label>
        <textarea id="notes" rows={3} maxLength={householdLimits.notes} value={h.notes} onInput={(e) => update({ notes: e.currentTarget.value })} />
      </div>
    </fieldset>
  );
}
