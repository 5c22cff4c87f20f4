import { checkVietgap } from '../../../../lib/vietgap';
import type { FieldsetProps } from './fields';

/** Chứng nhận và truy xuất nguồn gốc: VietGAP, OCOP stars, traceability, notes. */
export function CertificationFieldset({ h, update }: FieldsetProps) {
  const vietgap = checkVietgap(h.vietgap ?? '');
  return (
    <fieldset>
      <legend>Chứng nhận và truy xuất nguồn gốc</legend>
      <div class="field">
        <label for="vietgap">Số chứng nhận VietGAP (nếu có)</label>
        <input id="vietgap" value={h.vietgap ?? ''} aria-describedby="vietgap-hint" onInput={(e) => update({ vietgap: e.currentTarget.value || null })} placeholder="VietGAP-TT-xx-xx-20-xxxx" />
        <p id="vietgap-hint" class={vietgap?.warning ? 'warning' : 'hint'}>{vietgap?.warning ?? ''}</p>
      </div>
      <div class="field">
        <label for="ocopStars">Sản phẩm OCOP</label>
        <select id="ocopStars" value={String(h.ocopStars ?? '')} onChange={(e) => update({ ocopStars: e.currentTarget.value ? Number(e.currentTarget.value) : null })}>
          <option value="">Không có</option>
          <option value="3">OCOP 3 sao</option>
          <option value="4">OCOP 4 sao</option>
          <option value="5">OCOP 5 sao</option>
        </select>
      </div>
      <div class="field">
        <label for="traceability">Truy xuất nguồn gốc (tem QR, mã vùng trồng…)</label>
        <input id="traceability" value={h.traceability ?? ''} onInput={(e) => update({ traceability: e.currentTarget.value || null })} />
      </div>
      <div class="field">
        <label for="notes">Ghi chú</label>
        <textarea id="notes" rows={3} value={h.notes} onInput={(e) => update({ notes: e.currentTarget.value })} />
      </div>
    </fieldset>
  );
}
