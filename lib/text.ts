// Vietnamese text helpers shared by every app: NFC for storage, folding for search and matching.

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** NFC, invisible characters removed, whitespace (incl. no-break spaces) collapsed, trimmed. */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Collapses runs of whitespace into one space and trims. */
export function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

// Vietnamese letters with their marks, lowercase and precomposed (NFC), and the letter each folds to.
const MARKED = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
const PLAIN = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';

/** A character that stays as it is under folding: punctuation, spaces and currency signs around Vietnamese text. */
const keeps = (c: number) => (c >= 0xa0 && c <= 0xbf) || c === 0xd7 || c === 0xf7 || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e) || (c >= 0x20a0 && c <= 0x20c0);

/**
 * Lowercase without diacritics, đ → d: "HỒI", "hồi" and "hoi" all fold to "hoi".
 * For search and matching only; store the NFC original.
 * Vietnamese text is folded letter by letter from a table; only text with other letters (é in a French word, say)
 * goes through Unicode decomposition. The content script folds the title of every marketplace page, and the first
 * decomposition and regular expression used on a page cost more than the rest of its check on a page that is no order.
 */
export function foldVietnamese(s: string): string {
  const lower = s.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 0x80 || keeps(c)) out += lower[i];
    else if (c >= 0x300 && c <= 0x36f) continue; // a combining mark: text written decomposed (NFD)
    else {
      const at = MARKED.indexOf(lower[i]);
      if (at < 0) return lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
      out += PLAIN[at];
    }
  }
  return out;
}

/** True when the text carries Vietnamese diacritics (or đ), i.e. folding it loses information. */
export function hasDiacritics(s: string): boolean {
  return foldVietnamese(s) !== s.toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words of a text (letters and digits), in order. */
export function words(s: string): string[] {
  return s.match(WORD) ?? [];
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
