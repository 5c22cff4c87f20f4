import { useEffect, useState } from 'preact/hooks';
import { db, type PhotoRecord } from '../db';
import { sealBytes, unsealBytes, type OfficerKeys } from '../pin-crypto';

/** A household's photos as stored on the tablet, oldest first (product photos and the signature), still sealed. */
export const photosOf = (householdId: string): Promise<PhotoRecord[]> => db.photos.where('householdId').equals(householdId).sortBy('createdAt');

/** A photo record with its bytes sealed with the officer's data key. */
export async function sealedPhoto(keys: OfficerKeys, p: Omit<PhotoRecord, 'sealed' | 'type'>, blob: Blob): Promise<PhotoRecord> {
  return { ...p, sealed: await sealBytes(keys.data, await blob.arrayBuffer()), type: blob.type || 'image/jpeg' };
}

/** Shrinks each chosen or taken photo (the resizer loads only when needed) and keeps it, sealed, until it is uploaded. */
export async function addProductPhotos(keys: OfficerKeys, householdId: string, files: File[]): Promise<void> {
  const { resizePhoto } = await import('../../../../client/photo-resize');
  for (const f of files) {
    const { blob, width, height } = await resizePhoto(f);
    await db.photos.put(await sealedPhoto(keys, { id: crypto.randomUUID(), householdId, kind: 'product', width, height, uploaded: 0, createdAt: new Date().toISOString() }, blob));
  }
}

export const removePhoto = (id: string) => db.photos.delete(id);

/** Stores a new signature, sealed, in place of the previous one (none: "Ký lại" wiped it); returns its id. */
export async function replaceSignature(keys: OfficerKeys, householdId: string, previousId: string | null, png: Blob | null): Promise<string | null> {
  const id = crypto.randomUUID();
  const record = png && (await sealedPhoto(keys, { id, householdId, kind: 'signature', width: 800, height: 240, uploaded: 0, createdAt: new Date().toISOString() }, png));
  if (previousId) await db.photos.delete(previousId);
  if (!record) return null;
  await db.photos.put(record);
  return id;
}

/** A stored photo, opened in memory, as an object URL for <img>; revoked when the photo changes or the view goes. */
export function useObjectUrl(keys: OfficerKeys, photoId: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!photoId) return setUrl(null);
    let u = '';
    let gone = false;
    void db.photos.get(photoId).then(async (p) => {
      if (!p) return;
      const bytes = await unsealBytes(keys.data, p.sealed);
      if (!gone) setUrl((u = URL.createObjectURL(new Blob([bytes], { type: p.type }))));
    });
    return () => {
      gone = true;
      if (u) URL.revokeObjectURL(u);
    };
  }, [photoId, keys]);
  return url;
}
