import { get, set } from 'idb-keyval';
import { db, type HouseholdRecord } from './db';
import { api, type Device } from './device';
import { openRecord, submittedPart } from './household-records';
import { retryDelaySeconds } from '../../../lib/outbox-backoff';
import type { HouseholdsSince, SyncAnswer } from '../../../lib/api/kiosk';
import type { SubmittedHousehold } from '../../../lib/kiosk/household';

/**
 * The kiosk's outbox (after Enketo's records-queue): households go in order, in batches, and a record leaves
 * the queue only on the collector's answer. A lost answer is harmless: the collector is idempotent on clientId.
 * Then the photos of sent households, one by one (each idempotent on its id), then status changes come down.
 */
export const batchSize = 25;

export interface SyncState {
  running: boolean;
  done: number;
  total: number;
  message: string;
}

let state: SyncState = { running: false, done: 0, total: 0, message: '' };
/** Failed runs in a row: the next automatic try waits min(2^n − 1, 300) s. */
let failedRuns = 0;
/** When the next automatic run is due: after a failure, or when a household's own backoff ends. */
let nextRunAt: number | null = null;
export const retryInMs = () => (nextRunAt === null ? null : Math.max(0, nextRunAt - Date.now()));
const listeners = new Set<(s: SyncState) => void>();
const emit = (patch: Partial<SyncState>) => {
  state = { ...state, ...patch };
  listeners.forEach((l) => l(state));
};
export const syncState = () => state;
export function onSync(l: (s: SyncState) => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

const cursorKey = (device: Device) => `kiosk-roster-cursor-${device.id}`;

class Offline extends Error {}

/** One run. `force` ignores the backoff ("Đồng bộ ngay", "Gửi lại"); `only` sends one household. */
export function syncNow(device: Device, key: CryptoKey, officerId: string, opts: { force?: boolean; only?: string } = {}): Promise<void> {
  // One run at a time: "online", Background Sync and the retry timer often fire together.
  if (!inFlight) inFlight = runOnce(device, key, officerId, opts).finally(() => (inFlight = null));
  return inFlight;
}

let inFlight: Promise<void> | null = null;

async function runOnce(device: Device, key: CryptoKey, officerId: string, opts: { force?: boolean; only?: string }): Promise<void> {
  const now = Date.now();
  const queued = await db.households.where('[officerId+state]').equals([officerId, 'queued']).toArray();
  const due = queued.filter((r) => (opts.only ? r.clientId === opts.only : opts.force || r.nextAttemptAt <= now));
  const photos = await pendingPhotos(officerId);
  emit({ running: true, done: 0, total: due.length + photos, message: 'Đang gửi…' });
  try {
    for (let i = 0; i < due.length; i += batchSize) await sendBatch(device, key, due.slice(i, i + batchSize));
    await uploadPhotos(device, officerId);
    await pullStatus(device);
    failedRuns = 0;
    const refused = await db.households.where('[officerId+state]').equals([officerId, 'rejected']).count();
    const waiting = await db.households.where('[officerId+state]').equals([officerId, 'queued']).toArray();
    nextRunAt = waiting.length ? Math.min(...waiting.map((r) => r.nextAttemptAt)) : null;
    const parts = [
      refused ? `${refused} hộ bị từ chối, cần sửa.` : '',
      waiting.length ? `Còn ${waiting.length} hộ chờ gửi, sẽ tự thử lại sau ${Math.ceil((retryInMs() ?? 0) / 1000)} giây.` : '',
    ].filter(Boolean);
    emit({ message: parts.length ? `Đã đồng bộ một phần. ${parts.join(' ')}` : 'Đã đồng bộ xong.' });
  } catch (e) {
    failedRuns++;
    nextRunAt = Date.now() + retryDelaySeconds(failedRuns) * 1000;
    emit({ message: e instanceof Offline ? `${e.message} Dữ liệu vẫn được giữ trên máy, sẽ tự gửi lại sau ${retryDelaySeconds(failedRuns)} giây.` : `Lỗi khi đồng bộ: ${String(e)}` });
  } finally {
    emit({ running: false });
  }
}

async function sendBatch(device: Device, key: CryptoKey, records: HouseholdRecord[]) {
  const households: SubmittedHousehold[] = [];
  for (const r of records) {
    households.push(submittedPart(await openRecord(key, r)));
  }
  let res: Response;
  try {
    res = await api(device, '/api/kiosk/households', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ households }) });
  } catch {
    await postpone(records);
    throw new Offline('Chưa gửi được: không có mạng.');
  }
  if (!res.ok) {
    await postpone(records);
    const body = await res.json().catch(() => null);
    throw new Offline(res.status === 401 ? 'Máy chưa được kích hoạt hoặc đã bị thu hồi. Xin cán bộ tạo mã kích hoạt mới.' : (body?.error?.message ?? `Máy chủ trả lỗi ${res.status}.`));
  }
  const { results } = (await res.json()) as SyncAnswer;
  await db.transaction('rw', db.households, async () => {
    for (const r of results) {
      if (r.status === 'accepted') await db.households.update(r.clientId, { state: 'sent', serverId: r.serverId ?? null, problem: null, status: 'received', attempts: 0 });
      else await db.households.update(r.clientId, { state: 'rejected', problem: r.problem ?? null });
    }
  });
  emit({ done: state.done + records.length });
}

