// Weight in grams from what sellers write in names and details: "hộp 2kg", "1,5 kg", "2 kí", "combo 2 hộp x 500g".

import { letterAwareIgnoringCase } from './letters';

// Compiled at the first reading, not at import, and marked pure: the content script imports neighbours of this module
// but never reads weights, and a bundler keeps top-level calls it cannot prove pure (String.raw included).
// Letter-aware (./letters.ts): with Unicode letter sets, compiling these three was most of an order confirmation's reading.
const NUM = '\\d{1,6}(?:[.,]\\d{1,3})?';
const UNIT = 'kilogram|kilo|kgs|kg|ký|kí|ky|ki|lạng|lang|gram|gam|gr|g';
const PACK = '(?:hộp|hop|túi|tui|gói|goi|chai|lọ|lo|hũ|hu|bao|bịch|bich|khay|thanh|phần|phan)';
// Not glued to a preceding letter/digit (so "A52" or "SP1.5kg" codes are not read) nor to a following one
// ("2 gà" is not 2 g). Every part is bounded, so this stays linear on hostile input.
// Case is ignored (letters.ts letterAwareIgnoringCase): on plain text the units are matched in the text lowercased.
const single = /* @__PURE__ */ letterAwareIgnoringCase((l, d) => String.raw`(?<![${l}${d}.,])(${NUM})\s?(${UNIT})(?![${l}${d}])`, 'gu');
const timesBefore = /* @__PURE__ */ letterAwareIgnoringCase((l, d) => String.raw`(?<![${l}${d}.,])(\d{1,4})\s?(?:${PACK}\s?)?[x×*]\s?(${NUM})\s?(${UNIT})(?![${l}${d}])`, 'u');
const timesAfter = /* @__PURE__ */ letterAwareIgnoringCase((l, d) => String.raw`(?<![${l}${d}.,])(${NUM})\s?(${UNIT})\s?[x×*]\s?(\d{1,4})(?![${l}${d}.,])`, 'u');
/** `text` matched by a case-insensitive pattern. */
const match = (pattern: (text: string) => [RegExp, string], text: string) => {
  const [re, t] = pattern(text);
  return t.match(re);
};

const MIN_GRAMS = 10; // "5G" on a phone, "3g" of network: no produce is sold by a few grams
const MAX_GRAMS = 100_000_000;

function grams(num: string, unit: string): number | null {
  const u = unit.toLowerCase();
  const inGrams = u === 'g' || u === 'gr' || u === 'gam' || u === 'gram';
  // "1.000g" is a thousand grams; "1,5 kg" and "0.699kg" are decimals.
  const n = inGrams && /[.,]\d{3}$/.test(num) ? Number(num.replace(/[.,]/g, '')) : Number(num.replace(',', '.'));
  const factor = inGrams ? 1 : u === 'lạng' || u === 'lang' ? 100 : 1000;
  const g = Math.round(n * factor);
  return Number.isFinite(g) && g >= MIN_GRAMS && g <= MAX_GRAMS ? g : null;
}

/** Grams per unit sold, read from a name or a detail such as "Trọng lượng: 0.699kg"; null when none. */
export function parseWeightGrams(text: string | null | undefined): number | null {
  if (!text) return null;
  const s = text.normalize('NFC');
  const before = match(timesBefore, s);
  if (before) {
    const g = grams(before[2], before[3]);
    if (g) return g * Number(before[1]);
  }
  const after = match(timesAfter, s);
  if (after) {
    const g = grams(after[1], after[2]);
    if (g) return g * Number(after[3]);
  }
  const [re, t] = single(s);
  for (const m of t.matchAll(re)) {
    const g = grams(m[1], m[2]);
    if (g) return g;
  }
  return null;
}
