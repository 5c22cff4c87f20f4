/**
 * Diacritics-insensitive search: "hoang van thu" finds "Hoàng Văn Thụ". The kiosk's index also finds a phone by
 * "0912" and a CCCD by any part of it (built from its decrypted local households); the dashboards' tables index the
 * text of each row once (`buildTextIndex`), so a keystroke folds only the query. Pure.
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
  const words = queryWords(q);
  for (const e of index.entries) if (containsAll(e.folded, words) && out.push(e.key) >= limit) break;
  return out;
}

/** The query's words, folded: "Nguyễn  Văn" → ["nguyen", "van"]; none for a blank query. */
export function queryWords(query: string): string[] {
  const folded = foldForSearch(query);
  return folded ? folded.split(' ') : [];
}

/** Every word somewhere in the folded text, in any order. */
const containsAll = (folded: string, words: string[]) => words.every((w) => folded.includes(w));

/** Texts folded once, to be searched on every keystroke (a table's rows: thousands of people). */
export interface TextIndex {
  folded: string[];
}

export const buildTextIndex = (texts: readonly string[]): TextIndex => ({ folded: texts.map(foldForSearch) });

/** For each indexed text, whether it holds every word of the query; all true for a blank query. */
export function matchText(index: TextIndex, query: string): boolean[] {
  const words = queryWords(query);
  return index.folded.map((f) => containsAll(f, words));
}
