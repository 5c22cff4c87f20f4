// Weight in grams from what sellers write in names and details: "hộp 2kg", "1,5 kg", "2 kí", "combo 2 hộp x 500g".

// Built at the first reading, not at import: a bundler keeps the String.raw calls of unused top-level patterns, and
// the content script imports neighbours of this module but never reads weights (it ran five of them on every page).
let patterns: { single: RegExp; timesBefore: RegExp; timesAfter: RegExp } | undefined;
function weightPatterns() {
  if (patterns) return patterns;
  const NUM = String.raw`\d{1,6}(?:[.,]\d{1,3})?`;
  const UNIT = String.raw`kilogram|kilo|kgs|kg|ký|kí|ky|ki|lạng|lang|gram|gam|gr|g`;
  const PACK = String.raw`(?:hộp|hop|túi|tui|gói|goi|chai|lọ|lo|hũ|hu|bao|bịch|bich|khay|thanh|phần|phan)`;
  // Not glued to a preceding letter/digit (so "A52" or "SP1.5kg" codes are not read) nor to a following one
  // ("2 gà" is not 2 g). Every part is bounded, so this stays linear on hostile input.
  return (patterns = {
    single: new RegExp(String.raw`(?<![\p{L}\p{N}.,])(${NUM})\s?(${UNIT})(?![\p{L}\p{N}])`, 'giu'),
    timesBefore: new RegExp(String.raw`(?<![\p{L}\p{N}.,])(\d{1,4})\s?(?:${PACK}\s?)?[x×*]\s?(${NUM})\s?(${UNIT})(?![\p{L}\p{N}])`, 'iu'),
    timesAfter: new RegExp(String.raw`(?<![\p{L}\p{N}.,])(${NUM})\s?(${UNIT})\s?[x×*]\s?(\d{1,4})(?![\p{L}\p{N}.,])`, 'iu'),
  });
}

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
  const { single, timesBefore, timesAfter } = weightPatterns();
  const before = s.match(timesBefore);
  if (before) {
    const g = grams(before[2], before[3]);
    if (g) return g * Number(before[1]);
  }
  const after = s.match(timesAfter);
  if (after) {
    const g = grams(after[1], after[2]);
    if (g) return g * Number(after[3]);
  }
  for (const m of s.matchAll(single)) {
    const g = grams(m[1], m[2]);
    if (g) return g;
  }
  return null;
}
