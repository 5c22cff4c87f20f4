import { useState } from 'preact/hooks';
import { enrolDevice, enrolWithAccount, type Device } from './device';
import { addOfficer } from './officers';
import { emptySecret, newSecretProblem, SecretFields } from './secret-fields';
import type { Session } from '.';
import { CollectorError } from '../../../client/collector';

/**
 * First use of a tablet, online: the officer signs in with their account here (or types a device code made
 * earlier), then chooses the PIN or passphrase they will unlock the kiosk with every day.
 */
export function EnrolScreen({ onEnrolled }: { onEnrolled: (d: Device, s: Session) => void }) {
  const [withCode, setWithCode] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [name, setName] = useState('');
  const [secret, setSecret] = useState(emptySecret);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const problem =
      (withCode ? (!code.trim() ? 'Chưa nhập mã kích hoạt.' : null) : !username.trim() || !password ? 'Chưa nhập tên đăng nhập và mật khẩu.' : null) ??
      (!name.trim() ? 'Chưa nhập họ tên cán bộ.' : null) ??
      newSecretProblem(secret);
    if (problem) return setError(problem);
    setBusy(true);
    setError('');
    try {
      const label = deviceName.trim() || 'Máy tính bảng';
      const device = withCode ? await enrolDevice(code, label) : await enrolWithAccount(username, password, label);
      const { officer, keys } = await addOfficer(name, secret.secret, secret.kind);
      onEnrolled(device, { officer, keys });
    } catch (err) {
      setError(err instanceof CollectorError && err.status === 0 ? 'Cần có mạng để kích hoạt máy lần đầu.' : (err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="kiosk narrow">
      <h1>Kích hoạt máy tính bảng cho xã</h1>
      <p>Làm một lần, khi có mạng. Máy sẽ làm việc cho các xã được giao cho cán bộ kích hoạt.</p>
      <form onSubmit={submit} noValidate>
        {withCode ? (
          <label>
            Mã kích hoạt
            <input value={code} onInput={(e) => setCode(e.currentTarget.value)} autocomplete="off" autocapitalize="characters" placeholder="VD: KX7M-3QAT" />
          </label>
        ) : (
          <>
            <label>
              Tên đăng nhập của cán bộ xã
              <input value={username} onInput={(e) => setUsername(e.currentTarget.value)} autocomplete="username" autocapitalize="none" />
            </label>
            <label>
              Mật khẩu
              <input type="password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} autocomplete="current-password" />
            </label>
          </>
        )}
        <button type="button" class="link" onClick={() => (setWithCode(!withCode), setError(''))}>
          {withCode ? 'Đăng nhập bằng tài khoản cán bộ' : 'Dùng mã kích hoạt (30 phút, dùng một lần)'}
        </button>
        <label>
          Tên máy (không bắt buộc)
          <input value={deviceName} onInput={(e) => setDeviceName(e.currentTarget.value)} placeholder="VD: Máy bưu điện xã" />
        </label>
        <label>
          Họ tên cán bộ dùng máy
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} autocomplete="name" />
        </label>
        <SecretFields value={secret} onChange={setSecret} whose="của bạn" />
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" class="big" disabled={busy}>{busy ? 'Đang kích hoạt…' : 'Kích hoạt máy'}</button>
      </form>
    </main>
  );
}
