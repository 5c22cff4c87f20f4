import { useState } from 'preact/hooks';
import { StatusMessage, type Outcome } from '../../../../../components/status-message';
import { describeError, sendJson } from '../../api';
import type { AgencyRow } from '../agency-headcounts';
import { districts, roleText, type Account } from './account';
import { CommunePicker } from './commune-picker';

/** Creates an agency focal point (with its agency), a commune officer (with their communes), a district account (with its district) or a Sở NN&PTNT account (quality checks); says what came of it under its button. */
export function NewAccount({ agencies, onCreated }: { agencies: AgencyRow[]; onCreated: () => void }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [role, setRole] = useState<'agency' | 'officer' | 'agriculture' | 'district'>('agency');
  const [districtCode, setDistrictCode] = useState('');
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [agencyCode, setAgencyCode] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function create(e: Event) {
    e.preventDefault();
    if (role === 'agency' && !agencyCode) return setOutcome({ text: 'Chọn cơ quan cho cán bộ đầu mối.', error: true });
    if (role === 'officer' && !picked.length) return setOutcome({ text: 'Chọn ít nhất một xã cho cán bộ xã.', error: true });
    if (role === 'district' && !districtCode) return setOutcome({ text: 'Chọn huyện cho tài khoản huyện.', error: true });
    setBusy(true);
    setOutcome(null);
    try {
      const body = { username: username.trim(), fullName: fullName.trim(), password, role, agencyCode: role === 'agency' ? agencyCode : null, communeCodes: role === 'officer' ? picked : [], districtCode: role === 'district' ? districtCode : null };
      const u = await sendJson<Account>('POST', '/api/province/users', body);
      setOutcome({ text: `Đã tạo tài khoản ${u.username} (${roleText[u.role]}). Gửi tên đăng nhập và mật khẩu cho người dùng qua kênh an toàn.` });
      setUsername('');
      setFullName('');
      setPassword('');
      setPicked([]);
      onCreated();
    } catch (err) {
      setOutcome({ text: `Chưa tạo được tài khoản: ${describeError(err)}`, error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={create}>
      <fieldset>
        <legend>Tạo tài khoản mới</legend>
        <div class="dash-row">
          <label class="dash-radio">
            <input type="radio" name="role" checked={role === 'agency'} onChange={() => setRole('agency')} /> Cán bộ đầu mối của cơ quan
          </label>
          <label class="dash-radio">
            <input type="radio" name="role" checked={role === 'officer'} onChange={() => setRole('officer')} /> Cán bộ xã (máy tính bảng)
          </label>
          <label class="dash-radio">
            <input type="radio" name="role" checked={role === 'agriculture'} onChange={() => setRole('agriculture')} /> Sở NN&amp;PTNT (xác minh VietGAP, OCOP, truy xuất)
          </label>
          <label class="dash-radio">
            <input type="radio" name="role" checked={role === 'district'} onChange={() => setRole('district')} /> Huyện, thành phố (nhập danh sách của sàn)
          </label>
        </div>
        <div class="dash-row">
          <label>
            Tên đăng nhập (chữ không dấu, số, dấu chấm)
            <input autoComplete="off" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
          </label>
          <label>
            Họ và tên
            <input value={fullName} onInput={(e) => setFullName(e.currentTarget.value)} />
          </label>
          <label>
            Mật khẩu ban đầu (ít nhất 10 ký tự)
            <input type="password" autoComplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </label>
        </div>
        {role === 'agency' ? (
          <label>
            Cơ quan
            <select value={agencyCode} onChange={(e) => setAgencyCode(e.currentTarget.value)}>
              <option value="">— Chọn cơ quan —</option>
              {agencies.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        ) : role === 'district' ? (
          <label>
            Huyện, thành phố
            <select value={districtCode} onChange={(e) => setDistrictCode(e.currentTarget.value)}>
              <option value="">— Chọn huyện —</option>
              {districts.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        ) : role === 'officer' ? (
          <CommunePicker picked={picked} onChange={setPicked} />
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? 'Đang tạo…' : 'Tạo tài khoản'}
        </button>
        <StatusMessage message={outcome} />
      </fieldset>
    </form>
  );
}
