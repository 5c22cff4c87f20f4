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
  // The combining marks (U+0300–U+036F) dropped and đ replaced in one pass, with no regular expression: the content
  // script folds a page title on every marketplace page, and in a page's new renderer process the first regular
  // expression it runs costs it about 0,1 ms to set up (docs/extraction.md). The text between two of them is kept in
  // one piece, not rebuilt a character at a time: the collector folds long texts, and most of a text needs nothing
  // (with no mark and no đ at all, the decomposed text itself comes back).
  const decomposed = s.toLowerCase().normalize('NFD');
  let folded = '';
  let kept = 0;
  for (let i = 0; i < decomposed.length; i++) {
    const c = decomposed.charCodeAt(i);
    if (c === 0x111 || (c >= 0x300 && c <= 0x36f)) {
      folded += c === 0x111 ? decomposed.slice(kept, i) + 'd' : decomposed.slice(kept, i);
      kept = i + 1;
    }
  }
  return kept === 0 ? decomposed : folded + decomposed.slice(kept);
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
