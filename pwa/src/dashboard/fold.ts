/**
 * Lowercase without diacritics, đ → d, for search boxes: "HỒI", "hồi" and "hoi" all fold to "hoi".
 * Local copy until lib/text.ts `foldVietnamese` (branch `extract`) is merged here; then import that instead.
 */
export function foldVietnamese(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Diacritics- and case-insensitive "does the text contain every word of the query". */
export function matchesQuery(text: string, query: string): boolean {
  const hay = foldVietnamese(text);
  return foldVietnamese(query).split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}
