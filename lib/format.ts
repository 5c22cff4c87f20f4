/** Display formats the users expect: VND with dot thousands, dates dd/mm/yyyy (Vietnam time). */
import { vietnamDay } from './periods';

// Pure: a bundle that takes only formatDate (the extension's content script, for the buyer's note) drops it instead of
// making a number format on every marketplace page it runs on.
const vnd = /* @__PURE__ */ new Intl.NumberFormat('vi-VN');

/** 1250000 → "1.250.000 ₫". */
export function formatVnd(amount: number): string {
  if (!Number.isFinite(amount)) return '';
  return `${vnd.format(Math.round(amount))} ₫`;
}

/** A plain number with Vietnamese grouping: 28385 → "28.385"; 1.5 → "1,5". */
export function formatNumber(n: number, maxFractionDigits = 1): string {
  let f = numberFormats.get(maxFractionDigits);
  if (!f) numberFormats.set(maxFractionDigits, (f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxFractionDigits })));
  return f.format(n);
}
/** Made once per precision: a table of thousands of people formats hundreds of cells per keystroke. */
const numberFormats = new Map<number, Intl.NumberFormat>();

/** "2021-09-30" or an ISO instant → "30/09/2021" (instants in Asia/Ho_Chi_Minh). */
export function formatDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const [y, m, d] = iso.split('-');
    return `${d}/${m}/${y}`;
  }
  const day = vietnamDay(iso);
  return day ? formatDate(day) : '';
}

/** "30/09/2021" → "2021-09-30", or null when it is not a real date. */
export function parseDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A share (0–1) as a percentage: 0,05 → "5%", 0,1234 → "12,3%". Under 1% it keeps two significant digits, so 2 people
 * of 28.385 read "0,007%", not a "0%" that looks like nobody.
 */
export function formatPercent(rate: number): string {
  const p = rate * 100;
  if (p > 0 && p < 1) return `${new Intl.NumberFormat('vi-VN', { maximumSignificantDigits: 2 }).format(p)}%`;
  return `${formatNumber(p)}%`;
}

/** A number as Vietnamese write it: "8,5" → 8.5, "1.250,5" → 1250.5 (dot groups thousands); null when it is not one. */
export function parseDecimal(text: string): number | null {
  const t = text.replace(/\s/g, '');
  if (!/^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(t)) return null;
  return Number(t.replace(/\./g, '').replace(',', '.'));
}
