/**
 * Who in the agency took part, and the doubtful entries to review (agency token; only its own people). Routes:
 *   GET  /api/agency/participants?period=|month=yyyy-mm → {scope, participants:[ParticipantRow]} everyone enrolled, participants first
 *   GET  /api/agency/participants/:staffId/orders       → {orders:[AgencyOrderView]} that person's orders (all states)
 *   POST /api/agency/participants/:staffId/revoke       → {staffId, revokedAt}: their token stops now (401.3), their orders
 *        stay; 404.1 for someone of another agency. They may come back only through a new installation, listed anew.
 *   GET  /api/agency/review?period=&kind=pending|flagged|manual|reviewed (pending) → {orders:[AgencyOrderView]}
 *        pending = held (claimed twice, total not matching, above the limits) and not yet reviewed; flagged = every double
 *        claim; manual = self-declared; checked = every order the collector's checks noted (server/staff/check-order.ts) or
 *        whose items the agency classified.
 *        Each order carries `checks` (code + sentence) and `items` with the classifier's verdict and any override.
 *   POST /api/agency/review/:orderId {decision:'counted'|'excluded', note} → the order; a note is required to exclude
 */
import { Hono } from 'hono';
import type { Selectable } from 'kysely';
import type { AppDeps } from '../../app';
import type { SubmittedOrder } from '../../../lib/api/staff';
import { isOrderCounted } from '../../../lib/tally';
import type { StaffOrderTable } from '../../db/schema-staff';
import type { Db } from '../../db';
import { Problem } from '../../problem';
import { body, query } from '../../validate';
import { reviewQuery, reviewRequest } from '../../../lib/api/agency';
import type { AuthEnv } from '../../auth/require-role';
import { revokeAllTokens } from '../../auth/tokens';
import { participantRows, scopeOf } from '../../reports/tally';
import { resultOf } from '../../staff/orders';
import { checksOf } from '../../staff/check-order';
import { itemReviews, overriddenItems } from '../../staff/item-review';

export function agencyParticipantRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/participants', async (c) => {
    const scope = await scopeOf(db, c.req.query());
    return c.json({ scope, participants: await participantRows(db, c.get('principal').agencyCode!, scope) });
  });

  r.get('/participants/:staffId/orders', async (c) => {
    const agency = c.get('principal').agencyCode!;
    const person = await db.selectFrom('staff').select('id').where('id', '=', c.req.param('staffId')).where('agency_code', '=', agency).executeTakeFirst();
    if (!person) throw new Problem('404.1');
    const rows = await ordersQuery(db, agency).where('staff_orders.staff_id', '=', person.id).orderBy('placed_on', 'desc').execute();
    return c.json({ orders: await views(db, rows) });
  });

  r.post('/participants/:staffId/revoke', async (c) => {
    const agency = c.get('principal').agencyCode!;
    const person = await db.selectFrom('staff').select(['id', 'revoked_at']).where('id', '=', c.req.param('staffId')).where('agency_code', '=', agency).executeTakeFirst();
    if (!person) throw new Problem('404.1');
    const revokedAt = person.revoked_at ?? new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('staff').set({ revoked_at: revokedAt }).where('id', '=', person.id).execute();
      await revokeAllTokens(trx, 'staff', person.id);
    });
    return c.json({ staffId: person.id, revokedAt });
  });

  r.get('/review', query(reviewQuery), async (c) => {
    const agency = c.get('principal').agencyCode!;
    const { kind, period } = c.req.valid('query');
    let q = ordersQuery(db, agency);
    if (period) q = q.where('staff_orders.period_id', '=', period);
    if (kind === 'pending') q = q.where('state', '=', 'flagged').where('review', 'is', null);
    else if (kind === 'flagged') q = q.where('flag_reason', 'is not', null);
    else if (kind === 'manual') q = q.where('source', '=', 'manual').where('state', '!=', 'withdrawn');
    else if (kind === 'reviewed') q = q.where('review', 'is not', null);
    else q = q.where('state', '!=', 'withdrawn').where((eb) => eb.or([eb('checks', 'is not', null), eb.exists(overriddenItems(db))]));
    const rows = await q.orderBy('received_at').limit(2000).execute();
    return c.json({ orders: await views(db, rows) });
  });

  r.post('/review/:orderId', body(reviewRequest), async (c) => {
    const p = c.get('principal');
    const { decision, note } = c.req.valid('json');
    if (decision === 'excluded' && !note) throw new Problem('400.2', { field: 'note', detail: 'Cần ghi lý do không tính để người khai biết.' });
    const row = await db.selectFrom('staff_orders').selectAll().where('id', '=', c.req.param('orderId')).where('agency_code', '=', p.agencyCode!).executeTakeFirst();
    if (!row || row.state === 'withdrawn') throw new Problem('404.12');
    const now = new Date().toISOString();
    const counted = isOrderCounted({ orderStatus: row.order_status, state: row.state, review: decision }) ? 1 : 0;
    await db.updateTable('staff_orders').set({ review: decision, review_note: note || null, reviewed_by: p.subjectId, reviewed_at: now, counted, updated_at: now }).where('id', '=', row.id).execute();
    const updated = await ordersQuery(db, p.agencyCode!).where('staff_orders.id', '=', row.id).execute();
    return c.json((await views(db, updated))[0]);
  });

  return r;
}

