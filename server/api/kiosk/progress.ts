import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppDeps } from '../../app';
import type { AuthEnv } from '../../auth/require-role';
import { communesInScope } from '../../kiosk/scope';
import { langSon } from '../../../lib/region';
import type { CommuneProgress } from '../../../lib/api/kiosk';

/**
 * GET /api/kiosk/progress [?district=178] (officer: own communes; kiosk: its communes; province: all)
 *   → {targetPercent, communes:[CommuneProgress]}: signups toward "50% of households with a shop and a payment account".
 */
export function kioskProgressRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/progress', async (c) => {
    const scope = await communesInScope(db, c.get('principal'));
    const targetPercent = langSon.householdTargetPercent;
    if (scope !== 'all' && !scope.length) return c.json({ targetPercent, communes: [] });
    const paid = sql<number>`case when payment_opened_at is not null then 1 else 0 end`;
    const shop = sql<number>`case when shop_url is not null then 1 else 0 end`;
    let counts = db
      .selectFrom('households')
      .select('commune_code')
      .select((eb) => [
        eb.fn.countAll<number>().as('signed_up'),
        eb.fn.sum<number>(shop).as('shops'),
        eb.fn.sum<number>(paid).as('payments'),
        eb.fn.sum<number>(sql`case when shop_url is not null and payment_opened_at is not null then 1 else 0 end`).as('both'),
      ])
      .groupBy('commune_code');
    let communes = db
      .selectFrom('communes')
      .innerJoin('districts', 'districts.code', 'communes.district_code')
      .select(['communes.code', 'communes.name', 'communes.household_count', 'communes.district_code', 'districts.name as district_name', 'districts.signup_deadline']);
    if (scope !== 'all') {
      counts = counts.where('commune_code', 'in', scope);
      communes = communes.where('communes.code', 'in', scope);
    }
    const district = c.req.query('district');
    if (district) communes = communes.where('communes.district_code', '=', district);
    const [rows, tally] = await Promise.all([communes.orderBy('communes.code').execute(), counts.execute()]);
    const by = new Map(tally.map((t) => [t.commune_code, t]));
    const out: CommuneProgress[] = rows.map((cm) => {
      const t = by.get(cm.code);
      const both = Number(t?.both ?? 0);
      const count = cm.household_count === null ? null : Number(cm.household_count);
      return {
        communeCode: cm.code,
        communeName: cm.name,
        districtCode: cm.district_code,
        districtName: cm.district_name,
        householdCount: count,
        signedUp: Number(t?.signed_up ?? 0),
        shopsOpened: Number(t?.shops ?? 0),
        paymentAccounts: Number(t?.payments ?? 0),
        both,
        percentBoth: count ? Math.round((both / count) * 1000) / 10 : null,
        targetPercent,
        deadline: cm.signup_deadline ?? langSon.signupDeadlines[cm.district_code] ?? langSon.signupDeadlines.default ?? null,
      };
    });
    return c.json({ targetPercent, communes: out });
  });

  return r;
}
