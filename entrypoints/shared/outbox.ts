// The outbox (after Enketo's records-queue + exponential-backoff): what waits to reach the collector.
// Entries are delivered in the order they were queued, deleted only once the collector has answered, and
// retried with backoff min(2^n − 1, 300) s after n failed attempts. They live in IndexedDB, so they
// survive a closed browser. Queuing the same kind + clientId again replaces the waiting body (idempotent).
import type { Table } from 'dexie';

export type OutboxKind = 'submit' | 'withdraw' | 'page-report';

export interface OutboxEntry {
  seq?: number;
  kind: OutboxKind;
  clientId: string;
  /** The order this entry is about (submit, withdraw). */
  orderKey?: string;
  body: unknown;
  attempts: number;
  /** Epoch ms before which this entry is not tried again. */
  notBefore: number;
  /** The last failure, in Vietnamese, for the popup. */
  lastError?: string;
}

/** 'delivered': the collector answered (accepted or refused); 'retry': try again later. */
export type DeliveryResult = { delivered: true } | { delivered: false; error: string };

export const backoffSeconds = (attempts: number) => Math.min(2 ** attempts - 1, 300);

export function createOutbox(table: Table<OutboxEntry, number>, deliver: (e: OutboxEntry) => Promise<DeliveryResult>) {
  let running: Promise<number> | null = null;
  let again = false;

  async function enqueue(entry: Pick<OutboxEntry, 'kind' | 'clientId' | 'body' | 'orderKey'>): Promise<void> {
    await table.db.transaction('rw', table, async () => {
      const same = await table.where('[kind+clientId]').equals([entry.kind, entry.clientId]).first();
      if (same) await table.update(same.seq!, { body: entry.body, orderKey: entry.orderKey, notBefore: 0 });
      else await table.add({ ...entry, attempts: 0, notBefore: 0 });
    });
  }

  /** Delivers what is due, in order; stops at the first failure (the rest would fail the same way). */
  async function flushOnce(now: () => number): Promise<number> {
    let delivered = 0;
    for (;;) {
      const head = await table.orderBy('seq').first();
      if (!head || head.notBefore > now()) return delivered;
      let result: DeliveryResult;
      try {
        result = await deliver(head);
      } catch (e) {
        result = { delivered: false, error: e instanceof Error ? e.message : String(e) };
      }
      if (result.delivered) {
        await table.delete(head.seq!);
        delivered++;
        continue;
      }
      const attempts = head.attempts + 1;
      await table.update(head.seq!, { attempts, notBefore: now() + backoffSeconds(attempts) * 1000, lastError: result.error });
      return delivered;
    }
  }

  return {
    enqueue,
    /** One flush at a time: a call while one runs makes it go round once more. */
    flush(now: () => number = Date.now): Promise<number> {
      if (running) {
        // Something was queued while a flush ran: run once more after it.
        again = true;
        return running;
      }
      const loop = async () => {
        let n = 0;
        do {
          again = false;
          n += await flushOnce(now);
        } while (again);
        return n;
      };
      running = loop().finally(() => (running = null));
      return running;
    },
    /** When the next try is due (epoch ms), or null when the outbox is empty. */
    async nextDue(): Promise<number | null> {
      const head = await table.orderBy('seq').first();
      return head ? head.notBefore : null;
    },
    /** Makes everything due now (the person pressed "Gửi lại", or the network came back). */
    async retryNow(): Promise<void> {
      await table.toCollection().modify({ notBefore: 0 });
    },
    pending: () => table.toArray(),
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
