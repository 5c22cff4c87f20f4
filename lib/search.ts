/**
 * Diacritics-insensitive search for the kiosk: "hoang van thu" finds "Hoàng Văn Thụ", "0912" finds a phone,
 * a CCCD by any part of it. Pure: the kiosk builds the index from its (decrypted) local households.
 */

import { normalisePhone } from './vn-phone';
import { foldVietnamese } from './text';

/** Lower case, no tone or vowel marks, đ → d (lib/text.ts), single spaces. */
export function foldForSearch(text: string): string {
  return foldVietnamese(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
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
    // Phones and IDs as the officer may have typed them ("+84 912 345 678", "020 190…"): compare digits only.
    entries: items.map((i) => ({ key: i.key, folded: foldForSearch(i.name), digits: `${normalisePhone(i.phone ?? '').replace(/\D/g, '')} ${(i.idNumber ?? '').replace(/\D/g, '')}` })),
  };
}

/** Keys of the entries matching every word of the query (names) or containing the digits (phone, ID). */
export function search(index: SearchIndex, query: string, limit = 50): string[] {
  const q = query.trim();
  if (!q) return [];
  const out: string[] = [];
  if (/^[+\d\s.\-]+$/.test(q)) {
    const digits = normalisePhone(q).replace(/\D/g, '');
    if (digits.length < 3) return [];
    for (const e of index.entries) if (e.digits.includes(digits) && out.push(e.key) >= limit) break;
    return out;
  }
  const words = foldForSearch(q).split(' ');
  for (const e of index.entries) if (words.every((w) => e.folded.includes(w)) && out.push(e.key) >= limit) break;
  return out;
}
