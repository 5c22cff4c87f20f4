// Dates as the marketplaces print them (dd/mm/yyyy, Vietnam time) into ISO-8601 with the +07:00 offset.

const DMY = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/;
const HM = /(?<!\d)(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?!\d)/;
const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const two = (n: number) => String(n).padStart(2, '0');

/**
 * "12/10/2026 09:15", "09:15 12-10-2026" or an ISO string → "2026-10-12T09:15:00+07:00".
 * A date without a time is midnight in Vietnam (UTC+7, no daylight saving). Null when there is no valid date.
 */
export function parseVietnameseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = text.trim();
  if (ISO.test(t)) return Number.isNaN(Date.parse(t)) ? null : t;
  const d = t.match(DMY);
  if (!d) return null;
  const [day, month, year] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  const rest = t.slice(0, d.index) + ' ' + t.slice((d.index ?? 0) + d[0].length);
  const hm = rest.match(HM);
  const [h, m, s] = hm ? [Number(hm[1]), Number(hm[2]), Number(hm[3] ?? 0)] : [0, 0, 0];
  if (h > 23 || m > 59 || s > 59) return null;
  return `${year}-${two(month)}-${two(day)}T${two(h)}:${two(m)}:${two(s)}+07:00`;
}
