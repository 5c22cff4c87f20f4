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
