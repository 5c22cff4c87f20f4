import type { Tally } from '../tally';

/** Shapes of the agency and province report answers, shared by the collector and the dashboards. */

export type ReportState = 'submitted' | 'late' | 'not-yet';

/** One agency in GET /api/province/rollup. */
export interface RollupAgency {
  code: string;
  name: string;
  group: string;
  active: boolean;
  /** What counts: the newest submitted report's numbers, zeros when none (live numbers for a month). */
  tally: Tally;
  /** Live numbers from the orders received ("chưa nộp / tạm tính"). */
  live: Tally;
  /** The agency's report for the period: on time when its first version was; the newest version's numbers. */
  report: { state: ReportState; overdue: boolean; id: string | null; version: number | null; submittedAt: string | null; tally: Tally | null };
}

/** GET /api/province/rollup. */
export interface Rollup<Scope = { label: string }> {
  scope: Scope;
  provinceHeadcount: number;
  agencies: RollupAgency[];
  /** 'submitted' for a period; 'live' for a month, which has no reports of its own. */
  basis: 'submitted' | 'live';
  /** Totals of `tally` (the submitted reports for a period); participation against the province's headcount (28,385). */
  totals: Tally;
  /** Totals of the live numbers ("chưa nộp / tạm tính"). */
  liveTotals: Tally;
  counts: Record<ReportState, number> & { overdue: number };
}

/** One person in GET /api/agency/participants. */
export interface ParticipantRow {
  staffId: string;
  fullName: string;
  enrolledAt: string;
  participated: boolean;
  orders: number;
  farmItems: number;
  quantity: number;
  amountVnd: number;
  kg: number;
  /** Orders waiting for the agency's review (claimed twice). */
  awaitingReview: number;
  /** Counted orders the person declared by hand. */
  selfDeclared: number;
}
