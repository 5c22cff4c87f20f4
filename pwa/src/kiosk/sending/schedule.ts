// When the kiosk sends, and what the queue screen says about it. A run sends the due households, then the
// photos of sent households, then pulls status changes. Runs start when the officer unlocks, when the
// collector becomes reachable again, when the service worker's Background Sync wakes the page, every
// 5 minutes, and after a failure with backoff (lib/outbox-backoff.ts). One run at a time.
import { CollectorError } from '../../../../client/collector';
import { onReachability, reachability } from '../../../../client/reachability';
import { retryDelaySeconds } from '../../../../lib/outbox-backoff';
import { db } from '../db';
import { householdOutbox, householdStore, type Sender } from './send-households';
import { pendingPhotos, uploadPhotos } from './upload-photos';
import { pullRoster } from './pull-roster';

export interface SyncState {
  running: boolean;
  done: number;
  total: number;
  message: string;
}

export interface SyncOptions {
  /** Ignore the backoff ("Gửi ngay"). */
  force?: boolean;
  /** Send this household only ("Gửi lại hộ này", the one just queued). */
  only?: string;
}

const reEnrolMessage = 'Máy chưa được kích hoạt hoặc đã bị thu hồi. Xin cán bộ tạo mã kích hoạt mới.';
export const everyMs = 5 * 60_000;

let state: SyncState = { running: false, done: 0, total: 0, message: '' };
const listeners = new Set<(s: SyncState) => void>();
const emit = (patch: Partial<SyncState>) => {
  state = { ...state, ...patch };
  listeners.forEach((l) => l(state));
};
export const syncState = () => state;
export function onSync(l: (s: SyncState) => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Failed runs in a row: the next automatic run waits min(2^n − 1, 300) s. */
let failedRuns = 0;
let inFlight: Promise<void> | null = null;
/** The run after this one, when something is left to retry; set by the running schedule. */
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let armRetry: (wait: number | null) => void = () => {};

/** One run now (or the one already running). */
export function syncNow(sender: Sender, opts: SyncOptions = {}): Promise<void> {
  // "online", Background Sync and the retry timer often fire together.
  inFlight ??= runOnce(sender, opts).finally(() => (inFlight = null));
  return inFlight;
}

async function runOnce(sender: Sender, opts: SyncOptions): Promise<void> {
  const { device, keys, officerId } = sender;
  const outbox = householdOutbox(sender);
  const which = { force: opts.force, only: opts.only ? (r: { clientId: string }) => r.clientId === opts.only : undefined };
  emit({ running: true, done: 0, total: (await outbox.due(which)).length + (await pendingPhotos(officerId)), message: 'Đang gửi…' });
  let wait: number | null = null;
  try {
    const sent = await outbox.flush(which);
    emit({ done: sent.delivered });
    if (sent.failure) throw sent.failure;
    await uploadPhotos(device, keys, officerId, () => emit({ done: state.done + 1 }));
    await pullRoster(device, keys, officerId);
    failedRuns = 0;
    const refused = await db.households.where('[officerId+state]').equals([officerId, 'rejected']).count();
    const left = (await outbox.waiting()).length;
    const next = await outbox.nextDue();
    wait = next === null ? null : Math.max(0, next - Date.now());
    const parts = [
      refused ? `${refused} hộ bị từ chối, cần sửa.` : '',
      left ? `Còn ${left} hộ chờ gửi, sẽ tự thử lại sau ${Math.ceil((wait ?? 0) / 1000)} giây.` : '',
    ].filter(Boolean);
    emit({ message: parts.length ? `Đã đồng bộ một phần. ${parts.join(' ')}` : 'Đã đồng bộ xong.' });
  } catch (e) {
    failedRuns++;
    const seconds = retryDelaySeconds(failedRuns);
    wait = seconds * 1000;
    const reEnrol = e instanceof CollectorError && e.code.startsWith('401');
    emit({
      message: reEnrol
        ? reEnrolMessage
        : e instanceof CollectorError
          ? `${e.message} Dữ liệu vẫn được giữ trên máy, sẽ tự gửi lại sau ${seconds} giây.`
          : `Lỗi khi đồng bộ: ${String(e)}`,
    });
  } finally {
    emit({ running: false });
    armRetry(wait);
  }
}

/**
 * No try, automatic or of a household just queued, while the browser knows it has no network at all (its "offline"
 * is never wrong, unlike its "online"): a try then only pushes the households' next attempts further away.
 */
const knownOffline = () => navigator.onLine === false;

/**
 * The household the officer has just queued, sent at once unless the network is known to be down. It follows the
 * rule of the automatic runs below (no try while the browser says it has no network): reachability alone can still
 * say 'reachable' after the browser went offline (an answer handled just after its "offline" event), and a try
 * then fails at once and gives this household one more attempt than the ones queued after it. When they later
 * fail together (a lost answer), it waits 3 s where they wait 1 s: the retry sends them without it, and it goes
 * again alone, one more request for the same batch (seen in tests/e2e/kiosk-interruptions.spec.ts).
 */
export function sendJustQueued(sender: Sender, clientId: string): Promise<void> {
  if (knownOffline() || reachability() === 'unreachable') return Promise.resolve();
  return syncNow(sender, { only: clientId });
}

/**
 * Starts sending for the unlocked officer: a run now, then on every cue listed above.
 * Returns the stop function (the officer locks the tablet).
 */
export function startSending(sender: Sender): () => void {
  // The collector's return (client/reachability.ts) starts the next run.
  const sync = () => !knownOffline() && void syncNow(sender);
  armRetry = (wait) => {
    clearTimeout(retryTimer);
    if (wait !== null) retryTimer = setTimeout(sync, wait);
  };
  let was = reachability();
  const offReachability = onReachability((r) => {
    if (was === 'unreachable' && r === 'reachable') {
      // The collector answers again: what waited for it is due now and the backoff starts over (tries made
      // while it could not be reached say nothing about how soon to try now).
      failedRuns = 0;
      void householdStore(sender.officerId).makeDue().then(sync);
    }
    was = r;
  });
  const onMessage = (e: MessageEvent) => e.data?.type === 'kiosk-sync' && sync();
  navigator.serviceWorker?.addEventListener('message', onMessage);
  const timer = setInterval(sync, everyMs);
  sync();
  return () => {
    armRetry = () => {};
    clearTimeout(retryTimer);
    clearInterval(timer);
    offReachability();
    navigator.serviceWorker?.removeEventListener('message', onMessage);
  };
}

/** Asks the service worker to wake the kiosk when the connection returns (Background Sync, where the browser has it). */
export async function requestBackgroundSync(): Promise<boolean> {
  try {
    const reg = (await navigator.serviceWorker?.ready) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
    if (!reg?.sync) return false;
    await reg.sync.register('kiosk-outbox');
    return true;
  } catch {
    return false;
  }
}
