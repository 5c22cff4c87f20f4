import { secretAdvice, secretProblem, type SecretKind } from './unlock-secret';

export interface NewSecret {
  kind: SecretKind;
  secret: string;
  repeat: string;
}

export const emptySecret = (): NewSecret => ({ kind: 'pin', secret: '', repeat: '' });

/** Why the chosen PIN or passphrase cannot be used, in Vietnamese; null when it can. */
export function newSecretProblem(s: NewSecret): string | null {
  return secretProblem(s.kind, s.secret) ?? (s.secret !== s.repeat ? (s.kind === 'pin' ? 'Hai lần nhập mã PIN không giống nhau.' : 'Hai lần nhập cụm mật khẩu không giống nhau.') : null);
}

/**
 * Choosing what unlocks the kiosk: a PIN, or a passphrase of four words or more, with what each protects against
 * said plainly (unlock-secret.ts).
 */
export function SecretFields({ value, onChange, whose }: { value: NewSecret; onChange: (s: NewSecret) => void; whose: 'của bạn' | 'mới' }) {
  const pin = value.kind === 'pin';
  const set = (patch: Partial<NewSecret>) => onChange({ ...value, ...patch });
  const input = { type: 'password' as const, inputMode: pin ? ('numeric' as const) : ('text' as const), autocomplete: 'new-password', autocapitalize: 'none' as const, spellcheck: false };
  return (
    <>
      <fieldset class="secret-kind">
        <legend>Mở khoá máy bằng</legend>
        <label class="choice">
          <input type="radio" name="secret-kind" checked={pin} onChange={() => set({ kind: 'pin', secret: '', repeat: '' })} />
          Mã PIN (6–12 chữ số)
        </label>
        <label class="choice">
          <input type="radio" name="secret-kind" checked={!pin} onChange={() => set({ kind: 'passphrase', secret: '', repeat: '' })} />
          Cụm mật khẩu (từ 4 từ trở lên, an toàn hơn)
        </label>
      </fieldset>
      <p class="hint" id="secret-advice">{secretAdvice[value.kind]}</p>
      <label>
        {pin ? `Mã PIN ${whose} (6–12 chữ số)` : `Cụm mật khẩu ${whose}`}
        <input {...input} value={value.secret} aria-describedby="secret-advice" onInput={(e) => set({ secret: e.currentTarget.value })} />
      </label>
      <label>
        {pin ? 'Nhập lại mã PIN' : 'Nhập lại cụm mật khẩu'}
        <input {...input} value={value.repeat} onInput={(e) => set({ repeat: e.currentTarget.value })} />
      </label>
    </>
  );
}