async function postpone(records: HouseholdRecord[]) {
  await db.transaction('rw', db.households, async () => {
    for (const r of records) {
      const attempts = r.attempts + 1;
      r.attempts = attempts;
      r.nextAttemptAt = Date.now() + retryDelaySeconds(attempts) * 1000;
      await db.households.update(r.clientId, { attempts, nextAttemptAt: r.nextAttemptAt });
    }
  });
}

async function sentIds(officerId: string) {
  return new Set((await db.households.where('[officerId+state]').equals([officerId, 'sent']).primaryKeys()) as string[]);
}

async function pendingPhotos(officerId: string) {
  const queuedOrSent = new Set([...(await sentIds(officerId)), ...((await db.households.where('[officerId+state]').equals([officerId, 'queued']).primaryKeys()) as string[])]);
  return db.photos.filter((p) => !p.uploaded && queuedOrSent.has(p.householdId)).count();
}

async function uploadPhotos(device: Device, officerId: string) {
  const sent = await sentIds(officerId);
  const photos = await db.photos.filter((p) => !p.uploaded && sent.has(p.householdId)).toArray();
  for (const p of photos) {
    // The bytes, not the stored Blob's handle: a fresh body for every try, whatever became of the last one.
    const body = await p.blob.arrayBuffer();
    let res: Response;
    try {
      res = await api(device, `/api/kiosk/households/${p.householdId}/photos/${p.id}?kind=${p.kind}`, { method: 'PUT', headers: { 'Content-Type': p.blob.type || 'image/jpeg' }, body });
    } catch {
      throw new Offline('Chưa gửi xong ảnh: mất mạng.');
    }
    if (res.ok) await db.photos.update(p.id, { uploaded: 1 });
    else {
      const body = await res.json().catch(() => null);
      throw new Offline(`Ảnh chưa gửi được: ${body?.error?.message ?? res.status}`);
    }
    emit({ done: state.done + 1 });
  }
}

/** Status changes and the commune roster (for duplicates), since the last pull. */
export async function pullStatus(device: Device) {
  const since = (await get<string>(cursorKey(device))) ?? '';
  let res: Response;
  try {
    res = await api(device, `/api/kiosk/households?since=${encodeURIComponent(since)}`);
  } catch {
    throw new Offline('Chưa tải được trạng thái: mất mạng.');
  }
  if (!res.ok) throw new Offline(`Máy chủ trả lỗi ${res.status}.`);
  const { households, cursor } = (await res.json()) as HouseholdsSince;
  await db.transaction('rw', db.roster, db.households, async () => {
    await db.roster.bulkPut(households);
    for (const h of households) await db.households.update(h.clientId, { status: h.status, shopUrl: h.shopUrl, serverId: h.serverId });
  });
  await set(cursorKey(device), cursor);
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
