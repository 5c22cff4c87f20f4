import { formatDate } from '../../../lib/format';
import { openPeriod, vietnamToday, type Period } from '../../../lib/periods';
import type { PeriodList } from '../../../lib/api/public';
import { useLoad } from './use-load';

export type { Period };

/** Campaign periods as the collector has them (the province edits them). */
export function usePeriods() {
  return useLoad<PeriodList>('/api/periods');
}

/**
 * Picks a campaign period; the choice lives in ?dot= so a link or a reload keeps it. With no period running today
 * (`value` empty) the list says so and the other periods stay one choice away.
 */
export function PeriodPicker({ periods, value, onChange }: { periods: Period[]; value: string; onChange: (id: string) => void }) {
  return (
    <label>
      Đợt báo cáo
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {!value && <option value="">Không có đợt nào hôm nay; chọn một đợt để xem</option>}
        {periods.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({formatDate(p.startsOn)} – {formatDate(p.endsOn)}, hạn báo cáo {formatDate(p.reportDue)})
          </option>
        ))}
      </select>
    </label>
  );
}

/** The period named in the URL, else the one running today (lib/periods.ts), else none. */
export function choosePeriod(periods: Period[], wanted: string | null, today = vietnamToday()): Period | null {
  return periods.find((p) => p.id === wanted) ?? openPeriod(periods, today) ?? null;
}

export function readQuery(name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}

/** Replaces one query parameter without a new history entry (a filter, not a new page). */
export function writeQuery(name: string, value: string | null) {
  const q = new URLSearchParams(location.search);
  if (value === null) q.delete(name);
  else q.set(name, value);
  const s = q.toString();
  history.replaceState(null, '', `${location.pathname}${s ? `?${s}` : ''}`);
}
