/**
 * What an officer unlocks the kiosk with: a PIN of 6 to 12 digits, or a passphrase of several words. Both only
 * derive the key that seals the officer's keys (pin-crypto.ts); neither is stored.
 *
 * Why offer both: the wait after wrong tries is kept on the tablet and only stops someone typing on the screen.
 * Whoever copies the tablet's storage tries every 6-digit PIN on their own computer in minutes; four words from
 * the thousands a Vietnamese speaker uses leave more than 10^14 tries, years at the same speed (SECURITY.md).
 */
export type SecretKind = 'pin' | 'passphrase';

export const passphraseMinWords = 4;
export const passphraseMinChars = 16;

/**
 * The passphrase as it is derived: Unicode NFC (keyboards type "ệ" as one or as several code points), lower case
 * (tablet keyboards capitalise the first word by themselves), single spaces. A PIN is used as typed.
 */
export function normaliseSecret(kind: SecretKind, secret: string): string {
  if (kind === 'pin') return secret.trim();
  return secret.normalize('NFC').toLocaleLowerCase('vi').trim().split(/\s+/u).join(' ');
}

/** Why this PIN or passphrase cannot be chosen, in Vietnamese; null when it can. */
export function secretProblem(kind: SecretKind, secret: string): string | null {
  const s = normaliseSecret(kind, secret);
  if (kind === 'pin') return /^\d{6,12}$/.test(s) ? null : 'Mã PIN gồm 6 đến 12 chữ số.';
  const words = s ? s.split(' ') : [];
  if (words.length < passphraseMinWords || [...s].length < passphraseMinChars) return `Cụm mật khẩu cần ít nhất ${passphraseMinWords} từ và ${passphraseMinChars} ký tự.`;
  if (new Set(words).size < passphraseMinWords) return `Cụm mật khẩu cần ít nhất ${passphraseMinWords} từ khác nhau.`;
  return null;
}

export const secretLabels: Record<SecretKind, { name: string; wrong: string }> = {
  pin: { name: 'Mã PIN', wrong: 'Sai mã PIN.' },
  passphrase: { name: 'Cụm mật khẩu', wrong: 'Sai cụm mật khẩu.' },
};

/** Said where a PIN or passphrase is chosen: what each protects against, honestly. */
export const secretAdvice: Record<SecretKind, string> = {
  pin:
    'Mã PIN chỉ ngăn người cầm máy đoán thử trên màn hình. Ai sao chép được dữ liệu của máy có thể dò ra mã PIN 6 số trong vài phút bằng máy tính mạnh, và đọc được thông tin các hộ.',
  passphrase:
    'Cụm mật khẩu gồm ít nhất 4 từ không liên quan (không dùng câu tục ngữ, lời bài hát, tên người thân). Dữ liệu sao chép khỏi máy không dò ra được trong thực tế. Viết hoa hay không đều được.',
};
