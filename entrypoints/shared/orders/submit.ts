// "Gửi": what the person asks to send, and where each order stands with the agency's collector.
import { effectiveItem, orderCheck, stillMissing } from '../../../lib/capture';
import type { SubmittedOrder } from '../../../lib/api/staff';
import { db, type StoredOrder } from '../db';
import { getEnrolment } from '../settings';
import { enqueue } from '../outbox';
import { newClientId } from './record';

/** The order as the collector receives it (docs/api.md SubmittedOrder). */
export function toSubmitted(o: StoredOrder): SubmittedOrder {
  return {
    clientId: o.clientId,
    marketplace: o.marketplace,
    orderCode: o.orderCode,
    placedAt: o.placedAt,
    source: o.source,
    status: o.status,
    items: o.items.map((i) => {
      const e = effectiveItem(i);
      return { ...e, name: e.name.slice(0, 300) };
    }),
    shippingFee: o.shippingFee,
    discount: o.discount,
    total: o.total,
  };
}

/** What was delivered, without the clientId (new on every resend): tells a changed order from a sent one. */
export const sentContent = (body: object) => JSON.stringify({ ...body, clientId: '' });

export type OrderState = 'unsent' | 'changed' | 'queued' | 'sent' | 'flagged' | 'rejected' | 'not-counted';

/** Where an order stands, in the words the popup shows. */
export function orderState(o: StoredOrder): OrderState {
  const s = o.submission;
  if (s.state === 'queued') return 'queued';
  if (o.excluded) return 'not-counted';
  if (s.state === 'unsent') return 'unsent';
  if (s.sentBody !== sentContent(toSubmitted(o))) return 'changed';
  if (s.state === 'rejected') return 'rejected';
  return s.status === 'flagged' ? 'flagged' : 'sent';
}

/** Fields the person still has to fill before the order can be sent. */
export function blockers(o: StoredOrder): string[] {
  const b: string[] = [];
  if (!o.items.length) b.push('items');
  if (orderCheck(o)) b.push('check');
  o.items.forEach((i, n) => stillMissing(i).filter((k) => k === 'quantity' || k === 'unitPrice').forEach((k) => b.push(`items[${n}].${k}`)));
  return b;
}

/**
 * Queues what changed since the collector last heard. An order already at the collector that
 * changed is withdrawn and sent again under a new clientId (the collector keeps ids immutable);
 * an order the person stopped counting is withdrawn. Returns how many orders were queued.
 */
export async function submitOrders(keys: string[]): Promise<number> {
  if (!(await getEnrolment())) throw new Error('Bạn chưa đăng ký với cơ quan: mở tab "Đăng ký" và nhập mã cơ quan trước khi gửi.');
  const d = db();
  let queued = 0;
  for (const key of keys) {
    // One transaction per order: the outbox entry and the order's "đang gửi" state are stored together,
    // so closing the popup (or the browser) half-way leaves no order queued without saying so.
    const done = await d.transaction('rw', d.orders, d.outbox, async () => {
      const o = await d.orders.get(key);
      if (!o || blockers(o).length) return false;
      const state = orderState(o);
      const held = o.submission.collectorClientId;
      if (o.excluded) {
        if (!held) return false;
        await enqueue({ kind: 'withdraw', clientId: held, orderKey: key, body: null });
      } else if (state === 'sent' || state === 'flagged' || state === 'queued') {
        return false;
      } else if (held) {
        o.clientId = newClientId();
        await enqueue({ kind: 'withdraw', clientId: held, orderKey: key, body: null });
        await enqueue({ kind: 'submit', clientId: o.clientId, orderKey: key, body: toSubmitted(o) });
      } else {
        await enqueue({ kind: 'submit', clientId: o.clientId, orderKey: key, body: toSubmitted(o) });
      }
      await d.orders.update(key, { clientId: o.clientId, submission: { ...o.submission, state: 'queued' } });
      return true;
    });
    if (done) queued++;
  }
  return queued;
}
