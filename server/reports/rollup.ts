import { finishTally, sumTallies, type Tally } from '../../lib/tally';
import { activeRegion } from '../region';
import type { Db } from '../db';
import { tallyByAgency, type Scope } from './tally';
import type { ReportState, Rollup, RollupAgency } from '../../lib/api/province';
import { vietnamToday } from '../../lib/periods';

export type { ReportState, Rollup, RollupAgency };

/**
 * Every agency for a period (or a month): submitted / late / not yet, the numbers and the rate.
 * For a period, what counts is each agency's newest submitted report (an agency that has not submitted
 * counts zero); the live numbers stay beside them as "chưa nộp / tạm tính". Months have no reports of their
 * own: their figures are live (basis 'live'), and report state is that of the period the month's first day falls in.
 */
export async function provinceRollup(db: Db, scope: Scope & { label: string }): Promise<Rollup> {
  const periodId = 'periodId' in scope ? scope.periodId : (await db.selectFrom('periods').select('id').where('starts_on', '<=', scope.to).where('ends_on', '>=', scope.from).orderBy('starts_on').executeTakeFirst())?.id;
  const [agencies, tallies, reports, period] = await Promise.all([
    db.selectFrom('agencies').select(['code', 'name', 'grp', 'active']).orderBy('grp').orderBy('code').execute(),
    tallyByAgency(db, scope),
    periodId ? db.selectFrom('agency_reports').select(['id', 'agency_code', 'version', 'late', 'submitted_at', 'tally']).where('period_id', '=', periodId).orderBy('version').execute() : Promise.resolve([]),
    periodId ? db.selectFrom('periods').select('report_due').where('id', '=', periodId).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  const overdue = !!period && vietnamToday() > period.report_due;
  const byAgency = new Map<string, typeof reports>();
  for (const r of reports) byAgency.set(r.agency_code, [...(byAgency.get(r.agency_code) ?? []), r]);

  const basis = 'periodId' in scope ? 'submitted' : 'live';
  const rows = agencies.map((a): RollupAgency => {
    const versions = byAgency.get(a.code) ?? [];
    const first = versions[0];
    const newest = versions[versions.length - 1];
    const state: ReportState = !first ? 'not-yet' : Number(first.late) ? 'late' : 'submitted';
    const live = tallies.get(a.code)!;
    const submitted = newest ? (JSON.parse(newest.tally) as Tally) : null;
    return {
      code: a.code,
      name: a.name,
      group: a.grp,
      active: Number(a.active) === 1,
      tally: basis === 'live' ? live : submitted ?? zeroTally(live.headcount),
      live,
      report: {
        state,
        overdue: state === 'not-yet' && overdue,
        id: newest?.id ?? null,
        version: newest ? Number(newest.version) : null,
        submittedAt: newest?.submitted_at ?? null,
        tally: submitted,
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
    basis,
    totals: sumTallies(rows.map((r) => r.tally), staffHeadcount),
    liveTotals: sumTallies(rows.map((r) => r.live), staffHeadcount),
    counts,
  };
}

const zeroTally = (headcount: number | null) => finishTally({ participants: 0, orders: 0, farmItems: 0, quantity: 0, amountVnd: 0, grams: 0, itemsWithoutWeight: 0 }, headcount);
