import { formatDate } from '../../../lib/format';
import { useLoad } from './use-load';

export interface Period {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  reportDue: string;
}

/** Campaign periods as the collector has them (the province edits them). */
export function usePeriods() {
  return useLoad<{ periods: Period[] }>('/api/periods');
}

/** Picks a campaign period; the choice lives in ?dot= so a link or a reload keeps it. */
export function PeriodPicker({ periods, value, onChange }: { periods: Period[]; value: string; onChange: (id: string) => void }) {
  return (
    <label>
      Đợt báo cáo
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {periods.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({formatDate(p.startsOn)} – {formatDate(p.endsOn)}, hạn báo cáo {formatDate(p.reportDue)})
          </option>
        ))}
      </select>
    </label>
  );
}

/** The period named in the URL, else the latest that has started, else the first. */
export function choosePeriod(periods: Period[], wanted: string | null, today = new Date().toISOString().slice(0, 10)): Period | null {
  return periods.find((p) => p.id === wanted) ?? [...periods].reverse().find((p) => p.startsOn <= today) ?? periods[0] ?? null;
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
