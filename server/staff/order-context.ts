import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Db } from '../db';
import type { Period } from '../../lib/periods';
import { Problem } from '../problem';
import type { PlausibilityLimits } from './check-order';

export type PeriodWithLimits = Period & { limits: PlausibilityLimits };

/** One row of the context: the agency's flag, and one period (all null when there is none yet). */
export interface ContextRow {
  active: number | string | null;
  id: string | null;
  name: string | null;
  starts_on: string | null;
  ends_on: string | null;
  report_due: string | null;
  max_orders: number | string | null;
  max_amount: number | string | null;
}

/**
 * What a person's orders are judged against, on the busiest route of deadline day: their agency still taking orders
 * (403.12 when the province marked it inactive, as assertAgencyActive) and the campaign periods, each with the
 * province's plausibility limits. `agencyCode`: the text that gives the agency's code (a parameter, or a statement
 * that finds it). A batch reads it with the rest of what it meets (batch-meets.ts), as a plain text: Kysely's builder
 * cost more than the read.
 */
export const contextOf = (agencyCode: string) =>
  'select cast(agencies.active as bigint) as active, periods.id as id, periods.name as name, periods.starts_on as starts_on, periods.ends_on as ends_on, ' +
  'periods.report_due as report_due, cast(periods.max_orders_per_person as bigint) as max_orders, cast(periods.max_amount_per_person as bigint) as max_amount ' +
  `from agencies left join periods on true where agencies.code = ${agencyCode}`;
const contextSelect = contextOf('?');

/** The periods in order of their start, or 403.12 for an agency that is unknown or no longer takes orders. */
export function periodsOf(rows: readonly ContextRow[]): PeriodWithLimits[] {
  if (!rows.length || !Number(rows[0].active)) throw new Problem('403.12');
  return rows
    .filter((p) => p.id !== null)
    .map((p) => ({
      id: p.id!,
      name: p.name!,
      startsOn: p.starts_on!,
      endsOn: p.ends_on!,
      reportDue: p.report_due!,
      limits: { maxOrdersPerPerson: Number(p.max_orders), maxAmountPerPerson: Number(p.max_amount) },
    }))
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
}

export async function orderContext(db: Db, agencyCode: string): Promise<PeriodWithLimits[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const { rows } = await db.executeQuery<ContextRow>(CompiledQuery.raw(postgres ? contextSelect.replace('?', '$1') : contextSelect, [agencyCode]));
  return periodsOf(rows);
}
