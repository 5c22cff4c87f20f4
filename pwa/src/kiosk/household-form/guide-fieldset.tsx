import { useEffect, useRef, useState } from 'preact/hooks';
import { guideKinds, guideLabels, type GuideKind, type LeadingAccountRef } from '../../../../lib/kiosk/guide';
import { leadingAccountsOf } from '../leading-accounts';
import { describedBy, FieldError, problemsOf, type FieldsetProps } from './fields';

/**
 * Người hướng dẫn: who guided the household to open its shop, for the province's count of each leading account's
 * spread. The leading accounts are the commune's, as the last sync brought them.
 */
export function GuideFieldset({ h, update, problems, deviceId }: FieldsetProps & { deviceId: string }) {
  const [accounts, setAccounts] = useState<LeadingAccountRef[] | null>(null);
  const commune = useRef(h.communeCode);
  useEffect(() => {
    void leadingAccountsOf(deviceId, h.communeCode).then(setAccounts);
    // Another commune picked: the leading account chosen for the first one is not this commune's.
    if (commune.current !== h.communeCode && h.guidedBy === 'leading') update({ leadingAccountId: null });
    commune.current = h.communeCode;
  }, [deviceId, h.communeCode]);

  async function pick(kind: GuideKind) {
    if (kind !== 'leading') return update({ guidedBy: kind, leadingAccountId: null });
    // Read again: a sync may have brought the commune's list since the form opened.
    const fresh = await leadingAccountsOf(deviceId, h.communeCode);
    setAccounts(fresh);
    update({ guidedBy: kind, leadingAccountId: fresh.length === 1 ? fresh[0].id : null });
  }
  const noAccounts = h.guidedBy === 'leading' && accounts !== null && accounts.length === 0;
  return (
    <fieldset>
      <legend>Người hướng dẫn hộ</legend>
      <div class="choices" role="radiogroup" aria-label="Ai đã hướng dẫn hộ mở cửa hàng" aria-describedby={describedBy(problems, 'guidedBy')}>
        {guideKinds.map((kind, i) => (
          <label key={kind} class="choice">
            <input type="radio" name="guidedBy" id={i === 0 ? 'guidedBy' : undefined} checked={h.guidedBy === kind} onChange={() => void pick(kind)} />
            {guideLabels[kind]}
          </label>
        ))}
      </div>
      <FieldError problems={problems} field="guidedBy" />
      {noAccounts && <p class="warning">Máy chưa có tài khoản đầu tàu nào của xã này (Sở TT&amp;TT chưa chọn, hoặc máy chưa đồng bộ). Kết nối mạng, bấm "Gửi ngay" rồi chọn lại.</p>}
      {h.guidedBy === 'leading' && (
        <div class="field">
          <label for="leadingAccountId">Tài khoản đầu tàu</label>
          <select id="leadingAccountId" value={h.leadingAccountId ?? ''} aria-invalid={problemsOf(problems, 'leadingAccountId').length > 0} aria-describedby={describedBy(problems, 'leadingAccountId')} onChange={(e) => update({ leadingAccountId: e.currentTarget.value || null })}>
            <option value="">— Chọn người đã hướng dẫn —</option>
            {accounts?.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
          <FieldError problems={problems} field="leadingAccountId" />
        </div>
      )}
    </fieldset>
  );
}
