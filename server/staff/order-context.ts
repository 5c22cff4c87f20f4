import type { Db } from '../db';
import type { Period } from '../../lib/periods';
import { Problem } from '../problem';
import type { PlausibilityLimits } from './check-order';

export type PeriodWithLimits = Period & { limits: PlausibilityLimits };

/**
 * What a person's orders are judged against, in one query instead of three on the busiest route of deadline day:
 * their agency still taking orders (403.12 when the province marked it inactive, as assertAgencyActive) and the
 * campaign periods in order, each with the province's plausibility limits.
 */
export async function orderContext(db: Db, agencyCode: string): Promise<PeriodWithLimits[]> {
  const rows = await db
    .selectFrom('agencies')
    .leftJoin('periods', (j) => j.onTrue())
    .select(['agencies.active', 'periods.id', 'periods.name', 'periods.starts_on', 'periods.ends_on', 'periods.report_due', 'periods.max_orders_per_person', 'periods.max_amount_per_person'])
    .where('agencies.code', '=', agencyCode)
    .orderBy('periods.starts_on')
    .execute();
  if (!rows.length || !Number(rows[0].active)) throw new Problem('403.12');
  return rows
    .filter((p) => p.id !== null)
    .map((p) => ({
      id: p.id!,
      name: p.name!,
      startsOn: p.starts_on!,
      endsOn: p.ends_on!,
      reportDue: p.report_due!,
      limits: { maxOrdersPerPerson: Number(p.max_orders_per_person), maxAmountPerPerson: Number(p.max_amount_per_person) },
    }));
}
