/**
 * Diacritics-insensitive search for the kiosk: "hoang van thu" finds "Hoàng Văn Thụ", "0912" finds a phone,
 * a CCCD by any part of it. Pure: the kiosk builds the index from its (decrypted) local households.
 */

/** Lower case, no tone or vowel marks, đ → d, single spaces. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SearchEntry {
  key: string;
  name: string;
  phone?: string | null;
  idNumber?: string | null;
}

export interface SearchIndex {
  entries: { key: string; folded: string; digits: string }[];
}

export function buildSearchIndex(items: SearchEntry[]): SearchIndex {
  return {
    entries: items.map((i) => ({ key: i.key, folded: foldForSearch(i.name), digits: `${i.phone ?? ''} ${i.idNumber ?? ''}` })),
  };
}

/** Keys of the entries matching every word of the query (names) or containing the digits (phone, ID). */
export function search(index: SearchIndex, query: string, limit = 50): string[] {
  const q = query.trim();
  if (!q) return [];
  const out: string[] = [];
  if (/^[+\d\s.\-]+$/.test(q)) {
    let digits = q.replace(/[^\d+]/g, '');
    if (digits.startsWith('+84')) digits = '0' + digits.slice(3);
    if (digits.length < 3) return [];
    for (const e of index.entries) if (e.digits.includes(digits) && out.push(e.key) >= limit) break;
    return out;
  }
  const words = foldForSearch(q).split(' ');
  for (const e of index.entries) if (words.every((w) => e.folded.includes(w)) && out.push(e.key) >= limit) break;
  return out;
}
