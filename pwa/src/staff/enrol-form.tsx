import { useState } from 'preact/hooks';
import { CollectorError } from '../../../client/collector';
import type { EnrolmentCodePreview } from '../../../lib/api/staff';
import { formatDate } from '../../../lib/format';
import { enrol, previewCode, type StaffEnrolment } from './enrolment';

/** First use on a phone: the enrolment code the agency gave (the extension's), checked, then the person's name. */
export function EnrolForm({ onEnrolled }: { onEnrolled: (e: StaffEnrolment) => void }) {
  const [code, setCode] = useState('');
  const [fullName, setFullName] = useState('');
  const [preview, setPreview] = useState<EnrolmentCodePreview | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const said = (e: unknown) =>
    e instanceof CollectorError && e.status === 0 ? 'Chưa kết nối được máy chủ, nên chưa đăng ký được. Cần có mạng để đăng ký lần đầu; xin thử lại khi có mạng.' : (e as Error).message;

  async function check(e: Event) {
    e.preventDefault();
    if (!code.trim()) return setError('Chưa nhập mã đăng ký.');
    setBusy(true);
    setError('');
    try {
      setPreview(await previewCode(code));
    } catch (err) {
      setError(said(err));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(e: Event) {
    e.preventDefault();
    if (fullName.trim().length < 2) return setError('Nhập họ và tên của bạn (ít nhất 2 ký tự).');
    setBusy(true);
    setError('');
    try {
      onEnrolled(await enrol(code, fullName));
    } catch (err) {
      setError(said(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="enrol-h">
      <h2 id="enrol-h">Đăng ký với cơ quan</h2>
      <p>Dùng mã đăng ký cơ quan đã phát cho bạn (cùng mã với tiện ích trên máy tính). Làm một lần, khi có mạng.</p>
      {!preview ? (
        <form onSubmit={check} noValidate>
          <label>
            Mã đăng ký
            <input value={code} onInput={(e) => setCode(e.currentTarget.value)} autocomplete="off" autocapitalize="characters" placeholder="VD: KX7M-3QAT" />
          </label>
          {error && <p role="alert" class="error">{error}</p>}
          <button type="submit" disabled={busy}>Kiểm tra mã</button>
        </form>
      ) : (
        <form onSubmit={confirm} noValidate>
          <p role="status">
            Mã của <strong>{preview.agency.name}</strong>{preview.unit && <> ({preview.unit.name})</>}, dùng được đến ngày {formatDate(preview.expiresAt)}.
          </p>
          <label>
            Họ và tên của bạn
            <input value={fullName} onInput={(e) => setFullName(e.currentTarget.value)} autocomplete="name" />
          </label>
          {error && <p role="alert" class="error">{error}</p>}
          <div class="staff-actions">
            <button type="submit" disabled={busy}>Đăng ký</button>
            <button type="button" class="secondary" onClick={() => (setPreview(null), setError(''))}>Nhập mã khác</button>
          </div>
        </form>
      )}
    </section>
  );
}
