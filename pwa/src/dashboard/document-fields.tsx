import type { DocumentFields } from '../../../lib/api/fields';

/** What the báo cáo (Word) prints besides the numbers, as typed in the form; saved with the report. */
export interface DocumentDraft {
  docNumber: string;
  signerName: string;
  signerPosition: string;
  recipients: string;
}

export const emptyDraft = (signerPosition: string): DocumentDraft => ({ docNumber: '', signerName: '', signerPosition, recipients: '' });

export const draftFields = (d: DocumentDraft): DocumentFields => ({
  docNumber: d.docNumber.trim() || null,
  signerName: d.signerName.trim() || null,
  signerPosition: d.signerPosition.trim() || null,
  recipients: d.recipients.split('\n').map((r) => r.trim()).filter(Boolean),
  parentBody: null,
});

/** Số ký hiệu, signer, position, Nơi nhận: the parts of a Nghị định 30/2020 báo cáo that vary. */
export function DocumentFieldsForm({ draft, onChange, symbolHint }: { draft: DocumentDraft; onChange: (d: DocumentDraft) => void; symbolHint: string }) {
  const set = (k: keyof DocumentDraft) => (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => onChange({ ...draft, [k]: e.currentTarget.value });
  return (
    <fieldset>
      <legend>Thông tin in trên văn bản báo cáo (Word)</legend>
      <label>
        Số ký hiệu (để trống nếu văn thư điền sau), ví dụ {symbolHint}
        <input value={draft.docNumber} maxLength={40} onInput={set('docNumber')} />
      </label>
      <label>
        Chức vụ người ký (mỗi dòng một dòng in, ví dụ "KT. GIÁM ĐỐC" rồi "PHÓ GIÁM ĐỐC")
        <textarea rows={2} maxLength={120} value={draft.signerPosition} onInput={set('signerPosition')} />
      </label>
      <label>
        Họ và tên người ký
        <input value={draft.signerName} maxLength={100} onInput={set('signerName')} />
      </label>
      <label>
        Nơi nhận (mỗi dòng một nơi; "Như trên" và "Lưu: VT" đã có sẵn)
        <textarea rows={3} value={draft.recipients} onInput={set('recipients')} />
      </label>
    </fieldset>
  );
}
