/**
 * The arithmetic every dashboard chart draws with: an axis that starts and ends on round numbers taken from the
 * data's own range, a value's position on it, and days placed by their real distance (9 days apart sit 4,5 times
 * as far apart as 2 days). Pure functions, so each figure is checked by hand in chart-scale.test.ts.
 */

export interface Ticks {
  /** The axis runs from lo to hi; both are ticks. */
  lo: number;
  hi: number;
  step: number;
  values: number[];
}

/** 1, 2 or 5 times a power of ten: the step a person reads at a glance. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/**
 * Round ticks covering [min, max] with about `count` intervals. Amounts that cannot be negative start at 0 (`zero`),
 * so a bar or line's height is its value; counts of people or items step by whole numbers (`integer`).
 */
export function niceTicks(min: number, max: number, { count = 5, zero = true, integer = false }: { count?: number; zero?: boolean; integer?: boolean } = {}): Ticks {
  let a = zero ? Math.min(0, min) : min;
  let b = zero ? Math.max(0, max) : max;
  if (!(b > a)) {
    // One value (or none): an axis around it, e.g. 0–1 for nothing yet.
    b = a === 0 ? 1 : a + Math.abs(a) * 0.5;
    if (!zero) a = a - Math.abs(a) * 0.5;
  }
  let step = niceStep((b - a) / count);
  if (integer) step = Math.max(1, Math.round(step));
  const lo = Math.floor(a / step + 1e-9) * step;
  const hi = Math.ceil(b / step - 1e-9) * step;
  const values: number[] = [];
  // Multiplying (not adding) keeps 0,1 + 0,2 from drifting to 0,30000000000000004.
  for (let i = 0; lo + i * step <= hi + step * 1e-9; i++) values.push(round(lo + i * step, step));
  return { lo: round(lo, step), hi: round(hi, step), step, values };
}

/** Drops float noise below the step's precision. */
function round(x: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(x.toFixed(Math.min(digits, 12)));
}

/** Where a value sits between two pixel positions (from → to may run downwards, as a y axis does). */
export function linear(domainLo: number, domainHi: number, from: number, to: number) {
  const span = domainHi - domainLo || 1;
  return (value: number) => from + ((value - domainLo) / span) * (to - from);
}

const dayMs = 86_400_000;

/** Days since 1970-01-01 of a yyyy-mm-dd date (UTC, so no clock change moves a day). */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / dayMs);
}

/** The yyyy-mm-dd date of a day number. */
export function dayIso(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** A time axis: each date's position in proportion to the days between; one date alone sits in the middle. */
export function timeScale(first: string, last: string, from: number, to: number) {
  const d0 = dayNumber(first);
  const d1 = dayNumber(last);
  if (d1 === d0) return () => (from + to) / 2;
  const at = linear(d0, d1, from, to);
  return (iso: string) => at(dayNumber(iso));
}

/** Steps in days a date axis may take (a day, two, a week, a fortnight, about a month, a quarter). */
const daySteps = [1, 2, 7, 14, 30, 91, 182, 365];

/** At most `count` + 1 dates to label, from the first date on, a whole number of days apart. */
export function dateTicks(first: string, last: string, count = 6): string[] {
  const d0 = dayNumber(first);
  const span = dayNumber(last) - d0;
  const step = daySteps.find((s) => span / s <= count) ?? Math.ceil(span / count);
  const out: string[] = [];
  for (let d = d0; d <= d0 + span; d += step) out.push(dayIso(d));
  return out;
}

/** A position rounded to a tenth of a pixel: what the SVG needs, without float noise (53,400000000000006). */
export const px = (n: number) => Math.round(n * 10) / 10;
