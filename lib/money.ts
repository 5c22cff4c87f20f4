// Money is integer VND. Every format the marketplaces show is read exactly; nothing becomes NaN.
import { letterAware } from './letters';
import { foldVietnamese } from './text';

// An amount: optional minus, digits with "." or "," thousands (or a no-break space), optional
// 1–2 decimals (dropped: VND has no minor unit), then an optional currency mark.
// Each part is bounded or unambiguous, so matching stays linear on hostile input.
// Letter-aware (letters.ts): compiled with Unicode letter sets only for text beyond ASCII and Vietnamese.
const AMOUNT = /* @__PURE__ */ letterAware(
  (l, d) => `([-−–]\\s?)?(\\d{1,3}(?:([.,\\u00a0\\u202f])\\d{3})(?:\\3\\d{3})*|\\d+)(?:[.,]\\d{1,2})?(?!\\d)(\\s?(?:₫|đ|vnđ|vnd|d)(?![${l}${d}]))?`,
  'giu',
);
const FREE = /* @__PURE__ */ letterAware((l) => `(^|[^${l}])(mien phi|free)([^${l}]|$)`, 'u');
const MAX_DIGITS = 15; // stays a safe integer

/**
 * Integer VND from a text such as "199,000đ", "1.250.000 ₫", "125,000 VND" or "-20.000₫" (negative).
 * Takes the first amount that carries a currency mark, else the first amount. "Miễn phí" (free) is 0.
 * Returns null when the text holds no amount.
 */
export function parseVnd(text: string | null | undefined): number | null {
  if (!text) return null;
  const s = text.normalize('NFC');
  let first: number | null = null;
  for (const m of s.matchAll(AMOUNT(s))) {
    const digits = m[2].replace(/\D/g, '');
    if (digits.length > MAX_DIGITS) continue;
    const value = (m[1] ? -1 : 1) * Number(digits);
    if (m[4]) return value || 0;
    first ??= value || 0;
  }
  if (first !== null) return first;
  const folded = foldVietnamese(s);
  return FREE(folded).test(folded) ? 0 : null;
}

/** True when the text holds an amount marked as money ("25.000 ₫", "199,000đ"), not just a number. */
export function hasVndAmount(text: string): boolean {
  const s = text.normalize('NFC');
  for (const m of s.matchAll(AMOUNT(s))) if (m[4]) return true;
  return false;
}

/** A count such as "SL: 3", "x2", "Số lượng: 1" or an input's value; null when there is none. */
export function parseQuantity(text: string | null | undefined): number | null {
  const m = text?.match(/\d{1,6}/);
  if (!m) return null;
  const n = Number(m[0]);
  return n > 0 ? n : null;
}
