import { useState } from 'preact/hooks';
import { DateText } from '../../../../components/date-text';
import { Money } from '../../../../components/money';
import { StatusMessage } from '../../../../components/status-message';
import { formatDate } from '../../../../lib/format';
import { describeError, sendJson } from '../api';
import { useLoad } from '../use-load';
import { OrderPhoto } from './order-photo';
import { marketplaceLabels } from '../../../../lib/marketplaces/hosts';
import type { AgencyOrderView } from '../../../../lib/api/agency';

export type { AgencyOrderView };

const kinds = [
  { id: 'pending', label: 'Chờ xem xét (khai trùng)' },
  { id: 'manual', label: 'Tự khai' },
  { id: 'flagged', label: 'Mọi đơn khai trùng' },
  { id: 'reviewed', label: 'Đã xem xét' },
] as const;

/** Doubtful entries: one marketplace order claimed twice, or declared by hand. Count or exclude, with a note. */
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
  const farm = o.order.items.filter((i) => i.isFarmProduct && !i.excluded);
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
      <ul>
        {farm.map((i, n) => (
          <li key={n}>
            {i.name} — {i.quantity} × <Money vnd={i.unitPrice} /> = <Money vnd={i.lineTotal} />
            {i.shop && ` · ${i.shop}`}
          </li>
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
