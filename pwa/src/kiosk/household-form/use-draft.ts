import { useState } from 'preact/hooks';
import type { SubmittedHousehold } from '../../../../lib/kiosk/household';
import type { Session } from '..';
import { saveHousehold, submittedPart } from '../household-records';
import { nextRecordCode } from '../record-codes';

export const isStorageFull = (e: unknown) => /QuotaExceeded/.test(`${(e as Error)?.name} ${(e as { inner?: Error })?.inner?.name}`);

/** Why a change could not be stored, and what the officer should do now. */
export function saveProblem(e: unknown): string {
  return isStorageFull(e)
    ? 'Bộ nhớ máy đã đầy: thay đổi vừa nhập CHƯA được lưu. Đừng đóng trang. Kết nối mạng và bấm "Gửi ngay" (ở Hàng chờ gửi) để gửi các hộ đã xong, hoặc xoá bớt ảnh, rồi nhập lại.'
    : 'Chưa lưu được thay đổi vừa nhập (lỗi bộ nhớ của trình duyệt). Đừng đóng trang; xin nhập lại.';
}

export type DraftHousehold = SubmittedHousehold & { signatureId?: string | null; problem?: { message: string; field?: string } | null };

/**
 * The household being typed, stored as a draft on every change (personal fields sealed with the officer's key),
 * so a closed tab, a flat battery or a lock loses nothing. A failed save is said at once (`saveError`), never
 * hidden behind the last "Đã lưu nháp" time.
 */
export function useDraft({ officer, keys }: Session, initial: DraftHousehold) {
  const [h, setH] = useState<SubmittedHousehold>(() => submittedPart(initial));
  const [signatureId, setSignatureId] = useState<string | null>(initial.signatureId ?? null);
  const [savedAt, setSavedAt] = useState('');
  const [saveError, setSaveError] = useState('');

  const store = (next: SubmittedHousehold, patch: { signatureId?: string | null } = {}) =>
    saveHousehold(keys, officer.id, next, { state: 'draft', ...patch }).then(
      () => {
        setSavedAt(new Date().toLocaleTimeString('vi-VN'));
        setSaveError('');
      },
      (e: unknown) => {
        setSaveError(saveProblem(e));
        throw e;
      },
    );

  /** Shows the change at once and stores it; a failure is already in `saveError`. */
  function change(next: SubmittedHousehold) {
    setH(next);
    store(next).catch(() => undefined);
  }

  /**
   * Puts the finished household in the send queue, stamped with when it was registered and given its record code
   * (kept when it is queued again after a correction), with the signature saved last. Returns the code.
   */
  async function enqueue(signatureId: string | null): Promise<string | null> {
    const code = h.code ?? (await nextRecordCode());
    await saveHousehold(keys, officer.id, { ...h, code, registeredAt: new Date().toISOString() }, { state: 'queued', signatureId, problem: null, attempts: 0, nextAttemptAt: 0 });
    return code;
  }

  return { h, change, store, signatureId, setSignatureId, savedAt, saveError, enqueue };
}
