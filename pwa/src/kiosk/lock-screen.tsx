import { useEffect, useState } from 'preact/hooks';
import type { Device } from './device';
import { addOfficer, loadOfficers, pinProblem, unlock, type OfficerProfile } from './officers';
import type { Session } from '.';

/** Who is working: each officer picks their name and types their PIN; another officer can be added to the tablet. */
export function LockScreen({ device, onUnlocked }: { device: Device; onUnlocked: (s: Session) => void }) {
  const [officers, setOfficers] = useState<OfficerProfile[]>([]);
  const [chosen, setChosen] = useState<string>('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadOfficers().then((o) => {
      setOfficers(o);
      if (o.length === 1) setChosen(o[0].id);
      if (!o.length) setAdding(true);
    });
  }, []);

  async function submit(e: Event) {
    e.preventDefault();
    setError('');
    setBusy(true);
    try {
      if (adding) {
        const p = !name.trim() ? 'Chưa nhập họ tên cán bộ.' : pinProblem(pin);
        if (p) return setError(p);
        const { officer, key } = await addOfficer(name, pin);
        onUnlocked({ officer, key });
      } else {
        if (!chosen) return setError('Chọn tên của bạn.');
        const r = await unlock(chosen, pin);
        if ('error' in r) {
          setPin('');
          return setError(r.error);
        }
        onUnlocked(r);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="kiosk narrow">
      <h1>{adding ? 'Thêm cán bộ dùng máy' : 'Mở khoá máy'}</h1>
      <p class="muted">{device.communes.map((c) => c.name).join(', ')}</p>
      <form onSubmit={submit} noValidate>
        {adding ? (
          <label>
            Họ tên cán bộ
            <input value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
        ) : (
          <fieldset class="officers">
            <legend>Cán bộ</legend>
            {officers.map((o) => (
              <label key={o.id} class="choice">
                <input type="radio" name="officer" checked={chosen === o.id} onChange={() => setChosen(o.id)} />
                {o.name}
              </label>
            ))}
          </fieldset>
        )}
        <label>
          {adding ? 'Mã PIN mới (6–12 chữ số)' : 'Mã PIN'}
          <input type="password" inputMode="numeric" value={pin} onInput={(e) => setPin(e.currentTarget.value)} autocomplete={adding ? 'new-password' : 'current-password'} />
        </label>
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" class="big" disabled={busy}>{busy ? 'Đang mở…' : adding ? 'Thêm và mở máy' : 'Mở khoá'}</button>
      </form>
      {officers.length > 0 && (
        <button type="button" class="link" onClick={() => (setAdding(!adding), setError(''), setPin(''))}>
          {adding ? 'Quay lại chọn cán bộ' : 'Thêm cán bộ khác dùng máy này'}
        </button>
      )}
    </main>
  );
}
