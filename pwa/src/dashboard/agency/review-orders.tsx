import { useState } from 'preact/hooks';
import { DateText } from '../../../../components/date-text';
import { Money } from '../../../../components/money';
import { StatusMessage, type Outcome } from '../../../../components/status-message';
import { formatDate } from '../../../../lib/format';
import { describeError, sendJson } from '../api';
import { useLoad } from '../use-load';
import { OrderPhoto } from './order-photo';
import { groupClaims, type ReviewGroup } from './review-groups';
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
 * Doubtful entries: one marketplace order claimed twice (one card naming everyone who claimed it), a total that does
 * not add up, a person above the period's limits, an item the collector classified differently, or declared by hand.
 * Count or exclude the order, or say item by item whether it is a farm product, with a note. `onChanged` runs after
 * each decision (the tab's count).
 */
export function ReviewOrders({ periodId, onChanged }: { periodId: string; onChanged?: () => void }) {
  const [kind, setKind] = useState<(typeof kinds)[number]['id']>('pending');
  const list = useLoad<{ orders: AgencyOrderView[] }>(`/api/agency/review?period=${encodeURIComponent(periodId)}&kind=${kind}`);
  // The card decided on may leave the list: what came of it is said above the list (and takes the focus it had).
  const [done, setDone] = useState<Outcome | null>(null);
  const decided = (o: Outcome) => {
    setDone(o);
    list.reload();
    onChanged?.();
  };
  const groups = list.data ? groupClaims(list.data.orders) : [];
  const shared = groups.filter((g) => g.claims.length > 1).length;
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
      <StatusMessage message={done} />
      {list.data && (
        <>
          <p aria-live="polite">
            {list.data.orders.length === 0
              ? 'Không có đơn nào ở mục này.'
              : `${list.data.orders.length} đơn${shared ? `, trong đó ${shared} đơn trên sàn được nhiều người cùng khai (mỗi đơn một thẻ)` : ''}.`}
          </p>
          <ul class="dash-review-list">
            {groups.map((g) => (g.claims.length > 1 ? <SharedClaimCard key={g.key} group={g} onDone={decided} onItemDone={list.reload} /> : <ReviewCard key={g.key} order={g.claims[0]} onDone={decided} onItemDone={list.reload} />))}
          </ul>
        </>
      )}
    </section>
  );
}

const orderName = (o: AgencyOrderView) => `${marketplaceLabels[o.order.marketplace]} ${o.order.orderCode ?? '(không có mã đơn)'}`;

/** Who else claimed the order: the agency's own people by name, another agency's only by the agency. */
const claimedBy = (others: AgencyOrderView['otherClaims']) => others.map((c) => (c.fullName ? `${c.fullName} (${c.agencyName})` : `một người của ${c.agencyName}`)).join('; ');

/** One marketplace order several of the agency's people claimed: one card naming them all, a decision for each. */
function SharedClaimCard({ group, onDone, onItemDone }: { group: ReviewGroup; onDone: (o: Outcome) => void; onItemDone: () => void }) {
  const first = group.claims[0];
  const names = group.claims.map((c) => c.fullName);
  // Claims outside this card: another agency's people, or the agency's own already decided.
  const elsewhere = first.otherClaims.filter((c) => !c.fullName || !names.includes(c.fullName));
  return (
    <li class="dash-review-card">
      <h3>
        {orderName(first)} — {group.claims.length} người cùng khai: {names.join(', ')}
      </h3>
      <p>
        Một đơn trên sàn chỉ tính cho một người: tính cho người đã mua, ghi lý do không tính cho những người còn lại.
        {elsewhere.length > 0 && ` Đơn này cũng được khai bởi: ${claimedBy(elsewhere)}.`}
      </p>
      {group.claims.map((o) => (
        <ClaimDecision key={o.id} order={o} shared onDone={onDone} onItemDone={onItemDone} />
      ))}
    </li>
  );
}

function ReviewCard({ order, onDone, onItemDone }: { order: AgencyOrderView; onDone: (o: Outcome) => void; onItemDone: () => void }) {
  return (
    <li class="dash-review-card">
      <ClaimDecision order={order} onDone={onDone} onItemDone={onItemDone} />
    </li>
  );
}

/** One person's claim: the facts, the checks, the items, the note and "Tính" / "Không tính"; `shared` on a card of several claims. */
function ClaimDecision(props: { order: AgencyOrderView; shared?: boolean; onDone: (o: Outcome) => void; onItemDone: () => void }) {
  const { order: o, onDone } = props;
  const [note, setNote] = useState(o.reviewNote ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = `${o.fullName} — ${orderName(o)}`;
  // On a shared card the others are named in its heading already.
  const alsoClaimed = props.shared ? [] : o.otherClaims;

  async function decide(decision: 'counted' | 'excluded') {
    if (decision === 'excluded' && !note.trim()) return setError('Cần ghi lý do không tính để người khai biết.');
    setBusy(true);
    setError(null);
    try {
      await sendJson('POST', `/api/agency/review/${encodeURIComponent(o.id)}`, { decision, note: note.trim() });
      onDone({ text: decision === 'counted' ? `Đã tính đơn ${orderName(o)} của ${o.fullName}.` : `Đã ghi không tính đơn ${orderName(o)} của ${o.fullName}; người khai sẽ thấy lý do.` });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="dash-claim">
      {props.shared ? <h4>{title}</h4> : <h3>{title}</h3>}
      <p>
        Ngày đặt <DateText iso={o.placedOn} /> · {o.source === 'manual' ? 'Tự khai' : 'Tiện ích ghi nhận'} · Tổng đơn <Money vnd={o.order.total} />
        {o.review && <> · <strong>{o.review === 'counted' ? 'Đã tính' : 'Không tính'}</strong>{o.reviewedAt && ` (${formatDate(o.reviewedAt)})`}</>}
      </p>
      {alsoClaimed.length > 0 && <p>Cùng đơn này cũng được khai bởi: {claimedBy(alsoClaimed)}</p>}
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
          <ItemLine key={n} orderId={o.id} item={i} review={o.items.find((r) => r.lineNo === n)} onDone={props.onItemDone} />
        ))}
      </ul>
      {o.hasPhoto && <OrderPhoto orderId={o.id} title={title} />}
      <label>
        Ghi chú của cán bộ đầu mối về đơn của {o.fullName} (bắt buộc khi không tính)
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
    </div>
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
