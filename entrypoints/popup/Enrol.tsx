import { formatDate } from '../../lib/format';
import { useState } from 'preact/hooks';
import type { EnrolmentCodePreview } from '../../lib/api/staff';
import { enrol, enrolCollector, previewCode } from '../shared/collector-api';
import { CollectorError } from '../../client/collector';
import { getCollectorUrl, installationId, setEnrolment, type Enrolment } from '../shared/settings';
import { Confirm } from '../../components/confirm';
import { StatusMessage } from '../../components/status-message';

/** Enrol once with the agency's code: the agency is shown back to confirm before enrolling. */
export function Enrol({ enrolment, onDone }: { enrolment: Enrolment | null; onDone(): void }) {
  const [code, setCode] = useState('');
  const [fullName, setFullName] = useState(enrolment?.staff.fullName ?? '');
  const [preview, setPreview] = useState<EnrolmentCodePreview | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // The step that failed for want of an answer: enrolment is never retried on its own, the person does it.
  const [retry, setRetry] = useState<(() => Promise<void>) | null>(null);

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError('');
    setRetry(null);
    try {
      await step();
    } catch (e) {
      if (e instanceof CollectorError && e.retryable) {
        setError(`Chưa đăng ký được: ${e.message} Đăng ký không tự thử lại; hãy bấm “Thử lại” khi có mạng.`);
        setRetry(() => step);
      } else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const check = (e: Event) => {
    e.preventDefault();
    if (!fullName.trim()) return setError('Xin nhập họ và tên đầy đủ.');
    if (!code.trim()) return setError('Xin nhập mã đăng ký cơ quan đã cấp.');
    void run(async () => setPreview(await previewCode(enrolCollector(await getCollectorUrl()), code)));
  };
  const confirm = () =>
    run(async () => {
      const r = await enrol(enrolCollector(await getCollectorUrl()), code, fullName, await installationId());
      await setEnrolment({ token: r.token, staff: r.staff, agency: r.agency, periods: r.periods, enrolledAt: new Date().toISOString() });
      onDone();
    });

  return (
    <section aria-labelledby="enrol-h">
      <h2 id="enrol-h">Đăng ký với cơ quan</h2>
      {enrolment && (
        <p>
          Đã đăng ký: <strong>{enrolment.staff.fullName}</strong>, {enrolment.agency.name} (từ {formatDate(enrolment.enrolledAt)}). Đăng ký lại khi cơ quan
          cấp mã mới.
        </p>
      )}
      {!preview ? (
        <form onSubmit={check}>
          <label>
            Họ và tên đầy đủ
            <input type="text" value={fullName} onInput={(e) => setFullName(e.currentTarget.value)} autoComplete="name" required />
          </label>
          <label>
            Mã đăng ký do cơ quan cấp
            <input type="text" value={code} onInput={(e) => setCode(e.currentTarget.value)} autoComplete="off" required />
          </label>
          <button class="primary" type="submit" disabled={busy}>
            Kiểm tra mã
          </button>
        </form>
      ) : (
        <Confirm
          question={
            <>
              Mã này thuộc <strong class="agency">{preview.agency.name}</strong> ({preview.agency.code}){preview.unit && <>, đơn vị trực thuộc <strong class="unit">{preview.unit.name}</strong></>}. Đăng ký <strong>{fullName.trim()}</strong> với cơ quan này?
            </>
          }
          confirmLabel="Đúng, đăng ký"
          cancelLabel="Không phải cơ quan của tôi"
          busy={busy}
          onConfirm={confirm}
          onCancel={() => setPreview(null)}
        />
      )}
      <StatusMessage error={error} />
      {retry && (
        <button type="button" disabled={busy} onClick={() => run(retry)}>
          Thử lại
        </button>
      )}
    </section>
  );
}
