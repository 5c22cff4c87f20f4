import { useEffect, useState } from 'preact/hooks';
import { db, type PhotoRecord } from '../db';

/** A household's photos as stored on the tablet, oldest first (product photos and the signature). */
export const photosOf = (householdId: string): Promise<PhotoRecord[]> => db.photos.where('householdId').equals(householdId).sortBy('createdAt');

/** Shrinks each chosen or taken photo (the resizer loads only when needed) and keeps it until it is uploaded. */
export async function addProductPhotos(householdId: string, files: File[]): Promise<void> {
  const { resizePhoto } = await import('../../../../client/photo-resize');
  for (const f of files) {
    const { blob, width, height } = await resizePhoto(f);
    await db.photos.put({ id: crypto.randomUUID(), householdId, kind: 'product', blob, width, height, uploaded: 0, createdAt: new Date().toISOString() });
  }
}

export const removePhoto = (id: string) => db.photos.delete(id);

/** Stores a new signature in place of the previous one (none: "Ký lại" wiped it); returns its id. */
export async function replaceSignature(householdId: string, previousId: string | null, png: Blob | null): Promise<string | null> {
  if (previousId) await db.photos.delete(previousId);
  if (!png) return null;
  const id = crypto.randomUUID();
  await db.photos.put({ id, householdId, kind: 'signature', blob: png, width: 800, height: 240, uploaded: 0, createdAt: new Date().toISOString() });
  return id;
}

/** A stored photo as an object URL for <img>, revoked when the photo changes or the view goes. */
export function useObjectUrl(photoId: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!photoId) return setUrl(null);
    let u = '';
    void db.photos.get(photoId).then((p) => p && setUrl((u = URL.createObjectURL(p.blob))));
    return () => u && URL.revokeObjectURL(u);
  }, [photoId]);
  return url;
}
