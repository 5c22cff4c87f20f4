import { sumTallies, type Tally } from '../../lib/tally';
import { activeRegion } from '../region';
import type { Db } from '../db';
import { tallyByAgency, type Scope } from './tally';
import type { ReportState, Rollup, RollupAgency } from '../../lib/api/province';
import { vietnamToday } from '../../lib/periods';

export type { ReportState, Rollup, RollupAgency };

/**
 * Every agency for a period (or a month): submitted / late / not yet, the numbers and the rate.
 * Months have no reports of their own: report state is that of the period the month's first day falls in.
 */
export async function provinceRollup(db: Db, scope: Scope & { label: string }): Promise<Rollup> {
  const periodId = 'periodId' in scope ? scope.periodId : (await db.selectFrom('periods').select('id').where('starts_on', '<=', scope.to).where('ends_on', '>=', scope.from).orderBy('starts_on').executeTakeFirst())?.id;
  const [agencies, tallies, reports, period] = await Promise.all([
    db.selectFrom('agencies').select(['code', 'name', 'grp', 'active']).orderBy('grp').orderBy('code').execute(),
    tallyByAgency(db, scope),
    periodId ? db.selectFrom('agency_reports').select(['agency_code', 'version', 'late', 'submitted_at', 'tally']).where('period_id', '=', periodId).orderBy('version').execute() : Promise.resolve([]),
    periodId ? db.selectFrom('periods').select('report_due').where('id', '=', periodId).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  const overdue = !!period && vietnamToday() > period.report_due;
  const byAgency = new Map<string, typeof reports>();
  for (const r of reports) byAgency.set(r.agency_code, [...(byAgency.get(r.agency_code) ?? []), r]);

  const rows = agencies.map((a): RollupAgency => {
    const versions = byAgency.get(a.code) ?? [];
    const first = versions[0];
    const newest = versions[versions.length - 1];
    const state: ReportState = !first ? 'not-yet' : Number(first.late) ? 'late' : 'submitted';
    return {
      code: a.code,
      name: a.name,
      group: a.grp,
      active: Number(a.active) === 1,
      tally: tallies.get(a.code)!,
      report: {
        state,
        overdue: state === 'not-yet' && overdue,
        version: newest ? Number(newest.version) : null,
        submittedAt: newest?.submitted_at ?? null,
        tally: newest ? (JSON.parse(newest.tally) as Tally) : null,
      },
    };
  });
  const counts = { submitted: 0, late: 0, 'not-yet': 0, overdue: 0 };
  for (const r of rows) {
    if (!r.active) continue;
    counts[r.report.state]++;
    if (r.report.overdue) counts.overdue++;
  }
  const { staffHeadcount } = activeRegion();
  return {
    scope,
    provinceHeadcount: staffHeadcount,
    agencies: rows,
    totals: sumTallies(rows.map((r) => r.tally), staffHeadcount),
    submittedTotals: sumTallies(rows.flatMap((r) => (r.report.tally ? [r.report.tally] : [])), staffHeadcount),
    counts,
  };
}
