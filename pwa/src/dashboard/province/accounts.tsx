import { useState } from 'preact/hooks';
import { communesOf, langSon } from '../../../../lib/region';
import { describeError, sendJson } from '../api';
import { DataTable, type Column } from '../data-table';
import { matchesQuery } from '../fold';
import { useLoad } from '../use-load';
import type { AgencyRow } from './agency-headcounts';
import type { UserView } from '../../../../lib/api/province';

export type Account = UserView;

const roleText = { province: 'Sở TT&TT', agency: 'Cán bộ đầu mối', officer: 'Cán bộ xã' } as const;
const communes = communesOf(langSon);
const communeName = new Map(communes.map((c) => [c.code, `${c.name} (${c.districtName})`]));

/** The province creates agency focal point and commune officer accounts. */
export function Accounts() {
  const list = useLoad<{ users: Account[] }>('/api/province/users');
  const agencies = useLoad<{ agencies: AgencyRow[] }>('/api/province/agencies');
  const [role, setRole] = useState<'agency' | 'officer'>('agency');
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [agencyCode, setAgencyCode] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [communeQuery, setCommuneQuery] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(e: Event) {
    e.preventDefault();
    if (role === 'agency' && !agencyCode) return setMessage({ text: 'Chọn cơ quan cho cán bộ đầu mối.', error: true });
    if (role === 'officer' && !picked.length) return setMessage({ text: 'Chọn ít nhất một xã cho cán bộ xã.', error: true });
    setBusy(true);
    setMessage(null);
    try {
      const body = { username: username.trim(), fullName: fullName.trim(), password, role, agencyCode: role === 'agency' ? agencyCode : null, communeCodes: role === 'officer' ? picked : [] };
      const u = await sendJson<Account>('POST', '/api/province/users', body);
      setMessage({ text: `Đã tạo tài khoản ${u.username} (${roleText[u.role]}). Gửi tên đăng nhập và mật khẩu cho người dùng qua kênh an toàn.`, error: false });
      setUsername('');
      setFullName('');
      setPassword('');
      setPicked([]);
      list.reload();
    } catch (err) {
      setMessage({ text: `Chưa tạo được tài khoản: ${describeError(err)}`, error: true });
    } finally {
      setBusy(false);
    }
  }

  const shownCommunes = communeQuery.trim() ? communes.filter((c) => matchesQuery(`${c.name} ${c.districtName}`, communeQuery)).slice(0, 30) : [];
  const columns: Column<Account>[] = [
    { key: 'username', label: 'Tên đăng nhập', value: (u) => u.username },
    { key: 'fullName', label: 'Họ và tên', value: (u) => u.fullName },
    { key: 'role', label: 'Vai trò', value: (u) => roleText[u.role] },
    { key: 'scope', label: 'Cơ quan / xã', value: (u) => (u.agencyCode ?? u.communeCodes.map((c) => communeName.get(c) ?? c).join(', ')) || null },
    { key: 'createdAt', label: 'Ngày tạo', kind: 'date', value: (u) => u.createdAt },
    {
      key: 'disabled',
      label: 'Trạng thái',
      value: (u) => (u.disabled ? 'Đã khoá' : 'Đang dùng'),
      render: (u) => (
        <>
          {u.disabled ? 'Đã khoá' : 'Đang dùng'}{' '}
          <button type="button" class="dash-secondary" onClick={() => setDisabled(u, !u.disabled)} aria-label={`${u.disabled ? 'Mở khoá' : 'Khoá'} tài khoản ${u.username}`}>
            {u.disabled ? 'Mở khoá' : 'Khoá'}
          </button>
        </>
      ),
    },
  ];

  async function setDisabled(u: Account, disabled: boolean) {
    if (disabled && !confirm(`Khoá tài khoản ${u.username}? Người này sẽ bị đăng xuất ngay.`)) return;
    try {
      await sendJson('PATCH', `/api/province/users/${encodeURIComponent(u.id)}`, { disabled });
      setMessage({ text: `Đã ${disabled ? 'khoá' : 'mở khoá'} tài khoản ${u.username}.`, error: false });
      list.reload();
    } catch (err) {
      setMessage({ text: `Chưa ${disabled ? 'khoá' : 'mở khoá'} được tài khoản ${u.username}: ${describeError(err)}`, error: true });
    }
  }

  return (
    <section aria-labelledby="acc-h">
      <h2 id="acc-h">Tài khoản</h2>
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
                {agencies.data?.agencies.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <div>
              <label>
                Tìm xã để thêm (không cần gõ dấu)
                <input type="search" value={communeQuery} onInput={(e) => setCommuneQuery(e.currentTarget.value)} />
              </label>
              <ul class="dash-picklist">
                {shownCommunes.map((c) => (
                  <li key={c.code}>
                    <label class="dash-radio">
                      <input type="checkbox" checked={picked.includes(c.code)} onChange={(e) => setPicked((p) => (e.currentTarget.checked ? [...p, c.code] : p.filter((x) => x !== c.code)))} /> {c.name} ({c.districtName})
                    </label>
                  </li>
                ))}
              </ul>
              <p>Đã chọn: {picked.length ? picked.map((c) => communeName.get(c) ?? c).join('; ') : 'chưa có xã nào'}</p>
            </div>
          )}
          <button type="submit" disabled={busy}>
            {busy ? 'Đang tạo…' : 'Tạo tài khoản'}
          </button>
        </fieldset>
      </form>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'dash-error' : 'dash-ok'}>
          {message.text}
        </p>
      )}
      {list.error && <p role="alert" class="dash-error">{list.error}</p>}
      {list.data && <DataTable caption="Các tài khoản" columns={columns} rows={list.data.users} rowKey={(u) => u.id} />}
    </section>
  );
}
