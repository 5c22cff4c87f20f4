/**
 * Day by day, what the marketplaces reported and what staff bought (issue 13, item 3). A week's report is spread as a
 * seventh on each of its days, so days and weeks add up and compare with the aim per day. Pure: checked by hand in
 * marketplace-volume.test.ts.
 */
import type { Marketplace } from './marketplaces/hosts';
import type { VolumeDay } from './api/marketplace-volume';
import { addDays } from './periods';

export interface StoredVolume {
  marketplace: Marketplace;
  startsOn: string;
  endsOn: string;
  kg: number;
}

/** Whole days a report covers, ends included. */
const daysIn = (r: { startsOn: string; endsOn: string }) => Math.round((Date.parse(`${r.endsOn}T00:00:00Z`) - Date.parse(`${r.startsOn}T00:00:00Z`)) / 86_400_000) + 1;

/**
 * Every day from `from` to `to` that has a report or a staff purchase, in order. `staffKg` maps yyyy-mm-dd → kg.
 * Tonnes are rounded to the kilogram (3 decimals).
 */
export function volumeDays(reports: readonly StoredVolume[], staffKg: ReadonlyMap<string, number>, from: string, to: string): VolumeDay[] {
  const kgOn = new Map<string, number>();
  const who = new Map<string, Set<Marketplace>>();
  for (const r of reports) {
    const n = daysIn(r);
    for (let i = 0; i < n; i++) {
      const d = addDays(r.startsOn, i);
      if (d < from || d > to) continue;
      kgOn.set(d, (kgOn.get(d) ?? 0) + r.kg / n);
      who.set(d, (who.get(d) ?? new Set()).add(r.marketplace));
    }
  }
  const dates = [...new Set([...kgOn.keys(), ...[...staffKg.keys()].filter((d) => d >= from && d <= to)])].sort();
  return dates.map((date) => ({
    date,
    tonnes: kgOn.has(date) ? Math.round(kgOn.get(date)!) / 1000 : null,
    marketplaces: [...(who.get(date) ?? [])].sort(),
    staffKg: staffKg.get(date) ?? 0,
  }));
}

/** Staff purchases as a share of what the marketplaces reported, over the days that have a report; null without any. */
export function staffShare(days: readonly VolumeDay[]): number | null {
  const reported = days.filter((d) => d.tonnes !== null);
  const tonnes = reported.reduce((s, d) => s + d.tonnes!, 0);
  if (!tonnes) return null;
  return reported.reduce((s, d) => s + d.staffKg, 0) / (tonnes * 1000);
}
