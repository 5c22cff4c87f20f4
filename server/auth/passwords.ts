import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt (a memory-hard KDF) with a per-password salt, at OWASP's recommended cost (N=2^17, r=8, p=1: 128 MiB and
// a few hundred ms per try). The parameters are stored with the hash, so older, cheaper hashes still verify and
// are re-hashed at the next successful sign-in (needsRehash).
const N = 131072, r = 8, p = 1, keyLength = 32;

function derive(password: string, salt: Buffer, n: number, rr: number, pp: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, { N: n, r: rr, p: pp, maxmem: 2 * 128 * n * rr + 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, r, p);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(rr), Number(pp));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash made with cheaper parameters than today's: replace it while the password is at hand. */
export const needsRehash = (stored: string) => !stored.startsWith(`scrypt$${N}$${r}$${p}$`);

let dummy: Promise<string> | undefined;
/**
 * A hash of no one's password at today's cost. Checking an unknown username against it takes as long as checking a
 * real one, so the answer's timing does not tell which usernames exist.
 */
export const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('base64url')));

/** Minimum rules for a password the province sets for a focal point or officer. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'Mật khẩu cần ít nhất 10 ký tự.';
  return null;
}
