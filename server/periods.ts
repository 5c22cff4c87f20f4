import type { Db } from './db';

/** A campaign period as the API shows it (docs/api.md). */
export interface PeriodView {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  reportDue: string;
}

export async function listPeriods(db: Db): Promise<PeriodView[]> {
  const rows = await db.selectFrom('periods').selectAll().orderBy('starts_on').execute();
  return rows.map((p) => ({ id: p.id, name: p.name, startsOn: p.starts_on, endsOn: p.ends_on, reportDue: p.report_due }));
}

/** The Vietnam-time calendar date (yyyy-mm-dd) of an ISO date or instant; null when it is not one. */
export function vnDateOf(iso: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ? null : iso;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return new Date(t + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The period a date falls in (inclusive), the earliest when periods overlap. */
export function periodOn(periods: readonly PeriodView[], date: string): PeriodView | undefined {
  return periods.find((p) => p.startsOn <= date && date <= p.endsOn);
}
