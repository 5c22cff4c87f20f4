/**
 * The province's plausibility limits per period (province token). Routes:
 *   GET /api/province/periods/:id/limits → {maxOrdersPerPerson, maxAmountPerPerson} (defaults 30 and 20.000.000 ₫)
 *   PUT /api/province/periods/:id/limits {maxOrdersPerPerson, maxAmountPerPerson} → the limits; every person's
 *       orders in the period are checked again (held above a limit, released under it)
 */
import { Hono } from 'hono';
import type { AppDeps } from '../app';
import { PeriodLimitsSchema } from '../../lib/api/order-checks';
import { Problem, readJson } from '../problem';
import { readBody } from '../read-body';
import { requireRole, type AuthEnv } from '../auth/require-role';
import { applyPlausibilityToPeriod, limitsOf } from '../staff/plausibility';

export function provincePeriodLimitRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();
  const auth = requireRole(db, 'province');
  r.get('/periods/:id/limits', auth, async (c) => {
    const limits = await limitsOf(db, c.req.param('id'));
    if (!limits) throw new Problem('404.1');
    return c.json(limits);
  });
  r.put('/periods/:id/limits', auth, async (c) => {
    const b = readBody(PeriodLimitsSchema, await readJson(c.req.raw));
    const id = c.req.param('id');
    const changed = await db.updateTable('periods').set({ max_orders_per_person: b.maxOrdersPerPerson, max_amount_per_person: b.maxAmountPerPerson }).where('id', '=', id).executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw new Problem('404.1');
    await applyPlausibilityToPeriod(db, id);
    return c.json(await limitsOf(db, id));
  });
  return r;
}
