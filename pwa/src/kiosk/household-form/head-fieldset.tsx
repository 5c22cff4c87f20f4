import { useEffect, useState } from 'preact/hooks';
import { checkCitizenId } from '../../../../lib/vn-citizen-id';
import { db } from '../db';
import { openRecord } from '../household-records';
import type { OfficerKeys } from '../pin-crypto';
import { rosterVillages } from '../roster';
import type { Device } from '../device';
import { describedBy, FieldError, problemsOf, TextField, type FieldsetProps } from './fields';

/** Chủ hộ: commune, village, the head's name, phone and citizen ID. */
export function HeadFieldset(props: FieldsetProps & { device: Device }) {
  const { h, update, problems, device, session } = props;
  const [villages, setVillages] = useState<string[]>([]);
  useEffect(() => {
    void villagesOf(session.keys, session.officer.id, h.communeCode).then(setVillages);
  }, [h.communeCode, session]);
  const idCheck = checkCitizenId(h.idNumber);
  return (
    <fieldset>
      <legend>Chủ hộ</legend>
      <div class="field">
        <label for="communeCode">Xã</label>
        <select id="communeCode" value={h.communeCode} onChange={(e) => update({ communeCode: e.currentTarget.value })}>
          {device.communes.map((c) => <option key={c.code} value={c.code}>{c.name} ({c.districtName})</option>)}
        </select>
      </div>
      <TextField {...props} field="village" label="Thôn, bản" extra={{ list: 'villages', autocomplete: 'off' }} />
      <datalist id="villages">{villages.map((v) => <option key={v} value={v} />)}</datalist>
      <TextField {...props} field="headName" label="Họ tên chủ hộ" extra={{ autocomplete: 'off' }} />
      <div class="field">
        <label for="phone">Số điện thoại di động</label>
        <input id="phone" type="tel" inputMode="tel" value={h.phone} aria-invalid={problemsOf(problems, 'phone').length > 0} aria-describedby={describedBy(problems, 'phone')} onInput={(e) => update({ phone: e.currentTarget.value })} autocomplete="off" />
        <FieldError problems={problems} field="phone" />
      </div>
      <div class="field">
        <label for="idNumber">Số CCCD (12 số) hoặc CMND cũ (9 số)</label>
        <input id="idNumber" inputMode="numeric" value={h.idNumber} aria-invalid={problemsOf(problems, 'idNumber').some((p) => !p.warning)} aria-describedby={describedBy(problems, 'idNumber') ?? 'idNumber-hint'} onInput={(e) => update({ idNumber: e.currentTarget.value })} autocomplete="off" />
        {problemsOf(problems, 'idNumber').length ? (
          <FieldError problems={problems} field="idNumber" />
        ) : (
          <p id="idNumber-hint" class="hint">{idCheck.ok ? (idCheck.kind === 'cmnd' ? 'CMND cũ: vẫn nhận, nên đổi sang CCCD.' : `CCCD đăng ký tại ${idCheck.province}.`) : ''}</p>
        )}
      </div>
    </fieldset>
  );
}

/** Villages already typed for this commune, in this officer's households or their copy of the commune roster. */
async function villagesOf(keys: OfficerKeys, officerId: string, communeCode: string): Promise<string[]> {
  const roster = await rosterVillages(keys, officerId, communeCode);
  const local = await Promise.all((await db.households.where('officerId').equals(officerId).toArray()).map((r) => openRecord(keys, r)));
  return [...new Set([...roster, ...local.filter((h) => h.communeCode === communeCode).map((h) => h.village)].filter(Boolean))].sort((a, b) => a.localeCompare(b, 'vi'));
}
