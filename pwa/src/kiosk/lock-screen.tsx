import { useEffect, useState } from 'preact/hooks';
import type { Device } from './device';
import { addOfficer, kindOf, loadOfficers, unlock, type OfficerProfile } from './officers';
import { emptySecret, newSecretProblem, SecretFields } from './secret-fields';
import { secretLabels } from './unlock-secret';
import type { Session } from '.';

/** Who is working: each officer picks their name and types their PIN or passphrase; another officer can be added to the tablet. */
export function LockScreen({ device, onUnlocked }: { device: Device; onUnlocked: (s: Session) => void }) {
  const [officers, setOfficers] = useState<OfficerProfile[]>([]);
  const [chosen, setChosen] = useState<string>('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState(emptySecret);

  useEffect(() => {
    void loadOfficers().then((o) => {
      setOfficers(o);
      if (o.length === 1) setChosen(o[0].id);
      if (!o.length) setAdding(true);
    });
  }, []);

  const chosenOfficer = officers.find((o) => o.id === chosen);
  const kind = chosenOfficer ? kindOf(chosenOfficer) : 'pin';

  async function submit(e: Event) {
    e.preventDefault();
    setError('');
    setBusy(true);
    try {
      if (adding) {
        const p = !name.trim() ? 'Chưa nhập họ tên cán bộ.' : newSecretProblem(secret);
        if (p) return setError(p);
        const { officer, keys } = await addOfficer(name, secret.secret, secret.kind);
        onUnlocked({ officer, keys });
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
        {adding ? (
          <SecretFields value={secret} onChange={setSecret} whose="mới" />
        ) : (
          <label>
            {secretLabels[kind].name}
            <input type="password" inputMode={kind === 'pin' ? 'numeric' : 'text'} autocapitalize="none" spellcheck={false} value={pin} onInput={(e) => setPin(e.currentTarget.value)} autocomplete="current-password" />
          </label>
        )}
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" class="big" disabled={busy}>{busy ? 'Đang mở…' : adding ? 'Thêm và mở máy' : 'Mở khoá'}</button>
      </form>
      {officers.length > 0 && (
        <button type="button" class="link" onClick={() => (setAdding(!adding), setError(''), setPin(''), setSecret(emptySecret()))}>
          {adding ? 'Quay lại chọn cán bộ' : 'Thêm cán bộ khác dùng máy này'}
        </button>
      )}
    </main>
  );
}
