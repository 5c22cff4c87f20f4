/**
 * A household's record code (mã hồ sơ): what the officer reads to the farmer and to the post-office staff, on the
 * summary slip, in the send queue, in the hand-over sheet and back in its import. Eight characters grouped 4-4
 * ("KX7A-3QTC"), from letters and digits that are not mistaken for each other aloud or on a tablet.
 *
 * Unique across tablets without asking the collector: the first 3 characters are the tablet's prefix, given when it
 * is enrolled; the next 4 are the tablet's own running number (shuffled, so neighbours' codes do not differ by one
 * letter); the last is a check character, so a misread or mistyped character is caught rather than finding another
 * household. The collector gives codes from prefixes of its own to what older tablets send without one.
 */

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: the same letters as the tablet's activation code. */
export const readableAlphabet = 'ACDEFGHJKMNPQRTUVWXY34679';

const base = readableAlphabet.length;
export const prefixLength = 3;
const serialLength = 4;
/** Codes one prefix gives: 25⁴ = 390.625. */
export const serialsPerPrefix = base ** serialLength;
/** Any number coprime with 25⁴ spreads consecutive serials over the whole range, one to one. */
const spread = 7919;

const chars = `[${readableAlphabet}]`;
/** A record code as shown: "KX7A-3QTC". */
export const recordCodePattern = new RegExp(`^${chars}{4}-${chars}{4}$`);

const valueOf = (c: string) => readableAlphabet.indexOf(c);

/** Σ (position + 1) × value mod 25: every weight is coprime with 25, and neighbours' weights differ by 1, so one wrong
 * character or two swapped neighbours always change it. */
function checkChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * valueOf(body[i]);
  return readableAlphabet[sum % base];
}

export const isCodePrefix = (p: string) => p.length === prefixLength && [...p].every((c) => valueOf(c) >= 0);

/** The `serial`-th code (0-based) of a prefix. */
export function recordCode(prefix: string, serial: number): string {
  if (!isCodePrefix(prefix)) throw new RangeError(`Not a record-code prefix: ${prefix}`);
  if (!Number.isInteger(serial) || serial < 0 || serial >= serialsPerPrefix) throw new RangeError(`Serial out of range: ${serial}`);
  let n = (serial * spread) % serialsPerPrefix;
  let tail = '';
  for (let i = 0; i < serialLength; i++) {
    tail = readableAlphabet[n % base] + tail;
    n = Math.floor(n / base);
  }
  const body = prefix + tail;
  const code = body + checkChar(body);
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * A code as a person typed or a sheet holds it ("kx7a 3qtc", "KX7A3QTC", "'KX7A-3QTC"), in its shown form; null
 * when it is not a record code or its check character does not match (one character misread).
 */
export function readRecordCode(text: string): string | null {
  const raw = text.toUpperCase().replace(/[\s\-'’.]/g, '');
  if (raw.length !== 8 || ![...raw].every((c) => valueOf(c) >= 0)) return null;
  if (checkChar(raw.slice(0, 7)) !== raw[7]) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

export const prefixOfCode = (code: string) => code.replace('-', '').slice(0, prefixLength);

/** A prefix from a source of random integers in [0, n). */
export const randomCodePrefix = (randomInt: (n: number) => number) => Array.from({ length: prefixLength }, () => readableAlphabet[randomInt(base)]).join('');
