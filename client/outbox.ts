// The outbox of both apps (after Enketo's records-queue + exponential backoff): what waits to reach the
// collector. Records go in the order they were queued, in batches; a record leaves the queue only once the
// collector has answered for it (accepted or refused), so a lost answer is harmless (the collector is
// idempotent on clientId). After a failure the batch waits lib/outbox-backoff.ts and the run stops there
// (the rest would fail the same way). Where records live is the app's: a Dexie table of entries in the
// extension, the household records themselves on the kiosk (an OutboxStore each).
import { retryDelaySeconds } from '../lib/outbox-backoff';
import { CollectorError } from './collector';

/** What the queue keeps on each waiting record. */
export interface QueueState {
  /** Failed attempts so far. */
  attempts: number;
  /** Epoch ms before which the record is not tried again (unless forced). */
  notBefore: number;
  /** The last failure, in Vietnamese, for the screens. */
  lastError?: string;
}

export interface OutboxStore<R> {
  /** Every waiting record, in the order it was queued. */
  waiting(): Promise<R[]>;
  stateOf(record: R): QueueState;
  /** The collector did not answer for it: keep it, with its new attempts and next try. */
  postpone(record: R, state: QueueState): Promise<void>;
  /** The collector answered for these (deliver stored each answer): out of the queue. */
  delivered(records: R[]): Promise<void>;
  /** "Gửi lại", the network came back: everything waiting is due now. */
  makeDue(): Promise<void>;
}

/**
 * Sends one batch. Resolves once the collector has answered for every record in it, after storing each
 * answer (accepted, or refused with its numbered problem: that record is then for the person to fix).
 * Throws when there was no answer or the whole request was refused in a way worth retrying.
 */
export type Deliver<R> = (batch: R[]) => Promise<void>;

export interface FlushResult {
  /** Records the collector answered for. */
  delivered: number;
  /** Why the run stopped early, or null when everything due was delivered. */
  failure: CollectorError | Error | null;
  /** The collector no longer knows this device or person (401.x): only enrolling again helps. */
  reEnrol: boolean;
}

export interface FlushOptions<R> {
  now?: () => number;
  /** Ignore the backoff ("Đồng bộ ngay"). */
  force?: boolean;
  /** Only these records ("Gửi lại hộ này"). */
  only?: (record: R) => boolean;
}

export interface OutboxOptions {
  /** Records sent in one request. */
  batchSize?: number;
  /** Records depend on earlier ones (a withdrawal before the corrected order): the first one not due holds back the rest. */
  inOrder?: boolean;
}

export function createOutbox<R>(store: OutboxStore<R>, deliver: Deliver<R>, { batchSize = 1, inOrder = false }: OutboxOptions = {}) {
  let running: Promise<FlushResult> | null = null;
  let again = false;

  /** What a flush with these options would send now. */
  async function due({ now = Date.now, force = false, only }: FlushOptions<R> = {}): Promise<R[]> {
    const isDue = (r: R) => (only ? only(r) : force || store.stateOf(r).notBefore <= now());
    const waiting = await store.waiting();
    const held = inOrder ? waiting.findIndex((r) => !isDue(r)) : -1;
    return (held < 0 ? waiting : waiting.slice(0, held)).filter(isDue);
  }

  async function flushOnce(options: FlushOptions<R>): Promise<FlushResult> {
    const { now = Date.now } = options;
    const records = await due(options);
    let delivered = 0;
    for (let i = 0; i < records.length; i += batchSize) {
      const batch = records.slice(i, i + batchSize);
      try {
        await deliver(batch);
      } catch (e) {
        const failure = e instanceof Error ? e : new Error(String(e));
        for (const r of batch) {
          const attempts = store.stateOf(r).attempts + 1;
          await store.postpone(r, { attempts, notBefore: now() + retryDelaySeconds(attempts) * 1000, lastError: failure.message });
        }
        return { delivered, failure, reEnrol: failure instanceof CollectorError && failure.code.startsWith('401') };
      }
      await store.delivered(batch);
      delivered += batch.length;
    }
    return { delivered, failure: null, reEnrol: false };
  }

  return {
    /** One flush at a time: a call while one runs makes it go round once more (something was queued meanwhile). */
    flush(options: FlushOptions<R> = {}): Promise<FlushResult> {
      if (running) {
        again = true;
        return running;
      }
      const loop = async () => {
        let total = 0;
        for (;;) {
          again = false;
          const r = await flushOnce(options);
          total += r.delivered;
          if (r.failure || !again) return { ...r, delivered: total };
        }
      };
      running = loop().finally(() => (running = null));
      return running;
    },
    /** When the next try is due (epoch ms), or null when nothing waits. */
    async nextDue(): Promise<number | null> {
      const waiting = await store.waiting();
      if (!waiting.length) return null;
      return inOrder ? store.stateOf(waiting[0]).notBefore : Math.min(...waiting.map((r) => store.stateOf(r).notBefore));
    },
    due,
    retryNow: () => store.makeDue(),
    waiting: () => store.waiting(),
  };
}

export type Outbox<R> = ReturnType<typeof createOutbox<R>>;
