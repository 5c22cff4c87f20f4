import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem } from '../../problem';
import { allow, type AuthEnv } from '../../auth/require-role';
import { communesInScope, inScope } from '../../kiosk/scope';
import type { Db } from '../../db';
import type { Principal } from '../../auth/tokens';
import { readPhotoBody } from '../../photo-upload';

/**
 * Photos travel apart from the household so a weak connection never has to carry a whole batch of them at once.
 * PUT /api/kiosk/households/:clientId/photos/:photoId?kind=product|signature (kiosk), body = the JPEG/PNG
 *   → 201 (or 200 when it was already received: a resumed upload sends only what is missing).
 * GET /api/kiosk/households/:clientId/photos (kiosk, officer, province) → {photos:[{id, kind, size}]}
 * GET /api/kiosk/photos/:photoId (officer, province: the staff who open the shop) → the image.
 * A household or photo of a commune outside the caller's is 404 (404.51, 404.1), as if it did not exist.
 */
export function kioskPhotoRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.put('/households/:clientId/photos/:photoId', allow('kiosk'), async (c) => {
    const { clientId, photoId } = c.req.param();
    if (!/^[\w-]{8,64}$/.test(photoId)) throw new Problem('400.2', { field: 'photoId' });
    await householdInScope(db, c.get('principal'), clientId);
    const kind = c.req.query('kind') === 'signature' ? 'signature' : 'product';
    const seen = await db.selectFrom('household_photos').select(['id', 'household_client_id']).where('id', '=', photoId).executeTakeFirst();
    if (seen) {
      if (seen.household_client_id !== clientId) throw new Problem('409.1', { field: 'photoId' });
      return c.json({ id: photoId, kind }, 200);
    }
    const { bytes, type } = await readPhotoBody(c);
    await db
      .insertInto('household_photos')
      .values({ id: photoId, household_client_id: clientId, kind, content_type: type, size: bytes.length, bytes, received_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return c.json({ id: photoId, kind }, 201);
  });

  r.get('/households/:clientId/photos', async (c) => {
    const clientId = c.req.param('clientId');
    await householdInScope(db, c.get('principal'), clientId);
    const photos = await db.selectFrom('household_photos').select(['id', 'kind', 'size']).where('household_client_id', '=', clientId).orderBy('received_at').execute();
    return c.json({ photos });
  });

  r.get('/photos/:photoId', allow('officer', 'province'), async (c) => {
    const photo = await db.selectFrom('household_photos').selectAll().where('id', '=', c.req.param('photoId')).executeTakeFirst();
    if (!photo || !(await householdVisible(db, c.get('principal'), photo.household_client_id))) throw new Problem('404.1');
    return c.body(new Uint8Array(photo.bytes), 200, { 'Content-Type': photo.content_type, 'Cache-Control': 'private, max-age=86400' });
  });

  return r;
}

async function householdInScope(db: Db, p: Principal, clientId: string) {
  if (!(await householdVisible(db, p, clientId))) throw new Problem('404.51');
}

/** Another commune's household is answered as one that does not exist: a 403 would tell that it does. */
async function householdVisible(db: Db, p: Principal, clientId: string) {
  const h = await db.selectFrom('households').select('commune_code').where('client_id', '=', clientId).executeTakeFirst();
  return !!h && inScope(await communesInScope(db, p), h.commune_code);
}
