/**
 * The marketplaces' own volume, as their operators report it (province token; lib/api/marketplace-volume.ts). Routes:
 *   GET    /api/province/marketplace-volume?period=|month=yyyy-mm → {scope:{from,to,label}, aimTonnesPerDay, reports, days}
 *          reports covering the scope, newest first; days: tonnes reported (a week spread a seventh a day, null when
 *          none), which marketplaces reported, and the staff purchases' kg of that day
 *   POST   /api/province/marketplace-volume {id, marketplace, span:'day'|'week', startsOn, tonnes, source} → 201 the
 *          report (200 when the same id comes again with the same content; 409.1 with other content); 409.70 the
 *          marketplace already has a report covering one of these days
 *   DELETE /api/province/marketplace-volume/:id → {id}; 404.70 unknown
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { langSon } from '../../../lib/region';
import { gramsToKg } from '../../../lib/tally';
import { addDays } from '../../../lib/periods';
import { formatDate } from '../../../lib/format';
import { volumeDays } from '../../../lib/marketplace-volume';
import { spanDays, volumeReportRequest, type VolumeAnswer, type VolumeReport, type VolumeSpan } from '../../../lib/api/marketplace-volume';
import type { Marketplace } from '../../../lib/marketplaces/hosts';
import type { AuthEnv } from '../../auth/require-role';
import type { Database } from '../../db/schema';
import { countedIn, scopeOf } from '../../reports/tally';
import { listPeriods } from '../../periods';

type Row = Database['marketplace_volumes'];

const view = (r: Row): VolumeReport => ({
  id: r.id,
  marketplace: r.marketplace as Marketplace,
  span: r.span as VolumeSpan,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  tonnes: Number(r.kg) / 1000,
  source: r.source,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
});

export function provinceMarketplaceVolumeRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/', async (c) => {
    const scope = await scopeOf(db, c.req.query());
    const period = 'periodId' in scope ? (await listPeriods(db)).find((p) => p.id === scope.periodId)! : null;
    const from = period ? period.startsOn : (scope as { from: string }).from;
    const to = period ? period.endsOn : (scope as { to: string }).to;
    const [rows, staff] = await Promise.all([
      db.selectFrom('marketplace_volumes').selectAll().where('starts_on', '<=', to).where('ends_on', '>=', from).orderBy('starts_on', 'desc').orderBy('marketplace').execute(),
      countedIn(db.selectFrom('staff_orders'), scope)
        .select((eb) => ['placed_on', eb.fn.sum<number>('farm_grams').as('grams')])
        .groupBy('placed_on')
        .execute(),
    ]);
    const reports = rows.map(view);
    const staffKg = new Map(staff.map((s) => [s.placed_on, gramsToKg(Number(s.grams ?? 0))]));
    const answer: VolumeAnswer = {
      scope: { from, to, label: scope.label },
      aimTonnesPerDay: langSon.dailyKgTarget / 1000,
      reports,
      days: volumeDays(
        rows.map((x) => ({ marketplace: x.marketplace as Marketplace, startsOn: x.starts_on, endsOn: x.ends_on, kg: Number(x.kg) })),
        staffKg,
        from,
        to,
      ),
    };
    return c.json(answer);
  });

  r.post('/', body(volumeReportRequest), async (c) => {
    const b = c.req.valid('json');
    const row: Row = {
      id: b.id,
      marketplace: b.marketplace,
      span: b.span,
      starts_on: b.startsOn,
      ends_on: addDays(b.startsOn, spanDays[b.span] - 1),
      kg: Math.round(b.tonnes * 1000),
      source: b.source,
      recorded_by: c.get('principal').subjectId,
      recorded_at: new Date().toISOString(),
    };
    const saved = await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('marketplace_volumes').selectAll().where('id', '=', row.id).executeTakeFirst();
      if (before) {
        const same = (['marketplace', 'span', 'starts_on', 'kg', 'source'] as const).every((k) => String(before[k]) === String(row[k]));
        if (!same) throw new Problem('409.1', { field: 'id' });
        return null;
      }
      const overlap = await trx
        .selectFrom('marketplace_volumes')
        .select(['starts_on', 'ends_on'])
        .where('marketplace', '=', row.marketplace)
        .where('starts_on', '<=', row.ends_on)
        .where('ends_on', '>=', row.starts_on)
        .executeTakeFirst();
      if (overlap) throw new Problem('409.70', { field: 'startsOn', detail: `Đã có dòng từ ${formatDate(overlap.starts_on)} đến ${formatDate(overlap.ends_on)}.` });
      await trx.insertInto('marketplace_volumes').values(row).execute();
      return row;
    });
    if (!saved) {
      const again = await db.selectFrom('marketplace_volumes').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
      return c.json(view(again), 200);
    }
    return c.json(view(saved), 201);
  });

  r.delete('/:id', async (c) => {
    const id = c.req.param('id');
    const res = await db.deleteFrom('marketplace_volumes').where('id', '=', id).executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) throw new Problem('404.70');
    return c.json({ id });
  });

  return r;
}
