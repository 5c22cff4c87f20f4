// Orders declared on the phone on the shared outbox (client/outbox.ts): the queue is this person's declarations
// in state 'queued', 20 to a request. The collector answers for each: accepted or flagged (sent, with its server
// id) or refused with a numbered problem (for the person to fix). A photo goes after its order is sent, one
// request each (PUT replaces, so a resent photo changes nothing).
import { createOutbox, type FlushResult, type OutboxStore } from '../../../client/outbox';
import { onReachability } from '../../../client/reachability';
import type { SubmitOrdersResponse } from '../../../lib/api/staff';
import { db, type Declaration } from './db';
import { staffCollector, type StaffEnrolment } from './enrolment';

export const batchSize = 20;
const everyMs = 5 * 60_000;

const queued = (staffId: string) => db.declarations.where('[staffId+state]').equals([staffId, 'queued']);

export function declarationStore(staffId: string): OutboxStore<Declaration> {
  return {
    waiting: () => queued(staffId).sortBy('queuedAt'),
    stateOf: (d) => ({ attempts: d.attempts, notBefore: d.nextAttemptAt }),
    postpone: async (d, { attempts, notBefore }) => void (await db.declarations.update(d.clientId, { attempts, nextAttemptAt: notBefore })),
    // deliver moved each declaration out of 'queued' with the collector's answer.
    delivered: async () => undefined,
    makeDue: async () => void (await queued(staffId).modify({ nextAttemptAt: 0 })),
  };
}

export function declarationOutbox(enrolment: StaffEnrolment) {
  const collector = staffCollector(enrolment);
  return createOutbox(
    declarationStore(enrolment.staff.id),
    async (batch) => {
      const { results } = await collector.call<SubmitOrdersResponse>('POST', '/api/staff/orders', { orders: batch.map((d) => d.order) });
      await db.transaction('rw', db.declarations, async () => {
        for (const r of results) {
          if (r.status === 'accepted' || r.status === 'flagged') await db.declarations.update(r.clientId, { state: 'sent', serverId: r.serverId ?? null, problem: null, attempts: 0 });
          else await db.declarations.update(r.clientId, { state: 'rejected', problem: r.problem ?? null });
        }
      });
    },
    { batchSize },
  );
}

/** Photos of sent orders; stops at the first failure (CollectorError), keeping the rest for the next run. */
export async function uploadPhotos(enrolment: StaffEnrolment): Promise<void> {
  const collector = staffCollector(enrolment);
  const sent = await db.declarations.where('[staffId+state]').equals([enrolment.staff.id, 'sent']).filter((d) => d.photo !== null).toArray();
  for (const d of sent) {
    // The bytes, not the stored Blob's handle: a fresh body for every try.
    const body = await d.photo!.arrayBuffer();
    await collector.request(`/api/staff/orders/${encodeURIComponent(d.clientId)}/photo`, { method: 'PUT', headers: { 'Content-Type': d.photo!.type || 'image/jpeg' }, body, timeoutMs: 120_000 });
    await db.declarations.update(d.clientId, { photo: null });
  }
}

/** Orders then photos; the outbox's answer says what happened to the orders. */
export async function sendNow(enrolment: StaffEnrolment, force = false): Promise<FlushResult> {
  const result = await declarationOutbox(enrolment).flush({ force });
  if (!result.failure) {
    try {
      await uploadPhotos(enrolment);
    } catch (e) {
      return { ...result, failure: e instanceof Error ? e : new Error(String(e)) };
    }
  }
  return result;
}

/**
 * Sends while the page is open: now, when the collector becomes reachable again, every 5 minutes, and when the
 * backoff of a failed try is over. `run` sends at once (a new order); `stop` ends it all.
 */
export function keepSending(enrolment: StaffEnrolment, after: (r: FlushResult) => void): { run: (force?: boolean) => Promise<void>; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  const run = (force = false) => {
    running ??= sendNow(enrolment, force)
      .then(async (r) => {
        after(r);
        clearTimeout(timer);
        const next = await declarationOutbox(enrolment).nextDue();
        timer = setTimeout(() => run(), next === null ? everyMs : Math.min(everyMs, Math.max(1000, next - Date.now())));
      })
      .finally(() => (running = null));
    return running;
  };
  void run();
  const stopReach = onReachability((r) => r === 'reachable' && void run(true));
  return {
    run,
    stop: () => {
      clearTimeout(timer);
      stopReach();
    },
  };
}
