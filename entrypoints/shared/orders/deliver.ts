// Delivery of the outbox to the agency's collector, and the collector's later answers, recorded on each order.
// Runs in the background (client/outbox.ts does the queueing and the backoff).
import type { PageReport, SubmittedOrder } from '../../../lib/api/staff';
import { CollectorError } from '../../../client/collector';
import { createOutbox } from '../../../client/outbox';
import { db, unsent, type StoredOrder } from '../db';
import { myOrders, reportPage, sendOrders, staffCollector, withdrawOrder } from '../collector-api';
import { entryStore, type OutboxEntry } from '../outbox';
import { getCollectorUrl, getEnrolment } from '../settings';
import { sentContent } from './submit';


/**
 * Sends one outbox entry and records the collector's answer on its order. A final refusal of the whole
 * request is an answer too (shown on the order); no answer, a server error or 401 throws, so it waits.
 */
export async function deliver([entry]: OutboxEntry[]): Promise<void> {
  const enrolment = await getEnrolment();
  if (!enrolment) throw new Error('Chưa đăng ký với cơ quan.');
  const api = staffCollector(await getCollectorUrl(), enrolment.token);
  const now = new Date().toISOString();
  try {
    if (entry.kind === 'page-report') {
      await reportPage(api, entry.body as PageReport);
      return;
    }
    if (entry.kind === 'withdraw') {
      await withdrawOrder(api, entry.clientId).catch((e) => {
        if (!(e instanceof CollectorError && e.code === '404.12')) throw e; // already gone: that is what we wanted
      });
      await settle(entry.orderKey, (o) => {
        if (o.submission.collectorClientId !== entry.clientId) return;
        o.submission = { ...unsent(), state: o.submission.state === 'queued' && !o.excluded ? 'queued' : 'unsent' };
      });
      return;
    }
    const body = entry.body as SubmittedOrder;
    const { results } = await sendOrders(api, [body]);
    const r = results.find((x) => x.clientId === body.clientId) ?? results[0];
    await settle(entry.orderKey, (o) => {
      o.submission = {
        state: r.status === 'rejected' ? 'rejected' : 'sent',
        collectorClientId: body.clientId,
        sentBody: sentContent(body),
        status: r.status,
        reason: r.problem?.message,
        answeredAt: now,
      };
    });
  } catch (e) {
    if (!(e instanceof CollectorError) || e.retryable || e.code.startsWith('401')) throw e;
    // A final refusal of the whole request: it is the collector's answer, shown on the order.
    await settle(entry.orderKey, (o) => {
      o.submission = { ...o.submission, state: 'rejected', reason: e.message, answeredAt: now, sentBody: sentContent(entry.body as object) };
    });
  }
}

/**
 * The collector's current answer for each sent order (the agency may review an order after it was
 * accepted): refreshes state and reason. Returns how many orders changed.
 */
export async function syncAnswers(): Promise<number> {
  const enrolment = await getEnrolment();
  if (!enrolment) return 0;
  const { orders } = await myOrders(staffCollector(await getCollectorUrl(), enrolment.token));
  const byClientId = new Map(orders.map((v) => [v.clientId, v]));
  let changed = 0;
  const d = db();
  await d.transaction('rw', d.orders, async () => {
    for (const o of await d.orders.toArray()) {
      const held = o.submission.collectorClientId;
      const view = held ? byClientId.get(held) : undefined;
      if (!held || !view || o.submission.state === 'queued') continue;
      const next = view.status === 'withdrawn'
        ? unsent()
        : { ...o.submission, state: view.status === 'rejected' ? ('rejected' as const) : ('sent' as const), status: view.status, reason: view.reason };
      if (JSON.stringify(next) === JSON.stringify(o.submission)) continue;
      await d.orders.update(o.key, { submission: next });
      changed++;
    }
  });
  return changed;
}

async function settle(key: string | undefined, change: (o: StoredOrder) => void) {
  if (!key) return;
  await db().transaction('rw', db().orders, async () => {
    const o = await db().orders.get(key);
    if (!o) return;
    change(o);
    await db().orders.put(o);
  });
}

// Entries depend on earlier ones (a withdrawal before the corrected order): strictly in order.
const extensionOutbox = () => createOutbox(entryStore(db().outbox), deliver, { inOrder: true });

let box: ReturnType<typeof extensionOutbox> | null = null;
/** The outbox of this extension context (delivered by the background). */
export const outbox = () => (box ??= extensionOutbox());
