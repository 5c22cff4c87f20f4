/**
 * The campaign's phases as data: each has a name, a deadline and the districts that must reach the target by it
 * (2021: 5 districts by 20/9, the rest by 31/12). Phases of any year sit side by side; a district's phase is the
 * first one whose deadline has not passed, else its last.
 */
export interface Phase {
  id: string;
  name: string;
  /** When the phase began, if known: the pace line starts there. */
  startsOn: string | null;
  deadline: string;
  districtCodes: string[];
}

export type DistrictStatus = 'reached' | 'on-track' | 'behind' | 'late' | 'unknown';

export const statusLabels: Record<DistrictStatus, string> = {
  reached: 'Đã đạt',
  'on-track': 'Đúng tiến độ',
  behind: 'Chậm so với tiến độ',
  late: 'Quá hạn, chưa đạt',
  unknown: 'Chưa có số hộ',
};

/** The phase a district answers to on `today` (yyyy-mm-dd), or null when it is in none. */
export function phaseOf(phases: Phase[], districtCode: string, today: string): Phase | null {
  const mine = phases.filter((p) => p.districtCodes.includes(districtCode)).sort((a, b) => a.deadline.localeCompare(b.deadline));
  return mine.find((p) => p.deadline >= today) ?? mine.at(-1) ?? null;
}

/**
 * Where a district stands: reached the target; late (its deadline passed without it); behind (below a straight line
 * from 0 at the phase's start to the target at its deadline); otherwise on track. Unknown without a household count.
 */
export function districtStatus(percent: number | null, target: number, deadline: string | null, startsOn: string | null, today: string): DistrictStatus {
  if (percent === null) return 'unknown';
  if (percent >= target) return 'reached';
  if (deadline && today > deadline) return 'late';
  if (deadline && startsOn && today > startsOn) {
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    const pace = (target * days(startsOn, today)) / Math.max(1, days(startsOn, deadline));
    if (percent < pace) return 'behind';
  }
  return 'on-track';
}
