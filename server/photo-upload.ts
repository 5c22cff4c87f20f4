// A photo sent as the request body (kiosk households, staff orders' evidence): size and type checked by its
// bytes, never by the header the client sent.
import type { Context } from 'hono';
import { Problem } from './problem';

export const maxPhotoBytes = 1.5 * 1024 * 1024;

/** The body's bytes and type; 413.50 over 1,5 MB, 415.50 when it is not a JPEG or PNG. */
export async function readPhotoBody(c: Context): Promise<{ bytes: Uint8Array; type: string }> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length > maxPhotoBytes) throw new Problem('413.50');
  const type = imageType(bytes);
  if (!type) throw new Problem('415.50');
  return { bytes, type };
}

function imageType(b: Uint8Array): string | null {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  return null;
}
