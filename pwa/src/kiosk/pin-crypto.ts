/**
 * Everything the tablet keeps about households is sealed (AES-GCM) with the unlocked officer's data key; their
 * phone and ID numbers are looked up through a keyed hash (HMAC) with their index key. Both keys are random, made
 * once per officer, and stored only sealed with a key derived from the officer's PIN or passphrase (PBKDF2), so
 * changing the PIN re-seals 64 bytes, not the tablet. The keys live in memory while the kiosk is unlocked.
 */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** The unlocked officer's keys; never stored as such. */
export interface OfficerKeys {
  /** Seals households, photos and the roster copy. */
  data: CryptoKey;
  /** Turns a phone or ID number's SHA-256 into the value the tablet indexes (a plain hash can be reversed). */
  index: CryptoKey;
}

/**
 * PBKDF2-SHA-256 iterations for a new PIN or passphrase. A copied tablet store can be searched offline whatever
 * wait the app enforces, so this cost is what bounds the search (SECURITY.md, "What a stolen tablet still
 * reveals"). One derivation took 0,45–0,67 s in Chromium on the 2-core build machine (`npm run bench -- kiosk`,
 * kiosk.pbkdf2-unlock); no tablet was at hand to measure, so check it on the province's tablets.
 */
export const pinIterations = 1_000_000;
/** What officers added before issue 11 were derived with; their profiles carry no count. */
export const legacyPinIterations = 310_000;

export function newSalt(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(16));
}

/** The key that seals an officer's keys (or, before issue 11, their phone and ID numbers themselves). */
export async function keyFromPin(secret: string, salt: Uint8Array<ArrayBuffer>, iterations = pinIterations): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function sealBytes(key: CryptoKey, bytes: BufferSource): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, bytes) };
}

/** Throws when the key is wrong or the bytes were changed (AES-GCM authenticates). */
export const unsealBytes = (key: CryptoKey, sealed: Sealed): Promise<ArrayBuffer> => crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data);

export const seal = (key: CryptoKey, value: unknown): Promise<Sealed> => sealBytes(key, new TextEncoder().encode(JSON.stringify(value)));

/** Throws when the key is wrong (AES-GCM authenticates). */
export async function unseal<T>(key: CryptoKey, sealed: Sealed): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await unsealBytes(key, sealed))) as T;
}

/** A new officer's keys: 32 random bytes for each, sealed with the key from their PIN or passphrase. */
export async function newOfficerKeys(wrapping: CryptoKey): Promise<{ keys: OfficerKeys; sealed: Sealed }> {
  const raw = crypto.getRandomValues(new Uint8Array(64));
  const sealed = await sealBytes(wrapping, raw);
  const keys = await importOfficerKeys(raw);
  raw.fill(0);
  return { keys, sealed };
}

/** Throws when the wrapping key is wrong: the PIN or passphrase did not match. */
export async function openOfficerKeys(wrapping: CryptoKey, sealed: Sealed): Promise<OfficerKeys> {
  const raw = new Uint8Array(await unsealBytes(wrapping, sealed));
  try {
    return await importOfficerKeys(raw);
  } finally {
    raw.fill(0);
  }
}

/** The same keys sealed with another PIN or passphrase's key. */
export async function resealOfficerKeys(from: CryptoKey, sealed: Sealed, to: CryptoKey): Promise<Sealed> {
  const raw = new Uint8Array(await unsealBytes(from, sealed));
  try {
    return await sealBytes(to, raw);
  } finally {
    raw.fill(0);
  }
}

async function importOfficerKeys(raw: Uint8Array<ArrayBuffer>): Promise<OfficerKeys> {
  const [data, index] = await Promise.all([
    crypto.subtle.importKey('raw', raw.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']),
    crypto.subtle.importKey('raw', raw.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  return { data, index };
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 hex, as the collector hashes identity keys in the roster. */
export const sha256Hex = async (text: string): Promise<string> => hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));

/**
 * What the tablet indexes for an identity key's SHA-256 (from the collector's roster, or of "phone:…" typed
 * here): an HMAC with the officer's index key. A phone number's plain SHA-256 is reversed by trying every number
 * in seconds; this one cannot be computed without the unlocked key.
 */
export const blindIndex = async (keys: OfficerKeys, sha256: string): Promise<string> => hex(await crypto.subtle.sign('HMAC', keys.index, new TextEncoder().encode(sha256)));
