/**
 * Where the province should act (province token). All take ?period= or ?month=yyyy-mm. Routes:
 *   GET /api/province/charts       → {byAgency:[{code, name, participants, participationRate, amountVnd, kg}],
 *                                     byDay:[{date, orders, participants (new that day), amountVnd, kg}], dailyKgTarget, averageKgPerDay}
 *   GET /api/province/most-bought-shops?by=amount|quantity|kg&limit=20 → {shops:[{shop, buyers, orders, quantity, amountVnd, kg}]}
 *                                    ("cửa hàng được cán bộ mua nhiều": ranked by staff purchases; leading accounts are leading-accounts.ts)
 *   GET /api/province/not-started  → {agencies:[{code, name, headcount, enrolledStaff, codesIssued}]} active agencies with no participant yet
 */
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppDeps } from '../../app';
import { gramsToKg } from '../../../lib/tally';
import { activeRegion } from '../../region';
import { query } from '../../validate';
import { mostBoughtShopsQuery } from '../../../lib/api/province';
import type { AuthEnv } from '../../auth/require-role';
import { countedIn, scopeOf, tallyByAgency } from '../../reports/tally';

export function provinceInsightRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/charts', async (c) => {
    const scope = await scopeOf(db, c.req.query());
    const [agencies, tallies, days, firsts] = await Promise.all([
      db.selectFrom('agencies').select(['code', 'name']).where('active', '=', 1).orderBy('code').execute(),
      tallyByAgency(db, scope),
      countedIn(db.selectFrom('staff_orders'), scope)
        .select((eb) => ['placed_on', eb.fn.countAll<number>().as('orders'), eb.fn.sum<number>('farm_amount').as('amount'), eb.fn.sum<number>('farm_grams').as('grams')])
        .groupBy('placed_on')
        .orderBy('placed_on')
        .execute(),
      // The day each person first took part, so the chart shows participation growing.
      countedIn(db.selectFrom('staff_orders'), scope).select((eb) => ['staff_id', eb.fn.min('placed_on').as('first')]).groupBy('staff_id').execute(),
    ]);
    const newOn = new Map<string, number>();
    for (const f of firsts) newOn.set(String(f.first), (newOn.get(String(f.first)) ?? 0) + 1);
    const byDay = days.map((d) => ({ date: d.placed_on, orders: Number(d.orders), participants: newOn.get(d.placed_on) ?? 0, amountVnd: Number(d.amount ?? 0), kg: gramsToKg(Number(d.grams ?? 0)) }));
    const byAgency = agencies.map((a) => {
      const t = tallies.get(a.code)!;
      return { code: a.code, name: a.name, participants: t.participants, participationRate: t.participationRate, amountVnd: t.amountVnd, kg: t.kg };
    });
    const totalKg = byDay.reduce((s, d) => s + d.kg, 0);
    return c.json({ byAgency, byDay, dailyKgTarget: activeRegion().dailyKgTarget, averageKgPerDay: byDay.length ? Math.round((totalKg / byDay.length) * 10) / 10 : 0 });
  });

  r.get('/most-bought-shops', query(mostBoughtShopsQuery), async (c) => {
    const q = c.req.valid('query');
    const scope = await scopeOf(db, q);
    const by = q.by;
    const limit = Math.min(100, Math.max(1, Number(q.limit ?? 20) || 20));
    const rows = await countedIn(db.selectFrom('staff_orders').innerJoin('staff_order_items', 'staff_order_items.order_id', 'staff_orders.id'), scope)
      .where('staff_order_items.is_farm_product', '=', 1)
      .where('staff_order_items.excluded', '=', 0)
      .where('staff_order_items.shop', 'is not', null)
      .select((eb) => [
        'staff_order_items.shop',
        eb.fn.count<number>(sql`distinct staff_orders.staff_id`).as('buyers'),
        eb.fn.count<number>(sql`distinct staff_orders.id`).as('orders'),
        eb.fn.sum<number>('staff_order_items.quantity').as('quantity'),
        eb.fn.sum<number>('staff_order_items.line_total').as('amount'),
        eb.fn.sum<number>(sql`staff_order_items.weight_grams * staff_order_items.quantity`).as('grams'),
      ])
      .groupBy('staff_order_items.shop')
      .orderBy(by === 'amount' ? 'amount' : by === 'quantity' ? 'quantity' : 'grams', 'desc')
      .orderBy('staff_order_items.shop')
      .limit(limit)
      .execute();
    return c.json({
      shops: rows.map((s) => ({ shop: s.shop, buyers: Number(s.buyers), orders: Number(s.orders), quantity: Number(s.quantity ?? 0), amountVnd: Number(s.amount ?? 0), kg: gramsToKg(Number(s.grams ?? 0)) })),
    });
  });

  r.get('/not-started', async (c) => {
    const scope = await scopeOf(db, c.req.query());
    const [agencies, tallies, staff, codes] = await Promise.all([
      db.selectFrom('agencies').select(['code', 'name', 'headcount']).where('active', '=', 1).orderBy('code').execute(),
      tallyByAgency(db, scope),
      db.selectFrom('staff').select((eb) => ['agency_code', eb.fn.countAll<number>().as('n')]).groupBy('agency_code').execute(),
      db.selectFrom('enrolment_codes').select((eb) => ['agency_code', eb.fn.countAll<number>().as('n')]).groupBy('agency_code').execute(),
    ]);
    const staffOf = new Map(staff.map((s) => [s.agency_code, Number(s.n)]));
    const codesOf = new Map(codes.map((s) => [s.agency_code, Number(s.n)]));
    return c.json({
      agencies: agencies
        .filter((a) => tallies.get(a.code)!.participants === 0)
        .map((a) => ({ code: a.code, name: a.name, headcount: a.headcount === null ? null : Number(a.headcount), enrolledStaff: staffOf.get(a.code) ?? 0, codesIssued: codesOf.get(a.code) ?? 0 })),
    });
  });

  return r;
}
