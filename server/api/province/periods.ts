/**
 * Campaign periods and their report deadlines, as data the province edits (everyone reads them: public/periods.ts). Routes:
 *   POST  /api/province/periods         {id (a-z0-9-), name, startsOn, endsOn, reportDue} → 201 the period; 409.12 id taken
 *   PATCH /api/province/periods/:id     {name?, startsOn?, endsOn?, reportDue?} → the period.
 *         Orders already received keep the period they were counted in.
 *   GET   /api/province/periods/:id/limits → {maxOrdersPerPerson, maxAmountPerPerson} (defaults 30 and 20.000.000 ₫)
 *   PUT   /api/province/periods/:id/limits {maxOrdersPerPerson, maxAmountPerPerson} → the limits; every person's
 *         orders in the period are checked again (held above a limit, released under it)
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { newPeriodRequest, periodLimitsSchema, periodPatchRequest } from '../../../lib/api/province';
import { applyPlausibilityToPeriod, limitsOf } from '../../staff/plausibility';
import type { AuthEnv } from '../../auth/require-role';
import { listPeriods } from '../../periods';
import type { Period } from '../../../lib/periods';

export function provincePeriodRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.post('/', body(newPeriodRequest), async (c) => {
    const p = inOrder(c.req.valid('json'));
    if (await db.selectFrom('periods').select('id').where('id', '=', p.id).executeTakeFirst()) throw new Problem('409.12', { field: 'id' });
    await db.insertInto('periods').values({ id: p.id, name: p.name, starts_on: p.startsOn, ends_on: p.endsOn, report_due: p.reportDue }).execute();
    return c.json(p, 201);
  });

  r.patch('/:id', body(periodPatchRequest), async (c) => {
    const before = (await listPeriods(db)).find((p) => p.id === c.req.param('id'));
    if (!before) throw new Problem('404.1');
    const p = inOrder({ ...before, ...c.req.valid('json') });
    await db.updateTable('periods').set({ name: p.name, starts_on: p.startsOn, ends_on: p.endsOn, report_due: p.reportDue }).where('id', '=', p.id).execute();
    return c.json(p);
  });

  r.get('/:id/limits', async (c) => {
    const limits = await limitsOf(db, c.req.param('id'));
    if (!limits) throw new Problem('404.1');
    return c.json(limits);
  });

  r.put('/:id/limits', body(periodLimitsSchema), async (c) => {
    const b = c.req.valid('json');
    const id = c.req.param('id');
    const changed = await db.updateTable('periods').set({ max_orders_per_person: b.maxOrdersPerPerson, max_amount_per_person: b.maxAmountPerPerson }).where('id', '=', id).executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw new Problem('404.1');
    await applyPlausibilityToPeriod(db, id);
    return c.json(await limitsOf(db, id));
  });

  return r;
}

/** Each field is the schema's (lib/api/province.ts); how the dates stand to each other is checked here. */
function inOrder(p: Period): Period {
  if (p.startsOn > p.endsOn) throw new Problem('400.2', { field: 'endsOn', detail: 'Ngày kết thúc phải sau ngày bắt đầu.' });
  if (p.reportDue < p.startsOn) throw new Problem('400.2', { field: 'reportDue', detail: 'Hạn báo cáo phải sau ngày bắt đầu.' });
  return p;
}
