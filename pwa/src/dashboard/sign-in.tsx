import { useState } from 'preact/hooks';
import { StatusMessage } from '../../../components/status-message';
import { CollectorError } from '../../../client/collector';
import { describeError, sendJson } from './api';
import type { Session } from './session';

/** Sign-in for the agency focal point and the province. Keeps what was typed when the server refuses. */
export function SignIn({ onSignedIn, notice }: { onSignedIn: (s: Session) => void; notice?: string | null }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError('Xin nhập tên đăng nhập và mật khẩu.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const s = await sendJson<Session>('POST', '/api/auth/login', { username: username.trim(), password });
      if (s.user.role === 'officer') {
        setError('Tài khoản cán bộ xã dùng trên máy tính bảng, ở trang “Đăng ký hộ tại xã”, không dùng trang báo cáo.');
        return;
      }
      onSignedIn(s);
    } catch (err) {
      setError(err instanceof CollectorError && err.code === '401.2' ? `${err.message} [${err.code}]` : describeError(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="dash-signin">
      <h1>Đăng nhập trang báo cáo</h1>
      <p class="dash-muted">Dành cho cán bộ đầu mối của cơ quan và Sở Thông tin và Truyền thông.</p>
      {notice && (
        <p class="dash-notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <label>
          Tên đăng nhập
          <input name="username" autoComplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label>
          Mật khẩu
          <input name="password" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <StatusMessage error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
    </main>
  );
}
