import { useState } from 'preact/hooks';
import type { SubmittedOrder } from '../../../../lib/api/staff';
import { formatDate, formatVnd } from '../../../../lib/format';
import { describeError, sendJson } from '../api';
import { useLoad } from '../use-load';
import type { ItemReview } from '../../../../lib/api/order-checks';

export interface AgencyOrderView {
  id: string;
  staffId: string;
  fullName: string;
  status: string;
  reason: string | null;
  counted: boolean;
  source: 'detected' | 'manual';
  flagged: boolean;
  review: 'counted' | 'excluded' | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  placedOn: string;
  receivedAt: string;
  order: SubmittedOrder;
  otherClaims: { agencyCode: string; agencyName: string; fullName: string | null }[];
  /** The collector's checks (numbered code + sentence): holds and classifier notes. */
  checks: { code: string; message: string; field?: string }[];
  items: ItemReview[];
}

const kinds = [
  { id: 'pending', label: 'Chờ xem xét (khai trùng, tổng tiền lệch, vượt ngưỡng)' },
  { id: 'checked', label: 'Máy chủ ghi chú, phân loại sản phẩm' },
  { id: 'manual', label: 'Tự khai' },
  { id: 'flagged', label: 'Mọi đơn khai trùng' },
  { id: 'reviewed', label: 'Đã xem xét' },
] as const;

/**
 * Doubtful entries: one marketplace order claimed twice, a total that does not add up, a person above the
 * period's limits, an item the collector classified differently, or declared by hand. Count or exclude the
 * order, or say item by item whether it is a farm product, with a note.
 */
export function ReviewOrders({ periodId }: { periodId: string }) {
  const [kind, setKind] = useState<(typeof kinds)[number]['id']>('pending');
  const list = useLoad<{ orders: AgencyOrderView[] }>(`/api/agency/review?period=${encodeURIComponent(periodId)}&kind=${kind}`);
  return (
    <section aria-labelledby="review-h">
      <h2 id="review-h">Đơn cần xem xét</h2>
      <fieldset>
        <legend>Hiển thị</legend>
        <div class="dash-row">
          {kinds.map((k) => (
            <label key={k.id} class="dash-radio">
              <input type="radio" name="review-kind" value={k.id} checked={kind === k.id} onChange={() => setKind(k.id)} /> {k.label}
            </label>
          ))}
        </div>
      </fieldset>
      {list.error && <p role="alert" class="dash-error">{list.error}</p>}
      {list.data && (
        <>
          <p aria-live="polite">{list.data.orders.length ? `${list.data.orders.length} đơn.` : 'Không có đơn nào ở mục này.'}</p>
          <ul class="dash-review-list">
            {list.data.orders.map((o) => (
              <ReviewCard key={o.id} order={o} onDone={list.reload} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ReviewCard({ order: o, onDone }: { order: AgencyOrderView; onDone: () => void }) {
  const [note, setNote] = useState(o.reviewNote ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = `${o.fullName} — ${o.order.marketplace === 'voso' ? 'Voso' : 'Postmart'} ${o.order.orderCode ?? '(không có mã đơn)'}`;

  async function decide(decision: 'counted' | 'excluded') {
    if (decision === 'excluded' && !note.trim()) return setError('Cần ghi lý do không tính để người khai biết.');
    setBusy(true);
    setError(null);
    try {
      await sendJson('POST', `/api/agency/review/${encodeURIComponent(o.id)}`, { decision, note: note.trim() });
      onDone();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="dash-review-card">
      <h3>{title}</h3>
      <p>
        Ngày đặt {formatDate(o.placedOn)} · {o.source === 'manual' ? 'Tự khai' : 'Tiện ích ghi nhận'} · Tổng đơn {o.order.total === null ? '—' : formatVnd(o.order.total)}
        {o.review && <> · <strong>{o.review === 'counted' ? 'Đã tính' : 'Không tính'}</strong>{o.reviewedAt && ` (${formatDate(o.reviewedAt)})`}</>}
      </p>
      {o.otherClaims.length > 0 && (
        <p>
          Cùng đơn này cũng được khai bởi:{' '}
          {o.otherClaims.map((c) => (c.fullName ? `${c.fullName} (${c.agencyName})` : `một người của ${c.agencyName}`)).join('; ')}
        </p>
      )}
      {o.checks.length > 0 && (
        <ul class="dash-checks">
          {o.checks.map((c, n) => (
            <li key={n}>
              <strong>Mã {c.code}:</strong> {c.message}
            </li>
          ))}
        </ul>
      )}
      <ul>
        {o.order.items.map((i, n) => (
          <ItemLine key={n} orderId={o.id} item={i} review={o.items.find((r) => r.lineNo === n)} onDone={onDone} />
        ))}
      </ul>
      <label>
        Ghi chú của cán bộ đầu mối (bắt buộc khi không tính)
        <textarea rows={2} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      {error && <p role="alert" class="dash-error">{error}</p>}
      <div class="dash-row">
        <button type="button" disabled={busy} onClick={() => decide('counted')} aria-label={`Tính đơn của ${title}`}>
          Tính
        </button>
        <button type="button" class="dash-danger" disabled={busy} onClick={() => decide('excluded')} aria-label={`Không tính đơn của ${title}`}>
          Không tính
        </button>
      </div>
    </li>
  );
}

/** One item: what it cost, whether it counts and who decided; the focal point may say otherwise, with why. */
function ItemLine({ orderId, item: i, review, onDone }: { orderId: string; item: SubmittedOrder['items'][number]; review: ItemReview | undefined; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const counts = review ? review.counts : i.isFarmProduct;
  const verdict = !review
    ? ''
    : review.override
      ? ` — cơ quan xác định ${review.override.isFarmProduct ? 'là' : 'không phải'} nông sản (${review.override.byName}, ${formatDate(review.override.at)}: ${review.override.note})`
      : review.serverVerdict !== review.sentAsFarm
        ? ` — máy chủ phân loại ${review.serverVerdict ? 'là' : 'không phải'} nông sản, khác với tiện ích`
        : '';

  async function decide() {
    if (!note.trim()) return setError('Cần ghi lý do để người mua và Sở biết vì sao.');
    setError(null);
    try {
      await sendJson('POST', `/api/agency/review/${encodeURIComponent(orderId)}/items/${review!.lineNo}`, { isFarmProduct: !counts, note: note.trim() });
      setOpen(false);
      onDone();
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <li>
      {i.name} — {i.quantity} × {formatVnd(i.unitPrice)} = {formatVnd(i.lineTotal)}
      {i.shop && ` · ${i.shop}`} · <strong>{i.excluded ? 'người mua không tính' : counts ? 'tính là nông sản' : 'không phải nông sản'}</strong>
      {verdict}
      {review && !i.excluded && (
        open ? (
          <div class="dash-row">
            <label>
              Lý do
              <input value={note} maxLength={500} onInput={(e) => setNote(e.currentTarget.value)} />
            </label>
            <button type="button" onClick={decide}>
              {counts ? 'Xác nhận: không phải nông sản' : 'Xác nhận: là nông sản'}
            </button>
            <button type="button" class="dash-secondary" onClick={() => setOpen(false)}>
              Hủy
            </button>
          </div>
        ) : (
          <button type="button" class="dash-secondary" onClick={() => setOpen(true)} aria-label={`Sửa phân loại "${i.name}": ${counts ? 'không phải nông sản' : 'là nông sản'}`}>
            {counts ? 'Không phải nông sản' : 'Là nông sản'}
          </button>
        )
      )}
      {error && <p role="alert" class="dash-error">{error}</p>}
    </li>
  );
}
