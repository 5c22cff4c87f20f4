import { DateText } from '../../../components/date-text';
import { Money } from '../../../components/money';
import type { StaffOrderView, SubmittedOrder } from '../../../lib/api/staff';
import { marketplaceLabels } from '../../../lib/marketplaces/hosts';
import type { Declaration } from './db';

// The collector's state of a sent order, in the person's words (GET /api/staff/orders).
const stateWords: Record<StaffOrderView['status'], string> = {
  accepted: 'Cơ quan đã nhận',
  flagged: 'Cơ quan đang xem xét',
  rejected: 'Không được tính',
  withdrawn: 'Đã rút lại',
};

const farmTotal = (o: SubmittedOrder) => o.items.filter((i) => i.isFarmProduct && !i.excluded).reduce((s, i) => s + i.lineTotal, 0);
const title = (o: SubmittedOrder) => `${marketplaceLabels[o.marketplace]} ${o.orderCode ?? '(chưa có mã đơn)'}`;

/**
 * What this person sent: first what still waits on the phone (or was refused), then the collector's list with
 * its state and reason. `sent` is null until the collector answered (offline: the phone's own list only).
 */
export function MyOrders({ waiting, sent, loadError }: { waiting: Declaration[]; sent: StaffOrderView[] | null; loadError: string | null }) {
  const onPhone = waiting.filter((d) => d.state !== 'sent' || !sent?.some((s) => s.clientId === d.clientId));
  return (
    <section aria-labelledby="mine-h">
      <h2 id="mine-h">Đơn đã khai</h2>
      {onPhone.length > 0 && (
        <ul class="staff-orders">
          {onPhone.map((d) => (
            <li key={d.clientId} data-client-id={d.clientId}>
              <strong>{title(d.order)}</strong> · nông sản <Money vnd={farmTotal(d.order)} />
              <br />
              {d.state === 'queued' ? (
                <span>Chờ gửi — sẽ tự gửi khi có mạng{d.attempts ? ` (đã thử ${d.attempts} lần)` : ''}{d.photo ? ', kèm ảnh' : ''}.</span>
              ) : d.state === 'rejected' ? (
                <span class="error">Máy chủ không nhận: {d.problem?.message ?? 'không rõ lý do'}</span>
              ) : (
                <span>Đã gửi{d.photo ? ', ảnh đang chờ gửi' : ''}.</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {loadError && <p class="muted">{loadError}</p>}
      {sent && (sent.length ? (
        <ul class="staff-orders">
          {sent.map((s) => (
            <li key={s.clientId} data-client-id={s.clientId}>
              <strong>{title(s.order)}</strong> · nông sản <Money vnd={farmTotal(s.order)} /> · {s.order.source === 'manual' ? 'tự khai' : 'tiện ích ghi nhận'}
              <br />
              <span class={s.status === 'rejected' ? 'error' : ''}>{stateWords[s.status]}</span>
              {s.reason && <> — {s.reason}</>} · gửi ngày <DateText iso={s.receivedAt} />
            </li>
          ))}
        </ul>
      ) : (
        <p>Chưa có đơn nào đã gửi.</p>
      ))}
    </section>
  );
}
