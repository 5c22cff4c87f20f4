import { useState } from 'preact/hooks';
import { changeSecret, kindOf, type OfficerProfile } from './officers';
import { emptySecret, newSecretProblem, SecretFields } from './secret-fields';
import { secretLabels } from './unlock-secret';

/** "Đổi mã mở khoá": a new PIN, or a passphrase instead of the PIN (or back). Only the officer's sealed keys change. */
export function ChangeSecret({ officer, onDone }: { officer: OfficerProfile; onDone: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState(emptySecret);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState(kindOf(officer));

  async function submit(e: Event) {
    e.preventDefault();
    const problem = newSecretProblem(next);
    if (problem) return setMessage(problem);
    setBusy(true);
    try {
      const r = await changeSecret(officer.id, current, next.kind, next.secret);
      if ('error' in r) return setMessage(r.error);
      setKind(next.kind);
      setCurrent('');
      setNext(emptySecret());
      setMessage(`Đã đổi. Từ lần sau, mở khoá bằng ${next.kind === 'pin' ? 'mã PIN' : 'cụm mật khẩu'} mới.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="change-secret-title" class="change-secret">
      <h2 id="change-secret-title">Đổi mã mở khoá</h2>
      <form onSubmit={submit} noValidate>
        <label>
          {secretLabels[kind].name} đang dùng
          <input type="password" inputMode={kind === 'pin' ? 'numeric' : 'text'} autocapitalize="none" spellcheck={false} autocomplete="current-password" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </label>
        <SecretFields value={next} onChange={setNext} whose="mới" />
        <p role="status">{message}</p>
        <div class="row">
          <button type="submit" disabled={busy}>{busy ? 'Đang đổi…' : 'Đổi mã mở khoá'}</button>
          <button type="button" class="secondary" onClick={onDone}>Đóng</button>
        </div>
      </form>
    </section>
  );
}
