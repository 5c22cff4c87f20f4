/**
 * Shrinks a camera photo on the tablet or phone before it is stored or sent: long edge ≤ 1600 px, JPEG, lowering the
 * quality until it weighs at most ~400 KB. Loaded lazily: only the photo step needs it.
 */
export const maxEdge = 1600;
const targetBytes = 400 * 1024;

export async function resizePhoto(file: Blob): Promise<{ blob: Blob; width: number; height: number }> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Máy không xử lý được ảnh.');
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  let quality = 0.82;
  let blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  while (blob.size > targetBytes && quality > 0.45) {
    quality -= 0.12;
    blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  return { blob, width, height };
}
