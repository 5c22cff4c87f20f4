/**
 * A civil servant's orders, sent by the extension (staff token). Routes:
 *   POST   /api/staff/orders            {orders:[SubmittedOrder]} (1–100) → {results:[{clientId,status,serverId?,problem?}]}
 *                                        each order judged on its own; same clientId + same content → same answer,
 *                                        different content → that order rejected with 409.1; 400.12 over 100;
 *                                        403.12 when the province marked the agency inactive
 *   DELETE /api/staff/orders/:clientId  withdraw → {clientId, status:'withdrawn'}; 404.12 unknown.
 *                                        To correct a sent order: withdraw it and send the corrected one with a new clientId.
 *   GET    /api/staff/orders            → {orders:[{clientId, serverId, status, reason?, problem?, review, reviewNote, counted, order,
 *                                        receivedAt}]} (mine, newest first): the agency's decision and note come back
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { submitOrdersRequest, type StaffOrderView, type SubmittedOrder } from '../../../lib/api/staff';
import { body } from '../../validate';
import { jsonAnswer } from '../../security-headers';
import { Problem } from '../../problem';
import type { AuthEnv } from '../../auth/require-role';
import { requireRoleAlongsideWork, type AlongsideEnv } from '../../auth/one-connection';
import { ingestOrders, resultOf, withdrawOrder } from '../../staff/orders';

/**
 * Sending orders, the busiest request of deadline day: it checks its token itself, on the connection it then stores
 * the batch on (one wait for the pool, not two) and in the same round trip as the batch's first read, so it is
 * mounted before the staff area's own check (api/staff/index.ts).
 */
export function staffOrderSubmissionRoutes({ db }: AppDeps) {
  const r = new Hono<AlongsideEnv>();
  r.post('/', requireRoleAlongsideWork(db, 'staff'), body(submitOrdersRequest), async (c) => {
    const { orders } = c.req.valid('json');
    const checked = c.get('checked').then(({ principal }) => ({ staffId: principal.subjectId, agencyCode: principal.agencyCode! }));
    const results = await ingestOrders(c.get('db'), { tokenHash: c.get('tokenHash'), checked }, orders);
    return jsonAnswer(c, { results });
  });
  return r;
}

export function staffOrderRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.delete('/:clientId', async (c) => {
    const row = await withdrawOrder(db, c.get('principal').subjectId, c.req.param('clientId'));
    if (!row) throw new Problem('404.12');
    return c.json({ clientId: row.client_id, status: 'withdrawn' });
  });

  r.get('/', async (c) => {
    const rows = await db.selectFrom('staff_orders').selectAll().where('staff_id', '=', c.get('principal').subjectId).orderBy('received_at', 'desc').limit(2000).execute();
    const orders: StaffOrderView[] = rows.map((row) => {
      const { status, reason, problem } = resultOf(row);
      return {
        clientId: row.client_id,
        serverId: row.id,
        status,
        ...(reason ? { reason } : {}),
        ...(problem ? { problem } : {}),
        review: row.review,
        reviewNote: row.review_note,
        counted: row.counted === 1,
        order: JSON.parse(row.body) as SubmittedOrder,
        receivedAt: row.received_at,
      };
    });
    return c.json({ orders });
  });

  return r;
}
