/**
 * The photo a person attached to an order they declared by hand (agency token; only its own people). Route:
 *   GET /api/agency/orders/:orderId/photo → the image; 404.1 when the order has none or is another agency's.
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import type { AuthEnv } from '../../auth/require-role';
import { Problem } from '../../problem';

export function agencyOrderPhotoRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/:orderId/photo', async (c) => {
    const photo = await db
      .selectFrom('staff_order_photos')
      .innerJoin('staff_orders', 'staff_orders.id', 'staff_order_photos.order_id')
      .select(['staff_order_photos.bytes', 'staff_order_photos.content_type'])
      .where('staff_order_photos.order_id', '=', c.req.param('orderId'))
      .where('staff_orders.agency_code', '=', c.get('principal').agencyCode!)
      .executeTakeFirst();
    if (!photo) throw new Problem('404.1');
    return c.body(new Uint8Array(photo.bytes), 200, { 'Content-Type': photo.content_type, 'Cache-Control': 'private, max-age=86400' });
  });

  return r;
}
