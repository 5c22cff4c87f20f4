import { useState } from 'preact/hooks';
import { Money } from '../../../components/money';
import { marketplaceLabels, marketplaces } from '../../../lib/marketplaces/hosts';
import { parseVnd } from '../../../lib/money';
import { draftCheck, draftProblems, emptyItem, farmGuess, type Draft, type DraftItem } from './draft';

/**
 * The person checks what was read and corrects it: the marketplace, code, date, each item (name, quantity,
 * price, "nông sản" or not, "không tính"), fees and total; optionally a photo of the order. Sending is held while
 * anything is missing or the items do not add up ("Cần kiểm tra"), as in the extension.
 */
export function ReviewForm({ draft, onChange, photo, onPhoto, onSend, onCancel, busy }: {
  draft: Draft;
  onChange: (d: Draft) => void;
  photo: { url: string; size: number } | null;
  onPhoto: (file: File | null) => void;
  onSend: () => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });
  const setItem = (n: number, patch: Partial<DraftItem>) => set({ items: draft.items.map((i, k) => (k === n ? { ...i, ...patch } : i)), checkAccepted: false });
  const check = draftCheck(draft);
  const problems = draftProblems(draft);
  const farmTotal = draft.items.filter((i) => i.isFarmProduct && !i.excluded).reduce((s, i) => s + (Number(i.quantity) || 0) * (parseVnd(i.unitPrice) ?? 0), 0);

  function send(e: Event) {
    e.preventDefault();
    setTried(true);
    if (!problems.length && !check) onSend();
  }

  return (
    <form class="staff-review" onSubmit={send} noValidate aria-labelledby="review-h">
      <h2 id="review-h">Kiểm tra và sửa đơn</h2>
      <fieldset>
        <legend>Sàn đã mua</legend>
        <div class="staff-choices">
          {marketplaces.map((m) => (
            <label key={m} class="staff-radio">
              <input type="radio" name="marketplace" value={m} checked={draft.marketplace === m} onChange={() => set({ marketplace: m })} /> {marketplaceLabels[m]}
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        Mã đơn hàng
        <input value={draft.orderCode} onInput={(e) => set({ orderCode: e.currentTarget.value })} autocomplete="off" />
      </label>
      <label>
        Ngày đặt hàng (ngày/tháng/năm)
        <input value={draft.placedAt} onInput={(e) => set({ placedAt: e.currentTarget.value })} inputMode="numeric" placeholder="28/11/2026" />
      </label>

      <h3>Sản phẩm</h3>
      <ol class="staff-items">
        {draft.items.map((i, n) => (
          <li key={n} class={i.excluded ? 'excluded' : ''}>
            <label>
              Tên sản phẩm {n + 1}
              <input value={i.name} onInput={(e) => setItem(n, { name: e.currentTarget.value, ...(i.isFarmProduct === farmGuess(i.name) && { isFarmProduct: farmGuess(e.currentTarget.value) }) })} />
            </label>
            <div class="staff-pair">
              <label>
                Số lượng
                <input value={i.quantity} inputMode="numeric" onInput={(e) => setItem(n, { quantity: e.currentTarget.value })} />
              </label>
              <label>
                Đơn giá (₫)
                <input value={i.unitPrice} inputMode="numeric" onInput={(e) => setItem(n, { unitPrice: e.currentTarget.value })} />
              </label>
            </div>
            <label class="staff-check">
              <input type="checkbox" checked={i.isFarmProduct} onChange={(e) => setItem(n, { isFarmProduct: e.currentTarget.checked })} /> Là nông sản
            </label>
            <div class="staff-actions">
              <button type="button" class="secondary" onClick={() => setItem(n, { excluded: !i.excluded })}>
                {i.excluded ? 'Tính lại sản phẩm này' : 'Không tính sản phẩm này'}
              </button>
              <button type="button" class="secondary" onClick={() => set({ items: draft.items.filter((_, k) => k !== n), checkAccepted: false })}>
                Xóa dòng
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" class="secondary" onClick={() => set({ items: [...draft.items, emptyItem()], checkAccepted: false })}>
        Thêm sản phẩm
      </button>

      <div class="staff-pair">
        <label>
          Phí vận chuyển (₫)
          <input value={draft.shippingFee} inputMode="numeric" onInput={(e) => set({ shippingFee: e.currentTarget.value, checkAccepted: false })} />
        </label>
        <label>
          Giảm giá (₫)
          <input value={draft.discount} inputMode="numeric" onInput={(e) => set({ discount: e.currentTarget.value, checkAccepted: false })} />
        </label>
      </div>
      <label>
        Tổng đơn (₫)
        <input value={draft.total} inputMode="numeric" onInput={(e) => set({ total: e.currentTarget.value, checkAccepted: false })} />
      </label>
      <p>
        Nông sản được tính: <strong><Money vnd={farmTotal} /></strong>
      </p>

      {check && (
        <div class="staff-check-box" role="alert">
          <p>
            <strong>Cần kiểm tra:</strong> các sản phẩm cộng lại <Money vnd={check.itemsTotal} />, nhưng theo tổng đơn phải là <Money vnd={check.expected} />. Có thể thiếu sản
            phẩm hoặc đọc sai giá: hãy sửa cho khớp, hoặc xác nhận nếu đúng như trên sàn. Đơn chưa được gửi khi chưa kiểm tra.
          </p>
          <button type="button" class="secondary" onClick={() => set({ checkAccepted: true })}>
            Đúng như trên sàn
          </button>
        </div>
      )}

      <label>
        Ảnh đơn hàng (không bắt buộc, làm bằng chứng cho cơ quan)
        <input type="file" accept="image/*" onChange={(e) => onPhoto(e.currentTarget.files?.[0] ?? null)} />
      </label>
      {photo && (
        <p class="staff-photo">
          <img src={photo.url} alt="Ảnh đơn hàng sẽ gửi kèm" width={96} /> Ảnh đã thu nhỏ còn {Math.ceil(photo.size / 1024)} KB.{' '}
          <button type="button" class="secondary" onClick={() => onPhoto(null)}>Bỏ ảnh</button>
        </p>
      )}

      {tried && problems.length > 0 && (
        <ul role="alert" class="error">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
      <div class="staff-actions">
        <button type="submit" disabled={busy}>Gửi đơn tự khai</button>
        <button type="button" class="secondary" onClick={onCancel}>Bỏ, dán lại</button>
      </div>
    </form>
  );
}
