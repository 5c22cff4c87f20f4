import { foldVietnamese } from '../../../lib/text';

export { foldVietnamese };

/** Diacritics- and case-insensitive "does the text contain every word of the query, in any order". */
export function matchesQuery(text: string, query: string): boolean {
  const hay = foldVietnamese(text);
  return foldVietnamese(query).split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}
