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
  return Number.isNaN(t) ? null : new Date(t + vietnamOffsetMs).toISOString().slice(0, 10);
}

/** Today in Vietnam (yyyy-mm-dd), whatever the device's or server's time zone. */
export const vietnamToday = (now: Date | number = Date.now()): string => vietnamDay(now)!;

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
