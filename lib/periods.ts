/**
 * Campaign periods and the Vietnam calendar day: the one way the collector, the extension and the dashboards tell
 * what day it is in Lạng Sơn and which period a screen opens on.
 */
import type { Period } from './api/public';

export type { Period };

/** Vietnam is UTC+7 all year (no daylight saving), so a fixed offset is exact. */
const vietnamOffsetMs = 7 * 3600_000;

/** The Vietnam calendar day (yyyy-mm-dd) of an instant; null when it is not one. */
export function vietnamDay(at: Date | number | string): string | null {
  const t = new Date(at).getTime();
  return Number.isNaN(t) ? null : dayOf(t);
}

/** Today in Vietnam (yyyy-mm-dd), whatever the device's or server's time zone. */
export const vietnamToday = (now: Date | number = Date.now()): string => dayOf(+now);

/**
 * The Vietnam calendar day of a time (ms since 1970, UTC), by arithmetic on the count of days (H. Hinnant's
 * civil_from_days, in 400-year eras of 146.097 days whose years start on 1 March): no Date object. The buyer's note
 * asks for today on every product page it is shown on, and a first Date and toISOString there cost more than the
 * rest of its wording (bench/extension.ts). Years 0–9999.
 */
function dayOf(t: number): string {
  const z = Math.floor((t + vietnamOffsetMs) / 86_400_000) + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const m5 = Math.floor((5 * dayOfYear + 2) / 153); // months from March
  const day = dayOfYear - Math.floor((153 * m5 + 2) / 5) + 1;
  const month = m5 < 10 ? m5 + 3 : m5 - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The Vietnam calendar date of a date (yyyy-mm-dd, kept) or of an instant with its zone; null when neither. */
export function vietnamDateOf(iso: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ? null : iso;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return null;
  return vietnamDay(iso);
}

/** The period a date falls in (inclusive), the earliest when periods overlap. */
export function periodOn<P extends Period>(periods: readonly P[], date: string): P | undefined {
  return periods.find((p) => p.startsOn <= date && date <= p.endsOn);
}

/**
 * The period a screen or a report opens on when none is asked for: the latest that has started (Vietnam day),
 * else the first to come. Undefined without periods.
 */
export function currentPeriod<P extends Period>(periods: readonly P[], today = vietnamToday()): P | undefined {
  const byStart = [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return byStart.filter((p) => p.startsOn <= today).at(-1) ?? byStart[0];
}

/**
 * The period running today, for a screen that opens on "now": today falls between its start and its end or, once
 * it has ended, its report deadline (agencies still report on it). The latest started when several do. Undefined
 * when none does: a screen then says so instead of opening on a past campaign with every agency overdue.
 */
export function openPeriod<P extends Period>(periods: readonly P[], today = vietnamToday()): P | undefined {
  const running = periods.filter((p) => p.startsOn <= today && (today <= p.endsOn || today <= p.reportDue));
  return running.sort((a, b) => a.startsOn.localeCompare(b.startsOn)).at(-1);
}

/** Whole days from one yyyy-mm-dd date to another (negative when `to` has passed). */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** yyyy-mm-dd `n` days after a date. */
export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * What the new-period form proposes: from today to the last day of next month, reports due five days later, named
 * "Đợt n năm yyyy" after the periods already in that year.
 */
export function proposedPeriod(periods: readonly Period[], today = vietnamToday()): { name: string; startsOn: string; endsOn: string; reportDue: string } {
  const [y, m] = today.split('-').map(Number);
  // Day 0 of the month after next is the last day of next month.
  const endsOn = new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
  const year = String(y);
  const n = periods.filter((p) => p.startsOn.startsWith(year)).length + 1;
  return { name: `Đợt ${n} năm ${year}`, startsOn: today, endsOn, reportDue: addDays(endsOn, 5) };
}