function ordersQuery(db: Db, agencyCode: string) {
  return db.selectFrom('staff_orders').innerJoin('staff', 'staff.id', 'staff_orders.staff_id').selectAll('staff_orders').select('staff.full_name').where('staff_orders.agency_code', '=', agencyCode);
}

/** An order as the focal point reviews it, with who else claimed the same marketplace order. */
async function views(db: Db, rows: (Selectable<StaffOrderTable> & { full_name: string })[]) {
  const codes = [...new Set(rows.filter((r) => r.flag_reason && r.order_code).map((r) => r.order_code!))];
  const claims = codes.length
    ? await db
        .selectFrom('staff_orders')
        .innerJoin('staff', 'staff.id', 'staff_orders.staff_id')
        .innerJoin('agencies', 'agencies.code', 'staff_orders.agency_code')
        .select(['staff_orders.id', 'staff_orders.marketplace', 'staff_orders.order_code', 'staff_orders.agency_code', 'staff.full_name', 'agencies.name as agency_name'])
        .where('staff_orders.order_code', 'in', codes)
        .where('staff_orders.state', '!=', 'withdrawn')
        .execute()
    : [];
  const ids = rows.map((r) => r.id);
  const photos = new Set(ids.length ? (await db.selectFrom('staff_order_photos').select('order_id').where('order_id', 'in', ids).execute()).map((p) => p.order_id) : []);
  const items = await itemReviews(db, ids);
  return rows.map((r) => {
    const others = claims
      .filter((x) => x.id !== r.id && x.marketplace === r.marketplace && x.order_code === r.order_code)
      // Another agency's people are not this agency's business: name the agency only.
      .map((x) => (x.agency_code === r.agency_code ? { agencyCode: x.agency_code, agencyName: x.agency_name, fullName: x.full_name } : { agencyCode: x.agency_code, agencyName: x.agency_name, fullName: null }));
    const { status, reason } = resultOf(r);
    return {
      id: r.id,
      staffId: r.staff_id,
      fullName: r.full_name,
      status,
      reason: reason ?? null,
      counted: Number(r.counted) === 1,
      source: r.source,
      flagged: r.flag_reason !== null,
      review: r.review,
      reviewNote: r.review_note,
      reviewedAt: r.reviewed_at,
      placedOn: r.placed_on,
      receivedAt: r.received_at,
      order: JSON.parse(r.body) as SubmittedOrder,
      otherClaims: others,
      hasPhoto: photos.has(r.id),
      checks: checksOf(r.checks),
      items: items.get(r.id) ?? [],
    };
  });
}
