/**
 * Households' personal data (phone, ID number) is sealed with a key derived from the officer's PIN, so a lost
 * tablet does not give them away. The key is never stored: it lives in memory while the kiosk is unlocked.
 */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/**
 * PBKDF2-SHA-256 iterations for a new officer: OWASP's 2023 figure. A copied tablet store can be searched offline
 * whatever wait the app enforces, so this cost is what bounds a PIN search (SECURITY.md). About 0,5 s on a
 * mid-range tablet, once per unlock.
 */
export const pinIterations = 600_000;
/** What officers added before issue 11 were derived with; their profiles carry no count. */
export const legacyPinIterations = 310_000;

export function newSalt(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(16));
}

export async function keyFromPin(pin: string, salt: Uint8Array<ArrayBuffer>, iterations = pinIterations): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function seal(key: CryptoKey, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(value)));
  return { iv, data };
}

/** Throws when the key is wrong (AES-GCM authenticates). */
export async function unseal<T>(key: CryptoKey, sealed: Sealed): Promise<T> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data);
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** SHA-256 hex, as the collector hashes identity keys in the roster. */
export async function sha256Hex(text: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}
