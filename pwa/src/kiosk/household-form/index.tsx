import { useRef, useState } from 'preact/hooks';
import type { Device } from '../device';
import type { Session } from '..';
import { duplicatesOf } from '../household-records';
import { requestBackgroundSync } from '../sending/schedule';
import { checkHousehold, type SubmittedHousehold } from '../../../../lib/kiosk/household';
import { CertificationFieldset } from './certification-fieldset';
import { ConsentFieldset } from './consent-fieldset';
import type { Problem } from './fields';
import { GuideFieldset } from './guide-fieldset';
import { HeadFieldset } from './head-fieldset';
import { replaceSignature } from './photos';
import { ProductsFieldset } from './products-fieldset';
import { ShopFieldset } from './shop-fieldset';
import { useDraft, type DraftHousehold } from './use-draft';

/**
 * One household's signup. Every change is stored at once (use-draft.ts); "Lưu và đưa vào hàng chờ gửi" checks
 * everything, lists what must be fixed (focused, each a link to its field) and queues the household for sending.
 */
export function HouseholdForm({ device, session, initial, onQueued }: { device: Device; session: Session; initial: DraftHousehold; onQueued: (clientId: string) => void }) {
  const draft = useDraft(session, initial);
  const { h, signatureId } = draft;
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  function update(patch: Partial<SubmittedHousehold>) {
    const next = { ...h, ...patch };
    draft.change(next);
    if (problems) void recheck(session, next, signatureId).then(setProblems);
  }

  // Each stroke is saved (sealed) as it ends; saves run one after another, and queuing waits for the last one.
  const signatureSaves = useRef<Promise<string | null>>(Promise.resolve(signatureId));
  function saveSignature(png: Blob | null) {
    signatureSaves.current = signatureSaves.current.then(async (previous) => {
      const id = await replaceSignature(session.keys, h.clientId, previous, png);
      draft.setSignatureId(id);
      await draft.store(h, { signatureId: id });
      // A fresh signature clears "Chủ hộ chưa ký tên" at once; wiping it brings it back.
      if (problems) setProblems(await recheck(session, h, id));
      return id;
    });
  }

  async function queue(e: Event) {
    e.preventDefault();
    const signed = await signatureSaves.current;
    const found = await recheck(session, h, signed);
    setProblems(found);
    if (found.some((p) => !p.warning)) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    await draft.enqueue(signed);
    void requestBackgroundSync();
    onQueued(h.clientId);
  }

  const fields = { h, update, problems, session };
  return (
    <form class="household-form" onSubmit={queue} noValidate aria-labelledby="form-title">
      <h1 id="form-title">{h.headName ? `Hộ ${h.headName}` : 'Đăng ký hộ mới'}</h1>
      {/* Before the first keystroke nothing has been saved: a plain hint, not a green "saved". */}
      <p class={draft.savedAt ? 'saved' : 'hint'} role="status" aria-live="polite">{draft.savedAt ? `Đã lưu nháp lúc ${draft.savedAt}` : 'Không cần bấm lưu: máy tự lưu mỗi khi nhập.'}</p>
      {draft.saveError && <p class="error" role="alert">{draft.saveError}</p>}
      {initial.problem && <p class="error" role="alert">Máy chủ đã từ chối: {initial.problem.message} Sửa rồi đưa vào hàng chờ gửi lại.</p>}
      {problems && problems.some((p) => !p.warning) && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>Cần sửa trước khi gửi:</p>
          <ul>{problems.filter((p) => !p.warning).map((p) => <li key={p.field + p.message}><a href={`#${p.field}`}>{p.message}</a></li>)}</ul>
        </div>
      )}
      <HeadFieldset {...fields} device={device} />
      <ShopFieldset {...fields} />
      <GuideFieldset {...fields} deviceId={device.id} />
      <ProductsFieldset {...fields} onPhotosAdded={() => draft.store(h)} />
      <CertificationFieldset {...fields} />
      <ConsentFieldset {...fields} signatureId={signatureId} onSignature={saveSignature} />
      <button type="submit" class="big">Lưu và đưa vào hàng chờ gửi</button>
    </form>
  );
}

/** Everything the collector would refuse, plus what only this tablet knows: a missing signature, a phone or ID already used. */
async function recheck(session: Session, h: SubmittedHousehold, signatureId: string | null): Promise<Problem[]> {
  const out: Problem[] = checkHousehold(h);
  if (!signatureId) out.push({ field: 'signature', message: 'Chủ hộ chưa ký tên.' });
  for (const d of await duplicatesOf(session.keys, session.officer.id, h)) out.push({ field: d.field, message: d.field === 'phone' ? `Số điện thoại này đã đăng ký cho hộ ${d.name}.` : `Số CCCD/CMND này đã đăng ký cho hộ ${d.name}.` });
  return out;
}
