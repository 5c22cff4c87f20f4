/**
 * A photo of one of my orders, the evidence for an order declared by hand on a phone (staff token). Route:
 *   PUT /api/staff/orders/:clientId/photo  body = the JPEG/PNG (≤ 1,5 MB) → 201 {clientId, size}, 200 when it
 *       replaces the order's photo (a resent upload changes nothing); 404.12 when I sent no such order;
 *       413.50 too large; 415.50 not an image.
 * The agency sees it with GET /api/agency/orders/:orderId/photo (server/api/agency/order-photos.ts).
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import type { AuthEnv } from '../../auth/require-role';
import { readPhotoBody } from '../../photo-upload';
import { Problem } from '../../problem';

export function staffOrderPhotoRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.put('/:clientId/photo', async (c) => {
    const clientId = c.req.param('clientId');
    const order = await db
      .selectFrom('staff_orders')
      .select('id')
      .where('staff_id', '=', c.get('principal').subjectId)
      .where('client_id', '=', clientId)
      .where('state', '!=', 'withdrawn')
      .executeTakeFirst();
    if (!order) throw new Problem('404.12');
    const { bytes, type } = await readPhotoBody(c);
    const had = await db.selectFrom('staff_order_photos').select('order_id').where('order_id', '=', order.id).executeTakeFirst();
    const row = { content_type: type, size: bytes.length, bytes, received_at: new Date().toISOString() };
    await db
      .insertInto('staff_order_photos')
      .values({ order_id: order.id, ...row })
      .onConflict((oc) => oc.column('order_id').doUpdateSet(row))
      .execute();
    return c.json({ clientId, size: bytes.length }, had ? 200 : 201);
  });

  return r;
}
