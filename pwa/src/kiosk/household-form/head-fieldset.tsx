import { useEffect, useState } from 'preact/hooks';
import { checkCitizenId } from '../../../../lib/vn-citizen-id';
import { db } from '../db';
import type { Device } from '../device';
import { describedBy, FieldError, problemsOf, TextField, type FieldsetProps } from './fields';

/** Chủ hộ: commune, village, the head's name, phone and citizen ID. */
export function HeadFieldset(props: FieldsetProps & { device: Device }) {
  const { h, update, problems, device } = props;
  const [villages, setVillages] = useState<string[]>([]);
  useEffect(() => {
    void villagesOf(h.communeCode).then(setVillages);
  }, [h.communeCode]);
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

/** Villages already typed for this commune, on this tablet or in the commune roster. */
async function villagesOf(communeCode: string): Promise<string[]> {
  const roster = await db.roster.where('communeCode').equals(communeCode).toArray();
  const local = await db.households.filter((r) => r.plain.communeCode === communeCode).toArray();
  return [...new Set([...roster.map((r) => r.village), ...local.map((r) => r.plain.village)].filter(Boolean))].sort((a, b) => a.localeCompare(b, 'vi'));
}
