// The photos of households the collector holds, one request each (idempotent on the photo's id).
import { db } from '../db';
import { kioskCollector, type Device } from '../device';
import { unsealBytes, type OfficerKeys } from '../pin-crypto';

async function sentIds(officerId: string) {
  return new Set((await db.households.where('[officerId+state]').equals([officerId, 'sent']).primaryKeys()) as string[]);
}

/** Photos still to send, of households sent or waiting to be (for the progress bar). */
export async function pendingPhotos(officerId: string): Promise<number> {
  const waiting = (await db.households.where('[officerId+state]').equals([officerId, 'queued']).primaryKeys()) as string[];
  const ids = new Set([...(await sentIds(officerId)), ...waiting]);
  return db.photos.filter((p) => !p.uploaded && ids.has(p.householdId)).count();
}

/** Uploads the photos of sent households; stops at the first failure (CollectorError), keeping the rest. */
export async function uploadPhotos(device: Device, keys: OfficerKeys, officerId: string, onEach: () => void): Promise<void> {
  const sent = await sentIds(officerId);
  const photos = await db.photos.filter((p) => !p.uploaded && sent.has(p.householdId)).toArray();
  const collector = kioskCollector(device);
  for (const p of photos) {
    // Opened just before sending: a fresh body for every try, whatever became of the last one.
    const body = await unsealBytes(keys.data, p.sealed);
    // Up to 1.5 MB on a rural 3G line: the timeout allows for the upload, not only the answer.
    await collector.request(`/api/kiosk/households/${p.householdId}/photos/${p.id}?kind=${p.kind}`, { method: 'PUT', headers: { 'Content-Type': p.type || 'image/jpeg' }, body, timeoutMs: 120_000 });
    await db.photos.update(p.id, { uploaded: 1 });
    onEach();
  }
}
