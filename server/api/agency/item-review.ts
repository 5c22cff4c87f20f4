/**
 * The agency's word on one item the collector's classifier judged (agency token; only its own orders). Routes:
 *   POST /api/agency/review/:orderId/items/:lineNo {isFarmProduct, note} → {items:[ItemReview]} the order's items;
 *        who, when and why are kept; the order's numbers are worked out again. 404.12 unknown order, 404.13 unknown item.
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { itemOverrideRequest } from '../../../lib/api/agency';
import { body } from '../../validate';
import type { AuthEnv } from '../../auth/require-role';
import { itemReviews, overrideItem } from '../../staff/item-review';

export function agencyItemReviewRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();
  r.post('/:orderId/items/:lineNo', body(itemOverrideRequest), async (c) => {
    const p = c.get('principal');
    const b = c.req.valid('json');
    const user = await db.selectFrom('users').select('full_name').where('id', '=', p.subjectId).executeTakeFirstOrThrow();
    const orderId = c.req.param('orderId');
    const lineNo = Number(c.req.param('lineNo'));
    await overrideItem(db, { agencyCode: p.agencyCode!, orderId, lineNo: Number.isInteger(lineNo) ? lineNo : -1, isFarmProduct: b.isFarmProduct, note: b.note, by: { id: p.subjectId, fullName: user.full_name } });
    return c.json({ items: (await itemReviews(db, [orderId])).get(orderId) ?? [] });
  });
  return r;
}
