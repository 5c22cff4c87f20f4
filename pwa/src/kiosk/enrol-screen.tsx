import { useState } from 'preact/hooks';
import { enrolDevice, type Device } from './device';
import { addOfficer, pinProblem } from './officers';
import type { Session } from '.';

/** First use of a tablet: the code an officer created on the dashboard, then this officer's name and PIN. */
export function EnrolScreen({ onEnrolled }: { onEnrolled: (d: Device, s: Session) => void }) {
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const problem = !code.trim() ? 'Chưa nhập mã kích hoạt.' : !name.trim() ? 'Chưa nhập họ tên cán bộ.' : pinProblem(pin) ?? (pin !== pin2 ? 'Hai lần nhập mã PIN không giống nhau.' : null);
    if (problem) return setError(problem);
    setBusy(true);
    setError('');
    try {
      const device = await enrolDevice(code, deviceName.trim() || 'Máy tính bảng');
      const { officer, key } = await addOfficer(name, pin);
      onEnrolled(device, { officer, key });
    } catch (err) {
      setError(err instanceof TypeError ? 'Cần có mạng để kích hoạt máy lần đầu.' : (err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="kiosk narrow">
      <h1>Kích hoạt máy tính bảng cho xã</h1>
      <p>Cán bộ xã tạo mã kích hoạt trên trang quản lý (có hiệu lực 30 phút, dùng một lần), rồi nhập vào đây.</p>
      <form onSubmit={submit} noValidate>
        <label>
          Mã kích hoạt
          <input value={code} onInput={(e) => setCode(e.currentTarget.value)} autocomplete="off" autocapitalize="characters" placeholder="VD: KX7M-3QAT" />
        </label>
        <label>
          Tên máy (không bắt buộc)
          <input value={deviceName} onInput={(e) => setDeviceName(e.currentTarget.value)} placeholder="VD: Máy bưu điện xã" />
        </label>
        <label>
          Họ tên cán bộ dùng máy
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} autocomplete="name" />
        </label>
        <label>
          Mã PIN của bạn (6–12 chữ số)
          <input type="password" inputMode="numeric" value={pin} onInput={(e) => setPin(e.currentTarget.value)} autocomplete="new-password" />
        </label>
        <label>
          Nhập lại mã PIN
          <input type="password" inputMode="numeric" value={pin2} onInput={(e) => setPin2(e.currentTarget.value)} autocomplete="new-password" />
        </label>
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" class="big" disabled={busy}>{busy ? 'Đang kích hoạt…' : 'Kích hoạt máy'}</button>
      </form>
    </main>
  );
}
