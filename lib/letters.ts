// Regular expressions that need "a letter" or "a digit" in any script (\p{L}, \p{N}): weights ("2 gà" is not 2 g),
// amounts ("100 đồng" but not "100 days"), words. In Chromium each such pattern took 0,4–2 ms to compile the first
// time a page used it (the Unicode property sets, more under case folding and in a lookbehind; timed on a busy
// machine), and every order page is a fresh isolated world, often in a fresh renderer. Nearly every marketplace text
// is made of ASCII, Vietnamese letters and a few signs; on such a text the same pattern with those letters spelt out
// matches exactly the same and compiles several times faster (a plain class of words: a few microseconds). The
// Unicode pattern is compiled only for other text.

/** Every precomposed Vietnamese letter outside ASCII (NFC), both cases: all of them are \p{L}. */
export const VIETNAMESE_LETTERS =
  'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ' +
  'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ';
/**
 * Signs outside ASCII seen on the marketplaces' pages, none of them a letter or a digit: spaces (no-break, narrow
 * no-break), invisible joiners, the đồng sign, times, dashes and minus, ellipsis, quotes, bullets, degree, ©, ®, ™.
 */
export const PLAIN_SIGNS = '\\u00a0\\u202f\\u200b-\\u200d\\u2060\\ufeff₫×–—−…‘’“”•·°©®™';

let plain: RegExp | undefined;
/** Made only of ASCII, Vietnamese letters and the signs above: where a letter and a digit are known without Unicode sets. */
export const isPlainText = (s: string): boolean => (plain ??= new RegExp(`^[\\0-\\x7f${VIETNAMESE_LETTERS}${PLAIN_SIGNS}]*$`)).test(s);

/** A pattern written with `letter` and `digit` inside its character classes: `[${letter}${digit}]`. */
export type LetterPattern = (letter: string, digit: string) => string;

/**
 * The regular expression for a text: on plain text (`isPlainText`) the pattern with ASCII and Vietnamese letters and
 * ASCII digits, else with \p{L} and \p{N}. Each is compiled at its first use (flags must include `u`).
 */
export function letterAware(pattern: LetterPattern, flags: string): (text: string) => RegExp {
  let spelt: RegExp | undefined;
  let unicode: RegExp | undefined;
  return (text) =>
    isPlainText(text)
      ? (spelt ??= new RegExp(pattern(`A-Za-z${VIETNAMESE_LETTERS}`, '0-9'), flags))
      : (unicode ??= new RegExp(pattern('\\p{L}', '\\p{N}'), flags));
}

/**
 * A case-insensitive letter-aware pattern: `flags` without `i`, and every letter the pattern spells out in lower case.
 * Gives the pattern and the text to match it on. On plain text, the text lowercased and the spelt pattern without `i`:
 * case folding the spelt letter sets was most of compiling such a pattern (a weight's: about 0,3 ms each, half that
 * without `i`, in Chromium), and on plain text lowercasing keeps every character in its place (one for one) and
 * matches what `i` would. Else the text itself with Unicode sets and `i`. What a match captures comes lowercased on
 * plain text: for units and numbers, not for text to keep.
 */
export function letterAwareIgnoringCase(pattern: LetterPattern, flags: string): (text: string) => [RegExp, string] {
  let spelt: RegExp | undefined;
  let unicode: RegExp | undefined;
  return (text) =>
    isPlainText(text)
      ? [(spelt ??= new RegExp(pattern(`a-z${VIETNAMESE_LETTERS}`, '0-9'), flags)), text.toLowerCase()]
      : [(unicode ??= new RegExp(pattern('\\p{L}', '\\p{N}'), flags + 'i')), text];
}
