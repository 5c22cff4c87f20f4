// Vietnamese text helpers shared by every app: NFC for storage, folding for search and matching.
import { letterAware } from './letters';

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** NFC, invisible characters removed, whitespace (incl. no-break spaces) collapsed, trimmed. */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Collapses runs of whitespace into one space and trims. */
export function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Lowercase without diacritics, đ → d: "HỒI", "hồi" and "hoi" all fold to "hoi".
 * For search and matching only; store the NFC original.
 */
export function foldVietnamese(s: string): string {
  // đ by plain string replacement: one regular expression less to compile where folding is first used (the
  // content script folds a page title on every marketplace page).
  return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replaceAll('đ', 'd');
}

/** True when the text carries Vietnamese diacritics (or đ), i.e. folding it loses information. */
export function hasDiacritics(s: string): boolean {
  return foldVietnamese(s) !== s.toLowerCase();
}

// Letter-aware (letters.ts): compiled with Unicode letter sets only for text beyond ASCII and Vietnamese.
const WORD = /* @__PURE__ */ letterAware((l, d) => `[${l}${d}]+`, 'gu');

/** Words of a text (letters and digits), in order. */
export function words(s: string): string[] {
  return s.match(WORD(s)) ?? [];
}

/** Diacritics-insensitive "does the haystack contain the needle", for search boxes. */
export function matchesSearch(haystack: string, needle: string): boolean {
  return foldVietnamese(cleanText(haystack)).includes(foldVietnamese(cleanText(needle)));
}

/** Diacritics- and case-insensitive "does the text contain every word of the query, in any order". */
export function matchesQuery(text: string, query: string): boolean {
  const hay = foldVietnamese(text);
  return foldVietnamese(query).split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}
