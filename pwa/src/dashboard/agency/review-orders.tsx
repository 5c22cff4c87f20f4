import { useState } from 'preact/hooks';
import { DateText } from '../../../../components/date-text';
import { Money } from '../../../../components/money';
import { StatusMessage } from '../../../../components/status-message';
import { formatDate } from '../../../../lib/format';
import { describeError, sendJson } from '../api';
import { useLoad } from '../use-load';
import { OrderPhoto } from './order-photo';
import { marketplaceLabels } from '../../../../lib/marketplaces/hosts';
import type { AgencyOrderView, ItemReview } from '../../../../lib/api/agency';

export type { AgencyOrderView };

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
      <StatusMessage error={list.error} />
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
  const title = `${o.fullName} — ${marketplaceLabels[o.order.marketplace]} ${o.order.orderCode ?? '(không có mã đơn)'}`;

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
        Ngày đặt <DateText iso={o.placedOn} /> · {o.source === 'manual' ? 'Tự khai' : 'Tiện ích ghi nhận'} · Tổng đơn <Money vnd={o.order.total} />
        {o.review && <> · <strong>{o.review === 'counted' ? 'Đã tính' : 'Không tính'}</strong>{o.reviewedAt && ` (${formatDate(o.reviewedAt)})`}</>}
      </p>
      {o.otherClaims.length > 0 && (
        <p>
          Cùng đơn này cũng được khai bởi:{' '}
          {o.otherClaims.map((c) => (c.fullName ? `${c.fullName} (${c.agencyName})` : `một người của ${c.agencyName}`)).join('; ')}
        </p>
      )}
      {o.checks.length > 0 && (
        <ul>
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
      {o.hasPhoto && <OrderPhoto orderId={o.id} title={title} />}
      <label>
        Ghi chú của cán bộ đầu mối (bắt buộc khi không tính)
        <textarea rows={2} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <StatusMessage error={error} />
      <div class="dash-row">
        <button type="button" disabled={busy} onClick={() => decide('counted')} aria-label={`Tính đơn của ${title}`}>
          Tính
        </button>
        <button type="button" class="danger" disabled={busy} onClick={() => decide('excluded')} aria-label={`Không tính đơn của ${title}`}>
          Không tính
        </button>
      </div>
    </li>
  );
}

/** One item: what it cost, whether it counts and who decided; the focal point may say otherwise, with why. */
function ItemLine({ orderId, item: i, review, onDone }: { orderId: string; item: AgencyOrderView['order']['items'][number]; review: ItemReview | undefined; onDone: () => void }) {
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
      {i.name} — {i.quantity} × <Money vnd={i.unitPrice} /> = <Money vnd={i.lineTotal} />
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
            <button type="button" class="secondary" onClick={() => setOpen(false)}>
              Hủy
            </button>
          </div>
        ) : (
          <button type="button" class="secondary" onClick={() => setOpen(true)} aria-label={`Sửa phân loại "${i.name}": ${counts ? 'không phải nông sản' : 'là nông sản'}`}>
            {counts ? 'Không phải nông sản' : 'Là nông sản'}
          </button>
        )
      )}
      <StatusMessage error={error} />
    </li>
  );
}
