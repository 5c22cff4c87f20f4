/**
 * Enrolment codes an agency gives its staff: 8 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L), shown as "ABCD-EFGH". People type them by hand from paper, so input is forgiving:
 * case, spaces and dashes are ignored.
 */
export const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const codeLength = 8;

/** Turns what a person typed into the stored form, or null when it cannot be a code. */
export function normalizeEnrolmentCode(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '');
  if (s.length !== codeLength) return null;
  for (const ch of s) if (!codeAlphabet.includes(ch)) return null;
  return s;
}

/** "ABCDEFGH" → "ABCD-EFGH" for print and screen. */
export const formatEnrolmentCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;
