/**
 * A marketplace order code as it is compared and stored: "vs5500001", "VS 5500001", "ＶＳ５５００００１" and
 * "VS5500001" with a zero-width space are the same order. NFKC folds full-width and compatibility forms;
 * zero-width characters, the word joiner, the BOM and every kind of space are dropped; letters go upper case.
 */
const invisible = /[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/gu;

export function normalizeOrderCode(code: string): string {
  return code.normalize('NFKC').replace(invisible, '').toUpperCase();
}
