import { formatDate } from '../../lib/format';
import { useState } from 'preact/hooks';
import type { EnrolmentCodePreview } from '../../lib/api/staff';
import { enrol, previewCode, staffCollector } from '../shared/collector-api';
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

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await step();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const check = (e: Event) => {
    e.preventDefault();
    if (!fullName.trim()) return setError('Xin nhập họ và tên đầy đủ.');
    if (!code.trim()) return setError('Xin nhập mã đăng ký cơ quan đã cấp.');
    void run(async () => setPreview(await previewCode(staffCollector(await getCollectorUrl()), code)));
  };
  const confirm = () =>
    run(async () => {
      const r = await enrol(staffCollector(await getCollectorUrl()), code, fullName, await installationId());
      await setEnrolment({ token: r.token, staff: r.staff, agency: r.agency, periods: r.periods, enrolledAt: new Date().toISOString() });
      onDone();
    });

  return (
    <section aria-labelledby="enrol-h">
      <h2 id="enrol-h">Đăng ký với cơ quan <span class="en">Enrol with your agency</span></h2>
      {enrolment && (
        <p>
          Đã đăng ký: <strong>{enrolment.staff.fullName}</strong>, {enrolment.agency.name} (từ {formatDate(enrolment.enrolledAt)}). Đăng ký lại khi cơ quan
          cấp mã mới.
        </p>
      )}
      {!preview ? (
        <form onSubmit={check}>
          <label>
            Họ và tên đầy đủ <span class="en">Full name</span>
            <input type="text" value={fullName} onInput={(e) => setFullName(e.currentTarget.value)} autoComplete="name" required />
          </label>
          <label>
            Mã đăng ký do cơ quan cấp <span class="en">Agency code</span>
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
              Mã này thuộc <strong class="agency">{preview.agency.name}</strong> ({preview.agency.code}). Đăng ký <strong>{fullName.trim()}</strong> với cơ quan này?
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
    </section>
  );
}
